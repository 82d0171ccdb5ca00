import Foundation
import Testing
@testable import TenantConfig

/// config.json translated into tenantctl.yaml for `tenantctl init`, and Deploy CLI projects located and copied.
@Suite struct DeployCLIConfigTests {
    @Test func translatesEverySettingWithACounterpart() throws {
        let config = try DeployCLIConfig.parse("""
        {
          "AUTH0_DOMAIN": "acme.eu.auth0.com",
          "AUTH0_KEYWORD_REPLACE_MAPPINGS": "{\\"ENV\\": \\"dev\\", \\"ORIGINS\\": [\\"https://a\\"], \\"API_PASSWORD\\": \\"hunter2-but-long\\"}",
          "AUTH0_ALLOW_DELETE": "true",
          "AUTH0_INCLUDED_ONLY": ["clients", "resourceServers", "nonsense"],
          "AUTH0_EXCLUDED_RESOURCE_SERVERS": ["Terraform API [prod]"],
          "EXCLUDED_PROPS": {"clients": ["client_secret", "callbacks"], "widgets": ["x"]}
        }
        """, file: "config.json")
        #expect(config.domain == "acme.eu.auth0.com")
        #expect(config.allowDeletes == true)
        #expect(config.managed == [.clients, .resourceServers])
        #expect(config.keywords == ["ENV": .string("dev"), "ORIGINS": .json(.array([.string("https://a")]))])
        #expect(config.secretKeywords == ["API_PASSWORD"])
        #expect(config.secretValues == ["API_PASSWORD": "hunter2-but-long"])
        let exclusion = try #require(config.exclusions.first)
        #expect(exclusion.kind == .resourceServers && exclusion.pattern.matches("Terraform API [prod]") && !exclusion.pattern.matches("Terraform API p"),
                "a Deploy CLI exclusion names one resource, brackets and all")
        #expect(config.ignoredFields.map { "\($0.field.kind.rawValue).\($0.field.path) \($0.from)" } == ["clients.callbacks EXCLUDED_PROPS"])
        #expect(config.dropped.map { "\($0.location): \($0.setting)" } == [
            "config.json:5:57: AUTH0_INCLUDED_ONLY: nonsense",
            "config.json:7:34: EXCLUDED_PROPS: clients.client_secret",
            "config.json:7:65: EXCLUDED_PROPS: widgets",
        ])
        let yaml = config.settingsYAML(domain: nil)
        #expect(!yaml.contains("hunter2"))
        #expect(yaml.contains("secrets:\n  - API_PASSWORD\n"))
        #expect(yaml.contains("    - name: \"Terraform API \\\\[prod\\\\]\"\n"), "\(yaml)")
        // What it writes reads back as the same settings.
        let tenant = loadTenant(["tenantctl.yaml": yaml, "tenant.yaml": "clients:\n  - name: Web\n"], environment: ["API_PASSWORD": "x"])
        #expect(tenant.findings.filter { $0.severity > .note }.isEmpty, "\(tenant.findings)")
        #expect(tenant.settings.allowDeletes && tenant.settings.managed == [.clients, .resourceServers])
        #expect(tenant.settings.exclusions.first?.pattern.matches("Terraform API [prod]") == true)
        #expect(tenant.settings.keywords == config.keywords)
    }

    @Test func secretLookingValuesAndNamesBecomeSecrets() throws {
        let config = try DeployCLIConfig.parse("""
        {"AUTH0_KEYWORD_REPLACE_MAPPINGS": {
          "SETUP_CONFIG": {"client_id": "abc", "client_secret": "s3cr3t-value-long", "type": "OAUTH_APP"},
          "SIGNING_CERT": "-----BEGIN CERTIFICATE-----MIIB",
          "TOKEN_LIKE": "Zq8xW2mN7vB4kL9pR3tY6uI1oE5aS0dF",
          "GREETING": "Hello there, this is long text"
        }}
        """, file: "config.json")
        #expect(config.secretKeywords == ["SETUP_CONFIG", "SIGNING_CERT", "TOKEN_LIKE"])
        #expect(config.keywords == ["GREETING": .string("Hello there, this is long text")])
        #expect(config.secretValues["SETUP_CONFIG"] == "s3cr3t-value-long", "the secret part, not `OAUTH_APP` beside it")
        #expect(config.secretValues.count == 3)
    }

    @Test func badConfigIsAProblemNamingItsPlace() {
        func problem(_ text: String) -> String {
            do { _ = try DeployCLIConfig.parse(text, file: "c.json"); return "no problem" } catch { return error.description }
        }
        #expect(problem("not json") == "c.json:1:1: c.json is not JSON: expected a value, found `n` (not `null`)")
        #expect(problem("[1]") == "c.json:1:1: `c.json` must be a JSON object of settings (AUTH0_DOMAIN, AUTH0_KEYWORD_REPLACE_MAPPINGS, …), found a list")
        #expect(problem(#"{"AUTH0_EXCLUDED_CLIENTS": [1]}"#) == "c.json:1:29: `AUTH0_EXCLUDED_CLIENTS` must be a list of names (strings), found a number")
        #expect(problem(#"{"AUTH0_KEYWORD_REPLACE_MAPPINGS": [1]}"#) == "c.json:1:36: `AUTH0_KEYWORD_REPLACE_MAPPINGS` must be an object of KEYWORD: value, found a list")
    }

    @Test func locatesProjectsAndCopiesWhatTheyUse() throws {
        let files = InMemoryFileSystem(root: "p", textFiles: [
            "acme.yaml": "databases:\n  - name: users\n    options:\n      customScripts:\n        login: ./db/login.js\n",
            "db/login.js": "function login(email, password, callback) {}\n",
            "notes.md": "not copied",
        ])
        let project = try DeployCLIProject.locate("p/acme.yaml", fileSystem: files)
        #expect(project == DeployCLIProject(layout: .yaml, path: "p/acme.yaml", root: "p"))
        let tenant = TenantLoader(fileSystem: files, environment: [:]).load(project.path, settings: DeploySettings())
        let copy = project.copy(of: tenant)
        #expect(copy.files.map { "\($0.target) ← \($0.source)" } == ["db/login.js ← p/db/login.js", "tenant.yaml ← p/acme.yaml"])
        #expect(copy.notCopied.isEmpty)
        // The copy loads back as the project did; one that lost a script or writes broken settings does not.
        var copied: [String: Data] = [:]
        for file in copy.files { copied[file.target] = try files.contents(of: file.source) }
        copied["tenantctl.yaml"] = Data("allow_deletes: false\n".utf8)
        #expect(DeployCLIProject.differences(between: tenant, and: copied, environment: [:]).isEmpty)
        var lost = copied
        lost["db/login.js"] = nil
        lost["tenantctl.yaml"] = Data("allow_deletes: maybe\n".utf8)
        #expect(DeployCLIProject.differences(between: tenant, and: lost, environment: [:]) == [
            "tenantctl.yaml does not read back: `allow_deletes` must be true or false, found a string",
            "the scripts and files read differ: the login script of users",
        ])

        #expect(throws: DeployCLIProject.NotAProject(description: "p holds neither tenant.json (the Deploy CLI's directory format) nor tenant.yaml; name the Deploy CLI's YAML file (`--from-deploy-cli path/to/tenant.yaml`) or its directory-format folder")) {
            try DeployCLIProject.locate("p", fileSystem: files)
        }
        #expect(throws: DeployCLIProject.NotAProject(description: "p/notes.md is neither a YAML file (.yaml, .yml) nor a folder; --from-deploy-cli names the Deploy CLI's YAML file or its directory-format folder")) {
            try DeployCLIProject.locate("p/notes.md", fileSystem: files)
        }
    }
}

