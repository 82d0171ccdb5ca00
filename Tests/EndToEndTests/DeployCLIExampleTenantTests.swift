import APIJSON
import Foundation
import Testing

/// The Deploy CLI's full YAML example (`examples-yaml.tenant.yaml`, copied unchanged in Fixtures with small files for
/// the pages, scripts, email body, code, form, flow and rendering settings it names, and a tenantctl.yaml giving its
/// keywords) taken over whole: validated, applied to an emulated tenant, planned again (No changes), exported, and
/// the export planned (No changes).
@Suite(.serialized) struct DeployCLIExampleTenantTests {
    static let fixture = "Tests/EndToEndTests/Fixtures/deploy-cli-examples-yaml"
    /// The tenant the example stands for: its `##AUTH0_DOMAIN##` (the My Account API's identifier) is this domain.
    static let domain = "example-tenant.us.auth0.com"
    /// Its secret keywords (named like secrets: `…_SECRET`, `…_KEY`, `…_TOKEN`), placeholders as the example's are.
    static let secrets = [
        "JWT_SECRET": "jwt-secret-4e1a", "EVENT_STREAM_WEBHOOK_BEARER_TOKEN": "webhook-token-8d2c",
        "CAPTCHA_FRIENDLY_CAPTCHA_SITE_KEY": "fc-site-key-1a2b", "CAPTCHA_FRIENDLY_CAPTCHA_SECRET": "fc-secret-3c4d",
        "CAPTCHA_RECAPTCHA_V2_SITE_KEY": "r2-site-key-5e6f", "CAPTCHA_RECAPTCHA_V2_SECRET": "r2-secret-7a8b",
        "CAPTCHA_RECAPTCHA_ENTERPRISE_SITE_KEY": "re-site-key-9c0d", "CAPTCHA_RECAPTCHA_ENTERPRISE_API_KEY": "re-api-key-1e2f",
        "CAPTCHA_HCAPTCHA_SITE_KEY": "h-site-key-3a4b", "CAPTCHA_HCAPTCHA_SECRET": "h-secret-5c6d",
        "CAPTCHA_ARKOSE_SITE_KEY": "a-site-key-7e8f", "CAPTCHA_ARKOSE_SECRET": "a-secret-9a0b",
        "TENANTCTL_DIGEST_KEY": e2eDigestKey,
    ]

    /// Three values of the example that the Management API refuses whatever the keywords, replaced in the test's copy
    /// only (the committed tenant.yaml stays the reference's, byte for byte):
    /// - a custom domain must be a host name (the spec's pattern, which `api-limit` checks): no `_`;
    /// - a synchronized Google Workspace group's `id` is letters and digits (the spec's pattern, checked the same way);
    /// - a user attribute profile's `user_attributes` is a map of attribute name to `description`, `label`,
    ///   `profile_required` and `auth0_mapping` (the spec's schema, as the Deploy CLI's recorded deploys send it), and
    ///   the profile has no `description`: the example writes a list with `type` and `required`.
    static let refusedValues: [(String, String)] = [
        ("domain: my_domain.com", "domain: my-domain.com"),
        ("id: \"some_google_group_id\"", "id: \"somegooglegroupid\""),
        ("""
            description: "My User Attribute Profile Description"
            user_attributes:
              - name: "email"
                description: "Email"
                type: "email"
                required: true

        """, """
            user_attributes:
              email:
                description: "Email"
                label: "Email"
                profile_required: true
                auth0_mapping: "email"

        """),
    ]

    /// The URL of the Client ID Metadata Document the example's CIMD client is registered from.
    static let metadataDocument = "https://mcpserver.example.com/.well-known/client.json"

    /// The "Everything (apply)" scopes of docs/scopes.md.
    static func documentedScopes() throws -> [String] {
        let text = try String(contentsOf: CLIProcess.packageRoot.appendingPathComponent("docs/scopes.md"), encoding: .utf8)
        let block = text.components(separatedBy: "Everything (apply):\n\n```\n").dropFirst().first?.components(separatedBy: "\n```").first ?? ""
        let scopes = block.split(separator: " ").map(String.init)
        #expect(scopes.count > 50, "docs/scopes.md lists the scopes: \(scopes)")
        return scopes
    }

