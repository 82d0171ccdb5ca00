import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// `/roles` and `/roles/{id}/permissions`: status codes, list shapes, errors and cascades.
@Suite struct RoleEndpointsTests {
    let j = EmulatorHTTP.json

    @Test func aRoleIsCreatedWith200AndDeletedWith200AndAnEmptyObject() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let created = try await http.api("POST", "roles", body: j(#"{"name":"Admin","description":"Can read and write things"}"#))
        #expect(created.status == 200)
        let id = try #require(created.body?["id"]?.stringValue)
        #expect(id.hasPrefix("rol_") && id.count == 20)
        #expect(created.body == j(#"{"id":"\#(id)","name":"Admin","description":"Can read and write things","type":"tenant"}"#))
        #expect(try await http.api("GET", "roles/\(id)").body == created.body)
        let patched = try await http.api("PATCH", "roles/\(id)", body: j(#"{"description":"Everything"}"#))
        #expect(patched.status == 200 && patched.body?["description"] == .string("Everything"))
        let deleted = try await http.api("DELETE", "roles/\(id)")
        #expect(deleted.status == 200 && deleted.body == j("{}"))
        let missing = j(#"{"statusCode":404,"error":"Not Found","message":"The role does not exist.","errorCode":"inexistent_role"}"#)
        #expect(try await http.api("GET", "roles/\(id)").body == missing)
        #expect(try await http.api("DELETE", "roles/\(id)").body == missing)
    }

    @Test func rolesListByOffsetAndFilter() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        for name in ["Admin", "Reader", "read_only"] { _ = try await http.api("POST", "roles", body: j(#"{"name":"\#(name)"}"#)) }
        #expect(try await http.api("GET", "roles").body?.arrayValue?.count == 3)
        let page = try await http.api("GET", "roles?per_page=2&page=1&include_totals=true&type=tenant")
        #expect(page.body?["total"] == .number(3) && page.body?["start"] == .number(2) && page.body?["limit"] == .number(2))
        #expect(page.body?["roles"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["read_only"])
        #expect(try await http.api("GET", "roles?name_filter=READ").body?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Reader", "read_only"])
        #expect(try await http.api("GET", "roles?take=10").body
            == j(#"{"statusCode":400,"error":"Bad Request","message":"Query validation error: 'Additional properties not allowed: take'.","errorCode":"invalid_query_string"}"#))
    }

    @Test func roleNamesAreRequiredAndUnique() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        #expect(try await http.api("POST", "roles", body: j(#"{"description":"x"}"#)).body?["message"] == .string("Payload validation error: 'Missing required property: name'."))
        #expect(try await http.api("POST", "roles", body: j(#"{"name":"Admin","type":"tenant"}"#)).body?["message"]
            == .string("Payload validation error: 'Additional properties not allowed: type'."))
        _ = try await http.api("POST", "roles", body: j(#"{"name":"Admin"}"#))
        let other = try #require(try await http.api("POST", "roles", body: j(#"{"name":"Reader"}"#)).body?["id"]?.stringValue)
        let conflict = j(#"{"statusCode":409,"error":"Conflict","message":"The role already exists.","errorCode":"role_conflict"}"#)
        #expect(try await http.api("POST", "roles", body: j(#"{"name":"Admin"}"#)).body == conflict)
        #expect(try await http.api("PATCH", "roles/\(other)", body: j(#"{"name":"Admin"}"#)).body == conflict)
    }

    @Test func permissionsAreAddedAndRemovedAsLists() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        _ = try await http.api("POST", "resource-servers", body: j(#"{"name":"Orders","identifier":"https://orders","scopes":[{"value":"read:orders","description":"Read orders"},{"value":"write:orders"}]}"#))
        let role = try #require(try await http.api("POST", "roles", body: j(#"{"name":"Clerk"}"#)).body?["id"]?.stringValue)
        let path = "roles/\(role)/permissions"
        let both = j(#"{"permissions":[{"resource_server_identifier":"https://orders","permission_name":"read:orders"},{"resource_server_identifier":"https://orders","permission_name":"write:orders"}]}"#)
        let added = try await http.api("POST", path, body: both)
        #expect(added.status == 201 && added.body == j("{}"))
        #expect(try await http.api("POST", path, body: both).status == 201, "adding a permission the role has is no error")
        let listed = try await http.api("GET", path + "?per_page=100&page=0&include_totals=true")
        #expect(listed.body == j(#"""
            {"permissions":[
              {"permission_name":"read:orders","description":"Read orders","resource_server_name":"Orders","resource_server_identifier":"https://orders"},
              {"permission_name":"write:orders","resource_server_name":"Orders","resource_server_identifier":"https://orders"}],
             "start":0,"limit":100,"total":2}
            """#))
        let removed = try await http.api("DELETE", path, body: j(#"{"permissions":[{"resource_server_identifier":"https://orders","permission_name":"read:orders"}]}"#))
        #expect(removed.status == 204 && removed.raw.isEmpty)
        #expect(try await http.api("GET", path).body?.arrayValue?.compactMap { $0["permission_name"]?.stringValue } == ["write:orders"])
        #expect(try await http.api("GET", path + "?take=5").status == 400)
    }

    @Test(arguments: [
        (#"{"permissions":[{"resource_server_identifier":"https://nowhere","permission_name":"read:orders"}]}"#, 404,
         "The resource server does not exist: 'https://nowhere'", "inexistent_resource_server"),
        (#"{"permissions":[{"resource_server_identifier":"https://orders","permission_name":"delete:orders"}]}"#, 400,
         "The permission 'delete:orders' is not defined on resource server 'https://orders'", "invalid_body"),
        (#"{"permissions":[]}"#, 400,
         "Payload validation error: 'Array is too short (0), minimum 1' on property permissions (array of resource_server_identifier, permission_name pairs.).", "invalid_body"),
        (#"{"permissions":[{"permission_name":"read:orders"}]}"#, 400, "Payload validation error: 'Missing required property: resource_server_identifier'.", "invalid_body"),
        (#"{}"#, 400, "Payload validation error: 'Missing required property: permissions'.", "invalid_body"),
        (#"{"permissions":[{"resource_server_identifier":"https://orders","permission_name":"read:orders"}],"role":"x"}"#, 400,
         "Payload validation error: 'Additional properties not allowed: role'.", "invalid_body"),
    ])
    func badPermissionsAreRefusedWhole(_ body: String, _ status: Int, _ message: String, _ code: String) async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        _ = try await http.api("POST", "resource-servers", body: j(#"{"name":"Orders","identifier":"https://orders","scopes":[{"value":"read:orders"}]}"#))
        let role = try #require(try await http.api("POST", "roles", body: j(#"{"name":"Clerk"}"#)).body?["id"]?.stringValue)
        let refused = try await http.api("POST", "roles/\(role)/permissions", body: j(body))
        #expect(refused.status == status)
        #expect(refused.body?["message"] == .string(message) && refused.body?["errorCode"] == .string(code))
        #expect(try await http.api("GET", "roles/\(role)/permissions").body == j("[]"), "a refused request adds nothing")
    }

    @Test func anUnknownRoleIsA404ForPermissions() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        _ = try await http.api("POST", "resource-servers", body: j(#"{"name":"Orders","identifier":"https://orders","scopes":[{"value":"read:orders"}]}"#))
        let body = j(#"{"permissions":[{"resource_server_identifier":"https://orders","permission_name":"read:orders"}]}"#)
        for method in ["GET", "POST", "DELETE"] {
            let reply = try await http.api(method, "roles/rol_nope/permissions", body: method == "GET" ? nil : body)
            #expect(reply.status == 404 && reply.body?["message"] == .string("The role does not exist."), "\(method)")
        }
    }

    @Test func aDeletedResourceServerLeavesEveryRole() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let server = try #require(try await http.api("POST", "resource-servers", body: j(#"{"name":"Orders","identifier":"https://orders","scopes":[{"value":"read:orders"}]}"#)).body?["id"]?.stringValue)
        _ = try await http.api("POST", "resource-servers", body: j(#"{"name":"Stock","identifier":"https://stock","scopes":[{"value":"read:stock"}]}"#))
        let role = try #require(try await http.api("POST", "roles", body: j(#"{"name":"Clerk"}"#)).body?["id"]?.stringValue)
        _ = try await http.api("POST", "roles/\(role)/permissions", body: j(#"{"permissions":[{"resource_server_identifier":"https://orders","permission_name":"read:orders"},{"resource_server_identifier":"https://stock","permission_name":"read:stock"}]}"#))
        #expect(try await http.api("DELETE", "resource-servers/\(server)").status == 204)
        #expect(try await http.api("GET", "roles/\(role)/permissions").body?.arrayValue?.compactMap { $0["resource_server_identifier"]?.stringValue } == ["https://stock"])
    }

    @Test func permissionWritesAreUpdatesOfTheRole() async throws {
        let http = try await EmulatorHTTP.start { $0.grantedScopes = ["read:roles", "create:roles"] }
        defer { Task { await http.stop() } }
        let role = try #require(try await http.api("POST", "roles", body: j(#"{"name":"Clerk"}"#)).body?["id"]?.stringValue)
        #expect(try await http.api("GET", "roles/\(role)/permissions").status == 200)
        for method in ["POST", "DELETE"] {
            let refused = try await http.api(method, "roles/\(role)/permissions", body: j(#"{"permissions":[]}"#))
            #expect(refused.status == 403 && refused.body?["message"] == .string("Insufficient scope, expected any of: update:roles"))
        }
    }
}
