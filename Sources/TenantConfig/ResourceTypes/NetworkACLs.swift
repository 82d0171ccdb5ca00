extension SnapshotSection {
    public static let networkACLs: SnapshotSection = "network_acls"
}

extension ResourceType {
    /// Network ACLs: `/network-acls` (offset lists). Named by `priority`, as the Deploy CLI matches them (after the
    /// id the files do not hold): the API keeps priorities unique (its 409), while descriptions may repeat.
    static let networkACLs: ResourceType = {
        var type = ResourceType(
            kind: .networkACLs, noun: "network ACL", section: .list(key: ["priority"]),
            api: APIShape(path: "/network-acls", listing: .paged(itemsKey: "network_acls"), snapshotSection: .networkACLs, sortKey: ["priority"]),
            lifecycle: .standard, rank: 110)
        type.readOnlyFields = ["id", "created_at", "updated_at"]
        type.example = TypeExample(yaml: """
            networkACLs:
              - description: Allow partner countries
                active: true
                priority: 2
                rule:
                  action:
                    allow: true
                  scope: authentication
                  match:
                    geo_country_codes: [US, CA]
            """)
        return type
    }()
}
