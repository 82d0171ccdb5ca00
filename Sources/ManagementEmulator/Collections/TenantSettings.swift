import APIJSON

extension SingletonSpec {
    /// `/tenants/settings`: always there; `PATCH` merges nested objects and `null` clears a field (as the
    /// terraform-provider-auth0 recordings show).
    static let tenantSettings: SingletonSpec = SingletonSpec(
        path: "tenants/settings", updates: .deepMerge,
        updateEndpoint: "PATCH /tenants/settings",
        initial: ["friendly_name": .string("Emulated tenant"), "enabled_locales": .array([.string("en")]), "sandbox_version": .string("22")],
        scope: ScopeRule(resource: "tenant_settings"),
        snapshot: "tenant_settings"
    )
}
