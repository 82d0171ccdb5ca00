import APIJSON
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// export, plan and apply against the emulator over real HTTP, as a pipeline runs them.
@Suite(.serialized) struct ApplyCommandTests {
    let secret = ["LEGACY_API_CLIENT_SECRET": "e2e-known-secret-3f9a1c", "TENANTCTL_DIGEST_KEY": e2eDigestKey]

    @Test func planApplyThenPlanAgainSaysNoChanges() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        let planned = try await fixture.run(["plan", "dev", "--out", "plan.json", "-q"], environment: secret)
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("Plan: 1 to add, 4 to change, 0 to destroy."))
        let applied = try await fixture.run(["apply", "plan.json"], environment: secret)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("Applied 5 of 5 steps. Verified: the tenant now matches its files (No changes)."))
        let again = try await fixture.run(["plan", "dev", "--detailed-exitcode", "-q"], environment: secret)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stdout.contains("No changes."))
        // Nothing secret anywhere: output, plan file, journal, snapshot.
        let everything = applied.stdout + applied.stderr + planned.stdout + fixture.everythingWritten()
        #expect(!everything.contains(secret["LEGACY_API_CLIENT_SECRET"]!))
        let journal = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.appendingPathComponent(".tenantctl/journal").path)
        #expect(journal.count == 1)
    }

    @Test func aStalePlanIsRefusedBeforeAnyWrite() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        #expect(try await fixture.run(["plan", "dev", "--out", "plan.json", "-q"], environment: secret).status == 0)
        // Someone edits the API in the dashboard after the review.
        var request = URLRequest(url: URL(string: "\(fixture.emulator.baseURL)/__emulator/stats")!)
        request.httpMethod = "DELETE"
        _ = try await URLSession.shared.data(for: request)
        try await DirectAPI(fixture).patch("resource-servers/5f1e2d3c4b5a69788796a5b4", #"{"token_lifetime":60}"#)
        let writesBefore = try await fixture.writes()
        let applied = try await fixture.run(["apply", "plan.json"], environment: secret)
        #expect(applied.status == 1)
        #expect(applied.stderr.contains("the tenant changed since the plan was made (resourceServers/https://legacy-users.acme.example/api)"))
        #expect(try await fixture.writes() == writesBefore, "a stale plan writes nothing")
    }

    @Test func aChangedSecretIsRefusedLikeAStalePlan() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        #expect(try await fixture.run(["plan", "dev", "--out", "plan.json", "-q"], environment: secret).status == 0)
        let applied = try await fixture.run(["apply", "plan.json"], environment: ["LEGACY_API_CLIENT_SECRET": "another-value", "TENANTCTL_DIGEST_KEY": e2eDigestKey])
        #expect(applied.status == 1)
        #expect(applied.stderr.contains("the environment's value of LEGACY_API_CLIENT_SECRET differs from the one the plan was reviewed with"))
        #expect(try await fixture.writes() == 0)
    }

    @Test func aPlanIsSentOnlyToTheTenantItWasMadeAgainst() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let other = try await EmulatorFixture.start()
        defer { Task { await other.stop() } }
        _ = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        #expect(try await fixture.run(["plan", "dev", "--out", "plan.json", "-q"], environment: secret).status == 0)
        let applied = try await fixture.run(["apply", "plan.json", "--domain", other.emulator.baseURL], environment: secret)
        #expect(applied.status == 1)
        #expect(applied.stderr.contains("the plan is for \(fixture.emulator.baseURL) but the credentials reach \(other.emulator.baseURL)"), "\(applied.stderr)")
        #expect(try await fixture.writes() == 0)
        #expect(try await other.writes() == 0)
    }

    @Test func aPlanFileIsRefusedWhenItsFilesChangedSince() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let dev = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        #expect(try await fixture.run(["plan", "dev", "--out", "plan.json", "-q"], environment: secret).status == 0)
        let yaml = dev.appendingPathComponent("tenant.yaml")
        try (String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "Acme (development)", with: "Acme (edited after review)")).write(to: yaml, atomically: true, encoding: .utf8)
        let applied = try await fixture.run(["apply", "plan.json"], environment: secret)
        #expect(applied.status == 1)
        #expect(applied.stderr.contains("the files in dev changed since the plan was made"), "\(applied.stderr)")
        #expect(try await fixture.writes() == 0)
    }

    @Test func aResourceAppearingInAnEmptyTypeMakesThePlanStale() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let dev = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        // The files manage rules and declare none; the tenant has none either.
        let yaml = dev.appendingPathComponent("tenant.yaml")
        try (String(contentsOf: yaml, encoding: .utf8) + "\nrules: []\n").write(to: yaml, atomically: true, encoding: .utf8)
        let planned = try await fixture.run(["plan", "dev", "--out", "plan.json", "-q"], environment: secret)
        #expect(planned.status == 0, "\(planned.stderr)")
        let plan = try JSONValue.parse(Data(contentsOf: fixture.directory.appendingPathComponent("plan.json")))
        #expect(plan["managed"]?.arrayValue?.contains(.string("rules")) == true)
        #expect(plan["fingerprints"]?.objectValue?.keys.contains { $0.hasPrefix("rules/") } == false)
        // Someone adds a rule in the dashboard after the review.
        try await DirectAPI(fixture).post("rules", #"{"name":"sneaky","script":"function sneaky(u, c, cb) { cb(null, u, c); }","enabled":true}"#)
        let writesBefore = try await fixture.writes()
        let applied = try await fixture.run(["apply", "plan.json"], environment: secret)
        #expect(applied.status == 1)
        #expect(applied.stderr.contains("the tenant changed since the plan was made (rules/sneaky)"), "\(applied.stderr)")
        #expect(try await fixture.writes() == writesBefore)
    }

    @Test func exportThenValidateThenPlanOnlyAdoptsConfiguration() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let exported = try await fixture.run(["export", "--tenant", "exported", "--format", "json", "-q"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let summary = try JSONValue.parse(Data(exported.stdout.utf8))
        #expect(summary["resources"]?["clients"] == .number(3))
        let keywords = summary["keywords_to_set"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(keywords.contains("LEGACY_USERS_CLIENT_SECRET"))
        let validated = try await fixture.run(["validate", "exported", "-q"])
        #expect(!validated.stdout.contains("error:"), "\(validated.stdout)")
        let values = Dictionary(uniqueKeysWithValues: keywords.map { ($0, "value-of-\($0)") }).merging(["TENANTCTL_DIGEST_KEY": e2eDigestKey]) { given, _ in given }
        let planned = try await fixture.run(["plan", "exported", "-q"], environment: values)
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("Adopt configuration"))
        #expect(planned.stdout.contains("Plan: 0 to add, 1 to change, 0 to destroy."))
        // The adoption is applied once; then the plan is empty.
        #expect(try await fixture.run(["apply", "exported", "--auto-approve", "-q"], environment: values).status == 0)
        #expect(try await fixture.run(["plan", "exported", "-q"], environment: values).stdout.contains("No changes."))
        #expect(!fixture.everythingWritten().contains("emulator-secret"))
    }

    @Test func rollbackIsRedeployingAnEarlierCommit() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let tenant = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        func git(_ args: String...) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"] + args
            p.currentDirectoryURL = fixture.directory
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
        }
        try git("init", "-q")
        try git("add", "dev")
        try git("commit", "-qm", "v1")
        #expect(try await fixture.run(["apply", "dev", "--auto-approve", "-q"], environment: secret).status == 0)
        // v2: a script change and a new API.
        let login = tenant.appendingPathComponent("databases/legacy-users/login.js")
        try (try String(contentsOf: login, encoding: .utf8)).replacingOccurrences(of: "timeout: 10000", with: "timeout: 5000").write(to: login, atomically: true, encoding: .utf8)
        let yaml = tenant.appendingPathComponent("tenant.yaml")
        try (try String(contentsOf: yaml, encoding: .utf8) + "\n").replacingOccurrences(of: "resourceServers:\n", with: "resourceServers:\n  - name: Temporary API\n    identifier: https://temporary.acme.example/api\n").write(to: yaml, atomically: true, encoding: .utf8)
        try git("commit", "-qam", "v2")
        #expect(try await fixture.run(["apply", "dev", "--auto-approve", "-q"], environment: secret).status == 0)
        let v2 = try await fixture.snapshot()
        #expect(v2["resource_servers"]?.arrayValue?.count == 3)
        // Roll back: the earlier commit's files, then plan and apply (deletes allowed for the rollback).
        try git("checkout", "HEAD~1", "--", "dev")
        let settings = tenant.appendingPathComponent("tenantctl.yaml")
        try (try String(contentsOf: settings, encoding: .utf8)).replacingOccurrences(of: "allow_deletes: false", with: "allow_deletes: true").write(to: settings, atomically: true, encoding: .utf8)
        let rollback = try await fixture.run(["plan", "dev", "-q"], environment: secret)
        #expect(rollback.stdout.contains("- resourceServers/https://temporary.acme.example/api"))
        #expect(rollback.stdout.contains("-        timeout: 5000,") || rollback.stdout.contains("timeout: 5000"))
        let applied = try await fixture.run(["apply", "dev", "--auto-approve", "-q"], environment: secret)
        #expect(applied.status == 0, "\(applied.stderr)")
        let v1 = try await fixture.snapshot()
        #expect(v1["resource_servers"]?.arrayValue?.count == 2)
        let script = v1["connections"]?.arrayValue?.first?["options"]?["customScripts"]?["login"]?.stringValue ?? ""
        #expect(script.contains("timeout: 10000") && !script.contains("timeout: 5000"))
    }
}

