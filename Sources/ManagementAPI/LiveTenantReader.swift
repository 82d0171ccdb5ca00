import APIJSON
import Foundation
import TenantConfig

/// Reads every section tenantctl manages from a live tenant into a `TenantSnapshot`, dropping secrets before
/// anything is kept, with the fewest calls the pagination allows.
public struct LiveTenantReader: Sendable {
    /// The triggers whose bindings are read.
    public static let triggers = ["post-login", "credentials-exchange", "pre-user-registration", "post-user-registration", "post-change-password", "send-phone-message"]

    public let client: ManagementClient
    /// Told of each section as it is read (for a progress display).
    public var progress: @Sendable (String, Int) -> Void

    public init(client: ManagementClient, progress: @escaping @Sendable (String, Int) -> Void = { _, _ in }) {
        self.client = client
        self.progress = progress
    }

    public func read(domain: String) async throws(ManagementAPIError) -> TenantSnapshot {
        var sections: [SnapshotSection: JSONValue] = [:]
        let clients = try await client.listAll("clients", itemsKey: "clients").map { Redaction.client($0) }
        sections[.clients] = .array(Self.sorted(clients, by: "name"))
        progress("clients", clients.count)

        var connections: [JSONValue] = []
        for connection in try await client.listAll("connections", itemsKey: "connections", checkpoint: true) {
            guard var object = connection.objectValue, let id = object["id"]?.stringValue else { continue }
            // `enabled_clients` on the connection is deprecated: the clients endpoint is the source of truth.
            let enabled = try await client.listAll("connections/\(id)/clients", itemsKey: "clients", checkpoint: true, take: 1000)
            object["enabled_clients"] = .array(enabled.compactMap { $0["client_id"] }.sorted { ($0.stringValue ?? "") < ($1.stringValue ?? "") })
            connections.append(Redaction.connection(.object(object)))
        }
        sections[.connections] = .array(Self.sorted(connections, by: "name"))
        progress("connections", connections.count)

        let servers = try await client.listAll("resource-servers", itemsKey: "resource_servers").filter { $0["is_system"]?.boolValue != true }
        sections[.resourceServers] = .array(Self.sorted(servers.map(Redaction.resourceServer), by: "identifier"))
        progress("resource servers", servers.count)

        let grants = try await client.listAll("client-grants", itemsKey: "client_grants")
        sections[.clientGrants] = .array(grants.sorted { "\($0["client_id"]?.stringValue ?? "")|\($0["audience"]?.stringValue ?? "")" < "\($1["client_id"]?.stringValue ?? "")|\($1["audience"]?.stringValue ?? "")" })
        progress("client grants", grants.count)

        let rules = try await client.listAll("rules", itemsKey: "rules")
        sections[.rules] = .array(rules.sorted { ($0["order"]?.numberValue ?? 0) < ($1["order"]?.numberValue ?? 0) })
        progress("rules", rules.count)

        let configs = try await client.send(APIRequest("GET", "rules-configs")).body?.arrayValue ?? []
        sections[.rulesConfigs] = .array(configs.map { .object(["key": $0["key"] ?? .null]) })

        let actions = try await client.listAll("actions/actions", itemsKey: "actions").map(Redaction.action)
        sections[.actions] = .array(Self.sorted(actions, by: "name"))
        progress("actions", actions.count)

        var bindings: [String: JSONValue] = [:]
        for trigger in Self.triggers {
            let list = try await client.listAll("actions/triggers/\(trigger)/bindings", itemsKey: "bindings")
            bindings[trigger] = .array(list)
        }
        sections[.triggerBindings] = .object(bindings)

        sections[.tenantSettings] = try await client.send(APIRequest("GET", "tenants/settings")).body ?? .object([:])
        do {
            sections[.emailProvider] = try await client.send(APIRequest("GET", "emails/provider")).body.map(Redaction.emailProvider) ?? .null
        } catch .http(status: 404, _, _, _) {
            sections[.emailProvider] = .null
        }
        let streams = try await client.send(APIRequest("GET", "log-streams")).body?.arrayValue ?? []
        sections[.logStreams] = .array(Self.sorted(streams.map(Redaction.logStream), by: "name"))
        progress("tenant settings, email provider, log streams", 1)

        let now = ISO8601DateFormatter().string(from: Date())
        return TenantSnapshot(domain: domain, exportedAt: now, sections: sections)
    }

    static func sorted(_ items: [JSONValue], by key: String) -> [JSONValue] {
        items.sorted { ($0[key]?.stringValue ?? "") < ($1[key]?.stringValue ?? "") }
    }
}

/// What never leaves the API: secrets are dropped from every object before it is kept.
public enum Redaction {
    public static func client(_ value: JSONValue) -> JSONValue {
        drop(value, ["client_secret", "signing_keys", "encryption_key"])
    }

    public static func resourceServer(_ value: JSONValue) -> JSONValue { drop(value, ["signing_secret"]) }

    /// Social and enterprise connections hold their identity provider's secret in `options` (`client_secret`,
    /// Twitter's `consumer_secret`, …): kept as `<redacted>`, so a plan still sees it is set and says so when an
    /// update would remove it. `options.configuration` stays: the API returns only its ciphertext.
    public static func connection(_ value: JSONValue) -> JSONValue {
        guard var object = value.objectValue, var options = object["options"]?.objectValue else { return value }
        for key in options.keys where key.lowercased().hasSuffix("secret") || ["signingkey", "signing_key", "private_key", "privatekey"].contains(key.lowercased()) {
            options[key] = .string(SecretReference.redacted)
        }
        object["options"] = .object(options)
        return .object(object)
    }

    public static func action(_ value: JSONValue) -> JSONValue {
        guard var object = value.objectValue else { return value }
        object["secrets"] = .array((object["secrets"]?.arrayValue ?? []).map { .object(["name": $0["name"] ?? .null]) })
        return .object(object)
    }

    public static func emailProvider(_ value: JSONValue) -> JSONValue { drop(value, ["credentials"]) }

    /// Log stream sinks hold API keys and tokens; only their non-secret settings are kept.
    public static func logStream(_ value: JSONValue) -> JSONValue {
        guard var object = value.objectValue, var sink = object["sink"]?.objectValue else { return value }
        // Sumo Logic's source address is a URL holding its token.
        for key in sink.keys where ["key", "token", "secret", "authorization", "password", "sumosourceaddress"].contains(where: key.lowercased().contains) {
            sink[key] = .string(SecretReference.redacted)
        }
        // HTTP sinks carry custom headers (often an API key under any name): keep the names, never the values.
        if let headers = sink["httpCustomHeaders"]?.arrayValue {
            sink["httpCustomHeaders"] = .array(headers.map { header in
                guard var fields = header.objectValue else { return .string(SecretReference.redacted) }
                if fields["value"] != nil { fields["value"] = .string(SecretReference.redacted) }
                return .object(fields)
            })
        }
        object["sink"] = .object(sink)
        return .object(object)
    }

    private static func drop(_ value: JSONValue, _ keys: [String]) -> JSONValue {
        guard var object = value.objectValue else { return value }
        for key in keys { object[key] = nil }
        return .object(object)
    }
}
