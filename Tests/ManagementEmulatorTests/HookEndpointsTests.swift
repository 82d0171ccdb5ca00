import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// `/hooks`: seeded, listed, read and deleted; never created or updated after their end of life.
@Suite struct HookEndpointsTests {
    let j = EmulatorHTTP.json

    static let seed = EmulatorHTTP.json(#"""
        {"format_version":1,"hooks":[
          {"id":"01GQN0P01XY4VE0PCK7H20QZ4M","name":"add-claims","script":"module.exports = function (client, scope, audience, context, cb) { cb(null, {}); };",
           "dependencies":{},"triggerId":"credentials-exchange","enabled":true},
          {"id":"01GQN0P01XY4VE0PCK7H20QZ4N","name":"welcome","script":"module.exports = function (user, context, cb) { cb(); };",
           "dependencies":{},"triggerId":"post-user-registration","enabled":false}]}
        """#)

    @Test func seededHooksAreListedAsRecorded() async throws {
        let http = try await EmulatorHTTP.start { $0.seed = Self.seed.encoded() }
        defer { Task { await http.stop() } }
        let page = try await http.api("GET", "hooks?page=0&per_page=100&include_totals=true")
        #expect(page.body?["total"] == .number(2) && page.body?["start"] == .number(0) && page.body?["limit"] == .number(100))
        #expect(page.body?["hooks"]?.arrayValue?.count == 2)
        #expect(try await http.api("GET", "hooks?triggerId=post-user-registration").body?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["welcome"])
        #expect(try await http.api("GET", "hooks?enabled=true").body?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["add-claims"])
        #expect(try await http.api("GET", "hooks?fields=name").body == j(#"[{"id":"01GQN0P01XY4VE0PCK7H20QZ4M","name":"add-claims"},{"id":"01GQN0P01XY4VE0PCK7H20QZ4N","name":"welcome"}]"#))
        #expect(try await http.api("GET", "hooks/01GQN0P01XY4VE0PCK7H20QZ4M").body?["triggerId"] == .string("credentials-exchange"))
        let snapshot = try await http.call("GET", "/__emulator/snapshot")
        #expect(snapshot.body?["hooks"] == Self.seed["hooks"])
    }

    @Test func hooksAreDeletedButNeverWritten() async throws {
        let http = try await EmulatorHTTP.start { $0.seed = Self.seed.encoded() }
        defer { Task { await http.stop() } }
        let endOfLife = j(#"{"statusCode":403,"error":"Forbidden","message":"Hooks reached end of life on 2026-11-18 and can no longer be created or updated. Use Actions instead.","errorCode":"insufficient_scope"}"#)
        #expect(try await http.api("POST", "hooks", body: j(#"{"name":"new-hook","script":"x","triggerId":"credentials-exchange"}"#)).body == endOfLife)
        #expect(try await http.api("PATCH", "hooks/01GQN0P01XY4VE0PCK7H20QZ4M", body: j(#"{"enabled":false}"#)).body == endOfLife)
        #expect(try await http.api("GET", "hooks/01GQN0P01XY4VE0PCK7H20QZ4M").body?["enabled"] == .bool(true))
        let deleted = try await http.api("DELETE", "hooks/01GQN0P01XY4VE0PCK7H20QZ4M")
        #expect(deleted.status == 204 && deleted.raw.isEmpty)
        #expect(try await http.api("GET", "hooks/01GQN0P01XY4VE0PCK7H20QZ4M").body
            == j(#"{"statusCode":404,"error":"Not Found","message":"The hook does not exist","errorCode":"inexistent_hook"}"#))
        #expect(try await http.api("DELETE", "hooks/01GQN0P01XY4VE0PCK7H20QZ4M").status == 204)
        #expect(try await http.api("GET", "hooks?take=5").status == 400, "hooks page by offset only")
    }

    @Test func aHookWithoutAnIdGetsOneInTheRealFormat() async throws {
        let seed = j(#"{"format_version":1,"hooks":[{"name":"h","script":"x","triggerId":"post-change-password","enabled":true}]}"#)
        let http = try await EmulatorHTTP.start { $0.seed = seed.encoded() }
        defer { Task { await http.stop() } }
        let id = try #require(try await http.api("GET", "hooks").body?.arrayValue?.first?["id"]?.stringValue)
        #expect(id.count == 26 && id.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
    }

    @Test func updatingAHookNeedsTheCreateScopeAsTheSpecSays() async throws {
        let http = try await EmulatorHTTP.start { $0.grantedScopes = ["read:hooks", "update:hooks"]; $0.seed = Self.seed.encoded() }
        defer { Task { await http.stop() } }
        let refused = try await http.api("PATCH", "hooks/01GQN0P01XY4VE0PCK7H20QZ4M", body: j(#"{"enabled":false}"#))
        #expect(refused.body?["message"] == .string("Insufficient scope, expected any of: create:hooks"))
    }
}
