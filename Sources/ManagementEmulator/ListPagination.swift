import APIJSON

/// The three list shapes of the Management API: a plain array; `include_totals=true` with
/// `{total, start, limit, <plural>}`; and checkpoint `from`/`take` with `{<plural>, next}`.
struct ListPagination {
    var query: [String: String]

    func page(_ items: [JSONValue], plural: String, alwaysWrapped: Bool = false, maxTake: Int = 100) throws(APIErrorResponse) -> JSONValue {
        if query["take"] != nil || query["from"] != nil {
            let take = Int(query["take"] ?? "50") ?? 50
            guard take >= 1, take <= maxTake else {
                throw .invalidBody("Query validation error: 'take' must be between 1 and \(maxTake)")
            }
            let start = query["from"].flatMap { Int($0, radix: 36) } ?? 0
            guard start >= 0 else { throw .invalidBody("Query validation error: invalid 'from'") }
            let slice = Array(items.dropFirst(start).prefix(take))
            var object: [String: JSONValue] = [plural: .array(slice)]
            if start + take < items.count { object["next"] = .string(String(start + take, radix: 36)) }
            return .object(object)
        }
        let perPage = Int(query["per_page"] ?? "50") ?? 50
        let page = Int(query["page"] ?? "0") ?? 0
        guard perPage >= 1, perPage <= 100 else {
            throw .invalidBody("Query validation error: 'per_page' must be lower than or equal to 100")
        }
        guard page >= 0 else { throw .invalidBody("Query validation error: 'page' must be larger than or equal to 0") }
        let slice = Array(items.dropFirst(page * perPage).prefix(perPage))
        if query["include_totals"] == "true" {
            return .object(["total": .number(Double(items.count)), "start": .number(Double(page * perPage)), "limit": .number(Double(perPage)), plural: .array(slice)])
        }
        if alwaysWrapped {
            return .object(["total": .number(Double(items.count)), "page": .number(Double(page)), "per_page": .number(Double(perPage)), plural: .array(slice)])
        }
        return .array(slice)
    }

    /// A list in the shape `shape` allows. An endpoint without checkpoint pagination refuses `from`/`take`, one
    /// with checkpoint only refuses `page`/`per_page`/`include_totals` (the message is inferred: the real API
    /// validates query strings, but no recording shows this refusal).
    func page(_ items: [JSONValue], plural: String, shape: ListShape, maxTake: Int = 100) throws(APIErrorResponse) -> JSONValue {
        let checkpoint = query["take"] != nil || query["from"] != nil
        switch shape {
        case .plainArray:
            return .array(items)
        case .offset:
            if checkpoint { throw Self.unexpected(["from", "take"].filter { query[$0] != nil }) }
            return try page(items, plural: plural)
        case .offsetOrCheckpoint:
            return try page(items, plural: plural, maxTake: maxTake)
        case .offsetWrapped:
            if checkpoint { throw Self.unexpected(["from", "take"].filter { query[$0] != nil }) }
            // `include_totals` is not a parameter of these lists: the answer is wrapped whether it is sent or not.
            var plain = query
            plain["include_totals"] = nil
            return try ListPagination(query: plain).page(items, plural: plural, alwaysWrapped: true)
        case .unpaged:
            return .object([plural: .array(items)])
        case .checkpoint:
            let offset = ["page", "per_page", "include_totals"].filter { query[$0] != nil }
            if !offset.isEmpty { throw Self.unexpected(offset) }
            var wrapped = query
            if !checkpoint { wrapped["take"] = "50" }
            return try ListPagination(query: wrapped).page(items, plural: plural, maxTake: maxTake)
        }
    }

    private static func unexpected(_ parameters: [String]) -> APIErrorResponse {
        APIErrorResponse(status: 400, message: "Query validation error: 'Additional properties not allowed: \(parameters.joined(separator: ","))'.",
                         errorCode: "invalid_query_string")
    }

    /// `fields=a,b&include_fields=true|false`: keep (or drop) those fields of each object.
    func project(_ value: JSONValue) -> JSONValue {
        guard let fields = query["fields"]?.split(separator: ",").map(String.init), !fields.isEmpty else { return value }
        let include = query["include_fields"] != "false"
        func apply(_ object: [String: JSONValue]) -> [String: JSONValue] {
            // The real API keeps an object's id whatever the projection asks (seen in the recordings).
            object.filter { $0.key == "id" || include == fields.contains($0.key) }
        }
        switch value {
        case .object(let object) where object.values.contains(where: { $0.arrayValue != nil }) && object.keys.contains(where: { ["total", "next"].contains($0) }):
            return .object(object.mapValues { member in
                member.arrayValue.map { .array($0.map { $0.objectValue.map { .object(apply($0)) } ?? $0 }) } ?? member
            })
        case .object(let object): return .object(apply(object))
        case .array(let items): return .array(items.map { $0.objectValue.map { .object(apply($0)) } ?? $0 })
        default: return value
        }
    }
}