extension ApplyCommandTests {
    @Test func rollbackToThePreApplySnapshotRestoresScriptsAndSettings() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        let before = try await fixture.snapshot()
        let applied = try await fixture.run(["apply", "dev", "--auto-approve", "--format", "json", "-q"], environment: secret)
        #expect(applied.status == 0, "\(applied.stderr)")
        let snapshotPath = try #require(try JSONValue.parse(Data(applied.stdout.utf8))["snapshot"]?.stringValue)
        let rollback = try await fixture.run(["rollback", "dev", "--to", snapshotPath, "--out", "rollback.json"], environment: secret)
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(rollback.stdout.contains("Rolling dev back to \(snapshotPath)"))
        #expect(rollback.stdout.contains("~ databases/legacy-users"))
        #expect(rollback.stdout.contains("resourceServers/https://orders.acme.example/api"), "the API added since is listed (kept: deletes are not allowed)")
        let restored = try await fixture.run(["apply", "rollback.json"], environment: secret)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("Verified"), "\(restored.stdout)")
        let after = try await fixture.snapshot()
        func login(_ state: JSONValue) -> String? {
            state["connections"]?.arrayValue?.first { $0["name"] == .string("legacy-users") }?["options"]?["customScripts"]?["login"]?.stringValue
        }
        #expect(login(after) == login(before))
        #expect(after["tenant_settings"]?["friendly_name"] == before["tenant_settings"]?["friendly_name"])
        let scopes = { (state: JSONValue) in state["resource_servers"]?.arrayValue?.first { $0["identifier"] == .string("https://legacy-users.acme.example/api") }?["scopes"] }
        #expect(scopes(after) == scopes(before))
        #expect(!fixture.everythingWritten().contains(secret["LEGACY_API_CLIENT_SECRET"]!))
    }
}

