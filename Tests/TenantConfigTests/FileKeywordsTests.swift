import Testing
@testable import TenantConfig

/// Keywords in the files tenant.yaml names (HTML pages and templates, forms and flows, scripts), replaced as the
/// Deploy CLI replaces them and as tenant.yaml's own are.
@Suite struct FileKeywordsTests {
    static let settings = """
    keywords:
      COMPANY_NAME: Acme
      LOCALES: [en, fr]
    """

    static func page(_ html: String) -> [String: String] {
        ["tenantctl.yaml": settings, "tenant.yaml": "pages:\n  - name: login\n    enabled: true\n    html: ./pages/login.html\n", "pages/login.html": html]
    }

    @Test func aPagesHTMLHasItsKeywordsReplaced() {
        let tenant = loadTenant(Self.page("<html>\n  <h1>Welcome to ##COMPANY_NAME##</h1>\n</html>\n"))
        #expect(tenant.findings.filter { $0.severity > .note }.isEmpty, "\(tenant.findings)")
        #expect(tenant.attachedFile(.pages, owner: "login", field: "html")?.value == .string("<html>\n  <h1>Welcome to Acme</h1>\n</html>\n"))
    }

    @Test func aJSONFileTakesAnArrayKeywordAsJSON() {
        let tenant = loadTenant([
            "tenantctl.yaml": Self.settings,
            "tenant.yaml": "forms:\n  - name: KYC\n    body: ./forms/kyc.json\n",
            "forms/kyc.json": #"{"name": "KYC", "languages": {"primary": "en", "all": "@@LOCALES@@"}, "style": @@LOCALES@@}"#,
        ])
        #expect(tenant.findings.filter { $0.severity > .note }.isEmpty, "\(tenant.findings)")
        let locales = JSONValue.array([.string("en"), .string("fr")])
        #expect(tenant.attachedFile(.forms, owner: "KYC", field: "body")?.value
            == .object(["name": .string("KYC"), "languages": .object(["primary": .string("en"), "all": locales]), "style": locales]))
    }

    @Test func anUnresolvedKeywordInAnHTMLFileNamesThatFile() {
        let tenant = loadTenant(Self.page("<html>\n  <p>##COMPANY_NAME## ##SUPPORT_EMAIL##</p>\n</html>\n"))
        #expect(tenant.findings("unresolved-keyword").map { $0.compilerStyleLine() } == [
            "t/pages/login.html:2:23: error: keyword `SUPPORT_EMAIL` has no value: set it under `keywords:` in tenantctl.yaml or export SUPPORT_EMAIL in the environment [unresolved-keyword]",
        ])
    }

    @Test func aSecretKeywordInAnHTMLFileIsAReferenceNeverItsValue() throws {
        let files = Self.page("<script src=\"https://captcha.example/api.js?key=##RECAPTCHA_SITE_KEY##\"></script>\n")
        let tenant = loadTenant(files, environment: ["RECAPTCHA_SITE_KEY": "site-key-value-4711"])
        #expect(tenant.findings.filter { $0.severity > .note }.isEmpty, "\(tenant.findings)")
        let html = try #require(tenant.attachedFile(.pages, owner: "login", field: "html")?.value.stringValue)
        #expect(html == "<script src=\"https://captcha.example/api.js?key=⟦secret:RECAPTCHA_SITE_KEY⟧\"></script>\n")
        #expect(!html.contains("site-key-value-4711"))
        // Unset, it is named in the loader's note, as a secret tenant.yaml itself uses would be.
        #expect(loadTenant(files).findings("secret-not-set").map(\.message)
            == ["secret keywords not set in the environment: RECAPTCHA_SITE_KEY; validate goes on without them, plan and apply need them"])
    }

    @Test func textThatOnlyLooksLikeAKeywordIsLeftAlone() {
        let html = "<a href=\"##\">top</a> <a href=\"##\">again</a> ## not one ## me@@example.com @@\n"
        let tenant = loadTenant(Self.page(html))
        #expect(tenant.findings.filter { $0.severity > .note }.isEmpty, "\(tenant.findings)")
        #expect(tenant.attachedFile(.pages, owner: "login", field: "html")?.value == .string(html))
    }

    /// The Deploy CLI replaces keywords in scripts too (its own example rule reads `@@ENV@@`): what Auth0 is sent is
    /// the replaced text; the file as written is kept for migrate-rules.
    @Test func aScriptHasItsKeywordsReplacedAndKeepsItsWrittenText() throws {
        let written = "function (user, context, callback) {\n  context.idToken['https://acme/env'] = '##COMPANY_NAME##';\n  callback(null, user, context);\n}\n"
        let tenant = loadTenant(["tenantctl.yaml": Self.settings, "tenant.yaml": "rules:\n  - name: env\n    script: ./rules/env.js\n", "rules/env.js": written])
        #expect(tenant.findings.filter { $0.severity > .note }.isEmpty, "\(tenant.findings)")
        let script = try #require(tenant.scripts.first)
        #expect(script.text == written.replacingOccurrences(of: "##COMPANY_NAME##", with: "Acme"))
        #expect(script.asWritten == written)
        #expect(script.byteCount == script.text.utf8.count)
    }

    @Test func aSecretKeywordInAScriptIsRefused() {
        let tenant = loadTenant([
            "tenant.yaml": "databases:\n  - name: db\n    strategy: auth0\n    options:\n      enabledDatabaseCustomization: true\n      customScripts:\n        login: ./login.js\n",
            "login.js": "function login(email, password, callback) {\n  const key = '##LEGACY_API_SECRET##';\n}\n",
        ], environment: ["LEGACY_API_SECRET": "never-in-a-script"])
        #expect(tenant.findings("secret-in-script").map { $0.compilerStyleLine() } == [
            "t/login.js:2:16: error: keyword `LEGACY_API_SECRET` holds a secret, and tenantctl never writes a secret into a script's code (plans show the code, and so does the tenant to anyone who can read it): put it in the connection's `options.configuration` and read it as `configuration.<KEY>` [secret-in-script]",
        ])
        #expect(tenant.scripts.allSatisfy { !$0.text.contains("never-in-a-script") && !$0.text.contains("⟦secret:") })
    }
}
