extension SnapshotSection {
    public static let userAttributeProfiles: SnapshotSection = "user_attribute_profiles"
}

extension ResourceType {
    /// User attribute profiles: `/user-attribute-profiles` (checkpoint lists, 10 a page as the Deploy CLI reads
    /// them). Self-service profiles name them, so they come first.
    static let userAttributeProfiles: ResourceType = {
        var type = ResourceType(
            kind: .userAttributeProfiles, noun: "user attribute profile", section: .list(key: ["name"]),
            api: APIShape(path: "/user-attribute-profiles", listing: .checkpoint(itemsKey: "user_attribute_profiles", take: 10),
                          snapshotSection: .userAttributeProfiles, sortKey: ["name"]),
            lifecycle: .standard, rank: 112)
        type.readOnlyFields = ["id"]
        type.example = TypeExample(yaml: """
            userAttributeProfiles:
              - name: Workforce attributes
                user_id:
                  oidc_mapping: sub
                user_attributes:
                  email:
                    description: Email of the user
                    label: Email
                    profile_required: true
                    auth0_mapping: email
            """)
        return type
    }()
}
