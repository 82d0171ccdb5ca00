import Foundation
import Testing
@testable import TenantPlan

/// The configuration digest fails closed: when the key derivation fails nothing is compared, so a changed secret
/// can never be called unchanged because two digests were both empty.
@Suite struct ConfigurationDigestTests {
    let configuration = ["API_SECRET": "hunter2"]
    let salt = Data(repeating: 7, count: 16)

    @Test func aFailedDerivationThrowsWithTheReason() {
        // swift-crypto refuses fewer than 210,000 rounds: the one way to make PBKDF2 fail on purpose.
        let expected = ConfigurationDigest.Failure.keyDerivation("incorrectParameterSize")
        #expect(throws: expected) { try ConfigurationDigest.derive(Data("hunter2".utf8), salt: salt, rounds: 1) }
        #expect(expected.description == "cannot compute the digest of a secret (PBKDF2-HMAC-SHA256 failed: incorrectParameterSize); tenantctl compares secrets only by digest, so it stops instead of guessing")
    }

    @Test func aFailedDerivationNeverMatches() throws {
        // What the old code stored and compared when derivation failed: an empty digest.
        let emptyDigest = "v1:\(salt.base64EncodedString()):"
        #expect(throws: ConfigurationDigest.Failure.keyDerivation("incorrectParameterSize")) {
            try ConfigurationDigest.matches("v1:\(salt.base64EncodedString()):x", configuration, rounds: 1)
        }
        #expect(try ConfigurationDigest.matches(emptyDigest, configuration) == nil, "an empty digest is no digest")
    }

    @Test func theDigestMatchesOnlyTheSameValues() throws {
        let stored = try ConfigurationDigest.metadataValue(for: configuration, domain: "acme.eu.auth0.com", connection: "users")
        #expect(stored.hasPrefix("v1:") && stored.split(separator: ":").last?.count == 44)
        #expect(try ConfigurationDigest.matches(stored, configuration) == true)
        #expect(try ConfigurationDigest.matches(stored, ["API_SECRET": "hunter3"]) == false)
        #expect(try ConfigurationDigest.matches(nil, configuration) == nil)
    }
}
