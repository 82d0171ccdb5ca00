import APIJSON

extension CollectionSpec {
    /// `/user-attribute-profiles`: checkpoint lists (recorded: `?take=10` answering `{user_attribute_profiles}`),
    /// ids `uap_` + 22 (recorded), names unique (the spec's 409 "User attribute profile conflict."). `user_id`
    /// reads with every mapping: the ones a write leaves out keep their value, and a new profile gets the defaults
    /// every recorded profile reads with (its files set only `oidc_mapping`). errorCodes are inferred.
    static let userAttributeProfiles: CollectionSpec = CollectionSpec(
        path: "user-attribute-profiles", itemParameter: "id", plural: "user_attribute_profiles",
        identifiers: .random(prefix: "uap_", length: 22, alphabet: .alphanumeric),
        listing: .checkpoint,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("User attribute profile not found.", "inexistent_user_attribute_profile"),
        createEndpoint: "POST /user-attribute-profiles", updateEndpoint: "PATCH /user-attribute-profiles/{id}",
        fields: [
            .string("name", required: true, minLength: 1, maxLength: 128, description: "The name of the user attribute profile."),
            .of("object", "user_id"),
            .of("object", "user_attributes", required: true),
        ],
        unique: [UniqueConstraint(fields: ["name"], conflict: .conflict("User attribute profile conflict.", "user_attribute_profile_conflict"))],
        scope: ScopeRule(resource: "user_attribute_profiles"),
        snapshot: .section("user_attribute_profiles"),
        hooks: CollectionHooks(
            prepare: { row, _, _ in
                row["user_id"] = .object(defaultUserIDMappings.merging(row["user_id"]?.objectValue ?? [:]) { $1 })
            },
            update: { row, previous, body in
                guard let patch = body["user_id"]?.objectValue else { return }
                row["user_id"] = .object(EmulatedTenant.merge(previous["user_id"]?.objectValue ?? [:], patch))
            }
        )
    )

    /// The `user_id` mappings every profile of the recordings reads with.
    static let defaultUserIDMappings: [String: JSONValue] = [
        "oidc_mapping": .string("sub"),
        "saml_mapping": .array([
            .string("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier"),
            .string("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"),
            .string("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"),
        ]),
        "scim_mapping": .string("externalId"),
    ]
}
