import Foundation
import TenantLint
import Testing

/// A pull request controls every file of a tenant folder, tenantctl.yaml's `lint.disable` included, while CI runs
/// tenantctl with the tenant's credentials and secret keywords. A script that is a symlink to the process
/// environment, to /etc/passwd or out of the folder, a FIFO or a file with a NUL byte must stop the run with a
/// loading error, and nothing of what it points at may reach the plan file or any output.
@Suite(.serialized) struct UntrustedFilesTests {
    let secret = ["LEGACY_API_CLIENT_SECRET": "e2e-known-secret-3f9a1c", "TENANTCTL_DIGEST_KEY": e2eDigestKey]
    static let outsideContent = "OUTSIDE-THE-TENANT-0b7e"

    /// acme-dev as a pull request would send it: get_user.js moved to databases/get_user.js (so that
    /// `../../outside.js` leaves the tenant folder), and every rule turned off in its own tenantctl.yaml.
    func attackerTenant(_ fixture: EmulatorFixture) throws -> URL {
        let dev = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        try Self.outsideContent.write(to: fixture.directory.appendingPathComponent("outside.js"), atomically: true, encoding: .utf8)
        let yaml = dev.appendingPathComponent("tenant.yaml")
        try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "./databases/legacy-users/get_user.js", with: "./databases/get_user.js")
            .write(to: yaml, atomically: true, encoding: .utf8)
        let settings = dev.appendingPathComponent("tenantctl.yaml")
        let disable = RuleRegistry.identifiers.sorted().map { "    - rule: \($0)\n      reason: trust me\n" }.joined()
        try (String(contentsOf: settings, encoding: .utf8) + "lint:\n  disable:\n" + disable).write(to: settings, atomically: true, encoding: .utf8)
        return dev
    }

    /// `plan --out` with the attack in place: refused with `finding`, nothing written, nothing of the target shown.
    func expectRefused(_ fixture: EmulatorFixture, finding: String, hidden: [String]) async throws {
        let planned = try await fixture.run(["plan", "dev", "--out", "plan.json"], environment: secret)
        #expect(planned.status == 1)
        #expect(planned.stdout.isEmpty)
        let lines = planned.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [finding, "dev: 1 error, 0 warnings.", "error: dev has 1 validation error(s); fix them before planning"], "\(planned.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("plan.json").path))
        let validated = try await fixture.run(["validate", "dev", "-q"], environment: secret)
        #expect(validated.status == 1)
        #expect(validated.stdout.contains(finding), "lint.disable cannot turn it off: \(validated.stdout)")
        let everything = planned.stdout + planned.stderr + validated.stdout + validated.stderr
        for text in hidden + [secret["LEGACY_API_CLIENT_SECRET"]!, "emulator-secret"] {
            #expect(!everything.contains(text), "\(text) must not show")
        }
        #expect(try await fixture.writes() == 0)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/environ"), "this system has no /proc"))
    func aScriptLinkedToTheProcessEnvironmentIsRefused() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let dev = try attackerTenant(fixture)
        try FileManager.default.createSymbolicLink(atPath: dev.appendingPathComponent("databases/get_user.js").path, withDestinationPath: "/proc/self/environ")
        try await expectRefused(fixture, finding: "dev/tenant.yaml:69:19: error: dev/databases/get_user.js resolves to /proc/self/environ, a /proc entry (the state of a running process, its environment included), not a tenant file; tenantctl reads only regular files inside the tenant folder [not-a-regular-file]",
                                hidden: ["AUTH0_CLIENT_SECRET=", "PATH="])
    }

    @Test func aScriptLinkedToEtcPasswdIsRefused() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let dev = try attackerTenant(fixture)
        try FileManager.default.createSymbolicLink(atPath: dev.appendingPathComponent("databases/get_user.js").path, withDestinationPath: "/etc/passwd")
        let real = URL(fileURLWithPath: "/etc/passwd").resolvingSymlinksInPath().path
        try await expectRefused(fixture, finding: "dev/tenant.yaml:69:19: error: dev/databases/get_user.js resolves to \(real), outside the tenant folder dev; tenantctl reads only files inside it, so a symlink must point to a file there (or copy the file in) [path-escapes-tenant]",
                                hidden: ["root:", "root`"])
    }

    @Test func aScriptLinkedOutOfTheTenantFolderIsRefused() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let dev = try attackerTenant(fixture)
        try FileManager.default.createSymbolicLink(atPath: dev.appendingPathComponent("databases/get_user.js").path, withDestinationPath: "../../outside.js")
        let real = fixture.directory.resolvingSymlinksInPath().appendingPathComponent("outside.js").path
        try await expectRefused(fixture, finding: "dev/tenant.yaml:69:19: error: dev/databases/get_user.js resolves to \(real), outside the tenant folder dev; tenantctl reads only files inside it, so a symlink must point to a file there (or copy the file in) [path-escapes-tenant]",
                                hidden: [Self.outsideContent])
    }

    @Test func aScriptLinkedInsideTheTenantFolderStillWorks() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let dev = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        let yaml = dev.appendingPathComponent("tenant.yaml")
        try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "./databases/legacy-users/get_user.js", with: "./databases/get_user.js")
            .write(to: yaml, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dev.appendingPathComponent("databases/get_user.js").path, withDestinationPath: "legacy-users/get_user.js")
        let planned = try await fixture.run(["plan", "dev", "--out", "plan.json", "-q"], environment: secret)
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("Plan: 1 to add, 4 to change, 0 to destroy."))
        let applied = try await fixture.run(["apply", "plan.json", "-q"], environment: secret)
        #expect(applied.status == 0, "\(applied.stderr)")
    }

    @Test(.timeLimit(.minutes(1))) func aFIFOIsRefusedWithoutHanging() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let dev = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        let script = dev.appendingPathComponent("databases/legacy-users/get_user.js")
        try FileManager.default.removeItem(at: script)
        #expect(mkfifo(script.path, 0o600) == 0)
        // Nobody ever writes to the FIFO: opening it to read would block tenantctl for good.
        let planned = try await fixture.run(["plan", "dev", "--out", "plan.json"], environment: secret)
        #expect(planned.status == 1)
        #expect(planned.stderr.split(separator: "\n").first == "dev/tenant.yaml:69:19: error: dev/databases/legacy-users/get_user.js is a FIFO (named pipe), not a regular file; tenantctl reads only regular files inside the tenant folder [not-a-regular-file]", "\(planned.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("plan.json").path))
    }

    @Test func aScriptWithANULByteIsRefused() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let dev = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        let script = dev.appendingPathComponent("databases/legacy-users/get_user.js")
        try (Data("// ok\0\n".utf8) + Data(contentsOf: script)).write(to: script)
        let planned = try await fixture.run(["plan", "dev", "--out", "plan.json"], environment: secret)
        #expect(planned.status == 1)
        #expect(planned.stderr.split(separator: "\n").first == "dev/databases/legacy-users/get_user.js:1:6: error: dev/databases/legacy-users/get_user.js holds a NUL byte (line 1, column 6); scripts and tenant files are text, so tenantctl refuses it [nul-byte]", "\(planned.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("plan.json").path))
    }

    @Test func theCommittedSnapshotIsReadLikeTheOtherFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantctl-snapshot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let dev = directory.appendingPathComponent("dev")
        try FileManager.default.copyItem(at: CLIProcess.packageRoot.appendingPathComponent("tenants/acme-dev"), to: dev)
        let settings = dev.appendingPathComponent("tenantctl.yaml")
        try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "snapshot: snapshot.json", with: "snapshot: /etc/passwd")
            .write(to: settings, atomically: true, encoding: .utf8)
        // No credentials: plan reads the snapshot tenantctl.yaml names.
        let planned = try await CLIProcess.run(["plan", "dev"], in: directory, environment: secret)
        #expect(planned.status == 1)
        let real = URL(fileURLWithPath: "/etc/passwd").resolvingSymlinksInPath().path
        #expect(planned.stderr == "error: /etc/passwd resolves to \(real), outside the tenant folder dev; tenantctl reads only files inside it, so a symlink must point to a file there (or copy the file in)\n")
        #expect(planned.stdout.isEmpty)
    }
}
