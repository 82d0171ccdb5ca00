/// The natural key (what the files call a resource) of every live object in a snapshot, by type and id, computed as
/// the descriptors say: key fields, with the fields that hold another resource's id turned into that resource's key
/// (a client grant's key names its client, not the client's id). The exporter and the planner's live state use it.
public struct LiveNames: Sendable {
    private var keysByID: [ResourceKind: [String: String]] = [:]

    public init(_ snapshot: TenantSnapshot) {
        // Types whose key holds no reference first, so that the others can name what they point at.
        let kinds = ResourceKind.allCases.filter { Self.keyReferences($0.type).isEmpty }
            + ResourceKind.allCases.filter { !Self.keyReferences($0.type).isEmpty }
        for kind in kinds {
            let type = kind.type
            guard case .list = type.section else { continue }
            let sharing = ResourceKind.allCases.filter { $0.type.api.snapshotSection == type.api.snapshotSection }
            var keys: [String: String] = [:]
            for object in snapshot.objects(type.api.snapshotSection) {
                // An object no type of its section manages (the global client) is still named, for references to it.
                guard type.api.isManaged(object) || !sharing.contains(where: { $0.type.api.isManaged(object) }) else { continue }
                guard let key = naturalKey(of: object, type), let id = type.api.idField.isEmpty ? key : object[type.api.idField]?.stringValue else { continue }
                keys[id] = key
            }
            keysByID[kind] = keys
        }
    }

    /// The key of the resource with this id, among the types a reference may name.
    public func key(of id: String, among kinds: [ResourceKind]) -> String? {
        for kind in kinds { if let key = keysByID[kind]?[id] { return key } }
        return nil
    }

    /// The id of the resource with this key, among the types a reference may name.
    public func id(of key: String, among kinds: [ResourceKind]) -> (kind: ResourceKind, id: String)? {
        for kind in kinds {
            if let id = keysByID[kind]?.first(where: { $0.value == key })?.key { return (kind, id) }
        }
        return nil
    }

    /// Whether an id belongs to a live resource of one of these types.
    public func contains(id: String, among kinds: [ResourceKind]) -> Bool {
        kinds.contains { keysByID[$0]?[id] != nil }
    }

    /// What the files call a live object of a list type: its key fields, ids turned into names.
    public func naturalKey(of object: [String: JSONValue], _ type: ResourceType) -> String? {
        var values: [String] = []
        for field in type.keyFields {
            guard let value = object[field]?.keyText else { return nil }
            if let reference = type.references.first(where: { $0.inAPI == .id && $0.path.topLevelField == field }) {
                values.append(key(of: value, among: reference.targets) ?? value)
            } else {
                values.append(value)
            }
        }
        return ResourceType.joinKey(values)
    }

    private static func keyReferences(_ type: ResourceType) -> [Reference] {
        type.references.filter { reference in reference.inAPI == .id && type.keyFields.contains { reference.path.topLevelField == $0 } }
    }
}
