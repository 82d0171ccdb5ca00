import Foundation
import Testing
@testable import TenantConfig

/// A connection's directory provisioning is exported inline, where the Deploy CLI's files write it, without what the
/// API alone sets (a snapshot the emulator wrote keeps its times).
@Suite struct DirectoryProvisioningExportTests {
    @Test func itIsWrittenInTheConnectionWithoutTheAPIsOwnFields() throws {
        let connections = try JSONValue.parse(Data(#"""
            [{"id":"con_gw","name":"google-workspace","strategy":"google-apps","options":{"domain":"example.com"},"enabled_clients":[],
              "directory_provisioning_configuration":{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":false,
                                                      "synchronize_groups":"all","created_at":"2026-01-01T00:00:00.000Z",
                                                      "updated_at":"2026-01-02T00:00:00.000Z","connection_id":"con_gw"}}]
            """#.utf8))
        let export = SnapshotExporter().export(TenantSnapshot(domain: "example.eu.auth0.com", exportedAt: "2026-12-05T00:00:00Z",
                                                              sections: [.connections: connections]))
        let yaml = try #require(export.files["tenant.yaml"])
        #expect(yaml.contains("""
              directory_provisioning_configuration:
                mapping:
                - auth0: email
                  idp: mail
                synchronize_automatically: false
                synchronize_groups: all

            """), "\(yaml)")
        #expect(!yaml.contains("created_at") && !yaml.contains("updated_at") && !yaml.contains("connection_id"), "\(yaml)")
    }
}
