import Foundation
import Testing

/// `tenantctl test-scripts` runs the real scripts under Node (skipped with a recorded reason where node is missing).
@Suite(.enabled(if: NodeAvailability.isOnPath, NodeAvailability.whyAbsent))
struct TestScriptsCommandTests {
    @Test func theExampleTenantsScriptsPass() async throws {
        let result = try await CLIProcess.run(["test-scripts", "tenants/acme-dev", "tenants/acme-legacy", "--timeout", "5"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("acme-dev: 9 passed, 0 failed"))
        #expect(!result.stderr.contains("legacy-users"), "acme-dev declares its migration request: \(result.stderr)")
        #expect(result.stdout.contains("acme-legacy: 7 passed, 0 failed"))
    }

    @Test func eachBrokenExampleIsCaughtByItsCheck() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await CLIProcess.run(["test-scripts", "examples/test-scripts", "--timeout", "1", "--format", "json"])
        #expect(clock.now - start < .seconds(15), "a script that never calls back must not hang the run")
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cases = json["cases"] as? [[String: Any]] ?? []
        var rulesByConnection: [String: Set<String>] = [:]
        for c in cases {
            let rules = (c["failures"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
            rulesByConnection[c["connection"] as? String ?? "", default: []].formUnion(rules)
        }
        #expect(rulesByConnection == [
            "never-calls-back": ["callback-once"], "calls-back-twice": ["callback-once"], "string-error": ["error-object"],
            "throws": ["no-throw"], "profile-mismatch": ["profile-consistency"], "forgets-migration": ["marks-migrated"],
        ])
    }

    @Test func junitNamesTheFailures() async throws {
        let result = try await CLIProcess.run(["test-scripts", "examples/test-scripts", "--timeout", "1", "--format", "junit"])
        #expect(result.stdout.hasPrefix("<?xml"))
        #expect(result.stdout.contains("failures=\"6\""))
        #expect(result.stdout.contains("<failure type=\"error-object\""))
    }

    @Test func withoutNodeItSaysWhatToInstall() async throws {
        let result = try await CLIProcess.run(["test-scripts", "tenants/acme-dev"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("node is not on PATH"))
        #expect(result.stderr.contains("apt-get install nodejs"))
    }
}
