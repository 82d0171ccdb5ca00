import APIJSON

extension EmulatedTenant {
    /// Dispatches one request to its endpoint: the collection table's, or a hand-written one; unknown paths and
    /// methods are the API's 404.
    mutating func handle(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        // Not an item of the collection: the tenant's default domain.
        if request.segments == ["custom-domains", "default"] { return try defaultCustomDomainRoute(request) }
        if let result = try handleCollection(request) { return result }
        let s = request.segments
        switch s.first {
        case "clients": return try clientsRoute(request)
        case "connections": return try connectionsRoute(request)
        case "rules-configs": return try rulesConfigsRoute(request)
        case "actions": return try actionsRoute(request)
        default: throw .unknownRoute
        }
    }

    /// The first path segments of the hand-written endpoints.
    static let handWrittenRoots: Set<String> = ["clients", "connections", "rules-configs", "actions"]

    /// Whether the emulator serves anything under this path's first segment; anything else is a 404 before any
    /// scope check.
    static func servesRoot(_ segments: [String]) -> Bool {
        let root = segments.first ?? ""
        return handWrittenRoots.contains(root) || CollectionRoutes.roots.contains(root)
    }

    /// The scope a request needs: `read:clients`, `update:connections`, `create:organization_connections`, …
    static func requiredScope(_ request: APIRequest) -> String {
        let root = request.segments.first ?? ""
        // A root both serve (`actions`): the table's where one of its routes has the path, else the hand-written one's.
        if CollectionRoutes.roots.contains(root), !handWrittenRoots.contains(root) || CollectionRoutes.route(request.segments) != nil {
            return CollectionRoutes.scope(request.method, request.segments)
        }
        let resource = request.segments.first == "rules-configs" ? "rules_configs" : request.segments.first ?? ""
        // Deploying an action and enabling clients on a connection are updates.
        if request.segments.last == "deploy" || request.segments.last == "bindings" || request.segments.last == "clients" && request.segments.count == 3 {
            return request.method == "GET" ? "read:\(resource)" : "update:\(resource)"
        }
        return ScopeRule(resource: resource).scope(for: request.method)
    }

    /// The resources of the hand-written endpoints' scopes.
    static let handWrittenScopeResources = ["clients", "connections", "rules_configs", "actions"]

    /// Tenant settings PATCH semantics: nested objects merge, `null` clears.
    static func merge(_ base: [String: JSONValue], _ patch: [String: JSONValue]) -> [String: JSONValue] {
        var result = base
        for (key, value) in patch {
            switch value {
            case .null: result[key] = nil
            case .object(let nested):
                result[key] = .object(merge(result[key]?.objectValue ?? [:], nested))
            default: result[key] = value
            }
        }
        return result
    }
}
