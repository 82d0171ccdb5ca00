import APIJSON

extension CollectionSpec {
    /// `/resource-servers`: `identifier` unique (the tenant's own Management API included) and found by id or
    /// identifier; ids are 24 hex digits.
    static let resourceServers: CollectionSpec = CollectionSpec(
        path: "resource-servers", itemParameter: "id", plural: "resource_servers",
        identifiers: .random(prefix: "", length: 24, alphabet: .lowercaseHex),
        listing: .offset,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("The resource server does not exist", "inexistent_resource_server"),
        createEndpoint: "POST /resource-servers", updateEndpoint: "PATCH /resource-servers/{id}",
        fields: [.string("identifier", required: true), .of("array", "scopes"), .of("integer", "token_lifetime")],
        unique: [UniqueConstraint(fields: ["identifier"], conflict: identifierConflict)],
        defaults: [
            "signing_alg": .string("RS256"), "token_lifetime": .number(86400), "allow_offline_access": .bool(false),
            "skip_consent_for_verifiable_first_party_clients": .bool(false), "scopes": .array([]),
        ],
        alternateKeys: ["identifier"],
        scope: ScopeRule(resource: "resource_servers"),
        snapshot: .section("resource_servers"),
        hooks: CollectionHooks(validate: { body, existing, tenant, _ throws(APIErrorResponse) in
            if existing == nil, body["identifier"]?.stringValue == tenant.managementAudience { throw identifierConflict }
        })
    )

    private static let identifierConflict = APIErrorResponse.conflict("A resource server with the same identifier already exists", "resource_server_conflict")
}

extension EmulatedTenant {
    /// The audience of the tenant's own Management API: a system resource server every tenant has.
    var managementAudience: String { "https://\(domain)/api/v2/" }
}