    /// Total requests the emulator has answered.
    static func requests(_ fixture: EmulatorFixture) async throws -> Int {
        let counts = try await fixture.statistics()["requests"]?.objectValue ?? [:]
        return counts.values.reduce(0) { $0 + Int($1.numberValue ?? 0) }
    }

    @Test func theDeployCLIsExampleRoundTrips() async throws {
        // The example names two actions it does not declare (its token exchange profile's and its action event
        // stream's): the tenant already has them, as `lint.disable` in the fixture's tenantctl.yaml says.
        let granted = try Self.documentedScopes()
        let fixture = try await EmulatorFixture.start(seed: "Tests/EndToEndTests/Fixtures/deploy-cli-examples-yaml.seed.json", domain: Self.domain) {
            // Exactly the scopes docs/scopes.md tells users to grant: they must be enough for the whole example.
            $0.grantedScopes = granted
            // The metadata document its CIMD client names, as Auth0 would fetch it.
            $0.web[Self.metadataDocument] = .object([
                "client_id": .string(Self.metadataDocument), "client_name": .string("MCP Server"),
                "redirect_uris": .array([.string("https://mcpserver.example.com/callback")]),
                "grant_types": .array([.string("authorization_code")]), "token_endpoint_auth_method": .string("private_key_jwt"),
                "jwks_uri": .string("https://mcpserver.example.com/.well-known/jwks.json"),
            ])
        }
        let folder = try fixture.copyTenant(Self.fixture, as: "t")
        let document = folder.appendingPathComponent("tenant.yaml")
        // As the example is, those two values are the only errors, each named where it is.
        let asIs = try await fixture.run(["validate", "t"], environment: Self.secrets)
        #expect(asIs.status == 1)
        #expect(asIs.stdout.contains("t/tenant.yaml:518:13: error: `domain` in `customDomains` is `my_domain.com`, which the Management API refuses"), "\(asIs.stdout)")
        #expect(asIs.stdout.contains("t/tenant.yaml:614:5: error: unknown key `description` in `userAttributeProfiles`"), "\(asIs.stdout)")
        #expect(asIs.stdout.contains("t/tenant.yaml:174:15: error: `directory_provisioning_configuration.synchronized_groups[].id` is `some_google_group_id`, which the Management API refuses"), "\(asIs.stdout)")
        #expect(asIs.stdout.contains("t: 3 errors"), "\(asIs.stdout)")
        var text = try String(contentsOf: document, encoding: .utf8)
        for (refused, accepted) in Self.refusedValues {
            #expect(text.components(separatedBy: refused).count == 2, "the example no longer holds \(refused)")
            text = text.replacingOccurrences(of: refused, with: accepted)
        }
        try text.write(to: document, atomically: true, encoding: .utf8)
        // `--domain` reaches the emulator; AUTH0_DOMAIN stays the tenant's domain, the keyword the example uses.
        let target = ["--domain", fixture.emulator.baseURL]
        func run(_ arguments: [String], _ environment: [String: String] = Self.secrets) async throws -> CLIProcess.Result {
            try await fixture.run(arguments, environment: environment.merging(["AUTH0_DOMAIN": Self.domain]) { $1 })
        }

        let validated = try await run(["validate", "t"])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        #expect(validated.stdout.contains("0 errors"), "\(validated.stdout)")
        #expect(!validated.stdout.contains("[unmanaged-section]"), "\(validated.stdout)")
        // Directory provisioning and the groups it synchronizes are managed: the notes left are the organization's
        // early-access fields, which the published spec lacks.
        #expect(!validated.stdout.contains("`directory_provisioning_configuration"), "\(validated.stdout)")

        let applied = try await run(["apply", "t", "--auto-approve"] + target)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.contains("Verified: the tenant now matches its files (No changes)."), "\(applied.stdout)")
        let again = try await run(["plan", "t", "--detailed-exitcode"] + target)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("No changes."))
        #expect(!again.stdout.contains("not managed"))

        // What reached the tenant, where the example is easy to get wrong.
        let snapshot = try await fixture.snapshot()
        let identifiers = (snapshot["resource_servers"]?.arrayValue ?? []).compactMap { $0["identifier"]?.stringValue }
        #expect(Set(identifiers) == ["https://dev.myapp.com/api/v1", "https://\(Self.domain)/me/"])
        // `'@@SETUP_CONFIG@@'` went as an object (the API refuses a string with a 400; a connection set up is ready).
        #expect(snapshot["flow_vault_connections"]?.arrayValue?.first?["ready"] == .bool(true))
        #expect(snapshot["attack_protection"]?["captcha"]?["arkose"]?["site_key"] == .string("a-site-key-7e8f"))
        // The CIMD client, registered from its document, then named and configured as the files say.
        let cimd = (snapshot["clients"]?.arrayValue ?? []).first { $0["external_client_id"] == .string(Self.metadataDocument) }
        #expect(cimd?["name"] == .string("My CIMD Client") && cimd?["app_type"] == .string("regular_web"), "\(String(describing: cimd))")
        #expect(cimd?["grant_types"] == .array([.string("authorization_code"), .string("refresh_token")]))
        // The three ACUL screens its `screenRenderers` list names, each from its file.
        let screens = (snapshot["prompts_screen_renderings"]?.arrayValue ?? []).map { "\($0["prompt"]?.stringValue ?? "")/\($0["screen"]?.stringValue ?? "") \($0["rendering_mode"]?.stringValue ?? "")" }
        #expect(screens.sorted() == ["login-passwordless/login-passwordless-email-code advanced", "login-passwordless/login-passwordless-sms-otp standard",
                                     "signup-id/signup-id advanced"], "\(screens)")

        // The Google Workspace connection's directory provisioning, written at its own endpoint after the connection.
        let workspace = snapshot["connections"]?.arrayValue?.first { $0["name"] == .string("google-workspace") }
        let provisioning = workspace?["directory_provisioning_configuration"]
        #expect(provisioning?["mapping"] == .array([.object(["auth0": .string("email"), "idp": .string("mail")]),
                                                     .object(["auth0": .string("name"), "idp": .string("displayName")])]), "\(String(describing: workspace))")
        #expect(provisioning?["synchronize_automatically"] == .bool(false) && provisioning?["synchronize_groups"] == .string("selected"))
        #expect(provisioning?["synchronized_groups"] == .array([.object(["id": .string("somegooglegroupid")])]),
                "the chosen groups, by id, at their own endpoint: \(String(describing: provisioning))")

        // A no-op apply: it reads, writes nothing.
        let beforeNoOp = try await Self.requests(fixture)
        let writesBefore = try await fixture.writes()
        let noOp = try await run(["apply", "t", "--auto-approve"] + target)
        #expect(noOp.status == 0, "\(noOp.stdout)\(noOp.stderr)")
        #expect(noOp.stdout.contains("No changes."), "\(noOp.stdout)")
        #expect(try await fixture.writes() == writesBefore)
        let noOpCalls = try await Self.requests(fixture) - beforeNoOp

        // Export needs no secret keyword (and refuses to write a file holding one's value: the captcha site keys are
        // secrets by name).
        let beforeExport = try await Self.requests(fixture)
        let exported = try await run(["export", "--tenant", "out", "-q"] + target, ["TENANTCTL_DIGEST_KEY": e2eDigestKey])
        #expect(exported.status == 0, "\(exported.stdout)\(exported.stderr)")
        let exportCalls = try await Self.requests(fixture) - beforeExport
        #expect(exported.stdout.contains("in \(exportCalls) API calls"), "\(exported.stdout)")
        // The export's own tenantctl.yaml knows nothing of the dashboard's script templates the example keeps.
        let settingsFile = fixture.directory.appendingPathComponent("out/tenantctl.yaml")
        let lint = try String(contentsOf: folder.appendingPathComponent("tenantctl.yaml"), encoding: .utf8).components(separatedBy: "\nlint:")[1]
        try (String(contentsOf: settingsFile, encoding: .utf8) + "lint:" + lint).write(to: settingsFile, atomically: true, encoding: .utf8)
        let replanned = try await run(["plan", "out", "--detailed-exitcode"] + target,
                                      ["GOOGLE_WORKSPACE_CLIENT_SECRET": "g-secret-1f2e", "MYAD_WAAD_CLIENT_SECRET": "waad-secret-3d4c",
                                       "TENANTCTL_DIGEST_KEY": e2eDigestKey])
        #expect(replanned.status == 0, "\(replanned.stdout)\(replanned.stderr)")
        #expect(replanned.stdout.contains("No changes."))
        print("deploy-cli-examples-yaml: export \(exportCalls) API calls, no-op apply \(noOpCalls) API calls")
    }
}
