import APIJSON

/// API objects of one kind by id, in creation order (lists page through them in that order).
struct RecordTable: Sendable {
    private(set) var rows: [String: [String: JSONValue]] = [:]
    private(set) var order: [String] = []

    subscript(id: String) -> [String: JSONValue]? {
        get { rows[id] }
        set {
            if let newValue {
                if rows[id] == nil { order.append(id) }
                rows[id] = newValue
            } else if rows.removeValue(forKey: id) != nil {
                order.removeAll { $0 == id }
            }
        }
    }

    var all: [[String: JSONValue]] { order.compactMap { rows[$0] } }
    var count: Int { order.count }

    func first(where predicate: ([String: JSONValue]) -> Bool) -> [String: JSONValue]? {
        for id in order { if let row = rows[id], predicate(row) { return row } }
        return nil
    }
}
