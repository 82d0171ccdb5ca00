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
    /// The sub-resource field the step writes (`enabled_clients`), for the executor's lookups.
    var subResource: String?

    /// Keys identifying steps for dependencies: `create:clients/Acme Web`, `deploy:actions/x`, …
    static func key(_ verb: String, _ address: ResourceAddress) -> String { "\(verb):\(address)" }
}

/// The phase order among independent steps, from the descriptors' ranks: what others point at comes first; deletes
/// run after creates and updates, in reverse rank order; tenant settings come last.
enum StepRank {
    static func forward(_ kind: ResourceKind) -> Int { kind.type.rank }

    /// Deploys of actions: after the actions, before the trigger bindings that run them.
    static let deploy = 70
    static func delete(_ kind: ResourceKind) -> Int { 200 - kind.type.rank % 200 }
}
