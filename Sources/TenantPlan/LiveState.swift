import TenantConfig

/// A live resource from the snapshot: its address, id and the API object.
public struct LiveResource: Sendable {
    public var address: ResourceAddress
    public var id: String
    public var object: [String: JSONValue]
}

/// The snapshot indexed by natural key, the way the planner looks things up.
public struct LiveState: Sendable {
    public var domain: String
    public var readAt: String
    public private(set) var resources: [ResourceAddress: LiveResource] = [:]
    public private(set) var clientNamesByID: [String: String] = [:]
    /// Which sections the snapshot holds (a missing one means "not read").
    public var sections: Set<SnapshotSection>

    public init(snapshot: TenantSnapshot) {
        domain = snapshot.domain
        readAt = snapshot.exportedAt
        sections = Set(snapshot.sections.keys)
        for client in snapshot.objects(.clients) {
            guard let name = client["name"]?.stringValue, let id = client["client_id"]?.stringValue else { continue }
            clientNamesByID[id] = name
            add(.clients, name, id, client)
        }
        for connection in snapshot.objects(.connections) {
            guard let name = connection["name"]?.stringValue, let id = connection["id"]?.stringValue else { continue }
            add(connection["strategy"]?.stringValue == "auth0" ? .databases : .connections, name, id, connection)
        }
        for server in snapshot.objects(.resourceServers) where server["is_system"]?.boolValue != true {
            guard let identifier = server["identifier"]?.stringValue else { continue }
            add(.resourceServers, identifier, server["id"]?.stringValue ?? identifier, server)
        }
        for grant in snapshot.objects(.clientGrants) {
            guard let clientID = grant["client_id"]?.stringValue, let audience = grant["audience"]?.stringValue, let id = grant["id"]?.stringValue else { continue }
            add(.clientGrants, "\(clientNamesByID[clientID] ?? clientID) → \(audience)", id, grant)
        }
        for rule in snapshot.objects(.rules) {
            guard let name = rule["name"]?.stringValue, let id = rule["id"]?.stringValue else { continue }
            add(.rules, name, id, rule)
        }
        for action in snapshot.objects(.actions) {
            guard let name = action["name"]?.stringValue, let id = action["id"]?.stringValue else { continue }
            add(.actions, name, id, action)
        }
        for (trigger, bindings) in snapshot.sections[.triggerBindings]?.objectValue ?? [:] {
            add(.triggers, trigger, trigger, ["bindings": bindings])
        }
        if let settings = snapshot.sections[.tenantSettings]?.objectValue {
            add(.tenant, "tenant", "settings", settings)
        }
        if let provider = snapshot.sections[.emailProvider]?.objectValue, !provider.isEmpty {
            add(.emailProvider, "emailProvider", "provider", provider)
        }
        for stream in snapshot.objects(.logStreams) {
            guard let name = stream["name"]?.stringValue, let id = stream["id"]?.stringValue else { continue }
            add(.logStreams, name, id, stream)
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
    public static func section(for kind: ResourceKind) -> SnapshotSection? {
        switch kind {
        case .tenant: .tenantSettings
        case .clients: .clients
        case .databases, .connections: .connections
        case .resourceServers: .resourceServers
        case .clientGrants: .clientGrants
        case .rules: .rules
        case .rulesConfigs: .rulesConfigs
        case .actions: .actions
        case .triggers: .triggerBindings
        case .emailProvider: .emailProvider
        case .logStreams: .logStreams
        }
    }
}
