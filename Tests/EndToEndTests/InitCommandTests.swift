import APIJSON
import Foundation
import Testing
import TenantConfig

/// `tenantctl init` through the real CLI: a Deploy CLI project (directory format or YAML) and its config.json become
/// a tenant folder that validates and plans as the hand-made one does; bad input writes nothing.
@Suite struct InitCommandTests {
    let secret = ["LEGACY_API_CLIENT_SECRET": "dev-only-test-secret", "TENANTCTL_DIGEST_KEY": e2eDigestKey]
    /// The client id config.json maps looks like a credential (a long random token), so init makes it a secret keyword.
    let secrets = ["LEGACY_API_CLIENT_SECRET": "dev-only-test-secret", "LEGACY_MIGRATION_CLIENT_ID": "mH3kR9tLw2VbQ8nZ4xYc1uJd6fAe0sPo", "TENANTCTL_DIGEST_KEY": e2eDigestKey]
    static let directoryProject = "Tests/EndToEndTests/Fixtures/acme-dev-directory"

    /// A Deploy CLI config.json for acme-dev, with a secret keyword written in clear (as Deploy CLI users do).
    static let config = """
    {
      "AUTH0_DOMAIN": "acme-dev.eu.auth0.com",
      "AUTH0_CLIENT_ID": "mH3kR9tLw2VbQ8nZ4xYc1uJd6fAe0sPo",
      "AUTH0_CLIENT_SECRET": "deploy-cli-client-secret-7Hq2Zx9",
      "AUTH0_KEYWORD_REPLACE_MAPPINGS": {
        "AUTH0_DOMAIN": "acme-dev.eu.auth0.com",
        "LEGACY_API_BASE_URL": "https://legacy-users.acme.example/api",
        "WEB_APP_URL": "http://localhost:3000",
        "LEGACY_MIGRATION_CLIENT_ID": "mH3kR9tLw2VbQ8nZ4xYc1uJd6fAe0sPo",
        "WEB_ORIGINS": ["http://localhost:3000"],
        "LEGACY_API_CLIENT_SECRET": "never-written-9Xk2Lm"
      },
      "AUTH0_ALLOW_DELETE": true,
      "AUTH0_EXCLUDED_CLIENTS": ["Old Admin Tool"],
      "AUTH0_EXCLUDED": ["rules", "hooks"],
      "EXCLUDED_PROPS": { "clients": ["callbacks"] },
      "AUTH0_IGNORE_DRY_RUN_FIELDS": { "clients": ["client_metadata.owner"] },
      "AUTH0_CONCURRENT_CALLS": 5
    }
    """

    func write(_ text: String, to path: String, in fixture: EmulatorFixture) throws {
        let url = fixture.directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func exists(_ path: String, in fixture: EmulatorFixture) -> Bool {
        FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent(path).path)
    }

    @Test func aDirectoryFormatProjectAndItsConfigBecomeATenantThatPlansAsTheHandMadeOne() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant(Self.directoryProject, as: "project")
        try FileManager.default.removeItem(at: fixture.directory.appendingPathComponent("project/tenantctl.yaml"))
        try write(Self.config, to: "project/config.json", in: fixture)
        try write("not used by the tenant\n", to: "project/README.md", in: fixture)

