import APIJSON
import Foundation
import Testing
@testable import ManagementEmulator

/// Rate limiting, faults, persistence and concurrency.
@Suite struct EmulatorLimitsTests {
    @Test func theTokenBucketRefillsAtItsRate() {
        var bucket = TokenBucket(rate: 2, burst: 10, now: 1000)
        for _ in 0..<10 { #expect(bucket.take(now: 1000).allowed) }
        let refused = bucket.take(now: 1000)
        #expect(!refused.allowed && refused.remaining == 0 && refused.reset == 1001)
        #expect(bucket.take(now: 1000.5).allowed)
        #expect(!bucket.take(now: 1000.5).allowed)
    }

    @Test func a429HasTheRealBodyAndHeaders() async throws {
        // One token per 100 s: a loaded machine taking seconds between requests still sees an empty bucket.
        let http = try await EmulatorHTTP.start { $0.rate = 0.01; $0.burst = 3 }
        defer { Task { await http.stop() } }
        var statuses: [Int] = []
        var last: EmulatorHTTP.Reply?
        for _ in 0..<5 {
            let reply = try await http.api("GET", "clients")
            statuses.append(reply.status)
            last = reply
        }
        #expect(statuses == [200, 200, 200, 429, 429])
        #expect(last?.body == EmulatorHTTP.json(#"{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached","errorCode":"too_many_requests"}"#))
        #expect(last?.headers["x-ratelimit-limit"] == "3" && last?.headers["x-ratelimit-remaining"] == "0")
        #expect(Int(last?.headers["x-ratelimit-reset"] ?? "") ?? 0 >= Int(Date().timeIntervalSince1970))
        let stats = try await http.call("GET", "/__emulator/stats")
        #expect(stats.body?["rate_limited"] == .number(2) && stats.body?["requests"]?["GET"] == .number(5))
    }

    @Test func readsAreCountedByPathWithoutTheQuery() async throws {
        let http = try await EmulatorHTTP.start { $0.rate = 1000; $0.burst = 1000 }
        defer { Task { await http.stop() } }
        _ = try await http.api("GET", "clients?page=0&per_page=100")
        _ = try await http.api("GET", "clients?page=1&per_page=100")
        _ = try await http.api("GET", "tenants/settings")
        let stats = try await http.call("GET", "/__emulator/stats")
        #expect(stats.body?["reads_by_path"] == .object(["/clients": .number(2), "/tenants/settings": .number(1)]))
        _ = try await http.call("DELETE", "/__emulator/stats")
        #expect(try await http.call("GET", "/__emulator/stats").body?["reads_by_path"] == .object([:]))
    }

    @Test func faultsAreDeterministicFromTheSeed() {
        var a = FaultInjector(rate: 0.3, seed: 42), b = FaultInjector(rate: 0.3, seed: 42), c = FaultInjector(rate: 0.3, seed: 43)
        let first = (0..<200).map { _ in a.decide() }, second = (0..<200).map { _ in b.decide() }, other = (0..<200).map { _ in c.decide() }
        #expect(first == second)
        #expect(first != other)
        let faults = first.filter { $0.fault != nil }
        #expect((30...90).contains(faults.count), "about 30% of 200")
        #expect(faults.contains { $0.fault == .droppedConnection && $0.writeLands } && faults.contains { $0.fault == .droppedConnection && !$0.writeLands })
    }

    @Test func stateSurvivesARestart() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let first = try await EmulatorHTTP.start { $0.stateFile = file }
        let created = try await first.api("POST", "clients", body: EmulatorHTTP.json(#"{"name":"Survivor"}"#))
        await first.stop()
        let second = try await EmulatorHTTP.start { $0.stateFile = file }
        defer { Task { await second.stop() } }
        let read = try await second.api("GET", "clients/\(created.body?["client_id"]?.stringValue ?? "")")
        #expect(read.status == 200 && read.body?["name"] == .string("Survivor"))
    }

    @Test func concurrentClientsLoseNoWrite() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<200 {
                group.addTask { try await http.api("POST", "rules", body: EmulatorHTTP.json(#"{"name":"rule-\#(i)","script":"function r(u,c,cb){cb(null,u,c)}"}"#)).status }
            }
            for try await status in group { #expect(status == 201) }
        }
        let all = try await http.api("GET", "rules?per_page=100&include_totals=true")
        #expect(all.body?["total"] == .number(200))
    }

    @Test func aSnapshotSeedsTheEmulatorAndTheAdminChannelNeverShowsSecrets() async throws {
        let seed = EmulatorHTTP.json(#"{"format_version":1,"domain":"x","clients":[{"client_id":"c1","name":"Seeded"}],"connections":[{"id":"con_1","name":"db","strategy":"auth0","options":{"configuration":{"K":"plain-secret"}}}]}"#)
        let http = try await EmulatorHTTP.start { $0.seed = seed.encoded() }
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "clients/c1").body?["name"] == .string("Seeded"))
        let snapshot = try await http.call("GET", "/__emulator/snapshot")
        #expect(snapshot.body?["format_version"] == .number(1))
        #expect(!snapshot.raw.contains("plain-secret") && !snapshot.raw.contains("client_secret"))
        _ = try await http.api("DELETE", "clients/c1")
        #expect(try await http.call("POST", "/__emulator/reset").status == 204)
        #expect(try await http.api("GET", "clients/c1").status == 200)
        let refused = try? await ManagementEmulator.start({ var c = EmulatorConfiguration(); c.seed = Data(#"{"format_version":9}"#.utf8); return c }())
        #expect(refused == nil)
    }

    @Test func writeOnlyValuesStayOutOfReadsAndTheAdminChannel() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let j = EmulatorHTTP.json
        #expect(try await http.api("POST", "emails/provider", body: j(#"{"name":"sendgrid","credentials":{"api_key":"SG.known-provider-key"}}"#)).status == 201)
        #expect(try await http.api("POST", "log-streams", body: j(#"{"name":"s","type":"http","sink":{"httpEndpoint":"https://x","httpAuthorization":"Bearer known-sink-token"}}"#)).status == 200)
        let action = try await http.api("POST", "actions/actions", body: j(#"{"name":"a","code":"exports.onExecutePostLogin = async () => {};","supported_triggers":[{"id":"post-login","version":"v3"}]}"#))
        let actionID = try #require(action.body?["id"]?.stringValue)
        let patched = try await http.api("PATCH", "actions/actions/\(actionID)", body: j(#"{"secrets":[{"name":"API_KEY","value":"known-action-secret"}]}"#))
        #expect(patched.status == 200 && !patched.raw.contains("known-action-secret"))
        #expect(patched.body?["secrets"]?.arrayValue?.first?["name"] == .string("API_KEY"))
        #expect(!(try await http.api("GET", "actions/actions/\(actionID)")).raw.contains("known-action-secret"))
        #expect(!(try await http.api("GET", "emails/provider")).raw.contains("known-provider-key"))
        let admin = try await http.call("GET", "/__emulator/snapshot")
        for secret in ["known-provider-key", "known-sink-token", "known-action-secret"] {
            #expect(!admin.raw.contains(secret), "the admin snapshot shows \(secret)")
        }
    }

    @Test func aDeletedClientLeavesEveryConnection() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let j = EmulatorHTTP.json
        let client = try #require(try await http.api("POST", "clients", body: j(#"{"name":"Web"}"#)).body?["client_id"]?.stringValue)
        let connection = try #require(try await http.api("POST", "connections", body: j(#"{"name":"users","strategy":"auth0","enabled_clients":["\#(client)"]}"#)).body?["id"]?.stringValue)
        #expect(try await http.api("GET", "connections/\(connection)").body?["enabled_clients"] == j(#"["\#(client)"]"#))
        #expect(try await http.api("DELETE", "clients/\(client)").status == 204)
        #expect(try await http.api("GET", "connections/\(connection)").body?["enabled_clients"] == j("[]"))
    }
}
