import APIJSON

extension CollectionSpec {
    /// `/roles/{id}/permissions`: offset lists of `{permission_name, description, resource_server_name,
    /// resource_server_identifier}`, read from the resource server as it is now; POST and DELETE take
    /// `{permissions: [{resource_server_identifier, permission_name}]}` (custom routes below). A deleted resource
    /// server's permissions leave every role.
    static let rolePermissions: CollectionSpec = CollectionSpec(
        path: "roles/{id}/permissions", plural: "permissions",
        identifiers: .composite(["resource_server_identifier", "permission_name"]), listing: .offset,
        hasItemRoutes: false,
        notFound: roleNotFound, parentNotFound: roleNotFound,
        references: [Reference(field: "resource_server_identifier", collection: "resource-servers", key: "identifier",
                               missing: .notFound("The resource server does not exist.", "inexistent_resource_server"), onDelete: .deleteReferrer)],
        scope: permissionsScope,
        snapshot: .embedded("permissions", inAdminSnapshot: true),
        hooks: CollectionHooks(
            present: { row, tenant in
                let identifier = row["resource_server_identifier"]?.stringValue
                let name = row["permission_name"]?.stringValue
                let server = tenant.resourceServers.first { $0["identifier"]?.stringValue == identifier }
                let scope = server?["scopes"]?.arrayValue?.first { $0["value"]?.stringValue == name }
                var item: [String: JSONValue] = ["permission_name": row["permission_name"] ?? .null, "resource_server_identifier": row["resource_server_identifier"] ?? .null]
                if let serverName = server?["name"] { item["resource_server_name"] = serverName }
                if let description = scope?["description"] { item["description"] = description }
                return item
            },
            load: { $0.filter { ["resource_server_identifier", "permission_name"].contains($0.key) } }
        )
    )

    /// Reads need `read:roles`; adding and removing permissions are updates of the role (the spec's 403s).
    static let permissionsScope = ScopeRule(resource: "roles", verbs: ["POST": "update", "DELETE": "update"])
}

extension CustomRoute {
    /// `POST /roles/{id}/permissions`: 201 with `{}` (a go-auth0 recording); adding a permission the role has is
    /// not an error (inferred).
    static let addRolePermissions: CustomRoute = CustomRoute(method: "POST", path: "roles/{id}/permissions", scope: CollectionSpec.permissionsScope) {
        tenant, request, parameters throws(APIErrorResponse) in
        try tenant.rolePermissionChange(request, parameters, endpoint: "POST /roles/{id}/permissions") { rows, permission in
            rows[permission.key] = permission.row
        }
        return .created(.object([:]))
    }

    /// `DELETE /roles/{id}/permissions`: 204 (a go-auth0 recording; the spec says 200); removing a permission the
    /// role does not have is not an error (inferred).
    static let removeRolePermissions: CustomRoute = CustomRoute(method: "DELETE", path: "roles/{id}/permissions", scope: CollectionSpec.permissionsScope) {
        tenant, request, parameters throws(APIErrorResponse) in
        try tenant.rolePermissionChange(request, parameters, endpoint: "DELETE /roles/{id}/permissions") { rows, permission in
            rows[permission.key] = nil
        }
        return .noContent
    }
}

extension EmulatedTenant {
    /// Validates a `{permissions: […]}` body whole, then applies `change` to the role's permissions table for each.
    ///
    /// The role must exist (the spec's 404 "The role does not exist."), and so must each resource server: the
    /// real message names the identifier ("The resource server does not exist: '<identifier>'", as reported in
    /// auth0/auth0-cli#348). A permission that is not one of the resource server's scopes is refused with a 400
    /// whose wording is inferred: neither the spec nor a recording shows it.
    mutating func rolePermissionChange(
        _ request: APIRequest, _ parameters: [String: String], endpoint: String,
        change: (inout RecordTable, (key: String, row: [String: JSONValue])) -> Void
    ) throws(APIErrorResponse) {
        let body = try request.object()
        try RequestFields.check(body, endpoint: endpoint)
        let list = FieldRule.of("array", "permissions", required: true, minItems: 1,
                                description: "array of resource_server_identifier, permission_name pairs.")
        try FieldRule.check(body, [list], creating: true)
        var permissions: [(key: String, row: [String: JSONValue])] = []
        for item in body["permissions"]?.arrayValue ?? [] {
            guard case .object(let permission) = item else {
                throw .invalidBody("Payload validation error: 'Expected type object but found type \(APIRequest.typeName(item))' on property permissions.")
            }
            try FieldRule.check(permission, [.string("resource_server_identifier", required: true), .string("permission_name", required: true)], creating: true)
            let row = permission.filter { ["resource_server_identifier", "permission_name"].contains($0.key) }
            if let key = Self.itemID(CollectionSpec.rolePermissions, row) { permissions.append((key, row)) }
        }
        let spec = CollectionSpec.rolePermissions
        try requireParent(spec, parameters)
        for permission in permissions {
            let identifier = permission.row["resource_server_identifier"]?.stringValue ?? ""
            let name = permission.row["permission_name"]?.stringValue ?? ""
            guard let server = resourceServers.first(where: { $0["identifier"]?.stringValue == identifier }) else {
                throw .notFound("The resource server does not exist: '\(identifier)'", "inexistent_resource_server")
            }
            let scopes = server["scopes"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? []
            if request.method == "POST" && !scopes.contains(name) {
                throw .invalidBody("The permission '\(name)' is not defined on resource server '\(identifier)'")
            }
        }
        let key = Self.tableKey(spec, parameters)
        for permission in permissions { change(&tables[key, default: RecordTable()], permission) }
    }
}
