import Testing
@testable import TenantConfig

/// `exclude:` and `ignore_fields:` in tenantctl.yaml as the loader reads them, and every bad entry's exact message.
@Suite struct ExclusionSettingsTests {
    static let tenantYAML = "clients:\n  - name: Web\n"

    func messages(_ settings: String) -> [String] {
        loadTenant(["tenantctl.yaml": settings, "tenant.yaml": Self.tenantYAML]).findings.filter { $0.severity > .note }
            .map { "\($0.location.map { "\($0): " } ?? "")\($0.message)" }
    }

    @Test func readsNamesPatternsReasonsAndFieldPaths() throws {
        let tenant = loadTenant(["tenantctl.yaml": """
            exclude:
              clients:
                - Terraform API client
                - name: "tf-*"
                  reason: managed by Terraform
              connections: [scim-*]
            ignore_fields:
              clients: [callbacks, client_metadata.owner]
            """, "tenant.yaml": Self.tenantYAML])
        #expect(tenant.findings.filter { $0.severity > .note }.isEmpty, "\(tenant.findings)")
        let exclusions = tenant.settings.exclusions
        #expect(exclusions.map { "\($0.kind.rawValue) \($0.pattern) \($0.reason ?? "-") \($0.location!)" } == [
            "clients Terraform API client - t/tenantctl.yaml:3:7",
            "clients tf-* managed by Terraform t/tenantctl.yaml:4:13",
            "connections scim-* - t/tenantctl.yaml:6:17",
        ])
        #expect(tenant.settings.ignoredFields.map { "\($0.kind.rawValue) \($0.path)" } == ["clients callbacks", "clients client_metadata.owner"])
        #expect(tenant.settings.ignoredFields[1].components == ["client_metadata", "owner"])
    }

    @Test func aPatternThatDoesNotCompileIsAnErrorWithItsLine() {
        #expect(messages("exclude:\n  clients:\n    - \"App [beta\"\n    - 'trailing\\'\n    - \"[z-a]\"\n") == [
            "t/tenantctl.yaml:3:7: `exclude.clients`: the pattern `App [beta` does not compile: `[` opens a set of characters that is never closed with `]`; write `\\[` for a literal bracket",
            "t/tenantctl.yaml:4:7: `exclude.clients`: the pattern `trailing\\` does not compile: it ends with `\\`, which takes the next character literally; write `\\\\` for a backslash",
            "t/tenantctl.yaml:5:7: `exclude.clients`: the pattern `[z-a]` does not compile: the range `z-a` in a `[…]` set runs backwards; write `a-z`",
        ])
        #expect(loadTenant(["tenantctl.yaml": "exclude:\n  clients: [\"[\"]\n", "tenant.yaml": Self.tenantYAML]).findings("exclude-pattern").first?.severity == .error)
    }

    @Test func badEntriesAreFindingsAtTheirPlace() {
        #expect(messages("exclude: [Web]\n") == ["t/tenantctl.yaml:1:10: `exclude` must be a mapping of resource type to the names (or glob patterns) to leave alone, found a list"])
        #expect(messages("exclude:\n  client: [Web]\n").first?.hasPrefix("t/tenantctl.yaml:2:3: unknown key `client` in `exclude` (a resource type, as tenant.yaml names its section). Did you mean `clients`?") == true)
        #expect(messages("exclude:\n  clients: Web\n") == ["t/tenantctl.yaml:2:12: `clients` must be a list of client names or glob patterns, found a string"])
        #expect(messages("exclude:\n  clients:\n    - {reason: why}\n") == [
            "t/tenantctl.yaml:3:7: each entry of `exclude.clients` is a client name or glob pattern (a string), or `{name: …, reason: …}`; found a mapping",
        ])
        #expect(messages("exclude:\n  clients:\n    - {name: A, why: x}\n") == ["t/tenantctl.yaml:3:17: unknown key `why` in an entry of `exclude.clients`."])
        #expect(messages("exclude:\n  tenant: [x]\n") == [
            "t/tenantctl.yaml:2:3: `exclude.tenant`: tenant settings are one object, not named resources; leave the section out of tenant.yaml, or name fields in `ignore_fields.tenant`",
        ])
        #expect(messages("ignore_fields:\n  clients: [name, \"a..b\", 3]\n") == [
            "t/tenantctl.yaml:2:13: `ignore_fields.clients`: `name` names the client; it cannot be ignored (exclude the client instead)",
            "t/tenantctl.yaml:2:19: each entry of `ignore_fields.clients` is a field path such as `callbacks` or `client_metadata.owner`, found `a..b`",
            "t/tenantctl.yaml:2:27: each entry of `ignore_fields.clients` is a field path such as `callbacks` or `client_metadata.owner`, found a number",
        ])
        #expect(messages("ignore_fields:\n  clients: [client_secret]\n  clientGrants: [client_id]\n") == [
            "t/tenantctl.yaml:2:13: `ignore_fields.clients`: `client_secret` is a secret (`client_secret`) the API never returns in clear, so tenantctl cannot keep its live value; give it with a secret keyword",
            "t/tenantctl.yaml:3:18: `ignore_fields.clientGrants`: `client_id` names the client grant; it cannot be ignored (exclude the client grant instead)",
        ])
    }
}

/// Glob patterns of `exclude:`.
@Suite struct NamePatternTests {
    @Test(arguments: [
        ("tf-*", "tf-worker", true), ("tf-*", "tf-", true), ("tf-*", "xtf-a", false),
        ("App ?", "App 1", true), ("App ?", "App 12", false),
        ("[a-c]pi", "bpi", true), ("[!a-c]pi", "bpi", false), ("[!a-c]pi", "dpi", true),
        ("App \\[beta\\]", "App [beta]", true), ("App \\[beta\\]", "App b", false),
        ("Web", "Web", true), ("Web", "web", false), ("*", "", true), ("a*b*c", "aXXbYYc", true), ("a*b*c", "aXXbYY", false),
    ])
    func matches(pattern: String, name: String, expected: Bool) throws {
        #expect(try NamePattern(pattern).matches(name) == expected)
    }

    @Test func anExactNameReadsBackAsTheSamePattern() throws {
        let exact = NamePattern.exactly("App [beta] *")
        #expect(!exact.isGlob && exact.matches("App [beta] *") && !exact.matches("App b x"))
        #expect(try NamePattern(exact.description).matches("App [beta] *"))
        #expect(try NamePattern("tf-*").isGlob)
    }
}
