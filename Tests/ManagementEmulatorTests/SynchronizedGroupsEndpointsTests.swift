import APIJSON
import Foundation
import Testing
@testable import ManagementEmulator

/// The groups a connection's directory provisioning synchronizes: `GET|PUT …/directory-provisioning/synchronized-groups`.
@Suite struct SynchronizedGroupsEndpointsTests {
    func j(_ text: String) -> JSONValue { EmulatorHTTP.json(text) }

    @Test func putReplacesThemAndTheConfigurationNeverShowsThem() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let id = try #require(try await http.api("POST", "connections", body: j(#"{"name":"gw","strategy":"google-apps","options":{"domain":"example.com"}}"#)).body?["id"]?.stringValue)
        let path = "connections/\(id)/directory-provisioning/synchronized-groups"
        #expect(try await http.api("GET", path).status == 404, "no configuration yet")
        #expect(try await http.api("PUT", path, body: j(#"{"groups":[{"id":"eng01"}]}"#)).status == 404)
        _ = try await http.api("POST", "connections/\(id)/directory-provisioning", body: j(#"{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_groups":"selected"}"#))
        #expect(try await http.api("GET", path).body?["groups"] == j("[]"))
        let put = try await http.api("PUT", path, body: j(#"{"groups":[{"id":"eng01"},{"id":"sales02"}]}"#))
        #expect(put.status == 204 && put.body == nil)
        #expect(try await http.api("GET", path).body?["groups"] == j(#"[{"id":"eng01"},{"id":"sales02"}]"#))
        _ = try await http.api("PUT", path, body: j(#"{"groups":[{"id":"ops03"}]}"#))
        #expect(try await http.api("GET", path).body?["groups"] == j(#"[{"id":"ops03"}]"#), "replaced whole")
        #expect(try await http.api("GET", "connections/\(id)/directory-provisioning").body?["synchronized_groups"] == nil)
        let kept = try await http.call("GET", "/__emulator/snapshot").body?["connections"]?.arrayValue?.first { $0["id"] == .string(id) }
        #expect(kept?["directory_provisioning_configuration"]?["synchronized_groups"] == j(#"[{"id":"ops03"}]"#), "snapshots keep them in the configuration")
    }

    @Test func aGroupIsItsIdAlone() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let id = try #require(try await http.api("POST", "connections", body: j(#"{"name":"gw","strategy":"google-apps","options":{"domain":"example.com"}}"#)).body?["id"]?.stringValue)
        _ = try await http.api("POST", "connections/\(id)/directory-provisioning", body: j(#"{"mapping":[{"auth0":"email","idp":"mail"}]}"#))
        let path = "connections/\(id)/directory-provisioning/synchronized-groups"
        for (body, message) in [(#"{"groups":[{"id":"some_group"}]}"#, "Payload validation error: 'String does not match pattern ^[A-Za-z0-9]+$: some_group' on property id (Google Workspace Directory group ID.)."),
                                (#"{"groups":[{"id":"eng01","name":"Engineering"}]}"#, "Payload validation error: 'Additional properties not allowed: name'."),
                                ("{}", "Payload validation error: 'Missing required property: groups'.")] {
            let refused = try await http.api("PUT", path, body: j(body))
            #expect(refused.status == 400 && refused.body?["message"] == .string(message), "\(body): \(String(describing: refused.body))")
        }
    }
}
