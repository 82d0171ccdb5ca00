import Testing
@testable import TenantConfig

/// The Deploy CLI's directory format (`tenant.json`, one JSON file per resource) loads into the same model as
/// tenant.yaml, with findings at their file, line and column in the JSON files.
@Suite struct DirectoryLayoutLoadingTests {
    static let database = """
    {
      "name": "users",
      "strategy": "auth0",
      "enabled_clients": ["Web"],
      "options": {
        "enabledDatabaseCustomization": true,
        "customScripts": { "login": "./login.js" }
      }
    }
    """

    func messages(_ tenant: TenantDefinition) -> [String] {
        tenant.findings.filter { $0.severity > .note }.map { "\($0.location.map { "\($0): " } ?? "")\($0.message)" }
    }

    @Test func loadsTheSameModelAsTenantYAML() throws {
        let directory = loadTenant([
            "tenant.json": #"{"friendly_name": "Acme"}"#,
            "clients/Web.json": ###"{"name": "Web", "app_type": "spa", "callbacks": ["##APP_URL##/cb"], "web_origins": "@@ORIGINS@@"}"###,
            "database-connections/users/database.json": Self.database,
            "database-connections/users/login.js": "function login(email, password, callback) { callback(null); }\n",
            "tenantctl.yaml": "keywords:\n  APP_URL: https://app.example\n  ORIGINS: [\"https://app.example\"]\n",
        ])
        #expect(messages(directory).isEmpty, "\(directory.findings)")
        #expect(directory.layout == .directory)
        #expect(directory.documentPath == "t/tenant.json")
        let yaml = loadTenant([
            "tenant.yaml": """
            tenant:
              friendly_name: Acme
            clients:
              - name: Web
                app_type: spa
                callbacks: [https://app.example/cb]
                web_origins: [https://app.example]
            databases:
              - name: users
                strategy: auth0
                enabled_clients: [Web]
                options:
                  enabledDatabaseCustomization: true
                  customScripts:
                    login: ./databases/users/login.js
            """,
            "databases/users/login.js": "function login(email, password, callback) { callback(null); }\n",
        ])
        #expect(messages(yaml).isEmpty, "\(yaml.findings)")
        #expect(directory.resources.map { "\($0.kind.rawValue)/\($0.key)" } == yaml.resources.map { "\($0.kind.rawValue)/\($0.key)" })
        // The same bodies, but for where the script file is (beside database.json, or under databases/).
        let scriptPaths = ["options", "customScripts"]
        for (a, b) in zip(directory.resources, yaml.resources) {
            #expect(a.body.json.setting(nil, at: scriptPaths) == b.body.json.setting(nil, at: scriptPaths), "\(a.kind.rawValue)/\(a.key)")
        }
        #expect(directory.resources(.databases).first?.body.json.value(at: scriptPaths) == .object(["login": .string("./database-connections/users/login.js")]))
        #expect(directory.scripts.map(\.text) == yaml.scripts.map(\.text))
        #expect(directory.scripts.map(\.path) == ["t/database-connections/users/login.js"], "the script beside database.json")
        #expect(directory.sourceFiles.contains("t/clients/Web.json"))
    }

