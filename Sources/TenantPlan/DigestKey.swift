import Crypto
import Foundation

/// The tenant's digest key: the secret that keys every digest tenantctl stores on the tenant (a connection's
/// `metadata.tenantctl_cfg`) or records in a plan file (`secrets[].digest`), with HMAC-SHA256. Without it a digest
/// tells nothing about the values, however guessable they are; with it, a digest costs microseconds instead of
/// PBKDF2's 210,000 rounds. It comes from the environment like every secret (`TENANTCTL_DIGEST_KEY`), is kept with
/// the tenant's other secrets, and must stay the same for every plan and apply of the tenant. Threat model:
/// docs/secrets.md.
public struct DigestKey: Sendable {
    /// The environment variable that holds the key.
    public static let variable = "TENANTCTL_DIGEST_KEY"
    /// Fewer characters would make the key itself guessable (`openssl rand -base64 32` gives 44).
    public static let minimumLength = 32
    /// What a person without a key must do, in every message that asks for one.
    public static let howToSet = "\(variable) keys the digests tenantctl compares secrets and configuration with (docs/secrets.md): generate it once with `openssl rand -base64 32`, keep it with the tenant's other secrets, and set the same value for every plan and apply"

    /// The key's bytes (SymmetricKey itself is not Sendable; making one from them costs nothing).
    private let bytes: Data
    /// A public name of the key (HMAC of a fixed text, 8 characters): tells a digest made with another key from
    /// one of other values, and reveals nothing of the key.
    public let id: String

    /// The key from its text; too short is refused.
    public init(_ text: String) throws(PlanError) {
        guard text.count >= Self.minimumLength else { throw .digestKeyTooShort(length: text.count, minimum: Self.minimumLength) }
        bytes = Data(text.utf8)
        let name = HMAC<SHA256>.authenticationCode(for: Data("tenantctl-digest-key-id".utf8), using: SymmetricKey(data: bytes))
        id = Data(name).prefix(6).base64EncodedString().replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-")
    }

    /// The key the environment holds; nil when the variable is unset or empty (as credentials are treated).
    public static func from(environment: [String: String]) throws(PlanError) -> DigestKey? {
        guard let text = environment[variable], !text.isEmpty else { return nil }
        return try DigestKey(text)
    }

    /// HMAC-SHA256 of `parts` joined by NUL bytes (no part of a digest input can hold one: names, domains, JSON),
    /// base64.
    func authenticate(_ parts: [Data]) -> String {
        var mac = HMAC<SHA256>(key: SymmetricKey(data: bytes))
        for (index, part) in parts.enumerated() {
            if index > 0 { mac.update(data: Data([0])) }
            mac.update(data: part)
        }
        return Data(mac.finalize()).base64EncodedString()
    }
}
