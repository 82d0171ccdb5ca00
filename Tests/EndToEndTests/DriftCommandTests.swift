import APIJSON
import Foundation
import Testing

/// `tenantctl drift`: a scheduled check that names what drifted on the live tenant and who can fix it.
@Suite struct DriftCommandTests {
    let secret = ["LEGACY_API_CLIENT_SECRET": "dev-only-test-secret", "TENANTCTL_DIGEST_KEY": e2eDigestKey]

    @Test(arguments: ["text", "markdown"])
    func goldenOutputAgainstTheCommittedSnapshot(format: String) async throws {
        let result = try await CLIProcess.run(["drift", "tenants/acme-dev", "--format", format], environment: secret)
        #expect(result.status == 2, "\(result.stderr)")
        let golden = try Golden.check(result.stdout, against: "drift-acme-dev.\(format)")
        #expect(golden.matches, "\(golden)")
    }

    @Test func aDashboardEditIsNamedWithItsOwnersAndTheExitCodeIsTwo() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        #expect(try await fixture.run(["apply", "dev", "--auto-approve", "-q"], environment: secret).status == 0)
        let clean = try await fixture.run(["drift", "dev"], environment: secret)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout == "No drift: acme-dev.eu.auth0.com matches dev.\n")

        // Someone edits the API in the dashboard.
        try await DirectAPI(fixture).patch("resource-servers/5f1e2d3c4b5a69788796a5b4", #"{"token_lifetime":60}"#)
        let writes = try await fixture.writes()
        let drifted = try await fixture.run(["drift", "dev"], environment: secret)
        #expect(drifted.status == 2, "\(drifted.stderr)")
        #expect(drifted.stdout.hasPrefix("Drift on acme-dev.eu.auth0.com: 1 resource differs from dev (live state: the live tenant http://127.0.0.1:"))
        #expect(drifted.stdout.contains("  ~ resourceServers/https://legacy-users.acme.example/api: changed: token_lifetime\n"))
        #expect(drifted.stdout.contains("Who can fix it: @acme/identity-team (owners in dev/tenantctl.yaml)"))
        #expect(try await fixture.writes() == writes, "drift never writes")

        let json = try await fixture.run(["drift", "dev", "--format", "json"], environment: secret)
        let report = try JSONValue.parse(Data(json.stdout.utf8))
        #expect(report["drift"]?.arrayValue?.first?["kind"] == .string("changed"))
        #expect(report["drift"]?.arrayValue?.first?["fields"] == .array([.string("token_lifetime")]))
        #expect(report["owners"] == .array([.string("@acme/identity-team")]))
    }

    @Test func driftAllCombinesTenantsAndExitsTwoWhenAnyDrifted() async throws {
        let result = try await CLIProcess.run(["drift", "--all", "--format", "json"], environment: secret.merging(["ACCOUNTS_API_KEY": "k"]) { a, _ in a })
        #expect(result.status == 2, "\(result.stderr)")
        let tenants = try JSONValue.parse(Data(result.stdout.utf8))["tenants"]?.objectValue ?? [:]
        #expect(tenants.keys.sorted() == ["acme-dev", "acme-legacy"])
        #expect(tenants["acme-dev"]?["owners"] == .array([.string("@acme/identity-team")]))
        let refused = try await CLIProcess.run(["drift", "--all", "tenants/acme-dev"])
        #expect(refused.status != 0 && refused.stderr.contains("with --all, give no tenant folder"))
    }
}
