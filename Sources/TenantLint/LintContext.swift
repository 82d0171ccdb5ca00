import TenantConfig

/// What a rule looks at: the loaded tenant (resources, scripts, settings). Rules read, never write.
public struct LintContext: Sendable {
    public var tenant: TenantDefinition

    public init(tenant: TenantDefinition) {
        self.tenant = tenant
    }
}
