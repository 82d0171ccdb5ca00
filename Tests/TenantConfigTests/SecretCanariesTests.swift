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

    @Test func thousandsOfCanariesAreSearchedInOnePassWithTheSameAnswers() {
        // A tenant whose connections' configuration is all keywords: a thousand and more secrets to look for.
        var environment: [String: String] = [:]
        for index in 0..<1500 { environment[String(format: "DB_%04d_SECRET", index)] = String(format: "value-%04d-shared-prefix", index) }
        // Two secrets with the same first 8 bytes, one a prefix of the other: the first name alphabetically wins.
        environment["AAA_SECRET"] = "value-0999-shared"
        let canaries = SecretCanaries(environment: environment)
        #expect(canaries.canaries.count == 1501)
        let big = Data((String(repeating: "nothing to see here, ", count: 50_000) + "value-0999-shared-prefix").utf8)
        #expect(canaries.firstLeak(in: big) == "AAA_SECRET", "found at the very end, the first name first")
        #expect(canaries.firstLeak(in: Data("x value-1499-shared-prefix y".utf8)) == "DB_1499_SECRET")
        #expect(canaries.firstLeak(in: Data("value-1499-shared-prefi".utf8)) == nil, "one byte short")
        #expect(canaries.firstLeak(in: Data("value".utf8)) == nil, "shorter than any secret")
        #expect(canaries.firstLeak(in: Data(big.dropFirst(21))) == "AAA_SECRET", "a slice of a larger buffer")
    }
}
