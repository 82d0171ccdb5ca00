import APIJSON
import Foundation
import Testing

/// A tenant the Deploy CLI manages, taken over whole: the Deploy CLI's own test tenant (`lots-of-configuration`,
/// copied unchanged in Fixtures, with a tenantctl.yaml beside it) is applied to an empty emulated tenant, planned
/// again (No changes, no "not managed" note), exported, and the export planned (No changes).
@Suite(.serialized) struct DeployCLITenantsTests {
    /// The placeholder secret its email provider names.
    static let secrets = ["MANDRILL_API_KEY": "mandrill-api-key-3f9c1a"]

    @Test func theDeployCLIsTestTenantRoundTrips() async throws {
        // Its client grants name the Management API of the tenant it was exported from.
        let fixture = try await EmulatorFixture.start(seed: nil, domain: "auth0-deploy-cli-e2e.us.auth0.com")
        _ = try fixture.copyTenant("Tests/EndToEndTests/Fixtures/deploy-cli-lots-of-configuration", as: "t")
        func run(_ arguments: [String]) async throws -> CLIProcess.Result {
            try await fixture.run(arguments, environment: Self.secrets)
        }

        let validated = try await run(["validate", "t"])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        #expect(!validated.stdout.contains("[unmanaged-field]"), "\(validated.stdout)")
        #expect(validated.stdout.contains("`cross_origin_auth` of client `API Explorer Application` is the former name of `cross_origin_authentication`"))

        let applied = try await run(["apply", "t", "--auto-approve"])
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.contains("Verified: the tenant now matches its files (No changes)."), "\(applied.stdout)")
        let again = try await run(["plan", "t", "--detailed-exitcode"])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("No changes."))

        // What the Deploy CLI's recorded deploy of this tenant shows the real API holds.
        let snapshot = try await fixture.snapshot()
        let settings = try #require(snapshot["tenant_settings"])
        #expect(settings["session_lifetime"]?.numberValue == 181.0 / 60, "3.0166666666666666 hours, sent as 181 minutes")
        #expect(settings["session_lifetime_in_minutes"] == nil)
        #expect(settings["flags"]?["universal_login"] == nil, "a read-only flag is not sent")
        let streams = snapshot["log_streams"]?.arrayValue ?? []
        #expect(streams.compactMap { $0["status"]?.stringValue }.sorted() == ["active", "active"])
        let clients = snapshot["clients"]?.arrayValue ?? []
        #expect(clients.contains { $0["name"]?.stringValue == "API Explorer Application" && $0["cross_origin_authentication"]?.boolValue == false })

        let exported = try await run(["export", "--tenant", "out", "-q"])
        #expect(exported.status == 0, "\(exported.stderr)")
        // The export's own tenantctl.yaml knows nothing of the placeholders the rules above would stop.
        let settingsFile = fixture.directory.appendingPathComponent("out/tenantctl.yaml")
        let lint = try String(contentsOf: fixture.directory.appendingPathComponent("t/tenantctl.yaml"), encoding: .utf8)
            .components(separatedBy: "secrets:")[0].components(separatedBy: "lint:")[1]
        try (String(contentsOf: settingsFile, encoding: .utf8) + "lint:" + lint).write(to: settingsFile, atomically: true, encoding: .utf8)
        let replanned = try await fixture.run(["plan", "out", "--detailed-exitcode"],
                                              environment: ["SUSPENDED_DD_LOG_STREAM_SINK_DATADOGAPIKEY": "dd-api-key-77e1"])
        #expect(replanned.status == 0, "\(replanned.stdout)\(replanned.stderr)")
        #expect(replanned.stdout.contains("No changes."))
    }

    @Test func aPausedLogStreamIsCreatedThenPaused() async throws {
        let fixture = try await EmulatorFixture.start(seed: nil)
        let folder = fixture.directory.appendingPathComponent("t")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        logStreams:
          - name: Paused
            type: eventbridge
            status: paused
            sink:
              awsAccountId: "123456789012"
              awsRegion: us-east-2
          - name: Running
            type: eventbridge
            status: active
            sink:
              awsAccountId: "123456789012"
              awsRegion: us-east-2
        """.write(to: folder.appendingPathComponent("tenant.yaml"), atomically: true, encoding: .utf8)
        let plan = try await fixture.run(["plan", "t", "--format", "json"])
        let steps = try JSONValue.parse(Data(plan.stdout.utf8))["steps"]?.arrayValue ?? []
        let calls = steps.map { "\($0["method"]?.stringValue ?? "") \($0["path"]?.stringValue ?? "") \($0["body"]?["status"]?.stringValue ?? "-")" }
        #expect(calls == ["POST /log-streams -", "PATCH /log-streams/{{ref:logStreams/Paused}} paused", "POST /log-streams -"], "\(calls)")

        let applied = try await fixture.run(["apply", "t", "--auto-approve"])
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let streams = try await fixture.snapshot()["log_streams"]?.arrayValue ?? []
        #expect(Dictionary(uniqueKeysWithValues: streams.map { ($0["name"]?.stringValue ?? "", $0["status"]?.stringValue ?? "") })
                == ["Paused": "paused", "Running": "active"])
    }
}
