import APIJSON
import Foundation

/// Every resource of the emulated tenant, and the snapshot format it loads from and saves to.
struct EmulatedTenant: Sendable {
    let domain: String
    /// Items of every collection by table: `clients`, `rules`, `organizations/org_1/enabled_connections`.
    var tables: [String: RecordTable] = [:]
    /// Tenant-wide objects by concrete path (`tenants/settings`, `email-templates/verify_email`); absent until
    /// created where the API says so.
    var singletons: [String: JSONValue] = [:]
    /// Features of the API this tenant's plan lacks: their endpoints answer the feature's 403.
    var unavailableFeatures: Set<TenantFeature> = []
    /// What the tenant can fetch from the web, by URL (`EmulatorConfiguration.web`): never part of its state.
    var web: [String: JSONValue] = [:]
    var bindings: [String: [JSONValue]] = [:]

    // The tables the hand-written endpoints use (clients, connections, actions and rules configs have routes of
    // their own; resource servers and grants are read by them).
    var clients: RecordTable {
        get { table("clients") }
        _modify { yield &tables["clients", default: RecordTable()] }
    }
    var connections: RecordTable {
        get { table("connections") }
        _modify { yield &tables["connections", default: RecordTable()] }
    }
    var actions: RecordTable {
        get { table("actions/actions") }
        _modify { yield &tables["actions/actions", default: RecordTable()] }
    }
    var rulesConfigs: RecordTable {
        get { table("rules-configs") }
        _modify { yield &tables["rules-configs", default: RecordTable()] }
    }
    var resourceServers: RecordTable { table("resource-servers") }
    var grants: RecordTable { table("client-grants") }

    /// A tenant from a snapshot, or an empty one with default settings. Either way it has its global client, as
    /// every Auth0 tenant does.
    init(domain: String, snapshot: Data?, source: String, unavailableFeatures: Set<TenantFeature> = []) throws {
        self.domain = domain
        self.unavailableFeatures = unavailableFeatures
        if let snapshot {
            try load(snapshot, source: source)
        } else {
            try loadSingletons(nil, source: source)
        }
        addGlobalClientIfMissing()
    }

    /// Why a seed or state file cannot be used.
    struct SeedError: Error, CustomStringConvertible {
        var description: String
    }

    private mutating func load(_ data: Data, source: String) throws {
        guard let root = try? JSONValue.parse(data), case .object(let object) = root else {
            throw SeedError(description: "\(source) is not a snapshot (a JSON object)")
        }
        guard object["format_version"]?.numberValue == 1 else {
            throw SeedError(description: "\(source) has format_version \(object["format_version"].map { String(decoding: $0.encoded(), as: UTF8.self) } ?? "none"); the emulator reads version 1")
        }
        for client in object["clients"]?.arrayValue?.compactMap(\.objectValue) ?? [] {
            var client = client
            let id = client["client_id"]?.stringValue ?? Identifiers.clientID()
            client["client_id"] = .string(id)
            if client["client_secret"] == nil { client["client_secret"] = .string(Identifiers.secret()) }
            clients[id] = client
        }
        for connection in object["connections"]?.arrayValue?.compactMap(\.objectValue) ?? [] {
            let id = connection["id"]?.stringValue ?? Identifiers.prefixed("con_")
            var c = connection
            c["id"] = .string(id)
            connections[id] = c
        }
        for item in object["actions"]?.arrayValue?.compactMap(\.objectValue) ?? [] {
            var item = item
            let id = item["id"]?.stringValue ?? Identifiers.hex(24)
            item["id"] = .string(id)
            actions[id] = item
        }
        for item in object["rules_configs"]?.arrayValue?.compactMap(\.objectValue) ?? [] {
            if let key = item["key"]?.stringValue { rulesConfigs[key] = item }
        }
        try loadCollections(object, source: source)
        try loadSingletons(object, source: source)
        for (trigger, list) in object["trigger_bindings"]?.objectValue ?? [:] { bindings[trigger] = list.arrayValue ?? [] }
    }

    /// The state in the snapshot format. `includeSecrets` is for the state file only (client secrets,
    /// configuration values and user data in clear, so a restart loses nothing); the admin channel never
    /// includes them.
    func snapshot(includeSecrets: Bool) -> JSONValue {
        func strip(_ client: [String: JSONValue]) -> JSONValue {
            var c = client
            if !includeSecrets { c["client_secret"] = nil }
            return .object(c)
        }
        func connection(_ object: [String: JSONValue]) -> JSONValue {
            includeSecrets ? .object(object) : .object(Ciphertext.presented(object))
        }
        var sections: [String: JSONValue] = [
            "format_version": .number(1),
            "domain": .string(domain),
            "exported_at": .string(ISO8601DateFormatter().string(from: Date())),
            "clients": .array(clients.all.map(strip)),
            "connections": .array(connections.all.map(connection)),
            "rules_configs": .array(rulesConfigs.all.map { includeSecrets ? .object($0) : .object(["key": $0["key"] ?? .null]) }),
            "actions": .array(actions.all.map(JSONValue.object)),
            "trigger_bindings": .object(bindings.mapValues(JSONValue.array)),
        ]
        sections.merge(collectionSections(includeSecrets: includeSecrets)) { current, _ in current }
        sections.merge(singletonSections(includeSecrets: includeSecrets)) { current, _ in current }
        return .object(sections)
    }
}
