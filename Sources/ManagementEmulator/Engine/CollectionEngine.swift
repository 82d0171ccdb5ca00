import APIJSON
import Foundation

/// Serves every collection of `CollectionTable`: lists in the shapes the real endpoints answer, creates, reads,
/// updates and deletes, with the real status codes and errors; references followed on delete.
extension EmulatedTenant {
    typealias Row = [String: JSONValue]

    /// Answers a request the collection table routes; nil when none of its routes has this path.
    mutating func handleCollection(_ request: APIRequest) throws(APIErrorResponse) -> APIResult? {
        guard CollectionRoutes.roots.contains(request.segments.first ?? "") else { return nil }
        guard let (route, parameters) = CollectionRoutes.route(request.segments, method: request.method) else {
            // A root shared with hand-written endpoints (`actions/modules` beside `actions/actions`): theirs.
            if Self.handWrittenRoots.contains(request.segments.first ?? "") { return nil }
            throw .unknownRoute
        }
        switch route.kind {
        case .singleton(let spec):
            return try handleSingleton(spec, request, parameters)
        case .singletonList(let listing):
            return try listSingletons(listing, request)
        case .custom(let custom):
            return try custom.handle(&self, request, parameters)
        case .collection(let spec):
            return request.method == "GET" ? try list(spec, request, parameters) : try create(spec, request, parameters)
        case .item(let spec):
            guard let id = parameters[spec.itemParameter] else { throw .unknownRoute }
            switch request.method {
            case "GET": return try read(spec, id: id, request, parameters)
            case "PATCH": return try update(spec, id: id, request, parameters)
            default: return try delete(spec, id: id, parameters)
            }
        }
    }

    // MARK: - Tables

    /// The items of one table (`rules`, `organizations/org_1/enabled_connections`), in creation order.
    func table(_ key: String) -> RecordTable { tables[key] ?? RecordTable() }

    /// The table of a spec's items under the given path parameters.
    static func tableKey(_ spec: CollectionSpec, _ parameters: [String: String]) -> String { spec.storagePath.filled(parameters) }

    /// An item by id, or by one of the spec's alternate keys.
    func find(_ spec: CollectionSpec, _ key: String, _ id: String) -> (id: String, row: Row)? {
        let rows = table(key)
        if let row = rows[id] { return (id, row) }
        for field in spec.alternateKeys {
            if let row = rows.first(where: { $0[field]?.stringValue == id }), let found = Self.itemID(spec, row) { return (found, row) }
        }
        return nil
    }

    /// The id of a stored item: its id field, or its composite key.
    static func itemID(_ spec: CollectionSpec, _ row: Row) -> String? {
        if case .composite(let fields) = spec.identifiers {
            let parts = fields.compactMap { row[$0]?.stringValue }
            return parts.count == fields.count ? parts.joined(separator: "\n") : nil
        }
        return row[spec.idField]?.stringValue
    }

    /// How an item reads through the API.
    func present(_ spec: CollectionSpec, _ row: Row) -> Row { spec.hooks.present?(row, self) ?? row }

    /// How an item answers the write that stored it.
    func presentWritten(_ spec: CollectionSpec, _ row: Row) -> Row {
        let presented = present(spec, row)
        return spec.hooks.presentWrite?(presented) ?? presented
    }

    /// Throws the parent's 404 when a sub-resource's parent item does not exist.
    func requireParent(_ spec: CollectionSpec, _ parameters: [String: String]) throws(APIErrorResponse) {
        guard let (parentPath, parameter) = spec.path.parentCollection,
              let parent = CollectionTable.spec(at: parentPath), let parentID = parameters[parameter] else { return }
        if find(parent, Self.tableKey(parent, parameters), parentID) == nil { throw spec.parentNotFound ?? parent.notFound }
    }

    /// Whether the item a reference names exists.
    func exists(_ reference: Reference, _ value: String) -> Bool {
        table(reference.collection).first { $0[reference.key]?.stringValue == value } != nil
    }

    // MARK: - Endpoints

    private func list(_ spec: CollectionSpec, _ request: APIRequest, _ parameters: [String: String]) throws(APIErrorResponse) -> APIResult {
        try requireParent(spec, parameters)
        var rows = table(Self.tableKey(spec, parameters)).all
        if let order = spec.hooks.order { rows = order(rows) }
        // Filters see items as the API presents them (an organization's client grant has the grant's audience).
        var items = rows.map { row in spec.hooks.summarize.map { $0(present(spec, row), self) } ?? present(spec, row) }
        for filter in spec.filters {
            guard let wanted = request.query[filter] else { continue }
            items = items.filter { $0[filter].map(Self.queryForm) == wanted }
        }
        if let filter = spec.hooks.filter { items = filter(items, request.query) }
        let pagination = ListPagination(query: request.query)
        let page = try pagination.page(items.map(JSONValue.object), plural: spec.plural, shape: spec.listing, maxTake: spec.maxTake)
        return .ok(spec.projectsFields ? pagination.project(page) : page)
    }

