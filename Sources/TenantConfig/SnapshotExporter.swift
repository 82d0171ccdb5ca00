/// Turns a snapshot (API objects with ids) into the files people write by hand: `tenant.yaml` in the Deploy CLI
/// format with client names instead of ids, one file per script, rule and action, configuration values replaced
/// by keywords, and `tenantctl.yaml` naming the secrets to provide. Pure: the caller writes the files.
public struct SnapshotExporter: Sendable {
    public init() {}

    /// The files of a tenant folder, by path relative to it, and the keywords the user must provide.
    public struct Export: Sendable {
        public var files: [String: String]
        public var keywords: [String]
    }

    /// Fields the API sets itself: never written to the files.
    static let serverFields: [String: Set<String>] = [
        "clients": ["client_id", "tenant", "global", "client_secret", "signing_keys", "callback_url_template", "config_route", "owners", "encryption_key"],
        "connections": ["id", "enabled_clients", "provisioning_ticket_url"],
        "resource_servers": ["id", "is_system", "client_id"],
        "client_grants": ["id"],
        "rules": ["id", "stage"],
        "actions": ["id", "status", "all_changes_deployed", "built_at", "created_at", "updated_at", "deployed_version", "current_version", "installed_integration_id", "integration", "deployed"],
        "log_streams": ["id"],
    ]

    /// - Parameter configuration: values to write for connections' `options.configuration` keys, by connection
    ///   name and key (a rollback keeps the keywords the current files use); other keys get a new keyword.
    public func export(_ snapshot: TenantSnapshot, configuration overrides: [String: [String: String]] = [:]) -> Export {
        var files: [String: String] = [:]
        var keywords: [String] = []
        var document: [String: JSONValue] = [:]
        var namesByID: [String: String] = [:]
        for client in snapshot.objects(.clients) {
            if let id = client["client_id"]?.stringValue, let name = client["name"]?.stringValue { namesByID[id] = name }
        }
        document["clients"] = .array(snapshot.objects(.clients).filter { $0["global"]?.boolValue != true }.map { .object(strip($0, "clients")) })

        var databases: [JSONValue] = [], connections: [JSONValue] = []
        for connection in snapshot.objects(.connections) {
            guard let name = connection["name"]?.stringValue else { continue }
            var object = strip(connection, "connections")
            object["enabled_clients"] = .array((connection["enabled_clients"]?.arrayValue ?? []).compactMap { $0.stringValue.map { .string(namesByID[$0] ?? $0) } })
            if var options = object["options"]?.objectValue {
                if let scripts = options["customScripts"]?.objectValue {
                    var paths: [String: JSONValue] = [:]
                    for (script, code) in scripts {
                        let path = "databases/\(Self.fileName(name))/\(script).js"
                        files[path] = code.stringValue ?? ""
                        paths[script] = .string("./\(path)")
                    }
                    options["customScripts"] = .object(paths)
                }
                if let configuration = options["configuration"]?.objectValue {
                    var placeholders: [String: JSONValue] = [:]
                    for key in configuration.keys {
                        if let value = overrides[name]?[key] {
                            placeholders[key] = .string(value)
                            continue
                        }
                        let keyword = Self.keyword(connection: name, key: key)
                        keywords.append(keyword)
                        placeholders[key] = .string("##\(keyword)##")
                    }
                    options["configuration"] = .object(placeholders)
                }
                object["options"] = .object(options)
            }
            if let options = object["options"] {
                object["options"] = Self.placeholders(for: options, owner: name, keywords: &keywords)
            }
            if var metadata = object["metadata"]?.objectValue {
                metadata = metadata.filter { !$0.key.hasPrefix("tenantctl_") }
                object["metadata"] = metadata.isEmpty ? nil : .object(metadata)
            }
            if connection["strategy"]?.stringValue == "auth0" { databases.append(.object(object)) } else { connections.append(.object(object)) }
        }
        document["databases"] = .array(databases)
        document["connections"] = .array(connections)
        document["resourceServers"] = .array(snapshot.objects(.resourceServers).map { .object(strip($0, "resource_servers")) })
        document["clientGrants"] = .array(snapshot.objects(.clientGrants).map { grant in
            var object = strip(grant, "client_grants")
            if let id = grant["client_id"]?.stringValue { object["client_id"] = .string(namesByID[id] ?? id) }
            return .object(object)
        })
        document["rules"] = .array(snapshot.objects(.rules).map { rule in
            var object = strip(rule, "rules")
            let path = "rules/\(Self.fileName(rule["name"]?.stringValue ?? "rule")).js"
            files[path] = rule["script"]?.stringValue ?? ""
            object["script"] = .string("./\(path)")
            return .object(object)
        })
        document["actions"] = .array(snapshot.objects(.actions).map { action in
            var object = strip(action, "actions")
            let path = "actions/\(Self.fileName(action["name"]?.stringValue ?? "action"))/code.js"
            files[path] = action["code"]?.stringValue ?? ""
            object["code"] = .string("./\(path)")
            object["deployed"] = .bool(action["all_changes_deployed"]?.boolValue ?? action["deployed"]?.boolValue ?? true)
            object["secrets"] = .array((action["secrets"]?.arrayValue ?? []).map { .object(["name": $0["name"] ?? .null]) })
            return .object(object)
        })
        var triggers: [String: JSONValue] = [:]
        for (trigger, bindings) in snapshot.sections[.triggerBindings]?.objectValue ?? [:] {
            let list = bindings.arrayValue ?? []
            guard !list.isEmpty else { continue }
            triggers[trigger] = .array(list.map { .object(["action_name": $0["action"]?["name"] ?? .null, "display_name": $0["display_name"] ?? .null]) })
        }
        document["triggers"] = .object(triggers)
        if let settings = snapshot.sections[.tenantSettings]?.objectValue { document["tenant"] = .object(settings) }
        if let provider = snapshot.sections[.emailProvider]?.objectValue { document["emailProvider"] = .object(provider.filter { $0.key != "credentials" }) }
        document["logStreams"] = .array(snapshot.objects(.logStreams).map { stream in
            Self.placeholders(for: .object(strip(stream, "log_streams")), owner: stream["name"]?.stringValue ?? "log_stream", keywords: &keywords)
        })

        files["tenant.yaml"] = "# Exported from \(snapshot.domain) by `tenantctl export` at \(snapshot.exportedAt).\n" + Self.ordered(document)
        keywords.sort()
        files["tenantctl.yaml"] = settings(domain: snapshot.domain, keywords: keywords)
        return Export(files: files, keywords: keywords)
    }

