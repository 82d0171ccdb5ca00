import APIJSON

extension CollectionSpec {
    /// `/organizations/{id}/client-grants`: associates an existing client grant (`{grant_id}`, 201) and lists
    /// the associated grants as they are now (`id`, `client_id`, `audience`, `scope`, `organization_usage`,
    /// `allow_any_organization`). Messages are the spec's response descriptions; errorCodes are inferred. The
    /// spec documents no condition on the grant's `organization_usage` or `allow_any_organization`, so any grant
    /// is accepted. The create answer is the listed item, as the spec describes it (a 2023 go-auth0 recording
    /// answered `grant_id` instead of `id`). A deleted grant leaves every organization.
    static let organizationClientGrants: CollectionSpec = CollectionSpec(
        path: "organizations/{id}/client-grants", itemParameter: "grant_id", plural: "client_grants",
        idField: "grant_id", identifiers: .fromBody, listing: .offset, filters: ["audience", "client_id"],
        createStatus: 201, deletion: .noContent, readsItems: false,
        notFound: .notFound("The grant does not exist.", "inexistent_client_grant"),
        parentNotFound: .notFound("No organization found by that id.", "inexistent_organization"),
        createEndpoint: "POST /organizations/{id}/client-grants",
        fields: [.string("grant_id", required: true)],
        unique: [UniqueConstraint(fields: ["grant_id"],
                                  conflict: .conflict("The client grant has already been added to this organization.", "organization_client_grant_conflict"))],
        references: [Reference(field: "grant_id", collection: "client-grants",
                               missing: .notFound("The grant does not exist.", "inexistent_client_grant"), onDelete: .deleteReferrer)],
        scope: ScopeRule(resource: "organization_client_grants"),
        snapshot: .embedded("client_grants", inAdminSnapshot: true),
        hooks: CollectionHooks(
            validate: { _, _, tenant, parameters throws(APIErrorResponse) in
                let key = EmulatedTenant.tableKey(organizationClientGrants, parameters)
                if tenant.table(key).count >= 100 {
                    throw .conflict("Quota exceeded; cannot add more than 100 client grants to a single organization", "organization_client_grant_quota")
                }
            },
            present: { row, tenant in
                guard let id = row["grant_id"]?.stringValue else { return row }
                guard let grant = tenant.grants[id] else { return ["id": .string(id)] }
                return grant.filter { ["id", "client_id", "audience", "scope", "organization_usage", "allow_any_organization"].contains($0.key) }
            },
            // Snapshots hold the listed items (`id`, …); the table holds the association.
            load: { item in
                guard let id = item["grant_id"] ?? item["id"] else { return [:] }
                return ["grant_id": id]
            }
        )
    )
}
