extension SnapshotSection {
    public static let rateLimitPolicies: SnapshotSection = "rate_limit_policies"
}

extension ResourceType {
    /// Rate limit policies: `/rate-limit-policies` (checkpoint lists). A policy is named by what it limits (the
    /// API's unique `resource`, `consumer` and `consumer_selector`, which its PATCH does not take); only its
    /// `configuration` changes in place.
    static let rateLimitPolicies: ResourceType = {
        var type = ResourceType(
            kind: .rateLimitPolicies, noun: "rate limit policy", section: .list(key: ["resource", "consumer", "consumer_selector"]),
            api: APIShape(path: "/rate-limit-policies", listing: .checkpoint(itemsKey: "rate_limit_policies", take: 50),
                          snapshotSection: .rateLimitPolicies, sortKey: ["resource", "consumer", "consumer_selector"]),
            lifecycle: .standard, rank: 114)
        type.readOnlyFields = ["id", "created_at", "updated_at"]
        type.example = TypeExample(yaml: """
            rateLimitPolicies:
              - resource: oauth_authentication_api
                consumer: client
                consumer_selector: third_party_clients
                configuration:
                  action: log
                  limit: 50
            """)
        return type
    }()
}