    /// A field as a query string would name it: `true`, `42`, `text`.
    private static func queryForm(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number == number.rounded() ? String(Int(number)) : String(number)
        default: String(decoding: value.encoded(), as: UTF8.self)
        }
    }

    private mutating func create(_ spec: CollectionSpec, _ request: APIRequest, _ parameters: [String: String]) throws(APIErrorResponse) -> APIResult {
        let body = try request.object()
        if let endpoint = spec.createEndpoint { try RequestFields.check(body, endpoint: endpoint) }
        try FieldRule.check(body, spec.fields, creating: true)
        try requireParent(spec, parameters)
        try checkReferences(spec, body)
        try spec.hooks.validate?(body, nil, self, parameters)
        let key = Self.tableKey(spec, parameters)
        try checkUnique(spec, key, body, excluding: nil)
        var row = body
        for (field, value) in spec.defaults where row[field] == nil { row[field] = value }
        switch spec.identifiers {
        case .fromBody, .composite: break
        default: row[spec.idField] = .string(spec.identifiers.generate())
        }
        if spec.stampsTimes { row["created_at"] = .string(Self.now()); row["updated_at"] = row["created_at"] }
        spec.hooks.prepare?(&row, self, parameters)
        guard let id = Self.itemID(spec, row) else { throw .invalidBody("Payload validation error: 'Missing required property: \(spec.idField)'.") }
        tables[key, default: RecordTable()][id] = row
        spec.hooks.afterCreate?(&self, row, body, parameters)
        // As stored once what follows the create is done (a module published on create reads as version 1).
        return APIResult(status: spec.createStatus ?? 201, body: .object(presentWritten(spec, tables[key]?[id] ?? row)))
    }

    private func read(_ spec: CollectionSpec, id: String, _ request: APIRequest, _ parameters: [String: String]) throws(APIErrorResponse) -> APIResult {
        try requireParent(spec, parameters)
        guard let (_, row) = find(spec, Self.tableKey(spec, parameters), id) else { throw spec.notFound }
        let item = JSONValue.object(present(spec, row))
        return .ok(spec.projectsFields ? ListPagination(query: request.query).project(item) : item)
    }

    private mutating func update(_ spec: CollectionSpec, id: String, _ request: APIRequest, _ parameters: [String: String]) throws(APIErrorResponse) -> APIResult {
        let body = try request.object()
        if let endpoint = spec.updateEndpoint { try RequestFields.check(body, endpoint: endpoint) }
        try FieldRule.check(body, spec.fields, creating: false)
        try requireParent(spec, parameters)
        let key = Self.tableKey(spec, parameters)
        guard case (let found, var row)? = find(spec, key, id) else { throw spec.notFound }
        try checkReferences(spec, body)
        try spec.hooks.validate?(body, row, self, parameters)
        let previous = row
        for (field, value) in body { row[field] = value == .null ? nil : value }
        if spec.stampsTimes { row["updated_at"] = .string(Self.now()) }
        spec.hooks.update?(&row, previous, body)
        try checkUnique(spec, key, row, excluding: found, changed: Set(body.keys))
        tables[key, default: RecordTable()][found] = row
        return .ok(.object(presentWritten(spec, row)))
    }

    private mutating func delete(_ spec: CollectionSpec, id: String, _ parameters: [String: String]) throws(APIErrorResponse) -> APIResult {
        try requireParent(spec, parameters)
        let key = Self.tableKey(spec, parameters)
        if let (found, row) = find(spec, key, id) {
            try spec.hooks.validateDelete?(row, self)
            removeItem(spec, table: key, id: found)
        } else if spec.deletingMissing == .notFound {
            throw spec.notFound
        }
        return spec.deletion == .emptyObject ? .ok(.object([:])) : .noContent
    }

    // MARK: - Rules shared by writes

    /// The time as the API stamps it: `2026-08-10T13:58:56.622Z`.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }

    private func checkReferences(_ spec: CollectionSpec, _ body: Row) throws(APIErrorResponse) {
        for reference in spec.references {
            guard let value = body[reference.field]?.stringValue else { continue }
            if !exists(reference, value) { throw reference.missing }
        }
    }

    /// Throws the 409 of the first unique constraint `row` breaks; on update, only constraints on changed fields.
    private func checkUnique(_ spec: CollectionSpec, _ key: String, _ row: Row, excluding id: String?, changed: Set<String>? = nil) throws(APIErrorResponse) {
        for constraint in spec.unique {
            if let changed, changed.isDisjoint(with: constraint.fields) { continue }
            let values = constraint.fields.map { row[$0] }
            guard values.allSatisfy({ $0 != nil && $0 != .null }) else { continue }
            let clash = table(key).first { other in
                Self.itemID(spec, other) != id && constraint.fields.map({ other[$0] }) == values
            }
            if clash != nil { throw constraint.conflict }
        }
    }

    // MARK: - Deletion and what follows it

    /// Removes an item, its sub-resources, and what refers to it (as Auth0 removes a deleted connection from
    /// every organization).
    mutating func removeItem(_ spec: CollectionSpec, table key: String, id: String) {
        guard let row = tables[key]?[id] else { return }
        tables[key]?[id] = nil
        let prefix = "\(key)/\(id)/"
        for child in tables.keys where child.hasPrefix(prefix) { tables[child] = nil }
        if spec.storagePath.parentCollection == nil { removeReferences(to: key, row) }
    }

    /// Removes every item whose reference names `row` of the top-level collection `collection`.
    mutating func removeReferences(to collection: String, _ row: Row) {
        // An alias reads and writes another spec's table: the owner of the table follows its references.
        for referrer in CollectionTable.all where referrer.storage == nil {
            for reference in referrer.references where reference.collection == collection && reference.onDelete == .deleteReferrer {
                guard let value = row[reference.key]?.stringValue else { continue }
                for key in tables.keys where referrer.storagePath.match(key.split(separator: "/").map(String.init)) != nil {
                    for item in table(key).all where item[reference.field]?.stringValue == value {
                        if let id = Self.itemID(referrer, item) { removeItem(referrer, table: key, id: id) }
                    }
                }
            }
        }
    }
}
