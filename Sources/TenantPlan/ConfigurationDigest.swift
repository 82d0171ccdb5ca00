import _CryptoExtras
import Crypto
import Foundation
import TenantConfig

/// Tells whether a connection's `options.configuration` changed without reading or storing secrets in clear.
///
/// The API returns configuration values as fresh ciphertext on every read, so they can never be compared. At
/// apply time tenantctl stores, in the connection's `metadata`, a salted slow digest of the configuration it wrote:
/// `tenantctl_cfg: v1:<salt>:<digest>` with PBKDF2-HMAC-SHA256 (210,000 rounds) over the canonical JSON of the
/// resolved values. Planning recomputes the digest of the desired values with the stored salt. Threat model:
/// docs/secrets.md.
public enum ConfigurationDigest {
    public static let metadataKey = "tenantctl_cfg"
    static let rounds = 210_000

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

    /// The metadata value for a configuration, with a salt tied to the tenant and connection (deterministic, so
    /// a plan is byte-identical when nothing changed, and distinct across connections and tenants).
    public static func metadataValue(for configuration: [String: String], domain: String, connection: String) throws(Failure) -> String {
        let salt = Data(SHA256.hash(data: Data("tenantctl-cfg|\(domain)|\(connection)".utf8)).prefix(16))
        return "v1:\(salt.base64EncodedString()):\(try digest(configuration, salt: salt))"
    }

    /// Whether the stored metadata value was computed from exactly this configuration; nil when there is no
    /// usable digest (configuration tenantctl never wrote).
    public static func matches(_ stored: String?, _ configuration: [String: String]) throws(Failure) -> Bool? {
        try matches(stored, configuration, rounds: rounds)
    }

    static func matches(_ stored: String?, _ configuration: [String: String], rounds: Int) throws(Failure) -> Bool? {
        guard let stored else { return nil }
        let parts = stored.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let salt = Data(base64Encoded: String(parts[1])), !parts[2].isEmpty else { return nil }
        return try digest(configuration, salt: salt, rounds: rounds) == parts[2]
    }

    /// A digest of one secret value for the plan file (apply compares it with the environment's value).
    public static func secretDigest(name: String, value: String, domain: String) throws(Failure) -> String {
        let salt = Data(SHA256.hash(data: Data("tenantctl-secret|\(domain)|\(name)".utf8)).prefix(16))
        return "v1:" + (try derive(Data(value.utf8), salt: salt))
    }

    static func digest(_ configuration: [String: String], salt: Data, rounds: Int = rounds) throws(Failure) -> String {
        let canonical = JSONValue.object(configuration.mapValues(JSONValue.string)).encoded()
        return try derive(canonical, salt: salt, rounds: rounds)
    }

    /// PBKDF2-HMAC-SHA256 of `password`, base64. `rounds` is a parameter so a test can make the derivation fail.
    static func derive(_ password: Data, salt: Data, rounds: Int = rounds) throws(Failure) -> String {
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(from: password, salt: salt, using: .sha256, outputByteCount: 32, rounds: rounds)
            return key.withUnsafeBytes { Data($0).base64EncodedString() }
        } catch {
            throw .keyDerivation("\(error)")
        }
    }
}
