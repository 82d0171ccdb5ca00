extension SnapshotSection {
    public static let tenantSettings: SnapshotSection = "tenant_settings"
    public static let brandingThemes: SnapshotSection = "branding_themes"
}

extension ResourceType {
    /// Tenant settings: one object, merged field by field, after every change of what it names.
    static let tenant: ResourceType = {
        var type = ResourceType(
            kind: .tenant, noun: "tenant settings", section: .singleton,
            api: APIShape(path: "/tenants/settings", listing: .singleton(absentStatus: nil), snapshotSection: .tenantSettings),
            lifecycle: Lifecycle(create: nil, update: "PATCH", delete: .never("tenant settings always exist")), rank: 300)
        type.references = [
            Reference("default_directory", to: [.databases, .connections], inAPI: .sameValue, label: "connection", followsChanges: true),
            Reference("default_audience", to: [.resourceServers], inAPI: .sameValue, label: "audience", followsChanges: true),
        ]
        type.planning = .mergedSingleton
        // Flags a real tenant answers that the API's published flags do not list (recorded): Auth0 sets them, the
        // Deploy CLI's exports contain them and its deploys leave them out, as tenantctl does.
        type.readOnlyFields = ["flags.universal_login", "flags.new_universal_login_experience_enabled", "flags.enable_legacy_logs_search_v2"]
        type.adjustWrite = sessionLifetimesInMinutes
        // The hosted pages kept in tenant settings are exported once, by `pages` (HTML files beside the YAML), as the
        // Deploy CLI's exports have them; inline here too, their HTML would be read as keywords (`@@…@@`) on load.
        type.adjustExport = { _, exported in
            for field in pageTargets.compactMap(\.tenantSettingsField) { exported[field] = nil }
        }
        type.example = TypeExample(yaml: """
            tenant:
              friendly_name: Round trip
              support_email: support@example.com
              idle_session_lifetime: 48
            """)
        return type
    }()
}

extension ResourceType {
    /// The API answers session lifetimes in hours, fractional ones too (`3.0166666666666666`), but takes whole hours
    /// only: a fraction is sent in minutes (`session_lifetime_in_minutes: 181`), as the Deploy CLI does (recorded).
    static let sessionLifetimesInMinutes = WriteAdjustment("a session lifetime in fractional hours is sent in minutes (`…_in_minutes`)") { body in
        for field in ["session_lifetime", "idle_session_lifetime", "ephemeral_session_lifetime", "idle_ephemeral_session_lifetime"] {
            guard let hours = body[field]?.numberValue, hours != hours.rounded() else { continue }
            body[field] = nil
            body[field + "_in_minutes"] = .number((hours * 60).rounded())
        }
    }
}
