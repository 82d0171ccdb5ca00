import APIJSON

extension SingletonSpec {
    /// `/tenants/settings`: always there; `PATCH` merges nested objects and `null` clears a field (as the
    /// terraform-provider-auth0 recordings show). The tenant's pages (`change_password`, `guardian_mfa_page`,
    /// `error_page`) are fields of it.
    static let tenantSettings: SingletonSpec = SingletonSpec(
        path: "tenants/settings", writes: ["PATCH": .deepMerge],
        initial: initial("tenants/settings", .object(["friendly_name": .string("Emulated tenant"), "enabled_locales": .array([.string("en")]),
                                                       "sandbox_version": .string("22")])),
        seedDefault: .object([:]),
        scope: ScopeRule(resource: "tenant_settings"),
        snapshot: .section("tenant_settings")
    )
}
