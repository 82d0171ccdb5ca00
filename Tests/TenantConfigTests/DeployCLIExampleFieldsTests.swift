import Foundation
import Testing
@testable import TenantConfig

/// Fields of the Deploy CLI's full example that the Management API refuses in the body tenantctl would send them in
/// (the spec's create and update schemas lack them): loaded, reported once as a note naming where they are managed,
/// never sent.
@Suite struct DeployCLIExampleFieldsTests {
    func note(_ yaml: String) throws -> Finding {
        let tenant = loadTenant(["tenant.yaml": yaml])
        #expect(tenant.findings.filter { $0.severity == .error }.isEmpty, "\(tenant.findings.map(\.message))")
        return try #require(tenant.findings("unmanaged-field").first)
    }

    @Test func aCIMDClientsExternalIdIsManaged() throws {
        // Registered through `POST /clients/cimd/register` (Tests/TenantPlanTests/CIMDClientPlanTests.swift): no note.
        let tenant = loadTenant(["tenant.yaml": "clients:\n  - name: My CIMD Client\n    external_client_id: https://mcp.example.com/client.json\n    app_type: regular_web\n"])
        #expect(tenant.findings.isEmpty, "\(tenant.findings.map(\.message))")
    }

    @Test func aConnectionsDirectoryProvisioningAndItsChosenGroupsAreManaged() throws {
        // Planned in Tests/TenantPlanTests/DirectoryProvisioningPlanTests.swift: no note.
        let tenant = loadTenant(["tenant.yaml": """
        connections:
          - name: google-workspace
            strategy: google-apps
            options: {domain: example.com}
            directory_provisioning_configuration:
              synchronize_automatically: false
              synchronize_groups: selected
              synchronized_groups:
                - id: engineering01
        """])
        #expect(tenant.findings("unmanaged-field").isEmpty, "\(tenant.findings.map(\.message))")
    }

    @Test func anOrganizationsFlaggedAccessSettingsAreNotes() throws {
        let tenant = loadTenant(["tenant.yaml": "organizations:\n  - name: acme\n    third_party_client_access: block\n    is_app_entitlement_active: false\n"])
        let notes = tenant.findings("unmanaged-field")
        #expect(notes.map { $0.location?.line } == [4, 3])
        #expect(notes.allSatisfy { $0.message.contains("follows a feature flag") })
    }
}

/// The hosted pages tenant settings hold are exported once, as `pages` with their HTML beside the YAML (as the
/// Deploy CLI's exports have them), not again inline under `tenant`, where a `@@…@@` of the HTML would be read as a
/// keyword on the next load.
@Suite struct PagesExportTests {
    @Test func tenantSettingsLeaveTheirPagesToPages() throws {
        let settings = try JSONValue.parse(Data(#"""
            {"friendly_name":"Example","change_password":{"enabled":true,"html":"<p>Env is @@ENV@@</p>"},
             "error_page":{"html":"<p>Oops</p>","show_log_link":false}}
            """#.utf8))
        let export = SnapshotExporter().export(TenantSnapshot(domain: "example.eu.auth0.com", exportedAt: "2026-12-05T00:00:00Z",
                                                              sections: [.tenantSettings: settings]))
        let yaml = try #require(export.files["tenant.yaml"])
        #expect(yaml.contains("tenant:\n  friendly_name: Example\n"), "\(yaml)")
        #expect(!yaml.contains("change_password"))
        #expect(yaml.contains("- name: password_reset"))
        #expect(export.files["pages/password_reset.html"] == "<p>Env is @@ENV@@</p>")
        #expect(export.files["pages/error_page.html"] == "<p>Oops</p>")
    }
}
