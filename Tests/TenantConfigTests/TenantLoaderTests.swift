import Testing
@testable import TenantConfig

@Suite struct TenantLoaderTests {
    @Test func loadsResourcesScriptsAndSettings() throws {
        let tenant = loadTenant([
            "tenantctl.yaml": """
            domain: acme-dev.eu.auth0.com
            allow_deletes: true
            keywords:
              LEGACY_API: https://legacy.acme.example
            legacy_identity_api:
              audience: https://legacy.acme.example/users
              allowed_clients: [Migration Worker]
            lint:
              disable:
                - rule: rules-end-of-life
                  reason: migrating in Q1
            """,
            "tenant.yaml": database(login: "./databases/db/login.js") + """
                  configuration:
                    API_URL: ##LEGACY_API##
                    API_SECRET: ##LEGACY_API_SECRET##
            clients:
              - name: Migration Worker
                app_type: non_interactive
            """,
            "databases/db/login.js": "function login(email, password, callback) {}\n",
        ], environment: ["LEGACY_API_SECRET": "never-in-the-model"])
        #expect(tenant.findings.filter { $0.severity > .note }.isEmpty, "\(tenant.findings)")
        #expect(tenant.settings.domain == "acme-dev.eu.auth0.com")
        #expect(tenant.settings.allowDeletes)
        #expect(tenant.settings.legacyIdentityAPI?.allowedClients == ["Migration Worker"])
        #expect(tenant.settings.disabledRules.map(\.rule) == ["rules-end-of-life"])
        let db = try #require(tenant.resources(.databases).first)
        let configuration = db.body["options"]?["configuration"]
        #expect(configuration?["API_URL"]?.string == "https://legacy.acme.example")
        #expect(configuration?["API_SECRET"]?.string == "⟦secret:LEGACY_API_SECRET⟧")
        let script = try #require(tenant.scripts.first)
        #expect(script.kind == .databaseScript(.login))
        #expect(script.owner == "db")
        #expect(script.path == "t/databases/db/login.js")
        #expect(script.reference?.line == 7)
        #expect(tenant.resources(.clients).first?.body["app_type"]?.location == SourceLocation(file: "t/tenant.yaml", line: 13, column: 15))
    }

    @Test func settingsProblemsAreFindings() {
        let tenant = loadTenant([
            "tenantctl.yaml": "domian: a\nmanaged: [client]\nlint:\n  disable:\n    - rule: x\n",
            "tenant.yaml": "clients: []\n",
        ])
        let messages = tenant.findings.map(\.message)
        #expect(messages.contains { $0.contains("unknown key `domian`") && $0.contains("Did you mean `domain`?") })
        #expect(messages.contains { $0.contains("`client` is not a resource type") && $0.contains("Did you mean `clients`?") })
        #expect(messages.contains { $0.contains("turning off `x` needs a `reason:`") })
    }

    @Test func theEnvironmentIsOneOfThree() throws {
        let tenantYAML = "clients:\n  - name: Web\n"
        #expect(loadTenant(["tenantctl.yaml": "environment: staging\n", "tenant.yaml": tenantYAML]).settings.environment == .staging)
        let misspelt = loadTenant(["tenantctl.yaml": "environment: prod\n", "tenant.yaml": tenantYAML])
        #expect(misspelt.settings.environment == nil)
        #expect(misspelt.findings.map { "\($0.location!): \($0.message)" } == [
            "t/tenantctl.yaml:1:14: `environment` is `prod`, which is not one of production, staging, development. Did you mean `production`?",
        ])
        let wrongType = loadTenant(["tenantctl.yaml": "environment: [production]\n", "tenant.yaml": tenantYAML])
        #expect(wrongType.findings.map(\.message) == ["`environment` must be production, staging, development, found a list"])
    }

    @Test func unmanagedSectionsAreOneNote() {
        let tenant = loadTenant(["tenant.yaml": "keys: []\nuserBlocks: []\nmigrations: {}\nclients:\n  - name: Web\n"])
        #expect(tenant.findings.map(\.rule) == ["unmanaged-section"])
        #expect(tenant.findings.first?.severity == .note)
        #expect(tenant.unmanagedSections == ["keys", "userBlocks", "migrations"])
        #expect(tenant.unmanagedSectionValues["migrations"]?.isMapping == true, "kept for rules that read them (customized email templates)")
    }
}
