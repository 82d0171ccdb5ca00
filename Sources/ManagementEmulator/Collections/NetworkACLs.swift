import APIJSON

extension CollectionSpec {
    /// `/network-acls`: offset lists (recorded: `{total, start, limit, network_acls}`), ids `acl_` + 22 (recorded),
    /// priorities unique (the spec's 409) and 50 by default (the spec). errorCodes are inferred.
    static let networkACLs: CollectionSpec = CollectionSpec(
        path: "network-acls", itemParameter: "id", plural: "network_acls",
        identifiers: .random(prefix: "acl_", length: 22, alphabet: .alphanumeric),
        listing: .offset,
        createStatus: 201, updates: true, deletion: .noContent, deletingMissing: .notFound,
        notFound: .notFound("Network access control list not found.", "inexistent_network_acl"),
        createEndpoint: "POST /network-acls", updateEndpoint: "PATCH /network-acls/{id}",
        fields: [
            .string("description", required: true, maxLength: 255),
            .of("boolean", "active", required: true),
            .of("number", "priority"),
            .of("object", "rule", required: true),
        ],
        unique: [UniqueConstraint(fields: ["priority"], conflict: .conflict("A Network ACL with this priority number has already been created.", "network_acl_conflict"))],
        defaults: ["priority": .number(50)],
        scope: ScopeRule(resource: "network_acls"),
        snapshot: .section("network_acls"),
        stampsTimes: true
    )
}
