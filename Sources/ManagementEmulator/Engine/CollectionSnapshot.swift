import APIJSON

/// The collection table's part of the snapshot format (docs/snapshot-format.md): a top-level section per
/// collection, sub-resources embedded in their parent item.
extension EmulatedTenant {
    /// Loads every section of the table that `object` has, keeping the ids it finds and generating the missing ones.
    mutating func loadCollections(_ object: [String: JSONValue], source: String) throws {
        for spec in CollectionTable.all {
            guard case .section(let name) = spec.snapshot, let value = object[name] else { continue }
            guard let items = value.arrayValue else { throw SeedError(description: "\(source): `\(name)` is not a list") }
            for (index, item) in items.enumerated() {
                try loadItem(spec, item, parameters: [:], location: "\(name)[\(index)]", source: source)
            }
        }
    }

    private mutating func loadItem(_ spec: CollectionSpec, _ item: JSONValue, parameters: [String: String], location: String, source: String) throws {
        guard case .object(var row) = item else { throw SeedError(description: "\(source): \(location) is not an object") }
        var embedded: [(spec: CollectionSpec, key: String, items: [JSONValue])] = []
        for child in CollectionTable.embedded(in: spec) {
            guard case .embedded(let key, _) = child.snapshot, let value = row.removeValue(forKey: key) else { continue }
            guard let items = value.arrayValue else { throw SeedError(description: "\(source): \(location).\(key) is not a list") }
            embedded.append((child, key, items))
        }
        for field in spec.computedFields { row[field] = nil }
        if let load = spec.hooks.load { row = load(row) }
        switch spec.identifiers {
        case .fromBody, .composite: break
        default: if row[spec.idField]?.stringValue == nil { row[spec.idField] = .string(spec.identifiers.generate()) }
        }
        guard let id = Self.itemID(spec, row) else {
            throw SeedError(description: "\(source): \(location) has no \(Self.identityDescription(spec))")
        }
        tables[Self.tableKey(spec, parameters), default: RecordTable()][id] = row
        for (child, key, items) in embedded {
            guard let parameter = child.path.parentCollection?.parameter else { continue }
            var childParameters = parameters
            childParameters[parameter] = id
            for (index, item) in items.enumerated() {
                try loadItem(child, item, parameters: childParameters, location: "\(location).\(key)[\(index)]", source: source)
            }
        }
    }

    private static func identityDescription(_ spec: CollectionSpec) -> String {
        if case .composite(let fields) = spec.identifiers { return fields.map { "`\($0)`" }.joined(separator: " and ") }
        return "`\(spec.idField)`"
    }

    /// The table's sections. With `includeSecrets` (the state file) items are written as stored, every embedded
    /// list included, so a restart loses nothing; without (the admin channel) they are written as the API reads
    /// them, redacted, with computed fields and without user data.
    func collectionSections(includeSecrets: Bool) -> [String: JSONValue] {
        var sections: [String: JSONValue] = [:]
        for spec in CollectionTable.all {
            guard case .section(let name) = spec.snapshot else { continue }
            sections[name] = .array(table(Self.tableKey(spec, [:])).all.map { snapshotItem(spec, $0, parameters: [:], includeSecrets: includeSecrets) })
        }
        return sections
    }

    private func snapshotItem(_ spec: CollectionSpec, _ row: Row, parameters: [String: String], includeSecrets: Bool) -> JSONValue {
        var item = includeSecrets ? row : (spec.hooks.redactForSnapshot ?? { $0 })(present(spec, row))
        guard let id = Self.itemID(spec, row) else { return .object(item) }
        for child in CollectionTable.embedded(in: spec) {
            guard case .embedded(let key, let inAdminSnapshot) = child.snapshot, includeSecrets || inAdminSnapshot,
                  let parameter = child.path.parentCollection?.parameter else { continue }
            var childParameters = parameters
            childParameters[parameter] = id
            let rows = table(Self.tableKey(child, childParameters)).all
            item[key] = .array(rows.map { snapshotItem(child, $0, parameters: childParameters, includeSecrets: includeSecrets) })
        }
        if !includeSecrets, let extras = spec.hooks.snapshotExtras {
            for (field, value) in extras(row, self) { item[field] = value }
        }
        return .object(item)
    }
}
