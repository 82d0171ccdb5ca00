import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// The real API's behaviour, one test each, over real HTTP on loopback.
@Suite struct EmulatorBehaviourTests {
    let j = EmulatorHTTP.json

    @Test func statusCodesOfWrites() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let client = try await http.api("POST", "clients", body: j(#"{"name":"Web","app_type":"spa"}"#))
        #expect(client.status == 201)
        let id = try #require(client.body?["client_id"]?.stringValue)
        #expect(id.count == 32)
        #expect(client.body?["client_secret"]?.stringValue?.isEmpty == false)
        let connection = try await http.api("POST", "connections", body: j(#"{"name":"users","strategy":"auth0"}"#))
        #expect(connection.status == 201)
        let connectionID = try #require(connection.body?["id"]?.stringValue)
        #expect(connectionID.hasPrefix("con_"))
        #expect(try await http.api("PATCH", "connections/\(connectionID)/clients", body: j(#"[{"client_id":"\#(id)","status":true}]"#)).status == 204)
        let enabled = try await http.api("GET", "connections/\(connectionID)/clients")
        #expect(enabled.body?["clients"] == j(#"[{"client_id":"\#(id)"}]"#))
        let stream = try await http.api("POST", "log-streams", body: j(#"{"name":"s","type":"http","sink":{"httpEndpoint":"https://x"}}"#))
        #expect(stream.status == 200)
        let rule = try await http.api("POST", "rules", body: j(#"{"name":"r","script":"function r(u,c,cb){cb(null,u,c)}"}"#))
        #expect(rule.status == 201 && rule.body?["id"]?.stringValue?.hasPrefix("rul_") == true)
        let deleted = try await http.api("DELETE", "connections/\(connectionID)")
        #expect(deleted.status == 202 && deleted.body?["deleted_at"] != nil)
        #expect(try await http.api("DELETE", "connections/\(connectionID)").status == 204)
        #expect(try await http.api("DELETE", "clients/\(id)").status == 204)
    }

    @Test func errorBodiesHaveTheAPIShape() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let unknown = try await http.api("POST", "clients", body: j(#"{"name":"Web","client_id":"x","bogus":1}"#))
        #expect(unknown.status == 400)
        #expect(unknown.body == j(#"{"statusCode":400,"error":"Bad Request","message":"Payload validation error: 'Additional properties not allowed: bogus,client_id'.","errorCode":"invalid_body"}"#))
        let missing = try await http.api("GET", "connections/con_nope")
        #expect(missing.body == j(#"{"statusCode":404,"error":"Not Found","message":"The connection does not exist","errorCode":"inexistent_connection"}"#))
        _ = try await http.api("POST", "connections", body: j(#"{"name":"users","strategy":"auth0"}"#))
        let duplicate = try await http.api("POST", "connections", body: j(#"{"name":"users","strategy":"auth0"}"#))
        #expect(duplicate.status == 409 && duplicate.body?["errorCode"] == .string("connection_conflict"))
        let malformed = try await http.call("POST", "/api/v2/clients", rawBody: Data("{not json".utf8))
        #expect(malformed.status == 400 && malformed.body?["message"] == .string("Invalid request payload JSON format"))
        let wrongType = try await http.api("POST", "clients", body: j(#"{"name":"Web","callbacks":"https://x"}"#))
        #expect(wrongType.status == 400)
        let oversized = try await http.call("POST", "/api/v2/clients", rawBody: Data(repeating: 0x20, count: 1_100_000))
        #expect(oversized.status == 413)
        #expect(try await http.api("GET", "nothing-here").status == 404)
        #expect(try await http.api("PUT", "clients").status == 404)
        let provider = try await http.api("GET", "emails/provider")
        #expect(provider.body?["message"] == .string("There is not a configured email provider"))
    }

    @Test func everyAPICallNeedsAValidToken() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        #expect(try await http.call("GET", "/api/v2/clients", authorized: false).status == 401)
        var wrong = http
        wrong.token = "nope"
        #expect(try await wrong.api("GET", "clients").status == 401)
        let refused = try await http.call("POST", "/oauth/token", body: j(#"{"grant_type":"client_credentials","client_id":"emulator","client_secret":"wrong","audience":"\#(http.emulator.baseURL)/api/v2/"}"#), authorized: false)
        #expect(refused.status == 401)
    }

    @Test func missingScopesAreNamed() async throws {
        let http = try await EmulatorHTTP.start { $0.grantedScopes = ["read:clients"] }
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "clients").status == 200)
        let refused = try await http.api("GET", "connections")
        #expect(refused.status == 403)
        #expect(refused.body?["message"] == .string("Insufficient scope, expected any of: read:connections"))
    }

    @Test func connectionPatchReplacesOptionsWholeAndConfigurationIsCiphertext() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let created = try await http.api("POST", "connections", body: j(#"{"name":"db","strategy":"auth0","options":{"mfa":{"active":true},"configuration":{"SECRET":"hunter2"}}}"#))
        let id = try #require(created.body?["id"]?.stringValue)
        let first = try await http.api("GET", "connections/\(id)")
        let second = try await http.api("GET", "connections/\(id)")
        let a = first.body?["options"]?["configuration"]?["SECRET"]?.stringValue, b = second.body?["options"]?["configuration"]?["SECRET"]?.stringValue
        #expect(a != nil && a != "hunter2" && a != b)
        #expect(!first.raw.contains("hunter2"))
        let patched = try await http.api("PATCH", "connections/\(id)", body: j(#"{"options":{"brute_force_protection":true}}"#))
        #expect(patched.body?["options"] == j(#"{"brute_force_protection":true}"#))
        #expect(try await http.api("PATCH", "connections/\(id)", body: j(#"{"name":"renamed"}"#)).status == 400)
    }

    @Test func tenantSettingsMergeAndNullClears() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        _ = try await http.api("PATCH", "tenants/settings", body: j(#"{"support_email":"a@b","flags":{"x":true,"y":true}}"#))
        let merged = try await http.api("PATCH", "tenants/settings", body: j(#"{"support_email":null,"flags":{"y":false}}"#))
        #expect(merged.body?["support_email"] == nil)
        #expect(merged.body?["flags"] == j(#"{"x":true,"y":false}"#))
        #expect(merged.body?["friendly_name"] != nil)
    }

    @Test func grantsNeedAKnownAudienceAndClient() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let client = try await http.api("POST", "clients", body: j(#"{"name":"Worker"}"#)).body?["client_id"]?.stringValue ?? ""
        let unknown = try await http.api("POST", "client-grants", body: j(#"{"client_id":"\#(client)","audience":"https://nowhere","scope":[]}"#))
        #expect(unknown.status == 404)
        _ = try await http.api("POST", "resource-servers", body: j(#"{"name":"API","identifier":"https://api"}"#))
        let grant = try await http.api("POST", "client-grants", body: j(#"{"client_id":"\#(client)","audience":"https://api","scope":["read:x"]}"#))
        #expect(grant.status == 201 && grant.body?["id"]?.stringValue?.hasPrefix("cgr_") == true)
        #expect(try await http.api("POST", "client-grants", body: j(#"{"client_id":"\#(client)","audience":"https://api","scope":[]}"#)).status == 409)
        #expect(try await http.api("PATCH", "client-grants/\(grant.body?["id"]?.stringValue ?? "")", body: j(#"{"audience":"https://other"}"#)).status == 400)
    }

    @Test func allThreeListShapesAndPageLimits() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        for i in 0..<5 { _ = try await http.api("POST", "connections", body: j(#"{"name":"c\#(i)","strategy":"auth0"}"#)) }
        #expect(try await http.api("GET", "connections?per_page=2").body?.arrayValue?.count == 2)
        let totals = try await http.api("GET", "connections?per_page=2&page=2&include_totals=true")
        #expect(totals.body?["total"] == .number(5) && totals.body?["start"] == .number(4) && totals.body?["connections"]?.arrayValue?.count == 1)
        var names: [String] = []
        var from: String?
        repeat {
            let page = try await http.api("GET", "connections?take=2" + (from.map { "&from=\($0)" } ?? ""))
            names += page.body?["connections"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            from = page.body?["next"]?.stringValue
        } while from != nil
        #expect(names == ["c0", "c1", "c2", "c3", "c4"])
        #expect(try await http.api("GET", "connections?per_page=101").status == 400)
    }

    @Test func actionsDeployBeforeBinding() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let action = try await http.api("POST", "actions/actions", body: j(#"{"name":"a","code":"exports.onExecutePostLogin = async () => {};","supported_triggers":[{"id":"post-login","version":"v3"}]}"#))
        let id = try #require(action.body?["id"]?.stringValue)
        let binding = j(#"{"bindings":[{"ref":{"type":"action_name","value":"a"},"display_name":"A"}]}"#)
        #expect(try await http.api("PATCH", "actions/triggers/post-login/bindings", body: binding).status == 400)
        #expect(try await http.api("POST", "actions/actions/\(id)/deploy").status == 200)
        #expect(try await http.api("PATCH", "actions/triggers/post-login/bindings", body: binding).status == 200)
        let bound = try await http.api("GET", "actions/triggers/post-login/bindings")
        #expect(bound.body?["bindings"]?.arrayValue?.first?["action"]?["name"] == .string("a"))
    }
}
