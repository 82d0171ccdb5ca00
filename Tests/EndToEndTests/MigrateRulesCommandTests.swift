import Foundation
import Testing

/// `tenantctl migrate-rules` on acme-legacy as it was before its migration (Tests/EndToEndTests/Fixtures), and the
/// plan the migrated tenant leads to, read from its committed snapshot.
@Suite struct MigrateRulesCommandTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/acme-legacy-before-migration")

    /// A scratch folder holding a copy of the repository's acme-legacy.
    func copyOfAcmeLegacy(beforeMigration: Bool) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantctl-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tenant = directory.appendingPathComponent("acme-legacy")
        try FileManager.default.copyItem(at: CLIProcess.packageRoot.appendingPathComponent("tenants/acme-legacy"), to: tenant)
        if beforeMigration {
            try FileManager.default.removeItem(at: tenant.appendingPathComponent("actions"))
            try FileManager.default.removeItem(at: tenant.appendingPathComponent("tenant.yaml"))
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("tenant.yaml"), to: tenant.appendingPathComponent("tenant.yaml"))
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("rules"), to: tenant.appendingPathComponent("rules"))
        }
        return directory
    }

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func beforeTheMigrationTheRuleIsAnErrorNamingTheCommand() async throws {
        let directory = try copyOfAcmeLegacy(beforeMigration: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await CLIProcess.run(["validate", "acme-legacy"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains("acme-legacy/tenant.yaml:55:5: error: rule `restrict-accounts-api` is the only restriction of the legacy identity API `https://accounts.acme.example/api`, but Auth0 Rules stopped running on 2026-11-18: any client can get a token for it. Run `tenantctl migrate-rules acme-legacy` to convert the rules into post-login actions bound to their trigger, then `tenantctl test-scripts acme-legacy` to check that only `Accounts Sync` can get a token for it. [legacy-api-audience-restricted]"), "\(result.stdout)")
    }

    @Test func theCommandProducesTheRepositorysMigratedAcmeLegacy() async throws {
        let directory = try copyOfAcmeLegacy(beforeMigration: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let dryRun = try await CLIProcess.run(["migrate-rules", "acme-legacy", "--dry-run"], in: directory)
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.hasPrefix("acme-legacy: 1 rule converted into post-login action (dry run: nothing written)\n"))
        #expect(try text(directory.appendingPathComponent("acme-legacy/tenant.yaml")) == text(Self.fixture.appendingPathComponent("tenant.yaml")))

        let result = try await CLIProcess.run(["migrate-rules", "acme-legacy"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
        acme-legacy: 1 rule converted into post-login action
          rule `restrict-accounts-api` → action `restrict-accounts-api` (acme-legacy/actions/restrict-accounts-api/code.js)
          acme-legacy/tenant.yaml: the rules replaced by `rules: []` (plan deletes the live ones); the actions declared and bound to post-login in the rules' order
          removed acme-legacy/rules/restrict-accounts-api.js
        Next: review the change, run `tenantctl test-scripts acme-legacy`, then `tenantctl plan acme-legacy`: it creates, deploys and binds each action before it deletes the rule it replaces (deletes need `allow_deletes: true`).

        """)
        let repository = CLIProcess.packageRoot.appendingPathComponent("tenants/acme-legacy")
        for file in ["tenant.yaml", "actions/restrict-accounts-api/code.js"] {
            #expect(try text(directory.appendingPathComponent("acme-legacy/\(file)")) == text(repository.appendingPathComponent(file)), "\(file) differs from the repository's")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("acme-legacy/rules/restrict-accounts-api.js").path))
        let validated = try await CLIProcess.run(["validate", "acme-legacy"], in: directory)
        #expect(validated.status == 0, "\(validated.stdout)")
    }

    @Test func thePlanCreatesDeploysAndBindsTheActionBeforeDeletingTheRule() async throws {
        let directory = try copyOfAcmeLegacy(beforeMigration: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let settings = directory.appendingPathComponent("acme-legacy/tenantctl.yaml")
        let kept = try await CLIProcess.run(["plan", "acme-legacy", "--format", "json"], in: directory)
        #expect(kept.status == 0, "\(kept.stderr)")
        let keptPlan = try JSONSerialization.jsonObject(with: Data(kept.stdout.utf8)) as? [String: Any]
        #expect((keptPlan?["kept"] as? [[String: Any]])?.contains { ($0["resource"] as? [String: Any])?["key"] as? String == "restrict-accounts-api" } == true,
                "with the repository's `allow_deletes: false` the rule is kept, loudly")

        try text(settings).replacingOccurrences(of: "allow_deletes: false", with: "allow_deletes: true").write(to: settings, atomically: true, encoding: .utf8)
        let result = try await CLIProcess.run(["plan", "acme-legacy", "--format", "json"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let steps = try #require(plan["steps"] as? [[String: Any]])
        func position(_ action: String, _ kind: String, _ key: String) -> Int? {
            steps.firstIndex { step in
                let resource = step["resource"] as? [String: Any]
                return step["action"] as? String == action && resource?["kind"] as? String == kind && resource?["key"] as? String == key
            }
        }
        let deletions = steps.filter { ($0["action"] as? String) == "delete" && (($0["resource"] as? [String: Any])?["kind"] as? String) == "rules" }
        #expect(deletions.count == 1)
        for deletion in deletions {
            let rule = try #require((deletion["resource"] as? [String: Any])?["key"] as? String)
            let delete = try #require(position("delete", "rules", rule))
            let create = try #require(position("create", "actions", rule), "the action replacing rule \(rule) is created")
            let deploy = try #require(position("deploy", "actions", rule), "and deployed")
            let bind = try #require(position("update", "triggers", "post-login"), "and bound")
            let bindings = try #require((steps[bind]["body"] as? [String: Any])?["bindings"] as? [[String: Any]])
            #expect(bindings.contains { ($0["ref"] as? [String: Any])?["value"] as? String == rule })
            #expect(create < deploy && deploy < bind && bind < delete, "create \(create), deploy \(deploy), bind \(bind), delete \(delete)")
        }
    }

    @Test func aRuleThatCannotBeReadChangesNothing() async throws {
        let directory = try copyOfAcmeLegacy(beforeMigration: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let rule = directory.appendingPathComponent("acme-legacy/rules/restrict-accounts-api.js")
        try "function restrictAccountsApi(user, context, callback) {\n  return callback(new UnauthorizedError('unterminated);\n}\n".write(to: rule, atomically: true, encoding: .utf8)
        let result = try await CLIProcess.run(["migrate-rules", "acme-legacy"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr == "acme-legacy/rules/restrict-accounts-api.js:2:41: error: rule `restrict-accounts-api` does not parse: unterminated string literal: the ' here is not closed on its line; migrate-rules converts only code it can read. Fix the rule (or convert it by hand into an action) and run migrate-rules again. Nothing was changed. [migrate-rules]\n")
        #expect(try text(directory.appendingPathComponent("acme-legacy/tenant.yaml")) == text(Self.fixture.appendingPathComponent("tenant.yaml")))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("acme-legacy/actions").path))
    }
}
