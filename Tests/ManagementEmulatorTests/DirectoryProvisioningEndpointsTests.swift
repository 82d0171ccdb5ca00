import APIJSON
import Foundation
import Testing
@testable import ManagementEmulator

/// A connection's inbound directory provisioning, as the Management API spec describes it: one object per connection
/// at `/connections/{id}/directory-provisioning`, every connection's listed at `/connections-directory-provisionings`.
@Suite struct DirectoryProvisioningEndpointsTests {
    func j(_ text: String) -> JSONValue { EmulatorHTTP.json(text) }

    static let configuration = #"{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":true,"synchronize_groups":"all"}"#

    /// A running emulator with one Google Workspace connection, and its id.
    func withConnection(_ configure: (inout EmulatorConfiguration) -> Void = { _ in }) async throws -> (EmulatorHTTP, String) {
        let http = try await EmulatorHTTP.start(configure)
        let created = try await http.api("POST", "connections", body: j(#"{"name":"google-workspace","strategy":"google-apps","options":{"domain":"example.com"}}"#))
        return (http, try #require(created.body?["id"]?.stringValue))
    }

    @Test func createReadUpdateListAndDelete() async throws {
        let (http, id) = try await withConnection()
        defer { Task { await http.stop() } }
        let path = "connections/\(id)/directory-provisioning"
        let none = try await http.api("GET", path)
        #expect(none.status == 404, "a connection without one")

        let created = try await http.api("POST", path, body: j(Self.configuration))
        #expect(created.status == 201)
        let answer = try #require(created.body?.objectValue)
        #expect(answer["connection_id"] == .string(id) && answer["connection_name"] == .string("google-workspace") && answer["strategy"] == .string("google-apps"))
        #expect(answer["mapping"] == j(#"[{"auth0":"email","idp":"mail"}]"#) && answer["synchronize_automatically"] == .bool(true)
                && answer["synchronize_groups"] == .string("all"))
        #expect(answer["created_at"]?.stringValue != nil && answer["updated_at"] == answer["created_at"])
        #expect(try await http.api("GET", path).body == created.body)

        let again = try await http.api("POST", path, body: j(Self.configuration))
        #expect(again.status == 409 && again.body?["message"] == .string("Directory provisioning is already enabled on the specified connection"))

        let patched = try await http.api("PATCH", path, body: j(#"{"synchronize_groups":"off"}"#))
        #expect(patched.status == 200 && patched.body?["synchronize_groups"] == .string("off") && patched.body?["mapping"] == answer["mapping"])

        let listed = try await http.api("GET", "connections-directory-provisionings?take=50")
        #expect(listed.status == 200 && listed.body?["directory_provisionings"]?.arrayValue == [patched.body!])
        #expect(listed.body?["next"] == nil)
        #expect(try await http.api("GET", "connections-directory-provisionings").body?["directory_provisionings"]?.arrayValue?.count == 1, "take defaults to 50")

        let connection = try await http.api("GET", "connections/\(id)")
        #expect(connection.body?["directory_provisioning_configuration"] == nil, "never in the connection's own answer")
        #expect(try await http.api("GET", "connections").body?.arrayValue?.first?["directory_provisioning_configuration"] == nil)

        let deleted = try await http.api("DELETE", path)
        #expect(deleted.status == 204 && deleted.raw.isEmpty)
        #expect(try await http.api("GET", path).status == 404)
        #expect(try await http.api("GET", "connections-directory-provisionings").body == j(#"{"directory_provisionings":[]}"#))
    }

    @Test func anUnknownConnectionIs404() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let expected = j(#"{"statusCode":404,"error":"Not Found","message":"The connection does not exist","errorCode":"inexistent_connection"}"#)
        for method in ["GET", "POST", "PATCH", "DELETE"] {
            let reply = try await http.api(method, "connections/con_missing/directory-provisioning", body: method == "POST" || method == "PATCH" ? j(Self.configuration) : nil)
            #expect(reply.status == 404 && reply.body == expected, "\(method)")
        }
    }

    @Test func bodiesAreCheckedAsTheSpecSays() async throws {
        let (http, id) = try await withConnection()
        defer { Task { await http.stop() } }
        let path = "connections/\(id)/directory-provisioning"
        let extra = try await http.api("POST", path, body: j(#"{"mapping":[{"auth0":"email","idp":"mail"}],"synchronized_groups":[]}"#))
        #expect(extra.status == 400 && extra.body?["message"] == .string("Payload validation error: 'Additional properties not allowed: synchronized_groups'."))
        let empty = try await http.api("POST", path, body: j(#"{"mapping":[]}"#))
        #expect(empty.status == 400 && empty.body?["message"]?.stringValue?.contains("Array is too short (0), minimum 1") == true)
        let wrongGroups = try await http.api("POST", path, body: j(#"{"synchronize_groups":"some"}"#))
        #expect(wrongGroups.status == 400 && wrongGroups.body?["message"]?.stringValue?.contains(#"No enum match for: "some""#) == true)
        let badItem = try await http.api("POST", path, body: j(#"{"mapping":[{"auth0":"email"}]}"#))
        #expect(badItem.status == 400)
        let patchAbsent = try await http.api("PATCH", path, body: j(#"{"synchronize_automatically":false}"#))
        #expect(patchAbsent.status == 404, "nothing to update before it is created")
        #expect(try await http.api("GET", path).status == 404, "no refused write stored anything")
    }

    @Test func eachOperationNeedsItsScope() async throws {
        let (http, id) = try await withConnection { $0.grantedScopes = ["read:connections", "create:connections"] }
        defer { Task { await http.stop() } }
        let path = "connections/\(id)/directory-provisioning"
        for (method, scope) in [("GET", "read"), ("POST", "create"), ("PATCH", "update"), ("DELETE", "delete")] {
            let reply = try await http.api(method, path, body: method == "POST" || method == "PATCH" ? j(Self.configuration) : nil)
            #expect(reply.status == 403 && reply.body?["message"] == .string("Insufficient scope, expected any of: \(scope):directory_provisionings"), "\(method)")
        }
        // As the Deploy CLI's recordings show it for a token without the scope.
        let listed = try await http.api("GET", "connections-directory-provisionings?take=50")
        #expect(listed.body == j(#"{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: read:directory_provisionings","errorCode":"insufficient_scope"}"#))
    }

    @Test func aTenantWithoutTheFeatureAnswersItsRefusal() async throws {
        let (http, id) = try await withConnection { $0.directoryProvisioningNotEnabled = true }
        defer { Task { await http.stop() } }
        for (method, path) in [("GET", "connections-directory-provisionings"), ("GET", "connections/\(id)/directory-provisioning"),
                               ("POST", "connections/\(id)/directory-provisioning")] {
            let reply = try await http.api(method, path, body: method == "POST" ? j(Self.configuration) : nil)
            #expect(reply.status == 403 && reply.body?["message"] == .string("The inbound directory provisioning feature is not enabled for this tenant"), "\(method) \(path)")
        }
    }

    @Test func itIsKeptInTheConnectionInSnapshotsSeededAndGoesWithTheConnection() async throws {
        let seed = j(#"{"format_version":1,"connections":[{"id":"con_gw","name":"google-workspace","strategy":"google-apps","options":{},"#
            + #""directory_provisioning_configuration":{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":false}}]}"#)
        let http = try await EmulatorHTTP.start { $0.seed = seed.encoded() }
        defer { Task { await http.stop() } }
        let read = try await http.api("GET", "connections/con_gw/directory-provisioning")
        #expect(read.status == 200 && read.body?["connection_name"] == .string("google-workspace") && read.body?["synchronize_automatically"] == .bool(false))
        let snapshot = try await http.call("GET", "/__emulator/snapshot").body
        let connection = snapshot?["connections"]?.arrayValue?.first
        #expect(connection?["directory_provisioning_configuration"]?["mapping"] == j(#"[{"auth0":"email","idp":"mail"}]"#))

        #expect(try await http.api("DELETE", "connections/con_gw").status == 202)
        #expect(try await http.api("GET", "connections-directory-provisionings").body == j(#"{"directory_provisionings":[]}"#),
                "deleting a connection deletes its configuration")
    }
}
