/// Questions rules and the planner ask about a loaded tenant.
extension TenantDefinition {
    /// The custom database scripts a connection declares in `options.customScripts` (whether or not the file exists).
    public func declaredScripts(of database: ResourceDefinition) -> [DatabaseScriptName: SourceLocation] {
        var result: [DatabaseScriptName: SourceLocation] = [:]
        for entry in database.body["options"]?["customScripts"]?.entries ?? [] {
            if let name = DatabaseScriptName(rawValue: entry.key) { result[name] = entry.keyLocation }
        }
        return result
    }

    /// The scripts that were read for one owner (connection, rule or action name) and kind.
    public func scripts(ownedBy owner: String) -> [ScriptSource] {
        scripts.filter { $0.owner == owner }
    }

    /// The declared client with this name.
    public func client(named name: String) -> ResourceDefinition? {
        resources.first { $0.kind == .clients && $0.key == name }
    }

    /// Whether a declared client can use the client credentials grant (is machine-to-machine).
    public func isMachineToMachine(_ client: ResourceDefinition) -> Bool {
        let grantTypes = client.body["grant_types"]?.items.compactMap(\.string)
        if let grantTypes { return grantTypes.contains("client_credentials") }
        return client.body["app_type"]?.string == "non_interactive"
    }

    /// Names of action bound to a trigger in `triggers`.
    public func actionsBound(to trigger: String) -> [String] {
        resources.first { $0.kind == .triggers && $0.key == trigger }?.body.items.compactMap { $0["action_name"]?.string } ?? []
    }
}

extension ConfigNode {
    /// A boolean field that is `true` (false when absent or not a boolean).
    public func isTrue(_ key: String) -> Bool { self[key]?.bool == true }
}
