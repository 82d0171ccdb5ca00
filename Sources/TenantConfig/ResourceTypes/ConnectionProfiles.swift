extension SnapshotSection {
    public static let connectionProfiles: SnapshotSection = "connection_profiles"
}

extension ResourceType {
    /// Connection profiles: `/connection-profiles` (checkpoint lists of at most 10 a page).
    static let connectionProfiles: ResourceType = {
        var type = ResourceType(
            kind: .connectionProfiles, noun: "connection profile", section: .list(key: ["name"]),
            api: APIShape(path: "/connection-profiles", listing: .checkpoint(itemsKey: "connection_profiles", take: 10),
                          snapshotSection: .connectionProfiles, sortKey: ["name"]),
            lifecycle: .standard, rank: 111)
        type.readOnlyFields = ["id"]
        type.example = TypeExample(yaml: """
            connectionProfiles:
              - name: Enterprise SSO
                organization:
                  show_as_button: required
                  assign_membership_on_login: required
                connection_name_prefix_template: org-{org_name}
                enabled_features:
                  - scim
                  - universal_logout
            """)
        return type
    }()
}
