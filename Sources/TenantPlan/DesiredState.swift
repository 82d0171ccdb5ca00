import TenantConfig

/// One resource as the files want it, in the Management API's own shape: script files inlined, Deploy CLI-only
/// and read-only keys removed, names kept where the API wants ids (the planner resolves them).
public struct DesiredResource: Sendable {
    public var address: ResourceAddress
    public var payload: [String: JSONValue]
    /// Client names enabled on a connection (`enabled_clients` in the files), managed through `/connections/{id}/clients`.
    public var enabledClients: [String]?
    /// Trigger bindings, in order: (action name, display name).
    public var bindings: [Binding]
    public var location: SourceLocation

    public struct Binding: Sendable, Equatable {
        public var action: String
        public var displayName: String
    }
}

/// Builds desired resources from a loaded tenant.
public enum DesiredState {
    /// Fields the API sets itself or refuses on write; never sent, never compared.
    static let readOnlyFields: [ResourceKind: Set<String>] = [
        .clients: ["client_id", "tenant", "global", "signing_keys", "jwks_uri", "client_secret", "owners", "callback_url_template", "config_route", "is_token_endpoint_ip_header_trusted_legacy"],
        .databases: ["id", "enabled_clients", "provisioning_ticket_url"],
        .connections: ["id", "enabled_clients", "provisioning_ticket_url"],
        .resourceServers: ["id", "is_system", "client_id"],
        .clientGrants: ["id"],
        .rules: ["id", "stage"],
        .actions: ["id", "deployed", "status", "all_changes_deployed", "built_at", "created_at", "updated_at", "deployed_version", "current_version", "installed_integration_id", "integration"],
        .logStreams: ["id"],
    ]

    public static func resources(of tenant: TenantDefinition) -> [DesiredResource] {
        tenant.resources.compactMap { resource in
            let kind = resource.kind
            guard kind != .rulesConfigs else { return nil }
            var payload = resource.body.json.objectValue ?? [:]
            for field in readOnlyFields[kind] ?? [] { payload[field] = nil }
            var enabledClients: [String]?
            var bindings: [DesiredResource.Binding] = []
            switch kind {
            case .databases, .connections:
                enabledClients = resource.body["enabled_clients"]?.items.compactMap(\.string)
                if kind == .databases, payload["strategy"] == nil { payload["strategy"] = .string("auth0") }
                if var options = payload["options"]?.objectValue, options["customScripts"] != nil {
                    var scripts: [String: JSONValue] = [:]
                    for script in tenant.scripts where script.owner == resource.key {
                        if case .databaseScript(let name) = script.kind { scripts[name.rawValue] = .string(script.text) }
                    }
                    options["customScripts"] = .object(scripts)
                    payload["options"] = .object(options)
                }
            case .rules:
                if let script = tenant.scripts.first(where: { $0.kind == .rule && $0.owner == resource.key }) { payload["script"] = .string(script.text) }
            case .actions:
                if let code = tenant.scripts.first(where: { $0.kind == .action && $0.owner == resource.key }) { payload["code"] = .string(code.text) }
                payload["deployed"] = .bool(resource.body["deployed"]?.bool ?? true)
            case .triggers:
                bindings = resource.body.items.compactMap { item in
                    guard let action = item["action_name"]?.string else { return nil }
                    return .init(action: action, displayName: item["display_name"]?.string ?? action)
                }
                payload = [:]
            default:
                break
            }
            return DesiredResource(address: ResourceAddress(kind, resource.key), payload: payload, enabledClients: enabledClients,
                                   bindings: bindings, location: resource.location)
        }
    }
}
