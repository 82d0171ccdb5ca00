import TenantConfig

/// A step before ordering: its call, what it depends on (by key), and its rank for stable ordering.
struct PendingStep {
    var key: String
    var action: ChangeAction
    var resource: ResourceAddress
    var method: String
    var path: String
    var body: JSONValue?
    var produces: ProducedID?
    var changes: [FieldChange]
    var notes: [String]
    var dependsOn: Set<String>
    /// Lower ranks go first among steps whose dependencies allow either order.
    var rank: Int

    /// Keys identifying steps for dependencies: `create:clients/Acme Web`, `deploy:actions/x`, …
    static func key(_ verb: String, _ address: ResourceAddress) -> String { "\(verb):\(address)" }
}

/// The phase order among independent steps: what others point at comes first; tenant settings come last.
enum StepRank {
    static func forward(_ kind: ResourceKind) -> Int {
        switch kind {
        case .resourceServers: 0
        case .clients: 1
        case .databases, .connections: 2
        case .clientGrants: 4
        case .rules, .rulesConfigs: 5
        case .actions: 6
        case .triggers: 8
        case .emailProvider, .logStreams: 9
        case .tenant: 30
        }
    }

    static let enablement = 3
    static let deploy = 7
    /// Deletes run after creates and updates, in reverse dependency order.
    static func delete(_ kind: ResourceKind) -> Int { 20 - forward(kind) % 20 }
}
