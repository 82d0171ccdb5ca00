import APIJSON

extension CollectionSpec {
    /// `/rate-limit-policies`: checkpoint lists, filtered by `resource`, `consumer` and `consumer_selector` (the
    /// spec), unique on the three (the spec's 409); the PATCH takes only `configuration` (the spec). The recordings
    /// only show a token without `read:rate_limit_policies` answered 403. Ids (`rlp_` + 22) and errorCodes are
    /// inferred.
    static let rateLimitPolicies: CollectionSpec = CollectionSpec(
        path: "rate-limit-policies", itemParameter: "id", plural: "rate_limit_policies",
        identifiers: .random(prefix: "rlp_", length: 22, alphabet: .alphanumeric),
        listing: .checkpoint, filters: ["resource", "consumer", "consumer_selector"],
        createStatus: 201, updates: true, deletion: .noContent, deletingMissing: .notFound,
        notFound: .notFound("The rate limit policy does not exist.", "inexistent_rate_limit_policy"),
        createEndpoint: "POST /rate-limit-policies", updateEndpoint: "PATCH /rate-limit-policies/{id}",
        fields: [
            .string("resource", required: true, allowed: ["oauth_authentication_api"]),
            .string("consumer", required: true, allowed: ["client"]),
            .string("consumer_selector", required: true, maxLength: 255),
            .of("object", "configuration", required: true),
        ],
        unique: [UniqueConstraint(fields: ["resource", "consumer", "consumer_selector"],
                                  conflict: .conflict("A rate limit policy with the same resource, consumer, and consumer_selector already exists.",
                                                      "rate_limit_policy_conflict"))],
        scope: ScopeRule(resource: "rate_limit_policies"),
        snapshot: .section("rate_limit_policies"),
        stampsTimes: true
    )
}
