import APIJSON

/// The Google Workspace groups a connection's directory provisioning synchronizes when `synchronize_groups` is
/// `selected`: kept inside the configuration in the connection's row (`synchronized_groups`, as snapshots write it),
/// never shown by the configuration's own reads.
///
/// From the Management API spec: `GET /connections/{id}/directory-provisioning/synchronized-groups` (checkpoint
/// `{groups, next}`), `PUT` the same path with `{groups: [{id}]}` (each `id` 1–32 letters and digits, no other field)
/// replaces them and answers 204, `read:`/`update:directory_provisionings`, 404 for a connection that does not exist.
/// The 404 of a connection without directory provisioning is inferred, as for the configuration itself.
enum SynchronizedGroups {
    static let field = "synchronized_groups"

    static func checked(_ request: APIRequest) throws(APIErrorResponse) -> [JSONValue] {
        let body = try request.object()
        let extra = body.keys.filter { $0 != "groups" }.sorted()
        if !extra.isEmpty { throw .additionalProperties(extra) }
        guard let groups = body["groups"]?.arrayValue else {
            throw .invalidBody("Payload validation error: 'Missing required property: groups'.")
        }
        for group in groups {
            guard let object = group.objectValue, let id = object["id"]?.stringValue else {
                throw .invalidBody("Payload validation error: 'Missing required property: id' on property groups.")
            }
            let unknown = object.keys.filter { $0 != "id" }.sorted()
            if !unknown.isEmpty { throw .additionalProperties(unknown) }
            guard (1...32).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw .invalidBody("Payload validation error: 'String does not match pattern ^[A-Za-z0-9]+$: \(id)' on property id (Google Workspace Directory group ID.).")
            }
        }
        return groups
    }
}

extension CustomRoute {
    /// `GET|PUT /connections/{id}/directory-provisioning/synchronized-groups`.
    static let synchronizedGroups: [CustomRoute] = [("GET", 200), ("PUT", 204)].map { method, status in
        CustomRoute(method: method, path: "connections/{id}/directory-provisioning/synchronized-groups", scope: DirectoryProvisioning.scope,
                    statuses: [status]) { tenant, request, parameters throws(APIErrorResponse) in
            try tenant.requireDirectoryProvisioning()
            let id = parameters["id"] ?? ""
            guard var connection = tenant.connections[id] else { throw DirectoryProvisioning.connectionNotFound }
            guard var configuration = connection[DirectoryProvisioning.field]?.objectValue else { throw DirectoryProvisioning.notConfigured }
            if method == "GET" {
                let groups = configuration[SynchronizedGroups.field]?.arrayValue ?? []
                var query = request.query
                if query["take"] == nil && query["from"] == nil { query["take"] = "50" }
                return .ok(try ListPagination(query: query).page(groups, plural: "groups", maxTake: 100))
            }
            configuration[SynchronizedGroups.field] = .array(try SynchronizedGroups.checked(request))
            connection[DirectoryProvisioning.field] = .object(configuration)
            tenant.connections[id] = connection
            return .noContent
        }
    }
}
