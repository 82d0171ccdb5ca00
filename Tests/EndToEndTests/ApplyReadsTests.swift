import APIJSON
import Foundation
import Testing

/// The reads an apply makes: the plan's read serves as the stale check when nobody was asked anything in between,
/// and the verification reads again only what the steps can have changed.
@Suite struct ApplyReadsTests {
    let secret = ["LEGACY_API_CLIENT_SECRET": "e2e-known-secret-3f9a1c", "TENANTCTL_DIGEST_KEY": e2eDigestKey]

    /// GET requests the emulator answered so far.
    static func reads(_ fixture: EmulatorFixture) async throws -> Int {
        Int(try await fixture.statistics()["requests"]?["GET"]?.numberValue ?? 0)
    }

    /// The GETs of one command.
    func readsOf(_ arguments: [String], _ fixture: EmulatorFixture) async throws -> (reads: Int, result: CLIProcess.Result) {
        let before = try await Self.reads(fixture)
        let result = try await fixture.run(arguments, environment: secret)
        return (try await Self.reads(fixture) - before, result)
    }

    /// acme-dev applied once, then one client's description changed in its files.
    func tenantWithOneClientChanged(_ fixture: EmulatorFixture) async throws -> Int {
        let folder = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        #expect(try await fixture.run(["apply", "dev", "--auto-approve", "-q"], environment: secret).status == 0)
        let yaml = folder.appendingPathComponent("tenant.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        try text.replacingOccurrences(of: "description: Customer-facing single-page application.", with: "description: Customer-facing single-page app.")
            .write(to: yaml, atomically: true, encoding: .utf8)
        // A full read of the tenant, as plan and export make it.
        let full = try await readsOf(["export", "--snapshot", "full.json", "-q"], fixture)
        #expect(full.result.status == 0, "\(full.result.stderr)")
        return full.reads
    }

    @Test func applyingAFolderReadsTheTenantOnceAndThenOnlyTheClientsItChanged() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let full = try await tenantWithOneClientChanged(fixture)
        let applied = try await readsOf(["apply", "dev", "--auto-approve"], fixture)
        #expect(applied.result.status == 0, "\(applied.result.stderr)")
        #expect(applied.result.stdout.contains("Applied 1 of 1 steps. Verified: the tenant now matches its files (No changes)."), "\(applied.result.stdout)")
        // Before: the plan's read, the stale check's and the verification's, three full reads. Now: the plan's, and
        // the one page of clients the verification reads again (the update of a client leaves everything else alone).
        #expect(applied.reads == full + 1, "\(applied.reads) reads; a full read is \(full)")
        #expect(applied.result.stderr.contains("Checking the plan's secrets (the plan's read of the tenant is current)…"), "\(applied.result.stderr)")
    }

    @Test func applyingAPlanFileReadsTheTenantForTheStaleCheckAndThenOnlyTheClientsItChanged() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let full = try await tenantWithOneClientChanged(fixture)
        #expect(try await fixture.run(["plan", "dev", "--out", "plan.json", "-q"], environment: secret).status == 0)

        let applied = try await readsOf(["apply", "plan.json"], fixture)
        #expect(applied.result.status == 0, "\(applied.result.stderr)")
        #expect(applied.result.stdout.contains("Verified: the tenant now matches its files"), "\(applied.result.stdout)")
        // Before: the stale check's and the verification's full reads. Now: the stale check's, then the clients.
        #expect(applied.reads == full + 1, "\(applied.reads) reads; a full read is \(full)")
    }

    @Test func aChangeThatCreatesReReadsWhatRefersToTheNewResource() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let full = try await tenantWithOneClientChanged(fixture)
        // A new client: Auth0 may enable it on connections, and grants name clients, so those are read again too.
        let yaml = fixture.directory.appendingPathComponent("dev/tenant.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        try text.replacingOccurrences(of: "\nclients:\n", with: "\nclients:\n  - name: Reporting Worker\n    app_type: non_interactive\n    grant_types: [client_credentials]\n")
            .write(to: yaml, atomically: true, encoding: .utf8)
        let applied = try await readsOf(["apply", "dev", "--auto-approve"], fixture)
        #expect(applied.result.status == 0, "\(applied.result.stderr)")
        #expect(applied.result.stdout.contains("Verified: the tenant now matches its files"), "\(applied.result.stdout)")
        #expect(applied.reads > full + 1, "connections and grants read again too")
        #expect(applied.reads < 2 * full, "not a second full read: \(applied.reads) reads; a full read is \(full)")
    }
}