    @Test func findingsNameTheJSONFileLineAndColumn() {
        let tenant = loadTenant([
            "tenant.json": "{}",
            "clients/Web.json": "{\n  \"name\": \"Web\",\n  \"grant_type\": [\"implicit\"],\n  \"callbacks\": [\"##MISSING##\"]\n}\n",
            "clients/Broken.json": "{\n  \"name\": \"Broken\",\n  \"app_type\": \"spa\"\n  \"x\": 1\n}\n",
        ])
        #expect(messages(tenant) == [
            "t/clients/Broken.json:4:3: JSON syntax error: expected `,` or `}` after a value in the object, found `\"`",
            "t/clients/Web.json:4:18: keyword `MISSING` has no value: set it under `keywords:` in tenantctl.yaml or export MISSING in the environment",
            "t/clients/Web.json:3:3: unknown key `grant_type` in `clients` (not a field the Management API accepts). Did you mean `grant_types`?",
        ])
    }

    @Test func twoFilesForOneResourceNameAreAnError() {
        let tenant = loadTenant([
            "tenant.json": "{}",
            "clients/Web.json": #"{"name": "Web"}"#,
            "clients/Web copy.json": #"{"name": "Web", "app_type": "spa"}"#,
        ])
        #expect(tenant.findings.first { $0.rule == "duplicate-name" }?.severity == .error)
        #expect(messages(tenant) == ["t/clients/Web.json:1:1: client `Web` is declared twice (first at t/clients/Web copy.json:1:1); names must be unique"])
    }

    @Test func aFolderWithBothLayoutsIsRefused() {
        let tenant = loadTenant(["tenant.json": "{}", "tenant.yaml": "clients: []\n"])
        #expect(messages(tenant) == [
            "t/tenant.json:1:1: t holds both tenant.yaml and tenant.json; keep one: tenant.yaml (the YAML format) or tenant.json with the section folders (the Deploy CLI's directory format)",
        ])
        #expect(tenant.resources.isEmpty)
    }

    @Test func aTenantThatDeclaresNothingIsAWarningInEitherLayout() {
        let emptyYAML = loadTenant(["tenant.yaml": ""])
        #expect(messages(emptyYAML) == [
            "t/tenant.yaml:1:1: t/tenant.yaml declares no resources (it is empty, or every section in it is empty), so the tenant manages nothing. If the file was cut short by mistake, restore it; if the tenant is meant to manage nothing, say `managed: []` in tenantctl.yaml",
        ])
        #expect(emptyYAML.findings.first?.severity == .warning)
        #expect(messages(loadTenant(["tenant.yaml": "clients: []\nresourceServers: []\n"])).count == 1)
        let emptyDirectory = loadTenant(["tenant.json": "{}", "clients/.keep": ""])
        #expect(messages(emptyDirectory).first?.contains("t declares no resources (tenant.json and the section folders hold none)") == true, "\(messages(emptyDirectory))")
        #expect(messages(loadTenant(["tenant.yaml": "", "tenantctl.yaml": "managed: []\n"])).isEmpty, "managing nothing on purpose")
    }
}

/// The Deploy CLI's own directory example (`Reference`, not part of a clone) loads: every section its YAML twin
/// holds, with findings in its JSON files.
@Suite(.enabled(if: Reference.isPresent, Reference.whyAbsent))
struct ReferenceDirectoryExampleTests {
    @Test func loadsTheSameResourcesAsItsYAMLTwin() throws {
        let directory = TenantLoader(environment: ReferenceFilesTests.keywordValues).load(Reference.a0deploy("examples-directory"))
        let yaml = TenantLoader(environment: ReferenceFilesTests.keywordValues).load(Reference.a0deploy("examples-yaml.tenant.yaml"))
        #expect(directory.layout == .directory)
        #expect(directory.resources.count > 40)
        let loadErrors = directory.findings.filter { $0.severity == .error && ["json-syntax", "missing-file", "wrong-type", "duplicate-name"].contains($0.rule) }
        #expect(loadErrors.isEmpty, "\(loadErrors)")
        // Every finding about a resource names a file of the folder, with its line and column.
        for finding in directory.findings where finding.rule == "unknown-key" {
            #expect(finding.location?.file.hasSuffix(".json") == true && (finding.location?.line ?? 0) > 0 && (finding.location?.column ?? 0) > 0, "\(finding)")
        }
        let directoryKinds = Set(directory.resources.map(\.kind))
        let yamlKinds = Set(yaml.resources.map(\.kind))
        // The directory example has no organizations/ folder; everything else its YAML twin holds, it holds too.
        #expect(yamlKinds.subtracting(directoryKinds) == [.organizations])
        let database = try #require(directory.resources(.databases).first)
        #expect(database.key == "users")
        #expect(directory.scripts.contains { $0.path.hasSuffix("database-connections/users/login.js") })
    }
}

