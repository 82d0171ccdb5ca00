import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// `GET|PATCH /custom-domains/default`: the canonical domain until a verified custom domain is made the default.
@Suite struct DefaultCustomDomainTests {
    let j = EmulatorHTTP.json
    static let seed = #"""
    {"format_version": 1, "custom_domains": [
      {"custom_domain_id": "cd_ready0000000001", "domain": "login.example.com", "type": "auth0_managed_certs", "primary": false, "status": "ready", "is_default": false},
      {"custom_domain_id": "cd_pending00000001", "domain": "id.example.com", "type": "auth0_managed_certs", "primary": false, "status": "pending_verification", "is_default": false}
    ]}
    """#

    func start() async throws -> EmulatorHTTP {
        try await EmulatorHTTP.start { $0.domain = "acme.eu.auth0.com"; $0.seed = Data(Self.seed.utf8) }
    }

    func defaults(_ http: EmulatorHTTP) async throws -> [String] {
        (try await http.api("GET", "custom-domains").body?.arrayValue ?? []).filter { $0["is_default"] == .bool(true) }.compactMap { $0["domain"]?.stringValue }
    }

    @Test func theCanonicalDomainIsTheDefaultUntilAVerifiedOneIsMadeIt() async throws {
        let http = try await start()
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "custom-domains/default").body == j(#"{"domain":"acme.eu.auth0.com"}"#))
        let set = try await http.api("PATCH", "custom-domains/default", body: j(#"{"domain":"login.example.com"}"#))
        #expect(set.status == 200)
        #expect(set.body?["custom_domain_id"] == .string("cd_ready0000000001") && set.body?["is_default"] == .bool(true))
        #expect(try await http.api("GET", "custom-domains/default").body?["domain"] == .string("login.example.com"))
        #expect(try await defaults(http) == ["login.example.com"])
        // The canonical domain again: no custom domain is the default.
        #expect(try await http.api("PATCH", "custom-domains/default", body: j(#"{"domain":"acme.eu.auth0.com"}"#)).body == j(#"{"domain":"acme.eu.auth0.com"}"#))
        #expect(try await defaults(http).isEmpty)
        // A new domain is not the default.
        let created = try await http.api("POST", "custom-domains", body: j(#"{"domain":"new.example.com","type":"auth0_managed_certs"}"#))
        #expect(created.body?["is_default"] == .bool(false))
    }

    @Test func anUnverifiedUnknownOrMalformedChoiceIsA400() async throws {
        let http = try await start()
        defer { Task { await http.stop() } }
        for (body, message) in [(#"{"domain":"id.example.com"}"#, "The custom domain id.example.com must be verified (status ready) before it can be the default."),
                                (#"{"domain":"other.example.com"}"#, "The domain other.example.com is not a custom domain of this tenant."),
                                (#"{"domain":"login.example.com","primary":true}"#, "Payload validation error: 'Additional properties not allowed: primary'."),
                                ("{}", "Payload validation error: 'Missing required property: domain'.")] {
            let refused = try await http.api("PATCH", "custom-domains/default", body: j(body))
            #expect(refused.status == 400 && refused.body?["message"] == .string(message), "\(body): \(String(describing: refused.body))")
        }
        #expect(try await defaults(http).isEmpty)
        let unscoped = try await EmulatorHTTP.start { $0.domain = "acme.eu.auth0.com"; $0.grantedScopes = ["read:custom_domains"] }
        defer { Task { await unscoped.stop() } }
        let forbidden = try await unscoped.api("PATCH", "custom-domains/default", body: j(#"{"domain":"acme.eu.auth0.com"}"#))
        #expect(forbidden.status == 403 && forbidden.body?["message"] == .string("Insufficient scope, expected any of: update:custom_domains"))
    }
}
