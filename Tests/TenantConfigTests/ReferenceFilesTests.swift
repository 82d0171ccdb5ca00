import Foundation
import Testing
@testable import TenantConfig

/// The Deploy CLI's own files load unchanged: their missing script files are findings, never crashes, and no
/// field they use is reported as unknown to the API. They come from the reference folder beside the project
/// (`Reference`), which a clone does not have.
@Suite(.enabled(if: Reference.isPresent, Reference.whyAbsent))
struct ReferenceFilesTests {
    static let keywordValues = [
        "ENV": "dev", "AUTH0_DOMAIN": "acme.auth0.com", "SETUP_CONFIG": "{}", "MY_CLIENT_ID": "abc",
        "CAPTCHA_RECAPTCHA_ENTERPRISE_PROJECT_ID": "p1",
    ]

    @Test(arguments: Reference.tenantFiles)
    func loadsWithoutUnknownFieldErrors(file: String) throws {
        let tenant = TenantLoader(environment: Self.keywordValues).load(Reference.a0deploy(file))
        #expect(!tenant.resources.isEmpty)
        let errors = tenant.findings.filter { $0.severity == .error && $0.rule != "missing-file" }
        #expect(errors.isEmpty, "\(errors)")
        #expect(tenant.findings("unmanaged-section").count <= 1)
    }

    @Test func missingScriptFilesAreFindingsWithTheLine() throws {
        let tenant = TenantLoader(environment: Self.keywordValues).load(Reference.a0deploy("lots-of-configuration.tenant.yaml"))
        let missing = tenant.findings("missing-file")
        // Six database scripts and an action's code, four pages and two email templates: none is beside this copy.
        #expect(missing.count == 13)
        #expect(missing.filter { $0.message.contains(".html") }.count == 6)
        let login = try #require(missing.first { $0.message.contains("boo-baz-db-connection-test/login.js") })
        #expect(login.location?.line == 283)
        #expect(login.location?.column == 16)
        #expect(tenant.resources(.databases).map(\.key) == ["boo-baz-db-connection-test"])
        #expect(tenant.resources(.clientGrants).count == 2)
    }

    @Test func unresolvedKeywordsInTheFullExampleAreNamed() {
        let tenant = TenantLoader(environment: [:]).load(Reference.a0deploy("examples-yaml.tenant.yaml"))
        let names = tenant.findings("unresolved-keyword").map(\.message)
        #expect(names.contains { $0.contains("`ENV`") })
    }
}
