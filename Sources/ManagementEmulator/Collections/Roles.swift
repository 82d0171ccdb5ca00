import APIJSON

extension CollectionSpec {
    /// `/roles`: offset lists (`{roles, start, limit, total}`), POST answers 200 (the spec, and a go-auth0
    /// recording), DELETE 200 with `{}` (the Deploy CLI's recordings), names unique (the spec's 409; its
    /// errorCode is inferred). Roles carry `type: tenant`, as every role the 2026 recordings read does, and lists
    /// filter on it (`?type=tenant`) and on `name_filter` (a case-insensitive part of the name: inferred).
    static let roles: CollectionSpec = CollectionSpec(
        path: "roles", itemParameter: "id", plural: "roles",
        identifiers: .random(prefix: "rol_", length: 16, alphabet: .alphanumeric),
        listing: .offset, filters: ["type"],
        createStatus: 200, updates: true, deletion: .emptyObject, deletingMissing: .notFound,
        notFound: roleNotFound,
        createEndpoint: "POST /roles", updateEndpoint: "PATCH /roles/{id}",
        fields: [.string("name", required: true, description: "Name of the role."), .string("description", description: "Description of the role.")],
        unique: [UniqueConstraint(fields: ["name"], conflict: .conflict("The role already exists.", "role_conflict"))],
        defaults: ["type": .string("tenant")],
        scope: ScopeRule(resource: "roles"),
        snapshot: .section("roles"),
        hooks: CollectionHooks(filter: { rows, query in
            guard let part = query["name_filter"]?.lowercased(), !part.isEmpty else { return rows }
            return rows.filter { $0["name"]?.stringValue?.lowercased().contains(part) == true }
        })
    )

    static let roleNotFound = APIErrorResponse.notFound("The role does not exist.", "inexistent_role")
}
