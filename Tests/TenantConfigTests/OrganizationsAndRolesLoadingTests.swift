import Foundation
import Testing
@testable import TenantConfig

/// Organizations and roles in the Deploy CLI's format, and what the API would refuse, caught while loading with the
/// file and line.
@Suite struct OrganizationsAndRolesLoadingTests {
    @Test func theDeployCLIFormatLoads() throws {
        let tenant = loadTenant(["tenant.yaml": """
            organizations:
              - name: my-organization
                display_name: My Organization
                branding:
                  colors: {primary: "#57ddff"}
                metadata: {team: identity}
                connections:
                  - name: users
                    assign_membership_on_login: true
                    show_as_button: false
                    is_signup_enabled: true
                client_grants:
                  - client_id: My M2M
                discovery_domains:
                  - domain: acme.example
                    status: pending
            roles:
              - name: Admin
                description: App Admin
                permissions:
                  - permission_name: update:account
                    resource_server_identifier: https://api.acme
            """])
        #expect(tenant.findings.isEmpty, "\(tenant.findings)")
        #expect(tenant.resources(.organizations).map(\.key) == ["my-organization"])
        #expect(tenant.resources(.roles).map(\.key) == ["Admin"])
    }

    @Test func duplicateOrganizationNamesPointAtBoth() throws {
        let tenant = loadTenant(["tenant.yaml": "organizations:\n  - name: acme\n  - name: acme\n"])
        let finding = try #require(tenant.findings("duplicate-name").first)
        #expect(finding.message == "organization `acme` is declared twice (first at line 2); names must be unique")
        #expect(finding.location?.line == 3)
    }

    @Test func anOrganizationNameTheAPIRefusesIsAnErrorWithItsLine() throws {
        let tenant = loadTenant(["tenant.yaml": "organizations:\n  - name: Acme Corp\n"])
        let finding = try #require(tenant.findings("api-limit").first)
        #expect(finding.severity == .error)
        #expect(finding.location == SourceLocation(file: "t/tenant.yaml", line: 2, column: 11))
        #expect(finding.message == "`name` in `organizations` is `Acme Corp`: the Management API accepts only lowercase letters, digits, `-` and `_` here.")
        #expect(loadTenant(["tenant.yaml": "organizations:\n  - name: acme_corp-2\n"]).findings.isEmpty)
    }

    @Test func aDisplayNameOverTheAPIsLimitIsAnError() throws {
        let long = String(repeating: "x", count: 256)
        let tenant = loadTenant(["tenant.yaml": "organizations:\n  - name: acme\n    display_name: \(long)\n"])
        let finding = try #require(tenant.findings("api-limit").first)
        #expect(finding.message == "`display_name` in `organizations` is 256 characters long; the Management API accepts at most 255. Shorten it.")
        #expect(finding.location?.line == 3)
        #expect(loadTenant(["tenant.yaml": "organizations:\n  - name: acme\n    display_name: \(long.dropLast())\n"]).findings.isEmpty)
    }

    @Test func organizationClientAssociationsAreANoteNotASilence() throws {
        let tenant = loadTenant(["tenant.yaml": "organizations:\n  - name: acme\n    clients:\n      - client_id: My App\n        use_for_member_access: true\n"])
        let finding = try #require(tenant.findings("unmanaged-field").first)
        #expect(finding.severity == .note)
        #expect(finding.location?.line == 3)
        #expect(finding.message.hasPrefix("`clients` of organization `acme` is not managed by tenantctl yet"))
    }

    @Test func everyPatternInTheBundledCatalogCompiles() throws {
        for (section, node) in FieldCatalog.bundled.sections {
            for (field, limit) in node.limits {
                if let pattern = limit.pattern { #expect((try? NSRegularExpression(pattern: pattern)) != nil, "\(section).\(field): \(pattern)") }
                if let format = limit.format, let known = StringLimitCheck.formats[format] {
                    #expect((try? NSRegularExpression(pattern: known.pattern)) != nil, "\(format)")
                }
            }
        }
    }
}
