extension SnapshotSection {
    public static let selfServiceProfiles: SnapshotSection = "self_service_profiles"
}

extension ResourceType {
    /// Self-service SSO profiles: `/self-service-profiles` (offset lists). A profile may name a user attribute profile
    /// (by name in the files, as the Deploy CLI writes it; by id in the API's `user_attribute_profile_id`).
    static let selfServiceProfiles: ResourceType = {
        var type = ResourceType(
            kind: .selfServiceProfiles, noun: "self-service profile", section: .list(key: ["name"]),
            api: APIShape(path: "/self-service-profiles", listing: .paged(itemsKey: "self_service_profiles"), snapshotSection: .selfServiceProfiles,
                          sortKey: ["name"]),
            lifecycle: .standard, rank: 113)
        type.readOnlyFields = ["id", "created_at", "updated_at"]
        type.references = [Reference("user_attribute_profile_id", to: [.userAttributeProfiles], inAPI: .id, label: "user attribute profile")]
        // Custom text per language and page, each at its own endpoint (replaced whole), kept in the profile as the files
        // write it. Reading takes the tenant's enabled locales.
        type.parts = [SingletonPart("customText.{language}.{page}", path: "/self-service-profiles/{id}/custom-text/{language}/{page}", method: "PUT",
                                    snapshot: .embedded,
                                    readValues: ["language": .fromSection(.tenantSettings, field: "enabled_locales"), "page": .fixed(["get-started"])])]
        type.example = TypeExample(yaml: """
            userAttributeProfiles:
              - name: Partner attributes
                user_attributes:
                  email:
                    description: Email of the user
                    label: Email
                    profile_required: true
                    auth0_mapping: email
            selfServiceProfiles:
              - name: Partner SSO
                description: Partners set up their own SSO
                allowed_strategies:
                  - okta
                  - oidc
                branding:
                  colors:
                    primary: "#19aecc"
                user_attribute_profile_id: Partner attributes
                customText:
                  en:
                    get-started:
                      introduction: Welcome! A few steps and your SSO is set up.
            """)
        return type
    }()
}
