/// The resource types a tenant YAML describes, named by their Deploy CLI section. What differs between them is in
/// their descriptors (`ResourceTypes/`), reached through `type`.
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
    case organizations
    case roles
    case hooks
    case emailTemplates
    case guardianFactors
    case guardianFactorProviders
    case guardianFactorTemplates
    case guardianPolicies
    case guardianPhoneFactorSelectedProvider
    case guardianPhoneFactorMessageTypes
    case attackProtection
    case riskAssessment
    case supplementalSignals
    case prompts
    case branding
    case themes
    case pages
    case customDomains
    case tokenExchangeProfiles
    case actionModules
    case eventStreams
    case flowVaultConnections
    case flows
    case forms
    case selfServiceProfiles
    case networkACLs
    case connectionProfiles
    case userAttributeProfiles
    case rateLimitPolicies
    case phoneProviders
    case phoneTemplates

    /// The type's descriptor: the one table every module reads.
    public var type: ResourceType {
        switch self {
        case .tenant: .tenant
        case .clients: .clients
        case .databases: .databases
        case .connections: .connections
        case .resourceServers: .resourceServers
        case .clientGrants: .clientGrants
        case .rules: .rules
        case .rulesConfigs: .rulesConfigs
        case .actions: .actions
        case .triggers: .triggers
        case .emailProvider: .emailProvider
        case .logStreams: .logStreams
        case .organizations: .organizations
        case .roles: .roles
        case .hooks: .hooks
        case .emailTemplates: .emailTemplates
        case .guardianFactors: .guardianFactors
        case .guardianFactorProviders: .guardianFactorProviders
        case .guardianFactorTemplates: .guardianFactorTemplates
        case .guardianPolicies: .guardianPolicies
        case .guardianPhoneFactorSelectedProvider: .guardianPhoneFactorSelectedProvider
        case .guardianPhoneFactorMessageTypes: .guardianPhoneFactorMessageTypes
        case .attackProtection: .attackProtection
        case .riskAssessment: .riskAssessment
        case .supplementalSignals: .supplementalSignals
        case .prompts: .prompts
        case .branding: .branding
        case .themes: .themes
        case .pages: .pages
        case .customDomains: .customDomains
        case .tokenExchangeProfiles: .tokenExchangeProfiles
        case .actionModules: .actionModules
        case .eventStreams: .eventStreams
        case .flowVaultConnections: .flowVaultConnections
        case .flows: .flows
        case .forms: .forms
        case .selfServiceProfiles: .selfServiceProfiles
        case .networkACLs: .networkACLs
        case .connectionProfiles: .connectionProfiles
        case .userAttributeProfiles: .userAttributeProfiles
        case .rateLimitPolicies: .rateLimitPolicies
        case .phoneProviders: .phoneProviders
        case .phoneTemplates: .phoneTemplates
        }
    }

    /// The fields that name a resource of a list section: required, unique within the section
    /// (a client grant is named by its client and audience together).
    public var keyFields: [String] { type.keyFields }

    /// The singular noun for messages and plans ("client", "custom database connection").
    public var noun: String { type.noun }
}
