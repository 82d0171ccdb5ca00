/// The resource types a tenant YAML describes, named by their Deploy CLI section.
public enum ResourceKind: String, CaseIterable, Sendable, Hashable, Codable {
    case tenant
    case clients
    case databases
    case connections
    case resourceServers
    case clientGrants
    case rules
    case rulesConfigs
    case actions
    case triggers
    case emailProvider
    case logStreams

    /// The fields that name a resource of a list section: required, unique within the section
    /// (a client grant is named by its client and audience together).
    public var keyFields: [String] {
        switch self {
        case .resourceServers: ["identifier"]
        case .clientGrants: ["client_id", "audience"]
        case .rulesConfigs: ["key"]
        case .tenant, .emailProvider, .triggers: []
        default: ["name"]
        }
    }

    /// The singular noun for messages and plans ("client", "custom database connection").
    public var noun: String {
        switch self {
        case .tenant: "tenant settings"
        case .clients: "client"
        case .databases: "database connection"
        case .connections: "connection"
        case .resourceServers: "resource server"
        case .clientGrants: "client grant"
        case .rules: "rule"
        case .rulesConfigs: "rules config"
        case .actions: "action"
        case .triggers: "trigger bindings"
        case .emailProvider: "email provider"
        case .logStreams: "log stream"
        }
    }
}
