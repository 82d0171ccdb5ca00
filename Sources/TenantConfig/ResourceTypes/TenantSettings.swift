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
        type.example = TypeExample(yaml: """
            tenant:
              friendly_name: Round trip
              support_email: support@example.com
              idle_session_lifetime: 48
            """)
        return type
    }()
}
