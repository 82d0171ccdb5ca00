import APIJSON

extension EmulatedTenant {
    /// Dispatches one request to its endpoint; unknown paths and methods are the API's 404.
    mutating func handle(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let s = request.segments
        let m = request.method
        switch (m, s.count, s.first) {
        case (_, _, "clients"): return try clientsRoute(request)
        case (_, _, "connections"): return try connectionsRoute(request)
        case (_, _, "resource-servers"): return try resourceServersRoute(request)
        case (_, _, "client-grants"): return try grantsRoute(request)
        case (_, _, "rules"): return try rulesRoute(request)
        case (_, _, "rules-configs"): return try rulesConfigsRoute(request)
        case (_, _, "actions"): return try actionsRoute(request)
        case (_, 2, "tenants") where s[1] == "settings": return try tenantSettingsRoute(request)
        case (_, 2, "emails") where s[1] == "provider": return try emailProviderRoute(request)
        case (_, _, "log-streams"): return try logStreamsRoute(request)
        default: throw .unknownRoute
        }
    }

    /// The first path segments the emulator serves; anything else is a 404 before any scope check.
    static let knownRoots: Set<String> = ["clients", "connections", "resource-servers", "client-grants", "rules", "rules-configs", "actions", "tenants", "emails", "log-streams"]

    /// The scope a request needs: `read:clients`, `update:connections`, …
    static func requiredScope(_ request: APIRequest) -> String {
        let verb = switch request.method {
        case "GET": "read"
        case "POST": "create"
        case "PATCH", "PUT": "update"
        default: "delete"
        }
        let resource: String = switch request.segments.first ?? "" {
        case "resource-servers": "resource_servers"
        case "client-grants": "client_grants"
        case "rules-configs": "rules_configs"
        case "tenants": "tenant_settings"
        case "emails": "email_provider"
        case "log-streams": "log_streams"
        case "actions": "actions"
        case let other: other
        }
        // Deploying an action and enabling clients on a connection are updates.
        if request.segments.last == "deploy" || request.segments.last == "bindings" || request.segments.last == "clients" && request.segments.count == 3 {
            return request.method == "GET" ? "read:\(resource)" : "update:\(resource)"
        }
        return "\(verb):\(resource)"
    }

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
