import _CryptoExtras
import Crypto
import Foundation
import TenantConfig

/// Tells whether a connection's `options.configuration` changed without reading or storing secrets in clear.
///
/// The API returns configuration values as fresh ciphertext on every read, so they can never be compared. At
/// apply time tenantctl stores, in the connection's `metadata`, a digest of the configuration it wrote, keyed with
/// the tenant's digest key (`DigestKey`): `tenantctl_cfg: v2:<key id>:<HMAC-SHA256>` over the tenant, the connection
/// and the canonical JSON of the resolved values. Planning recomputes it for the desired values. Digests written
/// before (`v1:<salt>:<PBKDF2-HMAC-SHA256, 210,000 rounds>`) are still read and compared, each derivation done once
/// per process and spread over the cores; a connection keeps its v1 digest until its values are written again.
/// Threat model: docs/secrets.md.
public enum ConfigurationDigest {
    public static let metadataKey = "tenantctl_cfg"
    /// The rounds of the v1 format (read only).
    static let v1Rounds = 210_000

    /// Why a digest could not be computed. Nothing is compared without one: an empty digest would match another
    /// empty digest and call a changed secret unchanged.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case keyDerivation(String)

        public var description: String {
            switch self {
            case .keyDerivation(let why):
                "cannot compute the digest of a secret (PBKDF2-HMAC-SHA256 failed: \(why)); tenantctl compares secrets only by digest, so it stops instead of guessing"
            }
        }
    }

    /// What a stored digest says about a configuration.
    public enum Verdict: Equatable, Sendable {
        /// Computed from exactly these values.
        case same
        /// Computed from other values.
        case changed
        /// No digest tenantctl can read (configuration tenantctl never wrote).
        case none
        /// A v2 digest made with another digest key: whether the values changed cannot be told.
        case otherKey
    }

    /// The metadata value for a configuration as this version writes it (v2). Deterministic, so a plan is
    /// byte-identical when nothing changed, and distinct across connections and tenants.
    public static func metadataValue(for configuration: [String: String], key: DigestKey, domain: String, connection: String) -> String {
        "v2:\(key.id):" + key.authenticate([Data("tenantctl-cfg-v2".utf8), Data(domain.utf8), Data(connection.utf8), canonical(configuration)])
    }

    /// The metadata value a plan writes: the stored one while it still describes these values (a v1 digest is kept
    /// rather than rewritten when nothing else changes), else a new v2 digest.
    public static func metadataValue(for configuration: [String: String], stored: String?, key: DigestKey, domain: String, connection: String) throws(Failure) -> String {
        if let stored, stored.hasPrefix("v1:"), try verdict(stored, configuration, key: key, domain: domain, connection: connection) == .same { return stored }
        return metadataValue(for: configuration, key: key, domain: domain, connection: connection)
    }

    /// What the stored metadata value says about this configuration.
    public static func verdict(_ stored: String?, _ configuration: [String: String], key: DigestKey, domain: String, connection: String) throws(Failure) -> Verdict {
        guard let stored else { return .none }
        let parts = stored.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return .none }
        switch parts[0] {
        case "v2":
            guard parts[1] == key.id else { return .otherKey }
            return metadataValue(for: configuration, key: key, domain: domain, connection: connection) == stored ? .same : .changed
        case "v1":
            // An empty digest is no digest (a failed derivation once stored one).
            guard let salt = Data(base64Encoded: String(parts[1])), !parts[2].isEmpty else { return .none }
            return try V1Derivations.shared.digest(canonical(configuration), salt: salt) == parts[2] ? .same : .changed
        default:
            return .none
        }
    }

    /// Whether the stored metadata value was computed from exactly this configuration; nil when that cannot be told
    /// (no digest, or one made with another key).
    public static func matches(_ stored: String?, _ configuration: [String: String], key: DigestKey, domain: String, connection: String) throws(Failure) -> Bool? {
        switch try verdict(stored, configuration, key: key, domain: domain, connection: connection) {
        case .same: true
        case .changed: false
        case .none, .otherKey: nil
        }
    }

    /// Derives, over every core, the v1 digests these comparisons will need, so that the planner's one-by-one
    /// comparisons find them done. Pairs without a v1 digest cost nothing.
    public static func prepareV1(_ comparisons: [(stored: String, configuration: [String: String])]) {
        let work: [(Data, Data)] = comparisons.compactMap { stored, configuration in
            let parts = stored.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "v1", let salt = Data(base64Encoded: String(parts[1])) else { return nil }
            return (canonical(configuration), salt)
        }
        V1Derivations.shared.derive(work)
    }

    /// A digest of one secret value for the plan file (apply compares it with the environment's value), keyed so
    /// that a reader of the plan file cannot test guesses of the value.
    public static func secretDigest(name: String, value: String, key: DigestKey, domain: String) -> String {
        "v2:\(key.id):" + key.authenticate([Data("tenantctl-secret-v2".utf8), Data(domain.utf8), Data(name.utf8), Data(value.utf8)])
    }

    /// The configuration's values with secret markers replaced by the environment's values (nil when one is not
    /// set): what the digest is computed over.
    public static func resolved(_ configuration: [String: JSONValue], secrets: [String: String]) -> [String: String] {
        configuration.mapValues { value -> String in
            let text = value.stringValue ?? String(decoding: value.encoded(), as: UTF8.self)
            return SecretReference.substitute(in: text) { secrets[$0] ?? "" }
        }
    }

    static func canonical(_ configuration: [String: String]) -> Data {
        JSONValue.object(configuration.mapValues(JSONValue.string)).encoded()
    }

    /// The v1 salt of a connection, as v1 wrote it (for tests of the old format).
    static func v1Salt(domain: String, connection: String) -> Data {
        Data(SHA256.hash(data: Data("tenantctl-cfg|\(domain)|\(connection)".utf8)).prefix(16))
    }

    /// A v1 metadata value, exactly as earlier versions wrote it (tests of reading the old format use it).
    static func v1MetadataValue(for configuration: [String: String], domain: String, connection: String) throws(Failure) -> String {
        let salt = v1Salt(domain: domain, connection: connection)
        return "v1:\(salt.base64EncodedString()):\(try V1Derivations.shared.digest(canonical(configuration), salt: salt))"
    }
}

