import APIJSON

extension CollectionSpec {
    /// `/connection-profiles`: checkpoint lists of at most 10 (the spec; recorded: `?take=10` answering
    /// `{connection_profiles}`), names unique (the spec's 409 "Connection profile conflict."). Ids (`cop_` + 22)
    /// and errorCodes are inferred.
    static let connectionProfiles: CollectionSpec = CollectionSpec(
        path: "connection-profiles", itemParameter: "id", plural: "connection_profiles",
        identifiers: .random(prefix: "cop_", length: 22, alphabet: .alphanumeric),
        listing: .checkpoint, maxTake: 10,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("Connection profile not found.", "inexistent_connection_profile"),
        createEndpoint: "POST /connection-profiles", updateEndpoint: "PATCH /connection-profiles/{id}",
        fields: [
            .string("name", required: true, minLength: 1, maxLength: 50, description: "The name of the connection profile."),
            .string("connection_name_prefix_template", minLength: 0, maxLength: 15),
            .of("array", "enabled_features"),
        ],
        unique: [UniqueConstraint(fields: ["name"], conflict: .conflict("Connection profile conflict.", "connection_profile_conflict"))],
        scope: ScopeRule(resource: "connection_profiles"),
        snapshot: .section("connection_profiles")
    )
}
