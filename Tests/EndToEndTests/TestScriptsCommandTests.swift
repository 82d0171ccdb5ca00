import Foundation
import Testing

/// `tenantctl test-scripts` runs the real scripts under Node (skipped with a recorded reason where node is missing).
@Suite(.enabled(if: NodeAvailability.isOnPath, NodeAvailability.whyAbsent))
struct TestScriptsCommandTests {
    @Test func theExampleTenantsScriptsPass() async throws {
        let result = try await CLIProcess.run(["test-scripts", "tenants/acme-dev", "tenants/acme-legacy", "--timeout", "5"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("acme-dev: 14 passed, 0 failed"))
        #expect(!result.stderr.contains("legacy-users"), "acme-dev declares its migration request: \(result.stderr)")
        #expect(result.stdout.contains("acme-legacy: 13 passed, 0 failed"))
        #expect(result.stdout.contains("ok   legacy API (post-login): `Accounts Portal` is denied a token for https://accounts.acme.example/api"))
        #expect(result.stdout.contains("ok   legacy API (credentials-exchange): `Accounts Sync` is allowed a token for https://accounts.acme.example/api"))
        #expect(result.stdout.contains("ok   actions/restrict-accounts-api (post-login): a login asking for the accounts API is refused"))
    }

    @Test func eachBrokenExampleIsCaughtByItsCheck() async throws {
        let result = try await CLIProcess.run(["test-scripts", "examples/test-scripts", "--timeout", "1", "--format", "json"])
        // The process's own time: the wait for a process slot under a loaded test run is not the command's.
        #expect(result.duration < .seconds(15), "a script that never calls back must not hang the run")
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cases = json["cases"] as? [[String: Any]] ?? []
        var rulesByConnection: [String: Set<String>] = [:]
        for c in cases {
            let rules = (c["failures"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
            rulesByConnection[c["connection"] as? String ?? "actions/\(c["action"] as? String ?? "")", default: []].formUnion(rules)
        }
        #expect(rulesByConnection == [
            "never-calls-back": ["callback-once"], "calls-back-twice": ["callback-once"], "string-error": ["error-object"],
            "throws": ["no-throw"], "profile-mismatch": ["profile-consistency"], "forgets-migration": ["marks-migrated"],
            "actions/handler-throws": ["no-throw"], "actions/never-resolves": ["resolves"], "actions/wrong-export": ["handler-export"],
            "actions/denies-too-late": ["after-return"], "actions/misses-a-claim": ["expectation"],
        ])
    }

    @Test func junitNamesTheFailures() async throws {
        let result = try await CLIProcess.run(["test-scripts", "examples/test-scripts", "--timeout", "1", "--format", "junit"])
        #expect(result.stdout.hasPrefix("<?xml"))
        #expect(result.stdout.contains("failures=\"11\""))
        #expect(result.stdout.contains("classname=\"test-scripts.actions.wrong-export.post-login\""))
        #expect(result.stdout.contains("<failure type=\"error-object\""))
    }

    @Test func actionFailuresNameTheirFileAndLine() async throws {
        let result = try await CLIProcess.run(["test-scripts", "examples/test-scripts", "--timeout", "1"])
        #expect(result.stdout.contains("     examples/test-scripts/actions/wrong-export/code.js:2:1: [handler-export] action `wrong-export` does not export `onExecutePostLogin` (it exports `onExecutePostLogIn`): Auth0 runs a post-login action through `exports.onExecutePostLogin = async (event, api) => { … }`\n"))
        #expect(result.stdout.contains("     examples/test-scripts/actions/handler-throws/code.js:3:47: [no-throw] action `handler-throws` threw TypeError in its handler: Cannot read properties of undefined (reading 'join')."))
        #expect(result.stdout.contains("     examples/test-scripts/actions/never-resolves/code.js: [resolves] action `never-resolves`'s handler never resolved within 1 s (Auth0 fails the login after 20 s)\n"))
    }

    @Test func aTestFileForAnActionThatDoesNotExistIsAnError() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantctl-actions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("t/actions/ghost"), withIntermediateDirectories: true)
        try "clients: []\n".write(to: directory.appendingPathComponent("t/tenant.yaml"), atomically: true, encoding: .utf8)
        try "cases: []\n".write(to: directory.appendingPathComponent("t/actions/ghost/tests.yaml"), atomically: true, encoding: .utf8)
        let result = try await CLIProcess.run(["test-scripts", "t"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr == "t/actions/ghost/tests.yaml:1:1: error: t/actions/ghost/tests.yaml tests an action that t/tenant.yaml does not declare (no action's `code:` is in t/actions/ghost/); declare the action, or move the file beside the code it tests [script-test-file]\n")
    }

    /// The generated legacy API check proves migrate-rules: acme-legacy restricted by its rule alone fails it, as Rules
    /// no longer run; the migrated tenant passes.
    @Test func theLegacyAPICheckFailsBeforeTheMigrationAndPassesAfter() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantctl-legacy-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let tenant = directory.appendingPathComponent("acme-legacy")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIProcess.packageRoot.appendingPathComponent("tenants/acme-legacy"), to: tenant)
        try FileManager.default.removeItem(at: tenant.appendingPathComponent("actions"))
        try FileManager.default.removeItem(at: tenant.appendingPathComponent("tenant.yaml"))
        try FileManager.default.copyItem(at: MigrateRulesCommandTests.fixture.appendingPathComponent("tenant.yaml"), to: tenant.appendingPathComponent("tenant.yaml"))
        try FileManager.default.copyItem(at: MigrateRulesCommandTests.fixture.appendingPathComponent("rules"), to: tenant.appendingPathComponent("rules"))

        let before = try await CLIProcess.run(["test-scripts", "acme-legacy", "--timeout", "5"], in: directory)
        #expect(before.status == 1)
        #expect(before.stdout.contains("""
        FAIL legacy API (post-login): `Accounts Portal` is denied a token for https://accounts.acme.example/api
        """))
        #expect(before.stdout.contains("acme-legacy/tenantctl.yaml:7:3: [legacy-api] `Accounts Portal` gets a token for the legacy identity API https://accounts.acme.example/api through post-login: no action is bound to post-login. Only `Accounts Sync` may; an action bound to post-login must call api.access.deny for every other client\n"))

        let migrated = try await CLIProcess.run(["migrate-rules", "acme-legacy"], in: directory)
        #expect(migrated.status == 0, "\(migrated.stderr)")
        let after = try await CLIProcess.run(["test-scripts", "acme-legacy", "--timeout", "5"], in: directory)
        #expect(after.status == 0, "\(after.stdout)")
        #expect(after.stdout.contains("ok   legacy API (post-login): `Accounts Portal` is denied a token for https://accounts.acme.example/api"))
    }

    @Test func withoutNodeItSaysWhatToInstall() async throws {
        let result = try await CLIProcess.run(["test-scripts", "tenants/acme-dev"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("node is not on PATH"))
        #expect(result.stderr.contains("apt-get install nodejs"))
    }
}