/// PBKDF2 derivations of the v1 format, each done once per process (apply plans up to three times) and, when
/// prepared in a batch, spread over the cores. Entries are keyed by a SHA-256 of their input, never by the values.
final class V1Derivations: @unchecked Sendable {
    static let shared = V1Derivations()
    private let lock = NSLock()
    private var done: [SHA256.Digest: String] = [:]
    private var count = 0

    /// How many derivations this process did (each costs 210,000 rounds).
    var derivations: Int { lock.withLock { count } }

    func digest(_ password: Data, salt: Data) throws(ConfigurationDigest.Failure) -> String {
        let key = Self.cacheKey(password, salt)
        if let known = lock.withLock({ done[key] }) { return known }
        let derived = try Self.derive(password, salt: salt)
        lock.withLock { done[key] = derived; count += 1 }
        return derived
    }

    /// Derives every missing entry (password, salt), several at once. A derivation that fails is left undone: the
    /// comparison that needs it derives it again and throws.
    func derive(_ work: [(Data, Data)]) {
        var seen: Set<SHA256.Digest> = []
        let missing = work.filter { item in
            let key = Self.cacheKey(item.0, item.1)
            return seen.insert(key).inserted && lock.withLock { done[key] == nil }
        }
        guard !missing.isEmpty else { return }
        DispatchQueue.concurrentPerform(iterations: missing.count) { index in
            let (password, salt) = missing[index]
            guard let derived = try? Self.derive(password, salt: salt) else { return }
            lock.withLock { done[Self.cacheKey(password, salt)] = derived; count += 1 }
        }
    }

    private static func cacheKey(_ password: Data, _ salt: Data) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: password)
        return hasher.finalize()
    }

    /// PBKDF2-HMAC-SHA256 of `password`, base64. `rounds` is a parameter so a test can make the derivation fail.
    static func derive(_ password: Data, salt: Data, rounds: Int = ConfigurationDigest.v1Rounds) throws(ConfigurationDigest.Failure) -> String {
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(from: password, salt: salt, using: .sha256, outputByteCount: 32, rounds: rounds)
            return key.withUnsafeBytes { Data($0).base64EncodedString() }
        } catch {
            throw .keyDerivation("\(error)")
        }
    }
}
