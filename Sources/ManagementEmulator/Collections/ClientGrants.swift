import APIJSON

extension CollectionSpec {
    /// `/client-grants`: the client must exist, the audience must be an API of the tenant, one grant per pair;
    /// a grant goes with its client.
    static let clientGrants: CollectionSpec = CollectionSpec(
        path: "client-grants", itemParameter: "id", plural: "client_grants",
        identifiers: .random(prefix: "cgr_", length: 16, alphabet: .alphanumeric),
        listing: .offsetOrCheckpoint, filters: ["audience", "client_id"],
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("The client grant does not exist", "inexistent_client_grant"),
        createEndpoint: "POST /client-grants", updateEndpoint: "PATCH /client-grants/{id}",
        fields: [.string("client_id", required: true), .string("audience", required: true), .of("array", "scope")],
        unique: [UniqueConstraint(fields: ["client_id", "audience"],
                                  conflict: .conflict("A client grant for this client and audience already exists", "client_grant_conflict"))],
        references: [Reference(field: "client_id", collection: "clients", key: "client_id",
                               missing: .notFound("Client not found", "inexistent_client"), onDelete: .deleteReferrer)],
        defaults: ["scope": .array([])],
        scope: ScopeRule(resource: "client_grants"),
        snapshot: .section("client_grants"),
        hooks: CollectionHooks(validate: { body, _, tenant, _ throws(APIErrorResponse) in
            guard let audience = body["audience"]?.stringValue else { return }
            guard audience == tenant.managementAudience || tenant.resourceServers.first(where: { $0["identifier"]?.stringValue == audience }) != nil else {
                throw .notFound("No resource server found by specified identifier", "inexistent_resource_server")
            }
        })
    )
}
