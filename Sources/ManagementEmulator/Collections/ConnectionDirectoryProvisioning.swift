import APIJSON

/// A connection's inbound directory provisioning: one object per connection, kept in the connection's row under
/// `directory_provisioning_configuration` (as snapshots write it, where the Deploy CLI's files write it) and never shown
/// by the connection's own reads.
///
/// From the Management API spec: `GET /connections-directory-provisionings` (checkpoint `{directory_provisionings,
/// next}`, `take` 1 to 100, default 50), `GET|POST|PATCH|DELETE /connections/{id}/directory-provisioning` (201 on
/// create, 409 when one is already there, 204 on delete, 404 for a connection that does not exist), the scopes
/// `read|create|update|delete:directory_provisionings`, the body's fields and the answer's (`connection_id`,
/// `connection_name`, `strategy`, `created_at`, `updated_at` added). The 404 of a connection without one, the 409's and
/// 404's wording and error codes, and the feature's 403 error code are inferred.
enum DirectoryProvisioning {
    /// Where the object is kept in a connection's row.
    static let field = "directory_provisioning_configuration"
    static let scope = ScopeRule(resource: "directory_provisionings")
    static let writable: Set<String> = ["mapping", "synchronize_automatically", "synchronize_groups"]
    static let rules: [FieldRule] = [
        .of("array", "mapping", minItems: 1, description: "The mapping between Auth0 and IDP user attributes"),
        .of("boolean", "synchronize_automatically", description: "Whether periodic automatic synchronization is enabled"),
        .string("synchronize_groups", allowed: ["all", "off", "selected"], description: "Group synchronization configuration"),
    ]
    static let connectionNotFound = APIErrorResponse.notFound("The connection does not exist", "inexistent_connection")
    static let notConfigured = APIErrorResponse.notFound("Directory provisioning is not enabled on the specified connection",
                                                         "inexistent_directory_provisioning")
    static let alreadyConfigured = APIErrorResponse.conflict("Directory provisioning is already enabled on the specified connection",
                                                             "directory_provisioning_conflict")

    /// A connection as its own endpoints present it: without its directory provisioning.
    static func withoutConfiguration(_ connection: [String: JSONValue]) -> [String: JSONValue] {
        connection.filter { $0.key != field }
    }

    /// The configuration as the API answers it: the stored fields and the connection's id, name and strategy.
    static func presented(_ connection: [String: JSONValue], id: String) -> JSONValue? {
        guard var object = connection[field]?.objectValue else { return nil }
        // Its selected groups are kept with it (as snapshots write them) and served at an endpoint of their own.
        object[SynchronizedGroups.field] = nil
        object["connection_id"] = .string(id)
        object["connection_name"] = connection["name"] ?? .null
        object["strategy"] = connection["strategy"] ?? .null
        return .object(object)
    }

    /// The body's fields, checked as the spec says (no other field, each of its type, `mapping` items `{auth0, idp}`).
    static func checked(_ request: APIRequest, creating: Bool) throws(APIErrorResponse) -> [String: JSONValue] {
        let body = request.body == nil || request.body == .null ? [:] : try request.object()
        let extra = body.keys.filter { !writable.contains($0) }.sorted()
        if !extra.isEmpty { throw .additionalProperties(extra) }
        try FieldRule.check(body, rules, creating: creating)
        for item in body["mapping"]?.arrayValue ?? [] {
            guard let pair = item.objectValue, pair["auth0"]?.stringValue != nil, pair["idp"]?.stringValue != nil, pair.count == 2 else {
                throw .invalidBody("Payload validation error: 'Expected each mapping item to be {auth0, idp} strings' on property mapping (The mapping between Auth0 and IDP user attributes).")
            }
        }
        return body
    }
}

extension CustomRoute {
    /// `GET /connections-directory-provisionings`: every connection's configuration, in connection order.
    static let directoryProvisioningList = CustomRoute(method: "GET", path: "connections-directory-provisionings",
                                                       scope: DirectoryProvisioning.scope, statuses: [200]) { tenant, request, _ throws(APIErrorResponse) in
        try tenant.requireDirectoryProvisioning()
        let items = tenant.connections.all.compactMap { row in
            row["id"]?.stringValue.flatMap { DirectoryProvisioning.presented(row, id: $0) }
        }
        var query = request.query
        if query["take"] == nil && query["from"] == nil { query["take"] = "50" }
        return .ok(try ListPagination(query: query).page(items, plural: "directory_provisionings", maxTake: 100))
    }

    /// `GET|POST|PATCH|DELETE /connections/{id}/directory-provisioning`.
    static let directoryProvisioning: [CustomRoute] = [("GET", 200), ("POST", 201), ("PATCH", 200), ("DELETE", 204)].map { method, status in
        CustomRoute(method: method, path: "connections/{id}/directory-provisioning", scope: DirectoryProvisioning.scope,
                    statuses: [status]) { tenant, request, parameters throws(APIErrorResponse) in
            try tenant.requireDirectoryProvisioning()
            let id = parameters["id"] ?? ""
            guard var connection = tenant.connections[id] else { throw DirectoryProvisioning.connectionNotFound }
            let current = connection[DirectoryProvisioning.field]?.objectValue
            switch method {
            case "GET":
                guard let answer = DirectoryProvisioning.presented(connection, id: id) else { throw DirectoryProvisioning.notConfigured }
                return .ok(answer)
            case "POST":
                let body = try DirectoryProvisioning.checked(request, creating: true)
                if current != nil { throw DirectoryProvisioning.alreadyConfigured }
                var stored = body
                stored["synchronize_automatically"] = stored["synchronize_automatically"] ?? .bool(false)
                stored["created_at"] = .string(EmulatedTenant.now())
                stored["updated_at"] = stored["created_at"]
                connection[DirectoryProvisioning.field] = .object(stored)
            case "PATCH":
                let body = try DirectoryProvisioning.checked(request, creating: false)
                guard var stored = current else { throw DirectoryProvisioning.notConfigured }
                for (key, value) in body { stored[key] = value == .null ? nil : value }
                stored["updated_at"] = .string(EmulatedTenant.now())
                connection[DirectoryProvisioning.field] = .object(stored)
            default:
                guard current != nil else { throw DirectoryProvisioning.notConfigured }
                connection[DirectoryProvisioning.field] = nil
                tenant.connections[id] = connection
                return .noContent
            }
            tenant.connections[id] = connection
            return APIResult(status: status, body: DirectoryProvisioning.presented(connection, id: id))
        }
    }
}

extension EmulatedTenant {
    /// The 403 of a tenant whose plan lacks inbound directory provisioning.
    func requireDirectoryProvisioning() throws(APIErrorResponse) {
        if unavailableFeatures.contains(.inboundDirectoryProvisioning) { throw TenantFeature.inboundDirectoryProvisioning.refusal }
    }
}
