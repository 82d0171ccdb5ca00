import APIJSON

extension CollectionSpec {
    /// `/self-service-profiles`: offset lists (recorded: `{self_service_profiles, start, limit, total}`), ids `ssp_`
    /// + 22 (recorded), `user_attribute_profile_id` naming a user attribute profile. Its custom text
    /// (`/self-service-profiles/{id}/custom-text/…`) is not served here. errorCodes, the 404 of a user attribute
    /// profile that does not exist, and the refusal of both `user_attribute_profile_id` and `user_attributes` (the
    /// Deploy CLI refuses the pair as conflicting) are inferred.
    static let selfServiceProfiles: CollectionSpec = CollectionSpec(
        path: "self-service-profiles", itemParameter: "id", plural: "self_service_profiles",
        identifiers: .random(prefix: "ssp_", length: 22, alphabet: .alphanumeric),
        listing: .offset,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("Self-service profile not found", "inexistent_self_service_profile"),
        createEndpoint: "POST /self-service-profiles", updateEndpoint: "PATCH /self-service-profiles/{id}",
        fields: [
            .string("name", required: true, minLength: 1, maxLength: 100, description: "The name of the self-service Profile."),
            .string("description", minLength: 1, maxLength: 140, description: "The description of the self-service Profile."),
            .of("array", "allowed_strategies", minItems: 1),
            .of("array", "user_attributes"),
        ],
        references: [Reference(field: "user_attribute_profile_id", collection: "user-attribute-profiles",
                               missing: .notFound("User attribute profile not found.", "inexistent_user_attribute_profile"), onDelete: .keep)],
        scope: ScopeRule(resource: "self_service_profiles"),
        snapshot: .section("self_service_profiles"),
        stampsTimes: true,
        hooks: CollectionHooks(validate: { body, existing, _, _ throws(APIErrorResponse) in
            let merged = (existing ?? [:]).merging(body) { $1 }
            if merged["user_attribute_profile_id"]?.stringValue != nil, merged["user_attributes"]?.arrayValue?.isEmpty == false {
                throw .invalidBody("user_attribute_profile_id and user_attributes cannot be used together.")
            }
        })
    )
}
