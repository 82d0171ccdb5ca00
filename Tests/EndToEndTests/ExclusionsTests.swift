import APIJSON
import Foundation
import Testing

/// `exclude:` and `ignore_fields:` through the real CLI against the emulator: what another team owns survives a
/// deleting apply, and a field the dashboard owns is neither drift nor a change.
@Suite struct ExclusionsTests {
    let secret = ["LEGACY_API_CLIENT_SECRET": "dev-only-test-secret", "TENANTCTL_DIGEST_KEY": e2eDigestKey]

    @Test func anExcludedClientSurvivesDeletesAndAnIgnoredFieldChangedLiveIsNoDrift() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let folder = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        let settingsURL = folder.appendingPathComponent("tenantctl.yaml")
        let settings = try String(contentsOf: settingsURL, encoding: .utf8)
            .replacingOccurrences(of: "allow_deletes: false", with: "allow_deletes: true")
            + """
            exclude:
              clients:
                - name: Old Admin Tool
                  reason: owned by the admin team
            ignore_fields:
              clients: [callbacks]

            """
        try settings.write(to: settingsURL, atomically: true, encoding: .utf8)

        let planned = try await fixture.run(["plan", "dev"], environment: secret)
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("Excluded (left alone):\n  = clients/Old Admin Tool: owned by the admin team (`exclude.clients` (`Old Admin Tool`) in tenantctl.yaml)\n"), "\(planned.stdout)")
        #expect(!planned.stdout.contains("- clients/Old Admin Tool"))

        let applied = try await fixture.run(["apply", "dev", "--auto-approve", "-q"], environment: secret)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let clients = try await fixture.snapshot()["clients"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(clients.contains("Old Admin Tool"), "the excluded client survives `allow_deletes: true`: \(clients)")

        // Someone edits the client's callbacks in the dashboard: ignored, so no drift and no change.
        try await DirectAPI(fixture).patch("clients/Xk2mWq9PZtR4vLb7NcY1hJd3sFgA0eUo", #"{"callbacks":["https://dashboard.acme.example/cb"]}"#)
        let drift = try await fixture.run(["drift", "dev"], environment: secret)
        #expect(drift.status == 0, "\(drift.stdout)\(drift.stderr)")
        #expect(drift.stdout == "No drift: acme-dev.eu.auth0.com matches dev.\nNot compared, excluded by `exclude:` in tenantctl.yaml: clients/Old Admin Tool.\n")
        let replanned = try await fixture.run(["plan", "dev", "--detailed-exitcode"], environment: secret)
        #expect(replanned.status == 0, "\(replanned.stdout)\(replanned.stderr)")
        #expect(replanned.stdout.contains("\nNo changes. dev (acme-dev.eu.auth0.com) matches its files.\n"))
        #expect(replanned.stdout.contains("  i clients/Acme Web: `callbacks` is ignored (`ignore_fields.clients` in tenantctl.yaml): the live value is kept, although the files say otherwise.\n"))
        let after = try await fixture.snapshot()["clients"]?.arrayValue?.first { $0["name"]?.stringValue == "Acme Web" }
        #expect(after?["callbacks"] == .array([.string("https://dashboard.acme.example/cb")]))
    }

    @Test func aPatternThatDoesNotCompileStopsThePlanWithItsLine() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let folder = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        let settingsURL = folder.appendingPathComponent("tenantctl.yaml")
        try (try String(contentsOf: settingsURL, encoding: .utf8) + "exclude:\n  clients: [\"Old [Admin\"]\n").write(to: settingsURL, atomically: true, encoding: .utf8)
        let writes = try await fixture.writes()
        let result = try await fixture.run(["plan", "dev"], environment: secret)
        #expect(result.status == 1)
        #expect(result.stderr.contains("dev/tenantctl.yaml:25:13: error: `exclude.clients`: the pattern `Old [Admin` does not compile"), "\(result.stderr)")
        #expect(try await fixture.writes() == writes)
    }
}
