import Foundation
import ManagementEmulator
import Testing

/// export's bad inputs: clear errors, non-zero exit, no partial files.
@Suite struct ExportCommandTests {
    @Test func anUnreachableTenantIsAClearErrorAndWritesNothing() async throws {
        let fixture = try await EmulatorFixture.start()
        let directory = fixture.directory
        await fixture.emulator.stop()
        let result = try await CLIProcess.run(["export", "--snapshot", "out/snap.json", "-q"], in: directory, environment: fixture.environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot be reached"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
        try? FileManager.default.removeItem(at: directory)
    }

    @Test func refusedCredentialsAreNamed() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let result = try await fixture.run(["export", "--snapshot", "snap.json", "-q"], environment: ["AUTH0_CLIENT_SECRET": "wrong"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("refused tenantctl's credentials"))
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("snap.json").path))
    }

    @Test func missingScopesAreNamed() async throws {
        let fixture = try await EmulatorFixture.start { $0.grantedScopes = ["read:tenant_settings", "read:clients"] }
        defer { Task { await fixture.stop() } }
        let result = try await fixture.run(["export", "--snapshot", "snap.json", "-q"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the token lacks the scope read:connections"))
    }

    @Test func anInsecureDomainIsRefused() async throws {
        let result = try await CLIProcess.run(["export", "--snapshot", "/tmp/never.json", "--domain", "http://acme.auth0.com"],
                                        environment: ["AUTH0_CLIENT_ID": "x", "AUTH0_CLIENT_SECRET": "y"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("http:// is only accepted for loopback addresses"))
    }

    @Test func withoutCredentialsItSaysWhichToSet() async throws {
        let result = try await CLIProcess.run(["export", "--snapshot", "/tmp/never.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("export AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET"))
    }

    @Test func theSnapshotFromAnEmulatorSeedsAnotherIdentically() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        #expect(try await fixture.run(["export", "--snapshot", "a.json", "-q"]).status == 0)
        let a = try Data(contentsOf: fixture.directory.appendingPathComponent("a.json"))
        var configuration = EmulatorConfiguration()
        configuration.seed = a
        configuration.rate = 1000
        configuration.burst = 1000
        let second = try await ManagementEmulator.start(configuration)
        defer { Task { await second.stop() } }
        let result = try await CLIProcess.run(["export", "--snapshot", "b.json", "-q"], in: fixture.directory,
                                        environment: ["AUTH0_CLIENT_ID": "emulator", "AUTH0_CLIENT_SECRET": "emulator-secret", "AUTH0_DOMAIN": second.baseURL])
        #expect(result.status == 0)
        func stable(_ name: String) throws -> String {
            try String(contentsOf: fixture.directory.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n").filter { !$0.contains("exported_at") && !$0.contains("\"domain\"") && !$0.contains("\"configuration\"") }
                .joined(separator: "\n")
        }
        // Configuration values are fresh ciphertext on every read: compare everything else.
        let lhs = try stable("a.json").replacingOccurrences(of: #""[A-Za-z0-9+/=]{64}""#, with: "C", options: .regularExpression)
        let rhs = try stable("b.json").replacingOccurrences(of: #""[A-Za-z0-9+/=]{64}""#, with: "C", options: .regularExpression)
        #expect(lhs == rhs)
    }

    @Test func writeOnlySecretsBecomeKeywordsAndPlanCleanlyOnceSet() async throws {
        // A social connection's client secret and a log stream's token: the API returns them, tenantctl never keeps them.
        let seed = """
        {"format_version":1,"domain":"acme-dev.eu.auth0.com","exported_at":"2026-11-24T00:00:00Z",
         "clients":[{"client_id":"c1","name":"Web","app_type":"spa"}],
         "connections":[{"id":"con_google0000000001","name":"google-oauth2","strategy":"google-oauth2","enabled_clients":["c1"],
                         "options":{"client_id":"google-id","client_secret":"google-secret-7Hq2","scope":["email","profile"]}}],
         "log_streams":[{"id":"lst_0000000000000001","name":"Sumo","type":"sumo","status":"active",
                         "sink":{"sumoSourceAddress":"https://collectors.sumologic.com/receiver/v1/http/sumo-token-9Xk"}}],
         "tenant_settings":{"friendly_name":"Acme"}}
        """
        let fixture = try await EmulatorFixture.start(seed: nil) { $0.seed = Data(seed.utf8) }
        defer { Task { await fixture.stop() } }
        let exported = try await fixture.run(["export", "--tenant", "acme", "-q"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let written = fixture.everythingWritten()
        #expect(!written.contains("google-secret-7Hq2") && !written.contains("sumo-token-9Xk"), "no write-only secret is written")
        let yaml = try String(contentsOf: fixture.directory.appendingPathComponent("acme/tenant.yaml"), encoding: .utf8)
        #expect(!yaml.contains("<redacted>"), "no placeholder apply would send as a value")
        #expect(yaml.contains("client_secret: '##GOOGLE_OAUTH2_CLIENT_SECRET##'") || yaml.contains("client_secret: \"##GOOGLE_OAUTH2_CLIENT_SECRET##\""), "\(yaml)")
        #expect(yaml.contains("##SUMO_SINK_SUMOSOURCEADDRESS##"))
        let settings = try String(contentsOf: fixture.directory.appendingPathComponent("acme/tenantctl.yaml"), encoding: .utf8)
        #expect(settings.contains("  - GOOGLE_OAUTH2_CLIENT_SECRET\n") && settings.contains("  - SUMO_SINK_SUMOSOURCEADDRESS\n"))

        // With the secrets set, the export plans as no changes: a hidden secret is not a difference on its own.
        let secrets = ["GOOGLE_OAUTH2_CLIENT_SECRET": "google-secret-7Hq2", "SUMO_SINK_SUMOSOURCEADDRESS": "https://collectors.sumologic.com/receiver/v1/http/sumo-token-9Xk"]
        let plan = try await fixture.run(["plan", "acme", "--detailed-exitcode", "-q"], environment: secrets)
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
    }
}
