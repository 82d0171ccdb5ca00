import TenantConfig

/// A live resource from the snapshot: its address, id and the API object.
public struct LiveResource: Sendable {
    public var address: ResourceAddress
    public var id: String
    public var object: [String: JSONValue]
}

/// The snapshot indexed by natural key, the way the planner looks things up; every type as its descriptor says.
public struct LiveState: Sendable {
    public var domain: String
    public var readAt: String
    public private(set) var resources: [ResourceAddress: LiveResource] = [:]
    /// Live ids and natural keys, both ways, for references.
    public let names: LiveNames
    /// Which sections the snapshot holds (a missing one means "not read").
    public var sections: Set<SnapshotSection>
    /// The id of the tenant's global client ("All Applications"), which holds the classic login page.
    public var globalClientID: String?

    public init(snapshot: TenantSnapshot) {
        domain = snapshot.domain
        readAt = snapshot.exportedAt
        sections = Set(snapshot.sections.keys)
        names = LiveNames(snapshot)
        globalClientID = snapshot.objects(.clients).first { $0["global"]?.boolValue == true }?["client_id"]?.stringValue
        for kind in ResourceKind.allCases {
            let type = kind.type
            let section = type.api.snapshotSection
            switch type.section {
            case .list:
                let objects: [[String: JSONValue]] = if case .pages = type.api.listing { ResourceType.livePages(in: snapshot.sections) } else { snapshot.objects(section) }
                for object in objects where type.api.isManaged(object) {
                    guard let key = names.naturalKey(of: object, type),
                          let id = type.api.idField.isEmpty ? key : object[type.api.idField]?.stringValue else { continue }
                    add(kind, key, id, object)
                }
            case .singleton:
                let value: JSONValue? = if case .parts = type.api.listing { type.assembled(from: snapshot.sections) } else { snapshot.sections[section] }
                guard let object = value?.objectValue else { continue }
                // An email provider that is not configured reads as nothing; tenant settings always exist.
                if object.isEmpty, type.lifecycle.create != nil { continue }
                add(kind, kind.rawValue, type.api.path, object)
            case .map:
                guard case .perName(_, _, let itemsKey) = type.api.listing else { continue }
                for (name, list) in snapshot.sections[section]?.objectValue ?? [:] {
                    add(kind, name, name, [itemsKey: list])
                }
            }
        }
    }

    private mutating func add(_ kind: ResourceKind, _ key: String, _ id: String, _ object: [String: JSONValue]) {
        let address = ResourceAddress(kind, key)
        resources[address] = LiveResource(address: address, id: id, object: object)
    }

    public subscript(address: ResourceAddress) -> LiveResource? { resources[address] }

    /// The live resources of one kind, sorted by key.
    public func resources(_ kind: ResourceKind) -> [LiveResource] {
        resources.values.filter { $0.address.kind == kind }.sorted { $0.address.key < $1.address.key }
    }

    /// The snapshot section a resource kind is read from.
    public static func section(for kind: ResourceKind) -> SnapshotSection { kind.type.api.snapshotSection }
}
