import APIJSON

extension CollectionSpec {
    /// `/token-exchange-profiles`: checkpoint lists (recorded: `?take=50` answering `{token_exchange_profiles}`),
    /// `action_id` naming an action, `subject_token_type` unique (the spec's 409), PATCH taking only `name` and
    /// `subject_token_type` (the spec). Ids (`tep_` + 22) and errorCodes are inferred; so is the 404 of an action
    /// that does not exist.
    static let tokenExchangeProfiles: CollectionSpec = CollectionSpec(
        path: "token-exchange-profiles", itemParameter: "id", plural: "token_exchange_profiles",
        identifiers: .random(prefix: "tep_", length: 22, alphabet: .alphanumeric),
        listing: .checkpoint,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("Token Exchange Profile not found.", "inexistent_token_exchange_profile"),
        createEndpoint: "POST /token-exchange-profiles", updateEndpoint: "PATCH /token-exchange-profiles/{id}",
        fields: [
            .string("name", required: true, minLength: 3, maxLength: 50, description: "Friendly name of this profile."),
            .string("subject_token_type", required: true, minLength: 8, maxLength: 100),
            .string("action_id", required: true, minLength: 1, maxLength: 36),
            .string("type", required: true, allowed: ["custom_authentication"]),
        ],
        unique: [UniqueConstraint(fields: ["subject_token_type"], conflict: .conflict("subject_token_type already exists for tenant", "token_exchange_profile_conflict"))],
        references: [Reference(field: "action_id", collection: "actions/actions", missing: .notFound("The action does not exist", "inexistent_action"), onDelete: .keep)],
        scope: ScopeRule(resource: "token_exchange_profiles"),
        snapshot: .section("token_exchange_profiles"),
        stampsTimes: true
    )
}
