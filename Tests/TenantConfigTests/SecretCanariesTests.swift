import Foundation
import Testing
@testable import TenantConfig

/// The values every output is checked against before it is written.
@Suite struct SecretCanariesTests {
    let environment = [
        "AUTH0_CLIENT_SECRET": "client-secret-0123", "AUTH0_ACCESS_TOKEN": "eyJhbGciOiJSUzI1NiJ9.token",
        "AUTH0_CLIENT_ID": "client-id-not-secret", "LEGACY_API_CLIENT_SECRET": "legacy/secret\"value",
        "DB_CONNECTION_STRING": "postgres://u:p@db/x", "SHORT_TOKEN": "abc1234", "HOME": "/home/runner",
    ]

    @Test func theCredentialsAndVariablesNamedLikeSecretsAreWatched() {
        let canaries = SecretCanaries(environment: environment)
        #expect(canaries.canaries.map(\.name) == ["AUTH0_ACCESS_TOKEN", "AUTH0_CLIENT_SECRET", "LEGACY_API_CLIENT_SECRET"])
    }

    @Test func declaredSecretKeywordsAreWatchedWhateverTheirName() {
        var canaries = SecretCanaries(environment: environment, secretKeywords: ["DB_CONNECTION_STRING"])
        #expect(canaries.firstLeak(in: Data("url: postgres://u:p@db/x".utf8)) == "DB_CONNECTION_STRING")
        canaries = SecretCanaries(environment: environment)
        #expect(canaries.firstLeak(in: Data("url: postgres://u:p@db/x".utf8)) == nil)
        canaries.watch(["DB_CONNECTION_STRING", "NOT_SET"], in: environment)
        #expect(canaries.firstLeak(in: Data("url: postgres://u:p@db/x".utf8)) == "DB_CONNECTION_STRING")
    }

    @Test func valuesShorterThanEightCharactersAreNotWatched() {
        let canaries = SecretCanaries(environment: environment)
        #expect(canaries.value(of: "SHORT_TOKEN") == nil)
        #expect(canaries.firstLeak(in: Data("abc1234".utf8)) == nil)
    }

    @Test func aValueIsFoundAsWrittenJSONEscapedOrPercentEncoded() {
        let canaries = SecretCanaries(environment: environment)
        #expect(canaries.firstLeak(in: Data("token=client-secret-0123&x".utf8)) == "AUTH0_CLIENT_SECRET")
        #expect(canaries.firstLeak(in: Data(#"{"body":"legacy\/secret\"value"}"#.utf8)) == "LEGACY_API_CLIENT_SECRET", "JSON that escapes slashes")
        #expect(canaries.firstLeak(in: JSONValue.object(["body": .string("legacy/secret\"value")]).encoded()) == "LEGACY_API_CLIENT_SECRET", "tenantctl's JSON")
        #expect(canaries.firstLeak(in: Data("/clients/legacy%2Fsecret%22value".utf8)) == "LEGACY_API_CLIENT_SECRET")
        #expect(canaries.firstLeak(in: Data("nothing here; client-id-not-secret is no secret".utf8)) == nil)
    }

    @Test func theFirstLeakIsNamedInAStableOrder() {
        let canaries = SecretCanaries(environment: environment)
        #expect(canaries.firstLeak(in: Data("client-secret-0123 eyJhbGciOiJSUzI1NiJ9.token".utf8)) == "AUTH0_ACCESS_TOKEN")
    }
}
