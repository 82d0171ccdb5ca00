/// Reading and writing nested members of API objects by key path (`["options", "customScripts"]`).
extension JSONValue {
    /// The member at `path`, nil when any step is missing or not an object.
    public func value(at path: some Collection<String>) -> JSONValue? {
        path.reduce(Optional(self)) { $0?[$1] }
    }

    /// The value with the member at `path` set (objects created along the way; nil removes it).
    public func setting(_ member: JSONValue?, at path: some Collection<String>) -> JSONValue {
        guard let first = path.first else { return member ?? .null }
        var object = objectValue ?? [:]
        let rest = path.dropFirst()
        object[first] = rest.isEmpty ? member : (object[first] ?? .object([:])).setting(member, at: rest)
        return .object(object)
    }
}
