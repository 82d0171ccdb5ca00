import Foundation
import TenantConfig
@testable import TenantPlan
import Testing

private typealias F = PlanFixtures

/// The configuration digest: keyed v2 digests written and compared, v1 digests (PBKDF2) still read, tenants that
/// mix them, and what a plan says without the key.
@Suite struct ConfigurationDigestTests {
    let key = try! DigestKey(F.digestKey)
    let configuration = ["API_SECRET": "hunter2", "URL": "https://x"]
    /// Written by tenantctl before v2 (computed independently, with Python's hashlib.pbkdf2_hmac) for `configuration`
    /// on the connection `users` of acme-test.eu.auth0.com.
    let writtenByV1 = "v1:CULhTBz984lqq1kGTQw6yQ==:t3SrA45jkYEbPKNqVKuWTTtG4RadqsuYYssVBe2sbss="

    @Test func aV2DigestTellsSameChangedAndAnotherKeyApart() throws {
        let stored = ConfigurationDigest.metadataValue(for: configuration, key: key, domain: F.domain, connection: "users")
        #expect(stored.hasPrefix("v2:\(key.id):"))
        #expect(!stored.contains("hunter2"))
        #expect(try ConfigurationDigest.verdict(stored, configuration, key: key, domain: F.domain, connection: "users") == .same)
        #expect(try ConfigurationDigest.verdict(stored, ["API_SECRET": "hunter3", "URL": "https://x"], key: key, domain: F.domain, connection: "users") == .changed)
        #expect(try ConfigurationDigest.verdict(stored, configuration, key: key, domain: F.domain, connection: "other") == .changed, "tied to its connection")
        #expect(try ConfigurationDigest.verdict(stored, configuration, key: key, domain: "other.eu.auth0.com", connection: "users") == .changed, "and tenant")
        let otherKey = try DigestKey(String(F.digestKey.reversed()))
        #expect(otherKey.id != key.id)
        #expect(try ConfigurationDigest.verdict(stored, configuration, key: otherKey, domain: F.domain, connection: "users") == .otherKey)
        #expect(try ConfigurationDigest.verdict(nil, configuration, key: key, domain: F.domain, connection: "users") == .none)
        #expect(try ConfigurationDigest.verdict("v9:x:y", configuration, key: key, domain: F.domain, connection: "users") == .none)
        #expect(try ConfigurationDigest.verdict("not a digest", configuration, key: key, domain: F.domain, connection: "users") == .none)
    }

