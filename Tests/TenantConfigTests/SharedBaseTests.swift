import Foundation
import Testing
@testable import TenantConfig

/// A tenant folder whose `tenantctl.yaml` names a `base` deploys the base's tenant.yaml and scripts with its own
/// keywords (docs/settings.md, "Shared base").
@Suite struct SharedBaseTests {
    static let base = [
        "_base/tenant.yaml": """
        tenant:
          friendly_name: "Acme ##STAGE##"
        databases:
          - name: legacy
            strategy: auth0
            options:
              enabledDatabaseCustomization: true
              customScripts:
                login: ./databases/legacy/login.js
        """,
        "_base/databases/legacy/login.js": "function login(email, password, callback) { callback(null); }\n",
    ]

    func load(_ stage: String, _ files: [String: String]) -> TenantDefinition {
        let fileSystem = InMemoryFileSystem(root: "tenants", textFiles: Self.base.merging(files) { _, new in new })
        return TenantLoader(fileSystem: fileSystem, environment: [:]).load("tenants/\(stage)")
    }

    @Test func eachStageLoadsTheBaseWithItsOwnKeywords() throws {
        let staging = load("staging", ["staging/tenantctl.yaml": "base: ../_base\nkeywords:\n  STAGE: staging\n"])
        let prod = load("prod", ["prod/tenantctl.yaml": "base: ../_base\nkeywords:\n  STAGE: prod\n"])
        #expect(staging.findings.filter { $0.severity == .error }.isEmpty, "\(staging.findings)")
        #expect(staging.name == "staging")
        #expect(staging.documentPath == "tenants/_base/tenant.yaml")
        #expect(staging.resources(.tenant).first?.body["friendly_name"]?.string == "Acme staging")
        #expect(prod.resources(.tenant).first?.body["friendly_name"]?.string == "Acme prod")
        let script = try #require(staging.scripts.first)
        #expect(script.path == "tenants/_base/databases/legacy/login.js")
    }

    @Test func aStageThatAlsoHoldsATenantFileIsAFinding() {
        let tenant = load("staging", ["staging/tenantctl.yaml": "base: ../_base\nkeywords:\n  STAGE: s\n", "staging/tenant.yaml": "clients: []\n"])
        let finding = tenant.findings.first { $0.rule == "base-and-document" }
        #expect(finding?.severity == .error)
        #expect(finding?.location == SourceLocation(file: "tenants/staging/tenantctl.yaml", line: 1, column: 7))
    }

    @Test func aBaseWithoutATenantFileNamesTheFolder() {
        let tenant = load("staging", ["staging/tenantctl.yaml": "base: ../nowhere\n"])
        let finding = tenant.findings.first { $0.rule == "missing-file" }
        #expect(finding?.message.contains("the base tenants/nowhere has no tenant.yaml") == true)
        #expect(finding?.location == SourceLocation(file: "tenants/staging/tenantctl.yaml", line: 1, column: 7))
    }

    @Test func theBaseOnItsOwnLacksTheStagesKeywords() {
        let tenant = load("_base", [:])
        #expect(tenant.documentPath == "tenants/_base/tenant.yaml")
        #expect(tenant.findings.map(\.rule) == ["unresolved-keyword"])
    }
}
