import APIJSON

extension SingletonSpec {
    /// `/tenants/settings`: always there; `PATCH` merges nested objects and `null` clears a field (as the
    /// terraform-provider-auth0 recordings show). The tenant's pages (`change_password`, `guardian_mfa_page`,
    /// `error_page`) are fields of it.
    static let tenantSettings: SingletonSpec = SingletonSpec(
        path: "tenants/settings", writes: ["PATCH": .deepMerge],
        stored: lifetimesInHours,
        initial: initial("tenants/settings", .object(["friendly_name": .string("Emulated tenant"), "enabled_locales": .array([.string("en")]),
                                                       "sandbox_version": .string("22")])),
        seedDefault: .object([:]),
        scope: ScopeRule(resource: "tenant_settings"),
        snapshot: .section("tenant_settings")
    )
}

extension SingletonSpec {
    /// A session lifetime sent in minutes (`session_lifetime_in_minutes: 181`) is kept and answered in hours
    /// (`session_lifetime: 3.0166666666666666`, `session_lifetime_in_minutes` absent), as the Deploy CLI's recorded
    /// deploy shows; hours and minutes of the same lifetime together are refused.
    static let lifetimesInHours: @Sendable ([String: JSONValue], [String: JSONValue]) throws(APIErrorResponse) -> [String: JSONValue] = { (body, object) throws(APIErrorResponse) in
        var object = object
        for field in ["session_lifetime", "idle_session_lifetime", "ephemeral_session_lifetime", "idle_ephemeral_session_lifetime"] {
            let inMinutes = field + "_in_minutes"
            guard let minutes = body[inMinutes] else { continue }
            if body[field] != nil {
                throw APIErrorResponse.invalidBody("Payload validation error: '\(inMinutes)' cannot be specified together with '\(field)'.")
            }
            object[inMinutes] = nil
            if let value = minutes.numberValue { object[field] = .number(value / 60) }
        }
        return object
    }
}
