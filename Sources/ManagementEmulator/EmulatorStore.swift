import APIJSON
import Foundation

/// Every resource of the emulated tenant, and the snapshot format it loads from and saves to.
struct EmulatedTenant: Sendable {
    let domain: String
    var clients = RecordTable()
    var connections = RecordTable()
    var resourceServers = RecordTable()
    var grants = RecordTable()
    var rules = RecordTable()
    var rulesConfigs = RecordTable()
    var actions = RecordTable()
    var bindings: [String: [JSONValue]] = [:]
    var tenantSettings: [String: JSONValue] = [:]
    var emailProvider: [String: JSONValue]?
    var logStreams = RecordTable()

    /// A tenant from a snapshot, or an empty one with default settings.
    init(domain: String, snapshot: Data?, source: String) throws {
        self.domain = domain
        if let snapshot {
            try load(snapshot, source: source)
        } else {
            tenantSettings = ["friendly_name": .string("Emulated tenant"), "enabled_locales": .array([.string("en")]), "sandbox_version": .string("22")]
        }
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
        for (table, key, prefix) in [("resource_servers", "id", ""), ("client_grants", "id", "cgr_"), ("rules", "id", "rul_"), ("actions", "id", ""), ("log_streams", "id", "lst_")] {
            for item in object[table]?.arrayValue?.compactMap(\.objectValue) ?? [] {
                var item = item
                let id = item[key]?.stringValue ?? (prefix.isEmpty ? Identifiers.hex(24) : Identifiers.prefixed(prefix))
                item[key] = .string(id)
                switch table {
                case "resource_servers": resourceServers[id] = item
                case "client_grants": grants[id] = item
                case "rules": rules[id] = item
                case "actions": actions[id] = item
                default: logStreams[id] = item
                }
            }
        }
        for item in object["rules_configs"]?.arrayValue?.compactMap(\.objectValue) ?? [] {
            if let key = item["key"]?.stringValue { rulesConfigs[key] = item }
        }
        for (trigger, list) in object["trigger_bindings"]?.objectValue ?? [:] { bindings[trigger] = list.arrayValue ?? [] }
        tenantSettings = object["tenant_settings"]?.objectValue ?? [:]
        emailProvider = object["email_provider"]?.objectValue
    }

    /// The state in the snapshot format. `includeSecrets` is for the state file only (client secrets and
    /// configuration values in clear, so a restart loses nothing); the admin channel never includes them.
    func snapshot(includeSecrets: Bool) -> JSONValue {
        func strip(_ client: [String: JSONValue]) -> JSONValue {
            var c = client
            if !includeSecrets { c["client_secret"] = nil }
            return .object(c)
        }
        func connection(_ object: [String: JSONValue]) -> JSONValue {
            includeSecrets ? .object(object) : .object(Ciphertext.presented(object))
        }
        return .object([
            "format_version": .number(1),
            "domain": .string(domain),
            "exported_at": .string(ISO8601DateFormatter().string(from: Date())),
            "clients": .array(clients.all.map(strip)),
            "connections": .array(connections.all.map(connection)),
            "resource_servers": .array(resourceServers.all.map(JSONValue.object)),
            "client_grants": .array(grants.all.map(JSONValue.object)),
            "rules": .array(rules.all.map(JSONValue.object)),
            "rules_configs": .array(rulesConfigs.all.map { includeSecrets ? .object($0) : .object(["key": $0["key"] ?? .null]) }),
            "actions": .array(actions.all.map(JSONValue.object)),
            "trigger_bindings": .object(bindings.mapValues(JSONValue.array)),
            "tenant_settings": .object(tenantSettings),
            "email_provider": emailProvider.map { includeSecrets ? .object($0) : .object($0.filter { $0.key != "credentials" }) } ?? .null,
            "log_streams": .array(logStreams.all.map { includeSecrets ? .object($0) : .object(Self.presentLogStream($0)) }),
        ])
    }

}

/// The emulated tenant behind the endpoints: an actor, so concurrent requests never lose a write.
actor EmulatorStore {
    var tenant: EmulatedTenant
    private let seed: Data?
    private let stateFile: String?

    init(domain: String, seed: Data?, stateFile: String?) throws {
        self.seed = seed
        self.stateFile = stateFile
        if let stateFile, let data = FileManager.default.contents(atPath: stateFile) {
            tenant = try EmulatedTenant(domain: domain, snapshot: data, source: stateFile)
        } else {
            tenant = try EmulatedTenant(domain: domain, snapshot: seed, source: "the seed snapshot")
        }
    }

    /// Back to the seed (or empty).
    func reset() throws {
        tenant = try EmulatedTenant(domain: tenant.domain, snapshot: seed, source: "the seed snapshot")
        persist()
    }

    func snapshot(includeSecrets: Bool) -> JSONValue { tenant.snapshot(includeSecrets: includeSecrets) }

    /// Writes the state file after a change (atomically, so a crash never leaves half a file).
    func persist() {
        guard let stateFile else { return }
        try? tenant.snapshot(includeSecrets: true).encoded(pretty: true).write(to: URL(fileURLWithPath: stateFile), options: .atomic)
    }
}

/// Id formats of the real API.
enum Identifiers {
    private static let alphanumerics = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    static func random(_ count: Int, from alphabet: [Character] = alphanumerics) -> String {
        String((0..<count).map { _ in alphabet.randomElement()! })
    }

    static func clientID() -> String { random(32) }
    static func secret() -> String { random(64) }
    static func prefixed(_ prefix: String) -> String { prefix + random(16) }
    static func hex(_ count: Int) -> String { random(count, from: Array("0123456789abcdef")) }
    static func uuid() -> String { UUID().uuidString.lowercased() }
}

/// `options.configuration` values as the API presents them: fresh ciphertext on every read.
enum Ciphertext {
    static func presented(_ connection: [String: JSONValue]) -> [String: JSONValue] {
        guard var options = connection["options"]?.objectValue, let configuration = options["configuration"]?.objectValue else { return connection }
        options["configuration"] = .object(configuration.mapValues { _ in
            .string(Data((0..<48).map { _ in UInt8.random(in: 0...255) }).base64EncodedString())
        })
        var copy = connection
        copy["options"] = .object(options)
        return copy
    }
}
