import APIJSON
import Foundation
import Testing

/// The Deploy CLI's directory format through the real CLI: acme-dev written as one JSON file per resource
/// (Fixtures/acme-dev-directory) plans exactly as tenants/acme-dev does, and `export --layout directory` writes a
/// folder that plans as its YAML export does.
@Suite struct DirectoryLayoutTests {
    let secret = ["LEGACY_API_CLIENT_SECRET": "dev-only-test-secret", "TENANTCTL_DIGEST_KEY": e2eDigestKey]

    /// The plan's steps, as JSON, for comparing plans of two folders.
    func steps(_ result: CLIProcess.Result) throws -> JSONValue? {
        try JSONValue.parse(Data(result.stdout.utf8))["steps"]
    }

    @Test func theSameTenantInBothLayoutsPlansIdentically() async throws {
        // Against an empty tenant (everything created) and against the committed snapshot (changes and kept resources).
        for seed in [nil, "tenants/acme-dev/snapshot.json"] {
            let fixture = try await EmulatorFixture.start(seed: seed)
            defer { Task { await fixture.stop() } }
            _ = try fixture.copyTenant("tenants/acme-dev", as: "yaml")
            _ = try fixture.copyTenant("Tests/EndToEndTests/Fixtures/acme-dev-directory", as: "directory")
            let yaml = try await fixture.run(["plan", "yaml", "--format", "json", "-q"], environment: secret)
            let directory = try await fixture.run(["plan", "directory", "--format", "json", "-q"], environment: secret)
            #expect(yaml.status == 0 && directory.status == 0, "\(yaml.stderr)\(directory.stderr)")
            let yamlSteps = try steps(yaml)
            #expect(yamlSteps?.arrayValue?.isEmpty == false)
            #expect(try steps(directory) == yamlSteps, "seed \(seed ?? "none")")
            let digest = { (result: CLIProcess.Result) in try JSONValue.parse(Data(result.stdout.utf8))["desired_digest"] }
            #expect(try digest(directory) == digest(yaml), "the same desired state, whatever the layout")
        }
    }

