import Foundation
import TenantLint
import Testing

/// `tenantctl validate` run as a process, as users and pipelines run it.
@Suite struct ValidateCommandTests {
    @Test func theExampleTenantsValidateCleanAndExitZero() async throws {
        let result = try await CLIProcess.run(["validate", "tenants/acme-dev", "tenants/acme-legacy"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("2 tenants: 0 errors, 2 warnings.\n"), "acme-legacy does not say whether it is production: \(result.stdout)")
    }

    @Test func withNoArgumentItValidatesEveryTenantUnderTenants() async throws {
        let result = try await CLIProcess.run(["validate"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("tenants/acme-dev/tenant.yaml"))
        #expect(result.stdout.contains("tenants/acme-legacy/tenant.yaml"))
    }

    @Test func strictFailsOnWarnings() async throws {
        let result = try await CLIProcess.run(["validate", "--strict", "tenants/acme-legacy"])
        #expect(result.status == 1)
    }

    @Test func errorsExitOneAndNameFileLineAndRule() async throws {
        let result = try await CLIProcess.run(["validate", "examples/references-resolve"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("examples/references-resolve/tenant.yaml:8:23: error: client `Acme Wbe` is not declared in this tenant. Did you mean `Acme Web`?"))
    }

    // Without node the output gains a note that script-node-syntax did not run, so the golden files need node.
    @Test(.enabled(if: NodeAvailability.isOnPath, NodeAvailability.whyAbsent), arguments: ["text", "json", "sarif", "github"])
    func goldenOutput(format: String) async throws {
        let result = try await CLIProcess.run(["validate", "--format", format, "examples/scripts-complete", "examples/legacy-api-audience-restricted"])
        #expect(result.status == 1)
        let golden = try Golden.check(result.stdout, against: "validate.\(format)")
        #expect(golden.matches, "\(golden)")
    }

    /// The example folders named after a rule; those whose rule runs Node.js are tested apart (they need node).
    static let nodeRules: Set<String> = ["script-node-syntax"]

    static func ruleFolders() throws -> [String] {
        let examples = CLIProcess.packageRoot.appendingPathComponent("examples")
        let folders = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter {
            FileManager.default.fileExists(atPath: examples.appendingPathComponent("\($0)/tenant.yaml").path)
        }
        let ruleFolders = folders.filter { RuleRegistry.identifiers.contains($0) }
        #expect(Set(folders).subtracting(ruleFolders) == ["test-scripts"], "every example folder is named after the check it shows")
        return ruleFolders.sorted()
    }

    static func expectTripsOnlyItsRule(_ folder: String) async throws {
        let result = try await CLIProcess.run(["validate", "--format", "json", "examples/\(folder)"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = (json?["findings"] as? [[String: Any]] ?? []).filter { ($0["severity"] as? String) != "note" }
        let rules = Set(findings.compactMap { $0["rule"] as? String })
        #expect(rules == [folder], "examples/\(folder) trips \(rules)")
    }

    @Test func everyExampleFolderTripsItsOwnRule() async throws {
        let folders = try Self.ruleFolders().filter { !Self.nodeRules.contains($0) }
        #expect(folders.count >= 5)
        for folder in folders { try await Self.expectTripsOnlyItsRule(folder) }
    }

    @Test(.enabled(if: NodeAvailability.isOnPath, NodeAvailability.whyAbsent))
    func everyExampleFolderOfANodeRuleTripsItsOwnRule() async throws {
        let folders = try Self.ruleFolders().filter(Self.nodeRules.contains)
        #expect(folders == Self.nodeRules.sorted())
        for folder in folders { try await Self.expectTripsOnlyItsRule(folder) }
    }

    @Test func aMissingFolderIsAClearErrorNotACrash() async throws {
        let result = try await CLIProcess.run(["validate", "tenants/does-not-exist"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("tenants/does-not-exist:1:1: error: tenant folder tenants/does-not-exist does not exist"))
    }

    @Test func aPipeGetsNoColourEvenWithoutNoColor() async throws {
        // A test's output is never a terminal, so this shows only that a pipe gets no colour; when colour is on
        // is TerminalStyleTests' job, through an injected terminal check.
        let result = try await CLIProcess.run(["validate", "examples/references-resolve"], environment: ["NO_COLOR": ""])
        #expect(result.status == 1)
        #expect(result.stdout.contains("examples/references-resolve/tenant.yaml:8:23: error:"))
        #expect(!result.stdout.contains("\u{1B}["))
    }
}