/// The Deploy CLI's own examples (`Reference`, not part of a clone) with their config.json.example: each becomes a
/// tenant folder's files and settings.
@Suite(.enabled(if: Reference.isPresent, Reference.whyAbsent))
struct ReferenceDeployCLIProjectTests {
    @Test(arguments: ["examples-directory", "examples-yaml.tenant.yaml"])
    func eachExampleBecomesATenantFolder(example: String) throws {
        let text = try String(contentsOfFile: Reference.a0deploy("examples-directory/config.json.example"), encoding: .utf8)
        let config = try DeployCLIConfig.parse(text, file: "config.json.example")
        #expect(config.secretKeywords == ["JWT_SECRET", "SETUP_CONFIG"])
        #expect(config.exclusions.map(\.pattern.description) == ["rule-1-name", "rule-2-name"])
        #expect(config.dropped.map(\.setting) == ["AUTH0_DOMAIN", "AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET", "INCLUDED_PROPS", "EXCLUDED_PROPS: connections.options.client_secret"])
        let settings = config.settingsYAML(domain: nil)
        #expect(!settings.contains("<client_secret>") && !settings.contains("<your-jwt-secret-key>") && !settings.contains("<add M2M client_secret>"))

        let project = try DeployCLIProject.locate(Reference.a0deploy(example), fileSystem: DiskFileSystem())
        let tenant = TenantLoader(environment: ReferenceFilesTests.keywordValues).load(project.path, settings: config.settings)
        #expect(tenant.findings.filter { DeployCLIProject.refusingRules.contains($0.rule) }.isEmpty)
        let copy = project.copy(of: tenant)
        #expect(copy.notCopied.isEmpty)
        var copied: [String: Data] = ["tenantctl.yaml": Data(settings.utf8)]
        for file in copy.files { copied[file.target] = try Data(contentsOf: URL(fileURLWithPath: file.source)) }
        #expect(DeployCLIProject.differences(between: tenant, and: copied, environment: ReferenceFilesTests.keywordValues).isEmpty,
                "the new folder loads as the example does")
        let targets = copy.files.map(\.target)
        #expect(!targets.contains { $0.hasPrefix("config.json") || $0 == "README.md" }, "config.json never goes into the tenant folder")
        if project.layout == .directory {
            #expect(targets.contains("tenant.json") && targets.contains("database-connections/users/login.js") && targets.contains("clients/My SPA.json"))
        } else {
            #expect(targets == ["tenant.yaml"], "the YAML example's files are not beside it: reported as missing by the loader")
        }
    }
}