        let result = try await fixture.run(["init", "tenants/acme-dev", "--from-deploy-cli", "project", "--config", "project/config.json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            Made tenants/acme-dev from project (the Deploy CLI's directory format): 13 files copied, tenantctl.yaml written from project/config.json.

            Did not carry over:
              project/config.json:3:3: AUTH0_CLIENT_ID: credentials are read from the environment (AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or AUTH0_ACCESS_TOKEN), never from files
              project/config.json:4:3: AUTH0_CLIENT_SECRET: credentials are read from the environment (AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or AUTH0_ACCESS_TOKEN), never from files; its value is not copied anywhere
              project/config.json:18:3: AUTH0_CONCURRENT_CALLS: tenantctl sends one call at a time, in the order the plan lists them

            Secrets (under `secrets:`, values not written): set each in the environment before plan or apply: LEGACY_API_CLIENT_SECRET, LEGACY_MIGRATION_CLIENT_ID; and the tenant's digest key TENANTCTL_DIGEST_KEY, which plans compare secrets with (once per tenant: `openssl rand -base64 32`; docs/secrets.md).

            Next: `tenantctl validate tenants/acme-dev`, then `tenantctl plan tenants/acme-dev`.

            """)
        let settings = try String(contentsOf: fixture.directory.appendingPathComponent("tenants/acme-dev/tenantctl.yaml"), encoding: .utf8)
        #expect(settings == """
            # Deploy settings (docs/settings.md), made by `tenantctl init` from project/config.json.
            domain: acme-dev.eu.auth0.com
            allow_deletes: true
            # From AUTH0_INCLUDED_ONLY / AUTH0_EXCLUDED: the types tenantctl changes; the others are read, never written.
            managed:
            \(Self.managedWithoutRulesAndHooks)# From AUTH0_KEYWORD_REPLACE_MAPPINGS: ##KEY## inserts the text, @@KEY@@ the JSON value.
            keywords:
              AUTH0_DOMAIN: acme-dev.eu.auth0.com
              LEGACY_API_BASE_URL: "https://legacy-users.acme.example/api"
              WEB_APP_URL: "http://localhost:3000"
              WEB_ORIGINS: ["http://localhost:3000"]
            # Named or valued like secrets in AUTH0_KEYWORD_REPLACE_MAPPINGS: their values are not written here.
            # Set each in the environment (a CI secret) before plan or apply.
            secrets:
              - LEGACY_API_CLIENT_SECRET
              - LEGACY_MIGRATION_CLIENT_ID
            # From the AUTH0_EXCLUDED_* settings: resources plan, drift and apply leave alone.
            exclude:
              clients:
                - name: "Old Admin Tool"
                  reason: "AUTH0_EXCLUDED_CLIENTS in the Deploy CLI's config.json"
            # From EXCLUDED_PROPS and AUTH0_IGNORE_DRY_RUN_FIELDS: fields plan, drift and apply leave alone (the live value is kept).
            ignore_fields:
              clients:
                - callbacks   # EXCLUDED_PROPS
                - client_metadata.owner   # AUTH0_IGNORE_DRY_RUN_FIELDS

            """)
        // The files the tenant uses are copied where its paths expect them; nothing else is.
        for path in ["tenant.json", "clients/Acme Web.json", "database-connections/legacy-users/database.json", "database-connections/legacy-users/login.js",
                     "actions/restrict-legacy-users-api.json", "actions/restrict-legacy-users-api/code.js", "triggers/triggers.json"] {
            #expect(exists("tenants/acme-dev/\(path)", in: fixture), "\(path)")
        }
        #expect(!exists("tenants/acme-dev/config.json", in: fixture) && !exists("tenants/acme-dev/README.md", in: fixture))
        let written = fixture.everythingWritten().replacingOccurrences(of: Self.config, with: "")
        #expect(!written.contains("never-written-9Xk2Lm") && !written.contains("deploy-cli-client-secret-7Hq2Zx9"))
        #expect(!result.stdout.contains("never-written-9Xk2Lm"))

        // It validates, and plans with the same steps as tenants/acme-dev (with the same settings).
        let validated = try await fixture.run(["validate", "tenants/acme-dev", "-q"], environment: secrets)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let made = try await fixture.run(["plan", "tenants/acme-dev", "--format", "json", "-q"], environment: secrets)
        _ = try fixture.copyTenant("tenants/acme-dev", as: "by-hand")
        try settings.write(to: fixture.directory.appendingPathComponent("by-hand/tenantctl.yaml"), atomically: true, encoding: .utf8)
        let byHand = try await fixture.run(["plan", "by-hand", "--format", "json", "-q"], environment: secrets)
        #expect(made.status == 0 && byHand.status == 0, "\(made.stderr)\(byHand.stderr)")
        let steps = { (result: CLIProcess.Result) in try JSONValue.parse(Data(result.stdout.utf8))["steps"] }
        #expect(try steps(made) == steps(byHand))
        #expect(try JSONValue.parse(Data(made.stdout.utf8))["excluded"]?.arrayValue?.count == 1, "Old Admin Tool is excluded, not deleted")
    }

    /// Every type but rules and hooks, in the table's order.
    static var managedWithoutRulesAndHooks: String {
        ResourceKind.allCases.filter { $0 != .rules && $0 != .hooks }.map { "  - \($0.rawValue)\n" }.joined()
    }

    @Test func aYAMLProjectKeepsItsScriptPathsWorking() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        // The Deploy CLI's YAML file under another name, its scripts beside it.
        let project = try fixture.copyTenant("tenants/acme-dev", as: "auth0")
        try FileManager.default.moveItem(at: project.appendingPathComponent("tenant.yaml"), to: project.appendingPathComponent("acme.yaml"))
        let result = try await fixture.run(["init", "tenants/dev", "--from-deploy-cli", "auth0/acme.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Made tenants/dev from auth0/acme.yaml (the Deploy CLI's YAML format): 5 files copied, tenantctl.yaml written with every setting commented (no --config).\n"), "\(result.stdout)")
        #expect(exists("tenants/dev/tenant.yaml", in: fixture) && exists("tenants/dev/databases/legacy-users/login.js", in: fixture))
        #expect(!exists("tenants/dev/snapshot.json", in: fixture), "only what the tenant uses")
        // Its settings are the project's to give: with acme-dev's, it plans as acme-dev.
        try FileManager.default.removeItem(at: fixture.directory.appendingPathComponent("tenants/dev/tenantctl.yaml"))
        try FileManager.default.copyItem(at: project.appendingPathComponent("tenantctl.yaml"), to: fixture.directory.appendingPathComponent("tenants/dev/tenantctl.yaml"))
        let validated = try await fixture.run(["validate", "tenants/dev", "-q"], environment: secret)
        #expect(!validated.stdout.contains("error:"), "\(validated.stdout)")
    }

    @Test func filesTheProjectNamesThatAreMissingOrOutsideItAreListed() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        try write("function x() {}\n", to: "common/login.js", in: fixture)
        try write("""
            databases:
              - name: users
                options:
                  customScripts:
                    login: ../common/login.js
                    get_user: ./databases/users/get_user.js
            """, to: "project/tenant.yaml", in: fixture)
        let result = try await fixture.run(["init", "tenants/t", "--from-deploy-cli", "project/tenant.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("""

            Did not carry over:
              project/tenant.yaml:5:16: not copied: script path `../common/login.js` leaves the tenant folder project; keep scripts inside it (for example ./databases/<connection>/login.js)
              project/tenant.yaml:6:19: not copied: script file project/databases/users/get_user.js does not exist; create it or fix the path

            """), "\(result.stdout)")
        #expect(exists("tenants/t/tenant.yaml", in: fixture) && !exists("tenants/t/common", in: fixture))
    }

    @Test func aNewTenantFromScratch() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let result = try await fixture.run(["init", "tenants/acme-new", "--domain", "acme-new.eu.auth0.com"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Made tenants/acme-new: tenant.yaml (no resources yet) and tenantctl.yaml (domain acme-new.eu.auth0.com, every other setting commented).\nNext: add resources to tenants/acme-new/tenant.yaml, then `tenantctl validate tenants/acme-new` and `tenantctl plan tenants/acme-new`.\n")
        let settings = try String(contentsOf: fixture.directory.appendingPathComponent("tenants/acme-new/tenantctl.yaml"), encoding: .utf8)
        #expect(settings.contains("\ndomain: acme-new.eu.auth0.com\n") && settings.contains("\n# exclude:\n") && settings.contains("\n# ignore_fields:\n"))
        let validated = try await fixture.run(["validate", "tenants/acme-new"])
        #expect(validated.status == 0, "\(validated.stdout)")
        #expect(validated.stdout.contains("warning: tenants/acme-new/tenant.yaml declares no resources"), "never \"no problems found\" for a tenant with nothing in it")

        let bare = try await fixture.run(["init", "tenants/bare"])
        #expect(bare.status == 0)
        let bareSettings = try String(contentsOf: fixture.directory.appendingPathComponent("tenants/bare/tenantctl.yaml"), encoding: .utf8)
        #expect(bareSettings.contains("\n# domain: acme-dev.eu.auth0.com"))
    }

    @Test(arguments: [
        ("config.json", "{\n  \"AUTH0_DOMAIN\": \"x\",\n  oops\n}\n",
         "error: config.json:3:3: config.json is not JSON: expected a key in double quotes, found `o`\n"),
        ("config.json", "{\"AUTH0_KEYWORD_REPLACE_MAPPINGS\": {\"ENV\": null}}",
         "error: config.json:1:44: the keyword `ENV` maps to null, which is neither a string (for ##ENV##) nor a JSON value a keyword can insert (a number, true or false, a list, an object, for @@ENV@@)\n"),
        ("config.json", "{\"AUTH0_KEYWORD_REPLACE_MAPPINGS\": \"{not json\"}",
         "error: config.json:1:36: AUTH0_KEYWORD_REPLACE_MAPPINGS is a string, so it must hold the mappings as JSON (as an environment variable does), and it does not: line 1, column 2: expected a key in double quotes, found `n`\n"),
        ("config.json", "{\"AUTH0_ALLOW_DELETE\": \"sometimes\"}",
         "error: config.json:1:24: `AUTH0_ALLOW_DELETE` must be true or false, found a string\n"),
    ])
    func badConfigIsAnErrorAndNothingIsWritten(file: String, text: String, message: String) async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant(Self.directoryProject, as: "project")
        try write(text, to: file, in: fixture)
        let result = try await fixture.run(["init", "tenants/t", "--from-deploy-cli", "project", "--config", file])
        #expect(result.status == 1)
        #expect(result.stderr == message)
        #expect(result.stdout.isEmpty)
        #expect(!exists("tenants/t", in: fixture))
    }

    @Test func twoFilesForOneResourceAreAnErrorAndNothingIsWritten() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant(Self.directoryProject, as: "project")
        try write(#"{"name": "Acme Web", "app_type": "spa"}"#, to: "project/clients/Acme_Web.json", in: fixture)
        let result = try await fixture.run(["init", "tenants/t", "--from-deploy-cli", "project"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: project cannot be read as it is, so nothing was copied:\n  project/clients/Acme_Web.json:1:1: client `Acme Web` is declared twice (first at project/clients/Acme Web.json:1:1); names must be unique\n")
        #expect(!exists("tenants/t", in: fixture))
    }

    @Test func anExistingFolderIsReplacedOnlyWithForce() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant(Self.directoryProject, as: "project")
        try write("domain: keep.eu.auth0.com\n", to: "tenants/t/tenantctl.yaml", in: fixture)
        let refused = try await fixture.run(["init", "tenants/t", "--from-deploy-cli", "project"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: tenants/t already exists; pass --force to replace its files, or choose a new folder\n")
        #expect(try String(contentsOf: fixture.directory.appendingPathComponent("tenants/t/tenantctl.yaml"), encoding: .utf8) == "domain: keep.eu.auth0.com\n")
        let missing = try await fixture.run(["init", "tenants/u", "--from-deploy-cli", "nowhere"])
        #expect(missing.stderr == "error: nowhere does not exist; --from-deploy-cli names the Deploy CLI's YAML file or its directory-format folder\n")
        let forced = try await fixture.run(["init", "tenants/t", "--from-deploy-cli", "project", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(exists("tenants/t/tenant.json", in: fixture))
    }
}
