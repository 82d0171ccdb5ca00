import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// `/organizations` and its sub-resources: status codes, list shapes, validation, errors and cascades.
@Suite struct OrganizationEndpointsTests {
    let j = EmulatorHTTP.json

    @Test func anOrganizationIsCreatedReadUpdatedAndDeleted() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let created = try await http.api("POST", "organizations", body: j(#"{"name":"acme","display_name":"Acme","metadata":{"tier":"gold"}}"#))
        #expect(created.status == 201)
        let id = try #require(created.body?["id"]?.stringValue)
        #expect(id.hasPrefix("org_") && id.count == 20)
        #expect(created.body == j(#"{"id":"\#(id)","name":"acme","display_name":"Acme","metadata":{"tier":"gold"},"third_party_client_access":"block","is_app_entitlement_active":false}"#))
        #expect(try await http.api("GET", "organizations/\(id)").body == created.body)
        #expect(try await http.api("GET", "organizations/name/acme").body == created.body)
        let patched = try await http.api("PATCH", "organizations/\(id)", body: j(#"{"display_name":"Acme Inc","metadata":{"tier":"silver"}}"#))
        #expect(patched.status == 200 && patched.body?["display_name"] == .string("Acme Inc") && patched.body?["metadata"] == j(#"{"tier":"silver"}"#))
        let deleted = try await http.api("DELETE", "organizations/\(id)")
        #expect(deleted.status == 204 && deleted.raw.isEmpty)
        let missing = j(#"{"statusCode":404,"error":"Not Found","message":"The organization does not exist.","errorCode":"inexistent_organization"}"#)
        #expect(try await http.api("GET", "organizations/\(id)").body == missing)
        #expect(try await http.api("GET", "organizations/name/acme").body == missing)
        #expect(try await http.api("DELETE", "organizations/\(id)").body == missing)
        #expect(try await http.api("PATCH", "organizations/\(id)", body: j(#"{"display_name":"X"}"#)).status == 404)
    }

    @Test func listsPageByOffsetOrByCheckpoint() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        for name in ["a", "b", "c"] { _ = try await http.api("POST", "organizations", body: j(#"{"name":"\#(name)"}"#)) }
        #expect(try await http.api("GET", "organizations").body?.arrayValue?.count == 3)
        let totals = try await http.api("GET", "organizations?include_totals=true&per_page=2&page=0")
        #expect(totals.body?["total"] == .number(3) && totals.body?["start"] == .number(0) && totals.body?["limit"] == .number(2))
        #expect(totals.body?["organizations"]?.arrayValue?.count == 2)
        // As recorded from the Deploy CLI: `include_totals` with `take` is a checkpoint page, without totals.
        let all = try await http.api("GET", "organizations?include_totals=true&take=50")
        #expect(all.body?.objectValue?.keys.sorted() == ["organizations"])
        let first = try await http.api("GET", "organizations?take=2")
        let next = try #require(first.body?["next"]?.stringValue)
        let second = try await http.api("GET", "organizations?take=2&from=\(next)")
        #expect(second.body?["organizations"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["c"] && second.body?["next"] == nil)
    }

    @Test(arguments: [
        (#"{"name":"Acme Corp"}"#, "Payload validation error: 'Object didn't pass validation for format organization-name: Acme Corp' on property name (The name of this organization.)."),
        (#"{"name":"acme.corp"}"#, "Payload validation error: 'Object didn't pass validation for format organization-name: acme.corp' on property name (The name of this organization.)."),
        (#"{"name":""}"#, "Payload validation error: 'String is too short (0 chars), minimum 1' on property name (The name of this organization.)."),
        (#"{"name":"\#(String(repeating: "a", count: 51))"}"#, "Payload validation error: 'String is too long (51 chars), maximum 50' on property name (The name of this organization.)."),
        (#"{"name":"acme","display_name":"\#(String(repeating: "x", count: 256))"}"#, "Payload validation error: 'String is too long (256 chars), maximum 255' on property display_name (Friendly name of this organization.)."),
        (#"{"name":"acme","display_name":""}"#, "Payload validation error: 'String is too short (0 chars), minimum 1' on property display_name (Friendly name of this organization.)."),
        (#"{"display_name":"Acme"}"#, "Payload validation error: 'Missing required property: name'."),
        (#"{"name":42}"#, "Payload validation error: 'Expected type string but found type number' on property name (The name of this organization.)."),
        (#"{"name":"acme","id":"org_x"}"#, "Payload validation error: 'Additional properties not allowed: id'."),
    ])
    func organizationBodiesAreValidated(_ body: String, _ message: String) async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let refused = try await http.api("POST", "organizations", body: j(body))
        #expect(refused.body == .object(["statusCode": .number(400), "error": .string("Bad Request"), "message": .string(message), "errorCode": .string("invalid_body")]))
        #expect(try await http.api("GET", "organizations").body == j("[]"), "a refused create changes nothing")
    }

    @Test func theLongestValidNameIsAccepted() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let name = "0rg_" + String(repeating: "a-", count: 23)
        #expect(name.count == 50)
        #expect(try await http.api("POST", "organizations", body: j(#"{"name":"\#(name)","display_name":"\#(String(repeating: "x", count: 255))"}"#)).status == 201)
    }

    @Test func namesAreUniqueOnCreateAndUpdate() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        _ = try await http.api("POST", "organizations", body: j(#"{"name":"acme"}"#))
        let other = try #require(try await http.api("POST", "organizations", body: j(#"{"name":"globex"}"#)).body?["id"]?.stringValue)
        let conflict = j(#"{"statusCode":409,"error":"Conflict","message":"An organization with this name already exists.","errorCode":"organization_conflict"}"#)
        #expect(try await http.api("POST", "organizations", body: j(#"{"name":"acme"}"#)).body == conflict)
        #expect(try await http.api("PATCH", "organizations/\(other)", body: j(#"{"name":"acme"}"#)).body == conflict)
        #expect(try await http.api("PATCH", "organizations/\(other)", body: j(#"{"name":"globex","display_name":"Globex"}"#)).status == 200)
    }

    @Test func enabledConnectionsNeedTheConnectionAndReadItsNameAndStrategy() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let connection = try #require(try await http.api("POST", "connections", body: j(#"{"name":"users","strategy":"auth0"}"#)).body?["id"]?.stringValue)
        let org = try #require(try await http.api("POST", "organizations", body: j(#"{"name":"acme"}"#)).body?["id"]?.stringValue)
        let path = "organizations/\(org)/enabled_connections"
        let added = try await http.api("POST", path, body: j(#"{"connection_id":"\#(connection)","assign_membership_on_login":true}"#))
        #expect(added.status == 201)
        let item = j(#"{"connection_id":"\#(connection)","assign_membership_on_login":true,"show_as_button":true,"is_signup_enabled":false,"connection":{"name":"users","strategy":"auth0"}}"#)
        #expect(added.body == item)
        #expect(try await http.api("GET", path).body == .array([item]))
        #expect(try await http.api("GET", path + "?include_totals=true").body == j(#"{"enabled_connections":[\#(String(decoding: item.encoded(), as: UTF8.self))],"start":0,"limit":50,"total":1}"#))
        #expect(try await http.api("GET", "\(path)/\(connection)").body == item)
        // The newer endpoint reads the same connections.
        let alias = try await http.api("GET", "organizations/\(org)/connections?page=0&per_page=50&include_totals=true")
        #expect(alias.body?["connections"] == .array([item]) && alias.body?["total"] == .number(1))
        let patched = try await http.api("PATCH", "\(path)/\(connection)", body: j(#"{"show_as_button":false}"#))
        #expect(patched.status == 200 && patched.body?["show_as_button"] == .bool(false))
        #expect(try await http.api("POST", path, body: j(#"{"connection_id":"\#(connection)"}"#)).body
            == j(#"{"statusCode":409,"error":"Conflict","message":"The organization connection already exists.","errorCode":"organization_connection_conflict"}"#))
        #expect(try await http.api("POST", path, body: j(#"{"connection_id":"con_nope"}"#)).body
            == j(#"{"statusCode":404,"error":"Not Found","message":"The connection does not exist","errorCode":"inexistent_connection"}"#))
        #expect(try await http.api("POST", path, body: j(#"{"assign_membership_on_login":true}"#)).body?["message"]
            == .string("Payload validation error: 'Missing required property: connection_id'."))
        #expect(try await http.api("POST", "organizations/org_nope/enabled_connections", body: j(#"{"connection_id":"\#(connection)"}"#)).body?["message"]
            == .string("The organization does not exist."))
        #expect(try await http.api("GET", "\(path)/con_other").body?["message"] == .string("The organization connection does not exist."))
        #expect(try await http.api("GET", path + "?take=10").status == 400, "enabled connections page by offset only")
        #expect(try await http.api("DELETE", "\(path)/\(connection)").status == 204)
        #expect(try await http.api("GET", path).body == j("[]"))
        #expect(try await http.api("DELETE", "\(path)/\(connection)").status == 204)
    }

    @Test func anOrganizationCanBeCreatedWithItsConnections() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let connection = try #require(try await http.api("POST", "connections", body: j(#"{"name":"users","strategy":"auth0"}"#)).body?["id"]?.stringValue)
        let refused = try await http.api("POST", "organizations", body: j(#"{"name":"acme","enabled_connections":[{"connection_id":"con_nope"}]}"#))
        #expect(refused.status == 404)
        #expect(try await http.api("GET", "organizations").body == j("[]"))
        let created = try await http.api("POST", "organizations", body: j(#"{"name":"acme","enabled_connections":[{"connection_id":"\#(connection)","is_signup_enabled":true}]}"#))
        #expect(created.status == 201 && created.body?["enabled_connections"] == nil)
        let org = try #require(created.body?["id"]?.stringValue)
        let listed = try await http.api("GET", "organizations/\(org)/enabled_connections")
        #expect(listed.body?.arrayValue?.first?["is_signup_enabled"] == .bool(true))
    }

    @Test func aDeletedConnectionLeavesEveryOrganization() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let connection = try #require(try await http.api("POST", "connections", body: j(#"{"name":"users","strategy":"auth0"}"#)).body?["id"]?.stringValue)
        var orgs: [String] = []
        for name in ["acme", "globex"] {
            let org = try #require(try await http.api("POST", "organizations", body: j(#"{"name":"\#(name)"}"#)).body?["id"]?.stringValue)
            #expect(try await http.api("POST", "organizations/\(org)/enabled_connections", body: j(#"{"connection_id":"\#(connection)"}"#)).status == 201)
            orgs.append(org)
        }
        #expect(try await http.api("DELETE", "connections/\(connection)").status == 202)
        for org in orgs { #expect(try await http.api("GET", "organizations/\(org)/enabled_connections").body == j("[]")) }
    }

    @Test func clientGrantsAreAssociatedWhileTheGrantExists() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let client = try #require(try await http.api("POST", "clients", body: j(#"{"name":"Worker"}"#)).body?["client_id"]?.stringValue)
        _ = try await http.api("POST", "resource-servers", body: j(#"{"name":"API","identifier":"https://api"}"#))
        let grant = try #require(try await http.api("POST", "client-grants", body: j(#"{"client_id":"\#(client)","audience":"https://api","scope":["read:x"],"organization_usage":"allow"}"#)).body?["id"]?.stringValue)
        let org = try #require(try await http.api("POST", "organizations", body: j(#"{"name":"acme"}"#)).body?["id"]?.stringValue)
        let path = "organizations/\(org)/client-grants"
        let item = j(#"{"id":"\#(grant)","client_id":"\#(client)","audience":"https://api","scope":["read:x"],"organization_usage":"allow"}"#)
        let added = try await http.api("POST", path, body: j(#"{"grant_id":"\#(grant)"}"#))
        #expect(added.status == 201 && added.body == item)
        #expect(try await http.api("GET", path + "?page=0&per_page=50&include_totals=true").body
            == .object(["client_grants": .array([item]), "start": .number(0), "limit": .number(50), "total": .number(1)]))
        #expect(try await http.api("GET", path + "?audience=https://other").body == j("[]"))
        #expect(try await http.api("GET", path + "?client_id=\(client)").body == .array([item]))
        // The list shows the grant as it is now.
        _ = try await http.api("PATCH", "client-grants/\(grant)", body: j(#"{"scope":["read:x","write:x"]}"#))
        #expect(try await http.api("GET", path).body?.arrayValue?.first?["scope"] == j(#"["read:x","write:x"]"#))
        #expect(try await http.api("POST", path, body: j(#"{"grant_id":"\#(grant)"}"#)).body
            == j(#"{"statusCode":409,"error":"Conflict","message":"The client grant has already been added to this organization.","errorCode":"organization_client_grant_conflict"}"#))
        #expect(try await http.api("POST", path, body: j(#"{"grant_id":"cgr_nope"}"#)).body
            == j(#"{"statusCode":404,"error":"Not Found","message":"The grant does not exist.","errorCode":"inexistent_client_grant"}"#))
        #expect(try await http.api("POST", "organizations/org_nope/client-grants", body: j(#"{"grant_id":"\#(grant)"}"#)).body?["message"]
            == .string("No organization found by that id."))
        #expect(try await http.api("GET", "\(path)/\(grant)").status == 404, "the API has no read of one associated grant")
        #expect(try await http.api("DELETE", "\(path)/\(grant)").status == 204)
        #expect(try await http.api("GET", path).body == j("[]"))
        // A deleted grant, or a deleted client with its grants, leaves the organization.
        _ = try await http.api("POST", path, body: j(#"{"grant_id":"\#(grant)"}"#))
        #expect(try await http.api("DELETE", "clients/\(client)").status == 204)
        #expect(try await http.api("GET", path).body == j("[]"))
    }

    @Test func discoveryDomainsPageByCheckpointOnly() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let org = try #require(try await http.api("POST", "organizations", body: j(#"{"name":"acme"}"#)).body?["id"]?.stringValue)
        let path = "organizations/\(org)/discovery-domains"
        #expect(try await http.api("GET", path).body == j(#"{"domains":[]}"#))
        let created = try await http.api("POST", path, body: j(#"{"domain":"acme.com"}"#))
        #expect(created.status == 201)
        let id = try #require(created.body?["id"]?.stringValue)
        #expect(id.hasPrefix("ord_") && id.count == 26)
        #expect(created.body?["status"] == .string("pending") && created.body?["verification_host"] == .string("_ss-verification.\(org).acme.com"))
        #expect(created.body?["verification_txt"]?.stringValue?.count == 32)
        _ = try await http.api("POST", path, body: j(#"{"domain":"acme.org","status":"verified","use_for_organization_discovery":true}"#))
        let page = try await http.api("GET", path + "?take=1")
        #expect(page.body?["domains"]?.arrayValue?.count == 1 && page.body?["next"] != nil)
        #expect(try await http.api("GET", path + "?page=0&per_page=50").status == 400)
        #expect(try await http.api("GET", "\(path)/name/acme.com").body == created.body)
        let verified = try await http.api("PATCH", "\(path)/\(id)", body: j(#"{"status":"verified"}"#))
        #expect(verified.status == 200 && verified.body?["status"] == .string("verified"))
        #expect(try await http.api("PATCH", "\(path)/\(id)", body: j(#"{"domain":"other.com"}"#)).body?["message"]
            == .string("Payload validation error: 'Additional properties not allowed: domain'."))
        #expect(try await http.api("PATCH", "\(path)/\(id)", body: j(#"{"status":"done"}"#)).body?["message"]
            == .string("Payload validation error: 'No enum match for: \"done\"' on property status (The verification status of the discovery domain.)."))
        #expect(try await http.api("POST", path, body: j(#"{"domain":"acme.com"}"#)).body?["message"]
            == .string("An organization discovery domain with this domain is already registered to this organization."))
        #expect(try await http.api("POST", path, body: j(#"{"domain":"not a domain"}"#)).body?["message"]
            == .string("Payload validation error: 'String does not match pattern ^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$: not a domain' on property domain (The domain name to associate with the organization e.g. acme.com.)."))
        #expect(try await http.api("GET", "organizations/org_nope/discovery-domains").body?["message"] == .string("Organization not found."))
        #expect(try await http.api("DELETE", "\(path)/\(id)").status == 204)
        #expect(try await http.api("DELETE", "\(path)/\(id)").body?["message"] == .string("Organization discovery domain not found."))
    }

    @Test func membersAndInvitationsAreSeededAndOnlyRead() async throws {
        let seed = j(#"""
        {"format_version":1,"organizations":[{"id":"org_seeded","name":"acme",
          "members":[{"user_id":"auth0|1","email":"ada@example.com"},{"user_id":"auth0|2","email":"bob@example.com"}],
          "invitations":[{"id":"uinv_1","invitee":{"email":"cy@example.com"}}]}]}
        """#)
        let http = try await EmulatorHTTP.start { $0.seed = seed.encoded() }
        defer { Task { await http.stop() } }
        let members = try await http.api("GET", "organizations/org_seeded/members?include_totals=true")
        #expect(members.body?["total"] == .number(2) && members.body?["members"]?.arrayValue?.first?["email"] == .string("ada@example.com"))
        let checkpoint = try await http.api("GET", "organizations/org_seeded/members?take=1")
        #expect(checkpoint.body?["members"]?.arrayValue?.count == 1 && checkpoint.body?["next"] != nil)
        #expect(try await http.api("GET", "organizations/org_seeded/members?fields=user_id").body == j(#"[{"user_id":"auth0|1"},{"user_id":"auth0|2"}]"#))
        #expect(try await http.api("GET", "organizations/org_seeded/invitations").body?.arrayValue?.count == 1)
        #expect(try await http.api("GET", "organizations/org_seeded/invitations/uinv_1").status == 200)
        #expect(try await http.api("POST", "organizations/org_seeded/members", body: j(#"{"members":["auth0|3"]}"#)).status == 404)
        #expect(try await http.api("GET", "organizations/org_nope/members").body?["message"] == .string("The organization does not exist."))
        let admin = try await http.call("GET", "/__emulator/snapshot")
        let organization = try #require(admin.body?["organizations"]?.arrayValue?.first)
        #expect(organization["member_count"] == .number(2))
        #expect(organization["members"] == nil && organization["invitations"] == nil)
        #expect(!admin.raw.contains("ada@example.com") && !admin.raw.contains("cy@example.com"))
    }

    @Test func deletingAnOrganizationDeletesWhatIsInsideIt() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let connection = try #require(try await http.api("POST", "connections", body: j(#"{"name":"users","strategy":"auth0"}"#)).body?["id"]?.stringValue)
        let org = try #require(try await http.api("POST", "organizations", body: j(#"{"name":"acme"}"#)).body?["id"]?.stringValue)
        _ = try await http.api("POST", "organizations/\(org)/enabled_connections", body: j(#"{"connection_id":"\#(connection)"}"#))
        _ = try await http.api("POST", "organizations/\(org)/discovery-domains", body: j(#"{"domain":"acme.com"}"#))
        #expect(try await http.api("DELETE", "organizations/\(org)").status == 204)
        #expect(try await http.api("GET", "organizations/\(org)/enabled_connections").status == 404)
        let snapshot = try await http.call("GET", "/__emulator/snapshot")
        #expect(snapshot.body?["organizations"] == j("[]"))
        #expect(!snapshot.raw.contains("acme.com"))
    }

    @Test func eachSubResourceNeedsItsOwnScope() async throws {
        let http = try await EmulatorHTTP.start { $0.grantedScopes = ["read:organizations", "create:organizations"] }
        defer { Task { await http.stop() } }
        let org = try #require(try await http.api("POST", "organizations", body: j(#"{"name":"acme"}"#)).body?["id"]?.stringValue)
        for (method, path, scope) in [
            ("GET", "organizations/\(org)/enabled_connections", "read:organization_connections"),
            ("POST", "organizations/\(org)/enabled_connections", "create:organization_connections"),
            ("PATCH", "organizations/\(org)/enabled_connections/con_1", "update:organization_connections"),
            ("DELETE", "organizations/\(org)/connections/con_1", "delete:organization_connections"),
            ("POST", "organizations/\(org)/client-grants", "create:organization_client_grants"),
            ("GET", "organizations/\(org)/discovery-domains", "read:organization_discovery_domains"),
            ("GET", "organizations/\(org)/members", "read:organization_members"),
            ("GET", "organizations/\(org)/invitations", "read:organization_invitations"),
            ("GET", "organizations/\(org)/clients?take=50", "read:organization_clients"),
            ("PATCH", "organizations/\(org)", "update:organizations"),
        ] {
            let refused = try await http.api(method, path, body: method == "GET" || method == "DELETE" ? nil : j("{}"))
            #expect(refused.body == .object(["statusCode": .number(403), "error": .string("Forbidden"),
                                             "message": .string("Insufficient scope, expected any of: \(scope)"), "errorCode": .string("insufficient_scope")]),
                    "\(method) \(path)")
        }
    }
}
