import Foundation
import Testing

/// `tenantctl plan` run as a process against the committed example snapshots.
@Suite struct PlanCommandTests {
    let secrets = ["LEGACY_API_CLIENT_SECRET": "dev-only-test-secret", "ACCOUNTS_API_KEY": "dev-only-test-key", "TENANTCTL_DIGEST_KEY": e2eDigestKey]

    @Test func withoutCredentialsItPlansAgainstTheCommittedSnapshotAndSaysSo() async throws {
        let result = try await CLIProcess.run(["plan", "tenants/acme-dev"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Planning acme-dev against the committed snapshot tenants/acme-dev/snapshot.json"))
        #expect(result.stdout.contains("Plan: 1 to add, 4 to change, 0 to destroy."))
    }

    @Test func emptyCredentialVariablesCountAsUnset() async throws {
        // CI systems often define a secret variable as empty on forks.
        let result = try await CLIProcess.run(["plan", "tenants/acme-dev"], environment: ["AUTH0_CLIENT_ID": "", "AUTH0_CLIENT_SECRET": "", "AUTH0_ACCESS_TOKEN": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Planning acme-dev against the committed snapshot"))
    }

    @Test(arguments: ["text", "markdown", "json"])
    func goldenOutput(format: String) async throws {
        let result = try await CLIProcess.run(["plan", "tenants/acme-dev", "--format", format, "--quiet"], environment: secrets)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try Golden.check(result.stdout, against: "plan-acme-dev.\(format)")
        #expect(golden.matches, "\(golden)")
        #expect(!result.stdout.contains("dev-only-test-secret"))
    }

    @Test func withoutCredentialsOrASnapshotItSaysHowToGetEither() async throws {
        let result = try await CLIProcess.run(["plan", "examples/shared-base/prod"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: no snapshot at examples/shared-base/prod/snapshot.json: set AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET"))
        #expect(result.stderr.contains("tenantctl export --snapshot examples/shared-base/prod/snapshot.json"))
        let all = try await CLIProcess.run(["plan", "--all", "--root", "examples/shared-base", "-q"])
        #expect(all.status == 1, "each tenant fails alike")
        #expect(all.stderr.contains("[prod] error: no snapshot") && all.stderr.contains("[staging] error: no snapshot"))
        let misplaced = try await CLIProcess.run(["plan", "tenants/acme-dev", "--root", "examples"])
        #expect(misplaced.status != 0 && misplaced.stderr.contains("--root goes with --all"))
    }

    @Test func detailedExitcodeIsTwoWhenThereAreChanges() async throws {
        let result = try await CLIProcess.run(["plan", "tenants/acme-dev", "--detailed-exitcode", "-q"], environment: secrets)
        #expect(result.status == 2)
    }

    @Test func thePlanFileNeverHoldsASecretAndIsRefusedWithoutThem() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantctl-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("plan.json").path
        let refused = try await CLIProcess.run(["plan", "tenants/acme-dev", "--out", out, "-q"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("secrets not set in the environment: LEGACY_API_CLIENT_SECRET"))
        #expect(!FileManager.default.fileExists(atPath: out))

        let written = try await CLIProcess.run(["plan", "tenants/acme-dev", "--out", out, "-q"], environment: secrets)
        #expect(written.status == 0)
        let bytes = try String(contentsOfFile: out, encoding: .utf8)
        #expect(bytes.contains("\"format_version\" : 3"))
        #expect(bytes.contains("{{secret:LEGACY_API_CLIENT_SECRET}}"))
        #expect(!bytes.contains("dev-only-test-secret"))
    }

    @Test func validationErrorsStopThePlan() async throws {
        let result = try await CLIProcess.run(["plan", "examples/references-resolve"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("validation error"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aSnapshotOfAnotherTenantIsRefused() async throws {
        let result = try await CLIProcess.run(["plan", "tenants/acme-dev", "--against", "tenants/acme-legacy/snapshot.json"], environment: secrets)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the snapshot is of acme-legacy.us.auth0.com but this tenant is acme-dev.eu.auth0.com"))
    }

    @Test func theDashboardDriftOfChangeEmailIsExplained() async throws {
        let result = try await CLIProcess.run(["plan", "tenants/acme-legacy", "-q"], environment: secrets)
        #expect(result.stdout.contains("saving a custom database connection in the Auth0 dashboard deletes it"))
    }

    @Test func aPlanThatCannotBeEncodedIsAnErrorAndWritesNothing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantctl-unencodable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tenant = directory.appendingPathComponent("acme-dev")
        try FileManager.default.copyItem(at: CLIProcess.packageRoot.appendingPathComponent("tenants/acme-dev"), to: tenant)
        let file = tenant.appendingPathComponent("tenant.yaml")
        // YAML reads 1e999 as infinity, a number JSON cannot hold.
        let yaml = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "lifetime_in_seconds: 36000", with: "lifetime_in_seconds: 1e999")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        for format in ["text", "json"] {
            let result = try await CLIProcess.run(["plan", "acme-dev", "--format", format, "--out", "plan.json"], in: directory, environment: secrets)
            #expect(result.status == 1)
            #expect(result.stderr == "error: cannot encode the plan as JSON (Unable to encode Double.inf directly in JSON. at .steps[2].body.jwt_configuration.lifetime_in_seconds); nothing was written\n")
            // Nothing on standard output: the plan and the line saying what it is made against are printed together,
            // once everything is encoded and checked.
            #expect(result.stdout.isEmpty, "\(result.stdout)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("plan.json").path))
        }
    }
}