    @Test func validateNamesTheJSONFileLineAndColumn() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let folder = try fixture.copyTenant("Tests/EndToEndTests/Fixtures/acme-dev-directory", as: "directory")
        let client = folder.appendingPathComponent("clients/Acme Web.json")
        try (try String(contentsOf: client, encoding: .utf8)).replacingOccurrences(of: "\"grant_types\"", with: "\"grant_type\"")
            .write(to: client, atomically: true, encoding: .utf8)
        try #"{"name": "Acme Web"}"#.write(to: folder.appendingPathComponent("clients/Acme_Web.json"), atomically: true, encoding: .utf8)
        let result = try await fixture.run(["validate", "directory", "-q"], environment: secret)
        #expect(result.status == 1)
        #expect(result.stdout.contains("directory/clients/Acme Web.json:7:3: error: unknown key `grant_type` in `clients` (not a field the Management API accepts). Did you mean `grant_types`? [unknown-key]"), "\(result.stdout)")
        #expect(result.stdout.contains("directory/clients/Acme_Web.json:1:1: error: client `Acme Web` is declared twice (first at directory/clients/Acme Web.json:1:1); names must be unique [duplicate-name]"), "\(result.stdout)")
        let writes = try await fixture.writes()
        #expect(try await fixture.run(["plan", "directory"], environment: secret).status == 1)
        #expect(try await fixture.writes() == writes)
    }

    @Test func exportWritesEitherLayoutAndBothPlanAlike() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant("Tests/EndToEndTests/Fixtures/acme-dev-directory", as: "dev")
        #expect(try await fixture.run(["apply", "dev", "--auto-approve", "-q"], environment: secret).status == 0)

        let yaml = try await fixture.run(["export", "--tenant", "as-yaml", "--layout", "yaml", "--format", "json", "-q"])
        let directory = try await fixture.run(["export", "--tenant", "as-directory", "--layout", "directory", "--format", "json", "-q"])
        #expect(yaml.status == 0 && directory.status == 0, "\(yaml.stderr)\(directory.stderr)")
        let root = fixture.directory
        let exists = { (path: String) in FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }
        #expect(exists("as-yaml/tenant.yaml") && !exists("as-yaml/tenant.json"))
        #expect(!exists("as-directory/tenant.yaml"))
        for path in ["tenant.json", "tenantctl.yaml", "snapshot.json", "clients/Acme Web.json", "resource-servers/Acme Orders API.json",
                     "database-connections/legacy-users/database.json", "database-connections/legacy-users/login.js",
                     "actions/restrict-legacy-users-api.json", "actions/restrict-legacy-users-api/code.js", "triggers/triggers.json"] {
            #expect(exists("as-directory/\(path)"), "as-directory/\(path)")
        }
        let keywords = try JSONValue.parse(Data(yaml.stdout.utf8))["keywords_to_set"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(try JSONValue.parse(Data(directory.stdout.utf8))["keywords_to_set"]?.arrayValue?.compactMap(\.stringValue) == keywords)
        let values = Dictionary(uniqueKeysWithValues: keywords.map { ($0, "value-of-\($0)") })
        let validated = try await fixture.run(["validate", "as-directory", "-q"], environment: values)
        #expect(!validated.stdout.contains("error:"), "\(validated.stdout)")
        let planYAML = try await fixture.run(["plan", "as-yaml", "--format", "json", "-q"], environment: values)
        let planDirectory = try await fixture.run(["plan", "as-directory", "--format", "json", "-q"], environment: values)
        #expect(planYAML.status == 0 && planDirectory.status == 0, "\(planYAML.stderr)\(planDirectory.stderr)")
        #expect(try steps(planDirectory) == steps(planYAML))
        #expect(try JSONValue.parse(Data(planDirectory.stdout.utf8))["summary"]?["add"] == .number(0))

        // A folder in one layout is not overwritten by the other without --force.
        let again = try await fixture.run(["export", "--tenant", "as-directory", "--layout", "yaml", "-q"])
        #expect(again.status == 1)
        #expect(again.stderr == "error: as-directory already holds a tenant.json; pass --force to replace its files, or export to a new folder\n")
        let forced = try await fixture.run(["export", "--tenant", "as-directory", "--layout", "yaml", "--force", "-q"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(exists("as-directory/tenant.yaml") && !exists("as-directory/tenant.json") && !exists("as-directory/clients"), "no file of the former layout is left")
        #expect(!fixture.everythingWritten().contains("dev-only-test-secret"))
    }

    @Test func migrateRulesRefusesTheDirectoryFormatAndWritesNothing() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let folder = try fixture.copyTenant("Tests/EndToEndTests/Fixtures/acme-dev-directory", as: "directory")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try #"{"name": "add-claim", "script": "./add-claim.js", "enabled": true, "order": 1}"#
            .write(to: folder.appendingPathComponent("rules/add-claim.json"), atomically: true, encoding: .utf8)
        try "function addClaim(user, context, callback) { callback(null, user, context); }\n"
            .write(to: folder.appendingPathComponent("rules/add-claim.js"), atomically: true, encoding: .utf8)
        let before = fixture.everythingWritten()
        let result = try await fixture.run(["migrate-rules", "directory"], environment: secret)
        #expect(result.status == 1)
        #expect(result.stderr == "error: directory is in the Deploy CLI's directory format, and migrate-rules edits tenant.yaml; export it as tenant.yaml (`tenantctl export --tenant NEW_FOLDER --layout yaml`), migrate that, or convert the rules by hand\n")
        #expect(fixture.everythingWritten() == before)
    }

    @Test func theDeployCLIsTestTenantExportedInEitherLayoutPlansNoChanges() async throws {
        // Every section the Deploy CLI's own test tenant holds (pages, email templates, forms, guardian, prompts, …).
        let fixture = try await EmulatorFixture.start(seed: nil, domain: "auth0-deploy-cli-e2e.us.auth0.com")
        defer { Task { await fixture.stop() } }
        let source = try fixture.copyTenant("Tests/EndToEndTests/Fixtures/deploy-cli-lots-of-configuration", as: "t")
        let secrets = ["MANDRILL_API_KEY": "mandrill-api-key-3f9c1a", "SUSPENDED_DD_LOG_STREAM_SINK_DATADOGAPIKEY": "dd-api-key-77e1", "TENANTCTL_DIGEST_KEY": e2eDigestKey]
        #expect(try await fixture.run(["apply", "t", "--auto-approve", "-q"], environment: secrets).status == 0)
        // The lint rules its placeholders trip are turned off as in its own settings (export writes fresh settings).
        let settings = try String(contentsOf: source.appendingPathComponent("tenantctl.yaml"), encoding: .utf8)
        let lint = String(settings[settings.range(of: "lint:\n")!.lowerBound..<settings.range(of: "secrets:\n")!.lowerBound])
        var plans: [JSONValue] = []
        for layout in ["yaml", "directory"] {
            let exported = try await fixture.run(["export", "--tenant", layout, "--layout", layout, "-q"])
            #expect(exported.status == 0, "\(exported.stderr)")
            let handle = try FileHandle(forWritingTo: fixture.directory.appendingPathComponent("\(layout)/tenantctl.yaml"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(lint.utf8))
            try handle.close()
            let planned = try await fixture.run(["plan", layout, "--format", "json", "-q"], environment: secrets)
            #expect(planned.status == 0, "\(layout): \(planned.stdout)\(planned.stderr)")
            plans.append(try JSONValue.parse(Data(planned.stdout.utf8)))
        }
        #expect(plans[1]["steps"] == .array([]), "the directory export plans no changes: \(plans[1]["steps"].map { String(decoding: $0.encoded(), as: UTF8.self) } ?? "")")
        #expect(plans[0]["steps"] == .array([]))
        #expect(plans[0]["desired_digest"] == plans[1]["desired_digest"])
        #expect(FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("directory/forms/Blank-form.json").path))
    }
}
