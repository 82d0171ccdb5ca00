import Foundation
import Testing

/// The last line of defence: no output may hold the value of a credential or secret keyword tenantctl was given.
/// The test seam `TENANTCTL_TEST_LEAK=<kind>:<VARIABLE>` forces the value into one kind of output; each must be
/// refused, with nothing written, exit 1, and a message naming the variable and the output but never the value.
@Suite(.serialized) struct SecretCanaryTests {
    static let secretValue = "e2e-known-secret-3f9a1c"
    static let dsnValue = "postgres://legacy:hunter2@db.internal/users"
    let secrets = ["LEGACY_API_CLIENT_SECRET": secretValue, "LEGACY_DSN": dsnValue, "TENANTCTL_DIGEST_KEY": e2eDigestKey]
    static let tail = "; nothing was written. No output may hold a secret: look for a tenant file that pulls it in, or report a tenantctl bug"

    /// A command run with the seam set, in a fresh emulator with acme-dev copied as `dev` (and planned to plan.json
    /// when `planned`); `LEGACY_DSN` is a secret keyword only because dev's tenantctl.yaml declares it.
    struct Run {
        let fixture: EmulatorFixture
        let result: CLIProcess.Result
    }

    func run(_ arguments: [String], leak: String, planned: Bool = false) async throws -> Run {
        let fixture = try await EmulatorFixture.start()
        let dev = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        let settings = dev.appendingPathComponent("tenantctl.yaml")
        try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "  - LEGACY_API_CLIENT_SECRET", with: "  - LEGACY_API_CLIENT_SECRET\n  - LEGACY_DSN")
            .write(to: settings, atomically: true, encoding: .utf8)
        if planned {
            let plan = try await fixture.run(["plan", "dev", "--out", "plan.json", "-q"], environment: secrets)
            #expect(plan.status == 0, "\(plan.stderr)")
        }
        let result = try await fixture.run(arguments, environment: secrets.merging(["TENANTCTL_TEST_LEAK": leak]) { _, new in new })
        return Run(fixture: fixture, result: result)
    }

    /// Refused: exit 1, the refusal as the last line of standard error, no value anywhere, nothing on standard output.
    func expectRefused(_ run: Run, destination: String, variable: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(run.result.status == 1, sourceLocation: sourceLocation)
        let last = run.result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last == "error: refusing to write \(destination): it would hold the value of \(variable)\(Self.tail)", "\(run.result.stderr)", sourceLocation: sourceLocation)
        #expect(run.result.stdout.isEmpty, "\(run.result.stdout)", sourceLocation: sourceLocation)
        let everything = run.result.stdout + run.result.stderr + run.fixture.everythingWritten()
        for value in [Self.secretValue, Self.dsnValue, "emulator-secret"] {
            #expect(!everything.contains(value), "\(value) reached an output", sourceLocation: sourceLocation)
        }
    }

    /// Refused like `expectRefused`, the destination's name ending in a time stamp: `prefix…suffix`.
    func expectRefused(_ run: Run, destinationPrefix prefix: String, suffix: String, variable: String) throws {
        let last = run.result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        let expectedEnd = "\(suffix): it would hold the value of \(variable)\(Self.tail)"
        #expect(last.hasPrefix("error: refusing to write \(prefix)") && last.hasSuffix(expectedEnd), "\(run.result.stderr)")
        let name = last.dropFirst("error: refusing to write ".count).dropLast(expectedEnd.count - suffix.count)
        try expectRefused(run, destination: String(name), variable: variable)
    }

    @Test(arguments: [("text", "-q"), ("markdown", "-q"), ("json", "-q"), ("text", "--detailed-exitcode")])
    func thePlanOnStandardOutput(format: String, flag: String) async throws {
        let run = try await run(["plan", "dev", "--format", format, flag], leak: "stdout:AUTH0_CLIENT_SECRET")
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destination: "standard output (the plan, as \(format))", variable: "AUTH0_CLIENT_SECRET")
    }

    @Test func thePlanFileAndThePlanBesideIt() async throws {
        let run = try await run(["plan", "dev", "--out", "plan.json"], leak: "plan-file:LEGACY_API_CLIENT_SECRET")
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destination: "the plan file plan.json", variable: "LEGACY_API_CLIENT_SECRET")
        #expect(!FileManager.default.fileExists(atPath: run.fixture.directory.appendingPathComponent("plan.json").path))
    }

    @Test func aSecretKeywordDeclaredOnlyInTheSettings() async throws {
        let run = try await run(["plan", "dev", "-q"], leak: "stdout:LEGACY_DSN")
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destination: "standard output (the plan, as text)", variable: "LEGACY_DSN")
    }

    @Test(arguments: ["text", "markdown", "json"])
    func theDriftReport(format: String) async throws {
        let run = try await run(["drift", "dev", "--format", format, "-q"], leak: "stdout:AUTH0_CLIENT_SECRET")
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destination: "standard output (the drift report, as \(format))", variable: "AUTH0_CLIENT_SECRET")
    }

    @Test(arguments: ["text", "json", "sarif", "github"])
    func theValidateOutput(format: String) async throws {
        let run = try await run(["validate", "dev", "--format", format], leak: "stdout:LEGACY_API_CLIENT_SECRET")
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destination: "standard output (the findings, as \(format))", variable: "LEGACY_API_CLIENT_SECRET")
    }

    @Test func theApplyJournalBeforeAnyStep() async throws {
        let run = try await run(["apply", "plan.json", "-q"], leak: "journal:AUTH0_CLIENT_SECRET", planned: true)
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destinationPrefix: "the apply journal .tenantctl/journal/dev-", suffix: ".jsonl", variable: "AUTH0_CLIENT_SECRET")
        #expect(try await run.fixture.writes() == 0, "the journal refuses its first entry, before the first step")
        let journals = try FileManager.default.contentsOfDirectory(atPath: run.fixture.directory.appendingPathComponent(".tenantctl/journal").path)
        #expect(journals.isEmpty, "\(journals)")
    }

    @Test func thePreApplySnapshot() async throws {
        let run = try await run(["apply", "plan.json", "-q"], leak: "pre-apply-snapshot:LEGACY_API_CLIENT_SECRET", planned: true)
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destinationPrefix: "the pre-apply snapshot .tenantctl/snapshots/dev-", suffix: ".json", variable: "LEGACY_API_CLIENT_SECRET")
        #expect(try await run.fixture.writes() == 0)
        #expect(!FileManager.default.fileExists(atPath: run.fixture.directory.appendingPathComponent(".tenantctl/snapshots").path))
    }

    @Test func standardErrorBeforeAnyStep() async throws {
        let run = try await run(["apply", "plan.json"], leak: "stderr:AUTH0_CLIENT_SECRET", planned: true)
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destination: "standard error", variable: "AUTH0_CLIENT_SECRET")
        #expect(try await run.fixture.writes() == 0, "the first progress line is refused, and the process stops there")
    }

    @Test func theApplyResult() async throws {
        let run = try await run(["apply", "plan.json", "-q", "--format", "json"], leak: "stdout:AUTH0_CLIENT_SECRET", planned: true)
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destination: "standard output (the apply result, as json)", variable: "AUTH0_CLIENT_SECRET")
    }

    @Test func theExportedFolder() async throws {
        let run = try await run(["export", "--tenant", "exported", "-q"], leak: "export-folder:AUTH0_CLIENT_SECRET")
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destination: "the exported tenant folder exported (actions/restrict-legacy-users-api/code.js)", variable: "AUTH0_CLIENT_SECRET")
        #expect(!FileManager.default.fileExists(atPath: run.fixture.directory.appendingPathComponent("exported").path))
    }

    @Test func theExportedSnapshotAndTheSummary() async throws {
        let snapshot = try await run(["export", "--snapshot", "snap.json", "-q"], leak: "export-snapshot:AUTH0_CLIENT_SECRET")
        defer { Task { await snapshot.fixture.stop() } }
        try expectRefused(snapshot, destination: "the snapshot snap.json", variable: "AUTH0_CLIENT_SECRET")
        #expect(!FileManager.default.fileExists(atPath: snapshot.fixture.directory.appendingPathComponent("snap.json").path))
        let summary = try await run(["export", "--snapshot", "snap.json", "-q"], leak: "stdout:AUTH0_CLIENT_SECRET")
        defer { Task { await summary.fixture.stop() } }
        try expectRefused(summary, destination: "standard output (the export summary)", variable: "AUTH0_CLIENT_SECRET")
        #expect(!FileManager.default.fileExists(atPath: summary.fixture.directory.appendingPathComponent("snap.json").path), "checked before the file is written")
    }

    @Test func theRestoredRollbackFolder() async throws {
        let run = try await run(["rollback", "dev", "--to", "dev/snapshot.json"], leak: "rollback-folder:LEGACY_API_CLIENT_SECRET")
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destinationPrefix: "the restored tenant folder .tenantctl/rollback/dev-", suffix: " (actions/restrict-legacy-users-api/code.js)", variable: "LEGACY_API_CLIENT_SECRET")
        #expect(!FileManager.default.fileExists(atPath: run.fixture.directory.appendingPathComponent(".tenantctl/rollback").path))
    }

    @Test func aSchemaFile() async throws {
        let run = try await run(["schema", "settings", "--out", "settings.schema.json"], leak: "schema-file:AUTH0_CLIENT_SECRET")
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destination: "the schema file settings.schema.json", variable: "AUTH0_CLIENT_SECRET")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/node") } ?? false, "node is not on PATH"))
    func theScriptTestResults() async throws {
        let run = try await run(["test-scripts", "dev", "--timeout", "5"], leak: "stdout:LEGACY_API_CLIENT_SECRET")
        defer { Task { await run.fixture.stop() } }
        try expectRefused(run, destination: "standard output (the script test results, as text)", variable: "LEGACY_API_CLIENT_SECRET")
    }

    @Test func theSeamCannotLeakAVariableThatIsNotWatched() async throws {
        let run = try await run(["plan", "dev", "-q"], leak: "stdout:HOME")
        defer { Task { await run.fixture.stop() } }
        #expect(run.result.status == 1)
        #expect(run.result.stdout.isEmpty)
        #expect(run.result.stderr.split(separator: "\n").last == "error: TENANTCTL_TEST_LEAK=stdout:HOME is a test seam: it takes <kind>:<VARIABLE>, with a kind among stdout, stderr, plan-file, journal, pre-apply-snapshot, export-folder, export-snapshot, rollback-folder, schema-file, init-folder and a variable tenantctl watches here (AUTH0_CLIENT_SECRET, LEGACY_API_CLIENT_SECRET, LEGACY_DSN, TENANTCTL_DIGEST_KEY)", "\(run.result.stderr)")
    }
}
