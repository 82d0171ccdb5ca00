import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// The tenant's pages: the error, password and MFA pages in tenant settings, the login page in the global client
/// (`All Applications`), which every emulated tenant has.
@Suite struct PagesEndpointsTests {
    let j = EmulatorHTTP.json

    @Test func tenantSettingsTakeAndReturnThePages() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        // The body the Deploy CLI sent (recorded).
        let pages = j(#"""
            {"error_page":{"html":"<html>Error Page</html>\n","show_log_link":false,"url":"https://mycompany.org/error"},
             "guardian_mfa_page":{"enabled":true,"html":"<html>MFA</html>\n"},"change_password":{"enabled":true,"html":"<html>Change Password</html>\n"}}
            """#)
        let patched = try await http.api("PATCH", "tenants/settings", body: pages)
        #expect(patched.status == 200)
        let settings = try await http.api("GET", "tenants/settings").body
        for field in ["error_page", "guardian_mfa_page", "change_password"] { #expect(settings?[field] == pages[field], "\(field)") }
        #expect(settings?["friendly_name"] == .string("Emulated tenant"), "the rest is kept")
    }

    @Test func sessionLifetimesSentInMinutesAreKeptInHours() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        // What the Deploy CLI sent for `session_lifetime: 3.0166666666666666`, and what the real API answered (recorded).
        let patched = try await http.api("PATCH", "tenants/settings", body: j(#"{"session_lifetime_in_minutes":181,"idle_session_lifetime_in_minutes":60}"#))
        #expect(patched.status == 200)
        #expect(patched.body?["session_lifetime"] == .number(3.0166666666666666) && patched.body?["idle_session_lifetime"] == .number(1))
        #expect(patched.body?["session_lifetime_in_minutes"] == nil)
        let both = try await http.api("PATCH", "tenants/settings", body: j(#"{"session_lifetime":3,"session_lifetime_in_minutes":181}"#))
        #expect(both.status == 400 && both.body?["errorCode"] == .string("invalid_body"))
        #expect(try await http.api("GET", "tenants/settings").body?["session_lifetime"] == .number(3.0166666666666666), "a refused write changes nothing")
        // Not in the spec, but the real API took it from the Deploy CLI (recorded).
        let login = try await http.api("PATCH", "tenants/settings", body: j(##"{"universal_login":{"colors":{"primary":"#F8F8F2"}}}"##))
        #expect(login.status == 200 && login.body?["universal_login"]?["colors"]?["primary"] == .string("#F8F8F2"))
    }

    @Test func aFreshTenantHasItsGlobalClient() async throws {
        let http = try await EmulatorHTTP.start { $0.domain = "acme-dev.eu.auth0.com" }
        defer { Task { await http.stop() } }
        let global = try await http.api("GET", "clients?page=0&per_page=100&include_totals=true&is_global=true")
        let clients = global.body?["clients"]?.arrayValue ?? []
        #expect(global.body?["total"] == .number(1) && clients.count == 1)
        let client = try #require(clients.first)
        #expect(client["name"] == .string("All Applications") && client["global"] == .bool(true) && client["tenant"] == .string("acme-dev"))
        #expect(client["client_secret"] == nil, "lists never show a secret")
        #expect(try await http.api("GET", "clients?is_global=false").body == j("[]"))

        let id = try #require(client["client_id"]?.stringValue)
        let login = j(#"{"custom_login_page":"<html>TEST123</html>\n","custom_login_page_on":true}"#)
        let patched = try await http.api("PATCH", "clients/\(id)", body: login)
        #expect(patched.status == 200 && patched.body?["custom_login_page"] == login["custom_login_page"] && patched.body?["global"] == .bool(true))
        let read = try await http.api("GET", "clients/\(id)").body
        #expect(read?["custom_login_page"] == login["custom_login_page"] && read?["custom_login_page_on"] == .bool(true))
    }

    @Test func aSeedWithoutAGlobalClientGetsOneAndASeedWithOneKeepsIt() async throws {
        let without = j(#"{"format_version":1,"clients":[{"client_id":"cli_web","name":"Web"}]}"#)
        let first = try await EmulatorHTTP.start { $0.seed = without.encoded() }
        defer { Task { await first.stop() } }
        #expect(try await first.api("GET", "clients?is_global=true").body?.arrayValue?.map { $0["name"] } == [.string("All Applications")])
        #expect(try await first.api("GET", "clients?is_global=false").body?.arrayValue?.map { $0["client_id"] } == [.string("cli_web")])

        let with = j(#"{"format_version":1,"clients":[{"client_id":"cli_global","name":"All Applications","global":true,"custom_login_page":"<html/>"}]}"#)
        let second = try await EmulatorHTTP.start { $0.seed = with.encoded() }
        defer { Task { await second.stop() } }
        let globals = try await second.api("GET", "clients?is_global=true").body?.arrayValue ?? []
        #expect(globals.count == 1 && globals.first?["client_id"] == .string("cli_global") && globals.first?["custom_login_page"] == .string("<html/>"))
        let snapshot = try await second.call("GET", "/__emulator/snapshot").body
        #expect(snapshot?["clients"]?.arrayValue?.count == 1)
    }
}
