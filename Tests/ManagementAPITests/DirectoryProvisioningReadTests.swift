import APIJSON
import Foundation
import ManagementEmulator
import Testing
import TenantConfig
@testable import ManagementAPI

/// A connection's directory provisioning is read from the one list of every connection's, kept in the connection as
/// the files write it, without what the API alone sets.
@Suite struct DirectoryProvisioningReadTests {
    static let seed = Data(#"""
        {"format_version":1,"connections":[
          {"id":"con_gw","name":"google-workspace","strategy":"google-apps","options":{"domain":"example.com"},
           "directory_provisioning_configuration":{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":true,
                                                   "created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z"}},
          {"id":"con_db","name":"Users","strategy":"auth0","options":{}}]}
        """#.utf8)

    @Test func eachConnectionCarriesItsOwn() async throws {
        let snapshot = try await withEmulator(seed: Self.seed) { _, client in
            try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com")
        }
        let connections = snapshot.sections[.connections]?.arrayValue ?? []
        let workspace = connections.first { $0["name"] == .string("google-workspace") }
        #expect(workspace?["directory_provisioning_configuration"] == json(#"{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":true}"#))
        #expect(connections.first { $0["name"] == .string("Users") }?["directory_provisioning_configuration"] == nil)
    }

    @Test func selectedGroupsAreReadOnlyWhereTheConfigurationSelectsThem() async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { request, _ in
            switch request.path {
            case "connections-directory-provisionings":
                .ok(json(#"{"directory_provisionings":[{"connection_id":"con_sel","mapping":[{"auth0":"email","idp":"mail"}],"synchronize_groups":"selected"},"#
                    + #"{"connection_id":"con_all","mapping":[{"auth0":"email","idp":"mail"}],"synchronize_groups":"all"}]}"#))
            case "connections/con_sel/directory-provisioning/synchronized-groups":
                .ok(json(#"{"groups":[{"id":"engineering01"},{"id":"sales02"}]}"#))
            case "connections": .ok(json(#"{"connections":[{"id":"con_sel","name":"selected","strategy":"google-apps"},{"id":"con_all","name":"all","strategy":"google-apps"}]}"#))
            default: .ok(json(#"{"total":0,"clients":[]}"#))
            }
        }
        try await withScriptedAPI(script: script) { api, client in
            let snapshot = try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com")
            let connections = snapshot.sections[.connections]?.arrayValue ?? []
            #expect(connections.first { $0["name"] == .string("selected") }?["directory_provisioning_configuration"]?["synchronized_groups"]
                    == json(#"[{"id":"engineering01"},{"id":"sales02"}]"#))
            #expect(connections.first { $0["name"] == .string("all") }?["directory_provisioning_configuration"]?["synchronized_groups"] == nil)
            let groupReads = api.requests.filter { $0.path.hasSuffix("/synchronized-groups") }
            #expect(groupReads.map(\.path) == ["connections/con_sel/directory-provisioning/synchronized-groups"], "no read where no group is selected")
            #expect(groupReads.first?.query == ["take=100"])
        }
    }

    @Test func aTenantWithoutTheFeatureHasNone() async throws {
        let snapshot = try await withEmulator(seed: Self.seed, configure: { $0.directoryProvisioningNotEnabled = true }) { _, client in
            try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com")
        }
        let workspace = snapshot.sections[.connections]?.arrayValue?.first { $0["name"] == .string("google-workspace") }
        #expect(workspace?["options"]?["domain"] == .string("example.com"))
        #expect(workspace?["directory_provisioning_configuration"] == nil)
    }

    @Test func aTokenWithoutTheScopeIsAnErrorNotNone() async throws {
        // The Deploy CLI's recordings show this answer to a token without the scope.
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { request, _ in
            switch request.path {
            case "connections-directory-provisionings":
                .apiError(403, "Forbidden", "Insufficient scope, expected any of: read:directory_provisionings", "insufficient_scope")
            case "connections": .ok(json(#"{"connections":[{"id":"con_1","name":"google-workspace","strategy":"google-apps"}]}"#))
            default: .ok(json(#"{"total":0,"clients":[]}"#))
            }
        }
        await #expect(throws: ManagementAPIError.missingScopes(["read:directory_provisionings"])) {
            try await withScriptedAPI(script: script) { _, client in
                _ = try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com")
            }
        }
    }

    @Test func theListIsReadOnceWithTheLargestPage() async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { request, _ in
            switch request.path {
            case "connections-directory-provisionings":
                .ok(json(#"{"directory_provisionings":[{"connection_id":"con_1","connection_name":"google-workspace","strategy":"google-apps","mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":false,"created_at":"x","updated_at":"y","last_synchronization_status":"ok"}]}"#))
            case "connections": .ok(json(#"{"connections":[{"id":"con_1","name":"google-workspace","strategy":"google-apps"},{"id":"con_2","name":"Users","strategy":"auth0"}]}"#))
            default: .ok(json(#"{"total":0,"clients":[]}"#))
            }
        }
        try await withScriptedAPI(script: script) { api, client in
            let snapshot = try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com")
            let listReads = api.requests.filter { $0.path == "connections-directory-provisionings" }
            #expect(listReads.count == 1 && listReads.first?.query == ["take=100"])
            #expect(!api.requests.contains { $0.path.hasSuffix("/directory-provisioning") }, "no read per connection")
            #expect(snapshot.sections[.connections]?.arrayValue?.first { $0["name"] == .string("google-workspace") }?["directory_provisioning_configuration"]
                    == json(#"{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":false}"#))
        }
    }
}
