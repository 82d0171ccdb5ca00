import APIJSON
import Foundation

/// The emulated tenant behind the endpoints: an actor, so concurrent requests never lose a write.
actor EmulatorStore {
    var tenant: EmulatedTenant
    private let seed: Data?
    private let stateFile: String?
    private let unavailableFeatures: Set<TenantFeature>
    private let web: [String: JSONValue]

    init(domain: String, seed: Data?, stateFile: String?, unavailableFeatures: Set<TenantFeature> = [], web: [String: JSONValue] = [:]) throws {
        self.web = web
        self.seed = seed
        self.stateFile = stateFile
        self.unavailableFeatures = unavailableFeatures
        if let stateFile, let data = FileManager.default.contents(atPath: stateFile) {
            tenant = try EmulatedTenant(domain: domain, snapshot: data, source: stateFile, unavailableFeatures: unavailableFeatures)
        } else {
            tenant = try EmulatedTenant(domain: domain, snapshot: seed, source: "the seed snapshot", unavailableFeatures: unavailableFeatures)
        }
        tenant.web = web
    }

    /// Back to the seed (or empty).
    func reset() throws {
        tenant = try EmulatedTenant(domain: tenant.domain, snapshot: seed, source: "the seed snapshot", unavailableFeatures: unavailableFeatures)
        tenant.web = web
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