    @Test func aV1DigestWrittenByEarlierVersionsIsStillReadAndCompared() throws {
        #expect(try ConfigurationDigest.v1MetadataValue(for: configuration, domain: F.domain, connection: "users") == writtenByV1)
        #expect(try ConfigurationDigest.verdict(writtenByV1, configuration, key: key, domain: F.domain, connection: "users") == .same)
        #expect(try ConfigurationDigest.verdict(writtenByV1, ["API_SECRET": "hunter3", "URL": "https://x"], key: key, domain: F.domain, connection: "users") == .changed)
        #expect(try ConfigurationDigest.verdict("v1:not-base64!:x", configuration, key: key, domain: F.domain, connection: "users") == .none)
        // Kept while it describes the values (no write just to change format); replaced by v2 when they change.
        #expect(try ConfigurationDigest.metadataValue(for: configuration, stored: writtenByV1, key: key, domain: F.domain, connection: "users") == writtenByV1)
        #expect(try ConfigurationDigest.metadataValue(for: ["API_SECRET": "hunter3", "URL": "https://x"], stored: writtenByV1, key: key, domain: F.domain, connection: "users")
            .hasPrefix("v2:"))
    }

    @Test func aTenantMixingV1V2AndNoDigestsPlansEachConnectionRight() throws {
        let names = ["v1-same", "v1-changed", "v2-same", "v2-changed", "v2-other-key", "never-written"]
        let yaml = "databases:\n" + names.map { "  - name: \($0)\n    options:\n      configuration:\n        API_SECRET: ##API_SECRET##\n        URL: https://x\n" }.joined()
        let environment = ["API_SECRET": "hunter2"]
        let otherKey = try DigestKey(String(F.digestKey.reversed()))
        let old = ["API_SECRET": "hunter1", "URL": "https://x"]
        let stored: [String: String?] = [
            "v1-same": try ConfigurationDigest.v1MetadataValue(for: configuration, domain: F.domain, connection: "v1-same"),
            "v1-changed": try ConfigurationDigest.v1MetadataValue(for: old, domain: F.domain, connection: "v1-changed"),
            "v2-same": ConfigurationDigest.metadataValue(for: configuration, key: key, domain: F.domain, connection: "v2-same"),
            "v2-changed": ConfigurationDigest.metadataValue(for: old, key: key, domain: F.domain, connection: "v2-changed"),
            "v2-other-key": ConfigurationDigest.metadataValue(for: configuration, key: otherKey, domain: F.domain, connection: "v2-other-key"),
            "never-written": nil,
        ]
        let connections = names.enumerated().map { index, name in
            let metadata = stored[name]!.map { #"{"tenantctl_cfg":"\#($0)"}"# } ?? "{}"
            return #"{"id":"con_\#(index)","name":"\#(name)","strategy":"auth0","metadata":\#(metadata),"options":{"configuration":{"API_SECRET":"Y2lwaGVy","URL":"Y2lwaGVy"}}}"#
        }
        let plan = try F.plan(F.tenant(yaml, environment: environment), F.snapshot([.connections: F.object("[\(connections.joined(separator: ","))]")]), environment: environment)
        let updated = Dictionary(uniqueKeysWithValues: plan.steps.map { ($0.resource.key, $0) })
        #expect(Set(updated.keys) == ["v1-changed", "v2-changed", "v2-other-key", "never-written"], "v1-same and v2-same are no change")
        for name in ["v1-changed", "v2-changed"] {
            #expect(updated[name]?.changes.contains { $0.after == .string("(sensitive, changed; keys: API_SECRET, URL)") } == true, "\(name)")
        }
        #expect(updated["v2-other-key"]?.notes.first?.hasPrefix("The configuration's digest was made with another TENANTCTL_DIGEST_KEY") == true)
        #expect(updated["never-written"]?.notes.first?.hasPrefix("Adopt configuration") == true)
        // Every configuration written now records a v2 digest of the values sent.
        for step in plan.steps {
            let digest = try #require(step.body?["metadata"]?[ConfigurationDigest.metadataKey]?.stringValue)
            #expect(try ConfigurationDigest.verdict(digest, configuration, key: key, domain: F.domain, connection: step.resource.key) == .same)
            #expect(digest.hasPrefix("v2:\(key.id):"))
        }
        #expect(try !String(decoding: PlanFile.encode(plan), as: UTF8.self).contains("hunter"))
    }

    @Test func theDigestKeyIsAskedForWhenThereIsSomethingToDigest() throws {
        let yaml = "databases:\n  - name: users\n    options:\n      configuration:\n        URL: https://x\n"
        let tenant = F.tenant(yaml)
        #expect(throws: PlanError.secretsNotSet(["TENANTCTL_DIGEST_KEY"])) {
            try Planner(environment: [:]).plan(tenant, against: F.snapshot([:]), liveSource: "test")
        }
        #expect(PlanError.secretsNotSet(["API_SECRET", "TENANTCTL_DIGEST_KEY"]).description
            == "secrets not set in the environment: API_SECRET, TENANTCTL_DIGEST_KEY; export them (a CI secret store, or `export NAME=…`) and plan again. TENANTCTL_DIGEST_KEY keys the digests tenantctl compares secrets and configuration with (docs/secrets.md): generate it once with `openssl rand -base64 32`, keep it with the tenant's other secrets, and set the same value for every plan and apply")
        #expect(throws: PlanError.digestKeyTooShort(length: 9, minimum: 32)) {
            try Planner(environment: [DigestKey.variable: "too-short"]).plan(tenant, against: F.snapshot([:]), liveSource: "test")
        }
        #expect(PlanError.digestKeyTooShort(length: 9, minimum: 32).description.hasPrefix("TENANTCTL_DIGEST_KEY has 9 characters; a digest key needs at least 32 random ones. TENANTCTL_DIGEST_KEY keys the digests"))

        // A preview says the configuration was not compared, and why.
        let live = F.snapshot([.connections: F.object(#"[{"id":"con_1","name":"users","strategy":"auth0","options":{"configuration":{"URL":"Zm9v"}}}]"#)])
        let changing = F.tenant(yaml + "      requires_username: true\n")
        let preview = try Planner(environment: [:], allowMissingSecrets: true).plan(changing, against: live, liveSource: "test")
        #expect(preview.unresolvedSecrets == ["TENANTCTL_DIGEST_KEY"])
        #expect(preview.steps.first?.notes == ["Cannot tell whether the configuration changed: TENANTCTL_DIGEST_KEY not set in the environment. This plan is a preview and cannot be applied."])
        #expect(TextPlanRenderer(color: false).render(preview).hasPrefix("Warning: secrets not set in the environment: TENANTCTL_DIGEST_KEY."))

        // Nothing to digest: no key needed.
        let plain = try Planner(environment: [:]).plan(F.tenant("clients:\n  - name: Web\n    app_type: spa\n"), against: F.snapshot([:]), liveSource: "test")
        #expect(plain.unresolvedSecrets.isEmpty && plain.secrets.isEmpty)
    }

    @Test func secretDigestsInThePlanAreKeyed() throws {
        let yaml = "databases:\n  - name: users\n    options:\n      configuration:\n        API_SECRET: ##API_SECRET##\n"
        let plan = try F.plan(F.tenant(yaml, environment: ["API_SECRET": "hunter2"]), F.snapshot([:]), environment: ["API_SECRET": "hunter2"])
        #expect(plan.secrets == [SecretDigest(name: "API_SECRET", digest: ConfigurationDigest.secretDigest(name: "API_SECRET", value: "hunter2", key: key, domain: F.domain))])
        let other = ConfigurationDigest.secretDigest(name: "API_SECRET", value: "hunter2", key: try DigestKey(String(F.digestKey.reversed())), domain: F.domain)
        #expect(plan.secrets.first?.digest != other, "another key, another digest: a reader of the plan cannot test guesses")
    }

    @Test func v1DerivationsAreDoneOncePerProcessAndPreparedTogether() throws {
        let derivations = V1Derivations()
        let work = (0..<3).map { (ConfigurationDigest.canonical(["K": "value-\($0)"]), ConfigurationDigest.v1Salt(domain: F.domain, connection: "c\($0)")) }
        derivations.derive(work + work)
        #expect(derivations.derivations == 3, "each distinct input once, however often it is asked for")
        let digests = try work.map { try derivations.digest($0.0, salt: $0.1) }
        #expect(derivations.derivations == 3, "then looked up")
        #expect(try digests == work.map { try V1Derivations().digest($0.0, salt: $0.1) }, "the same digests as derived one by one")
        derivations.derive(work)
        #expect(derivations.derivations == 3)
    }

    @Test func preparedV1DigestsCompareAsTheyWouldOneByOne() throws {
        let configurations = (0..<3).map { ["K": "prepared-\($0)"] }
        let stored = try configurations.enumerated().map { try ConfigurationDigest.v1MetadataValue(for: $1, domain: F.domain, connection: "p\($0)") }
        let changed = configurations.map { $0.mapValues { $0 + "!" } }
        ConfigurationDigest.prepareV1(Array(zip(stored, configurations)) + Array(zip(stored, changed)) + [("v2:x:y", configurations[0])])
        for index in 0..<3 {
            #expect(try ConfigurationDigest.verdict(stored[index], configurations[index], key: key, domain: F.domain, connection: "p\(index)") == .same)
            #expect(try ConfigurationDigest.verdict(stored[index], changed[index], key: key, domain: F.domain, connection: "p\(index)") == .changed)
        }
    }

    // MARK: - Failing closed (v1): nothing is compared without a digest

    @Test func aFailedDerivationThrowsWithTheReason() {
        // swift-crypto refuses fewer than 210,000 rounds: the one way to make PBKDF2 fail on purpose.
        let expected = ConfigurationDigest.Failure.keyDerivation("incorrectParameterSize")
        #expect(throws: expected) { try V1Derivations.derive(Data("hunter2".utf8), salt: Data(repeating: 7, count: 16), rounds: 1) }
        #expect(expected.description == "cannot compute the digest of a secret (PBKDF2-HMAC-SHA256 failed: incorrectParameterSize); tenantctl compares secrets only by digest, so it stops instead of guessing")
    }

    @Test func anEmptyV1DigestIsNoDigest() throws {
        // What versions before the fail-closed fix stored when derivation failed: an empty digest.
        let emptyDigest = "v1:\(Data(repeating: 7, count: 16).base64EncodedString()):"
        #expect(try ConfigurationDigest.verdict(emptyDigest, configuration, key: key, domain: F.domain, connection: "users") == .none)
    }
}