    /// Sections in the order people read them.
    static func ordered(_ document: [String: JSONValue]) -> String {
        ["tenant", "clients", "resourceServers", "clientGrants", "databases", "connections", "rules", "actions", "triggers", "emailProvider", "logStreams"]
            .compactMap { key in document[key].map { TenantYAMLWriter.yaml(.object([key: $0])) } }
            .joined(separator: "\n")
    }

    private func settings(domain: String, keywords: [String]) -> String {
        var text = "# Deploy settings (docs/settings.md).\ndomain: \(domain)\nallow_deletes: false\n"
        if !keywords.isEmpty {
            text += "# The API never returns configuration values or other secrets: set each of these in the environment before plan or apply.\nsecrets:\n"
            text += keywords.map { "  - \($0)\n" }.joined()
        }
        return text
    }

    private func strip(_ object: [String: JSONValue], _ section: String) -> [String: JSONValue] {
        object.filter { !(Self.serverFields[section] ?? []).contains($0.key) }
    }

    /// Write-only secrets the reader kept as `<redacted>` (a social connection's client secret, a log stream's
    /// token) become secret keywords named after their owner and field, never a literal `<redacted>` that apply
    /// would send.
    static func placeholders(for value: JSONValue, owner: String, path: String = "", keywords: inout [String]) -> JSONValue {
        switch value {
        case .string(SecretReference.redacted):
            let keyword = keyword(connection: owner, key: path.isEmpty ? "SECRET" : path)
            keywords.append(keyword)
            return .string("##\(keyword)##")
        case .object(let fields):
            var result: [String: JSONValue] = [:]
            for (key, field) in fields { result[key] = placeholders(for: field, owner: owner, path: path.isEmpty ? key : "\(path)_\(key)", keywords: &keywords) }
            return .object(result)
        case .array(let items):
            return .array(items.enumerated().map { index, item in
                let label = item["header"]?.stringValue ?? String(index)
                return placeholders(for: item, owner: owner, path: path.isEmpty ? label : "\(path)_\(label)", keywords: &keywords)
            })
        default:
            return value
        }
    }

    /// `LEGACY_USERS_CLIENT_SECRET` from connection `legacy-users` and key `CLIENT_SECRET`.
    static func keyword(connection: String, key: String) -> String {
        let raw = "\(connection)_\(key)".uppercased()
        return String(raw.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func fileName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || "-_. ".contains($0) ? $0 : "_" })
    }
}