/// Direct API calls a test makes behind tenantctl's back (a dashboard edit).
struct DirectAPI {
    let fixture: EmulatorFixture

    init(_ fixture: EmulatorFixture) { self.fixture = fixture }

    func token() async throws -> String {
        var request = URLRequest(url: URL(string: "\(fixture.emulator.baseURL)/oauth/token")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "content-type")
        request.httpBody = Data(#"{"grant_type":"client_credentials","client_id":"emulator","client_secret":"emulator-secret","audience":"\#(fixture.emulator.baseURL)/api/v2/"}"#.utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONValue.parse(data)["access_token"]?.stringValue ?? ""
    }

    func patch(_ path: String, _ body: String) async throws {
        try await send("PATCH", path, body)
    }

    func post(_ path: String, _ body: String) async throws {
        try await send("POST", path, body)
    }

    private func send(_ method: String, _ path: String, _ body: String) async throws {
        var request = URLRequest(url: URL(string: "\(fixture.emulator.baseURL)/api/v2/\(path)")!)
        request.httpMethod = method
        request.setValue("Bearer \(try await token())", forHTTPHeaderField: "authorization")
        request.setValue("application/json", forHTTPHeaderField: "content-type")
        request.httpBody = Data(body.utf8)
        _ = try await URLSession.shared.data(for: request)
    }
}
