import TenantConfig

/// A production tenant, or one with customized email templates, sends its emails through an email provider of its
/// own: Auth0's test provider sends a limited number of emails and only its default templates.
public struct EmailProviderProductionRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "email-provider-production",
        name: "Own email provider in production",
        rationale: "Auth0's test email provider sends a limited number of emails and is not for production (verification, password reset and welcome emails stop arriving); customized templates need a provider of the tenant's own.",
        severity: .error,
        documentation: "https://auth0.com/docs/troubleshoot/general-usage-and-operations-best-practices",
        triggeringExamples: [
            RuleExample(label: "a production tenant without an email provider",
                        files: ["tenant.yaml": logStream, "tenantctl.yaml": "environment: production\n"],
                        expectedMessage: "this production tenant declares no email provider of its own"),
            RuleExample(label: "environment not set (warning naming the setting)", files: ["tenant.yaml": logStream],
                        expectedMessage: "`environment:` is not set in tenantctl.yaml"),
            RuleExample(label: "a disabled provider", files: ["tenant.yaml": logStream + provider(enabled: false), "tenantctl.yaml": "environment: production\n"],
                        expectedMessage: "this production tenant declares its email provider disabled (`enabled: false`)"),
            RuleExample(label: "customized templates in a development tenant without a provider",
                        files: ["tenant.yaml": templates, "tenantctl.yaml": "environment: development\n", "emailTemplates/verify_email.html": templateBody],
                        expectedMessage: "email template `verify_email` is customized"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "a production tenant with its provider", files: ["tenant.yaml": logStream + provider(enabled: true), "tenantctl.yaml": "environment: production\n"]),
            RuleExample(label: "a development tenant uses the test provider", files: ["tenant.yaml": "clients: []\n", "tenantctl.yaml": "environment: development\n"]),
            RuleExample(label: "customized templates with a provider", files: ["tenant.yaml": templates + provider(enabled: true), "tenantctl.yaml": "environment: staging\n", "emailTemplates/verify_email.html": templateBody]),
            RuleExample(label: "the email provider is not managed here", files: ["tenant.yaml": "clients: []\n", "tenantctl.yaml": "environment: production\nmanaged: [clients]\n"]),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        let tenant = context.tenant
        // When tenantctl does not manage the provider, the files cannot tell whether the tenant has one.
        guard tenant.settings.managed.contains(.emailProvider) else { return [] }
        let provider = tenant.resources(.emailProvider).first
        if let provider, provider.body["enabled"]?.bool != false { return [] }
        let id = Self.description.identifier
        let lacks = provider == nil ? "declares no email provider of its own" : "declares its email provider disabled (`enabled: false`)"
        if let template = Self.customizedTemplates(tenant).first {
            let name = template["template"]?.string ?? "?"
            return [Finding(rule: id, severity: .error, location: template.location,
                message: "email template `\(name)` is customized, but the tenant \(lacks): Auth0 sends customized templates only through the tenant's own provider. Declare `emailProvider` in tenant.yaml (one account per tenant).")]
        }
        let expectation = ProductionExpectation(tenant, production: .error)
        guard let severity = expectation.severity else { return [] }
        let why = "Auth0's test provider sends a limited number of emails and is not for production, so verification, password reset and welcome emails stop arriving."
        let message = expectation.settingNote.isEmpty
            ? "this production tenant \(lacks): \(why) Declare `emailProvider` in tenant.yaml (one account per tenant; `tenantctl export` writes the one the live tenant has)."
            : "the tenant \(lacks): \(why) If this is a production tenant, declare `emailProvider` in tenant.yaml (one account per tenant).\(expectation.settingNote)"
        return [Finding(rule: id, severity: severity, location: provider?.location ?? expectation.location, message: message)]
    }

    /// The enabled email templates the files customize.
    static func customizedTemplates(_ tenant: TenantDefinition) -> [ConfigNode] {
        tenant.resources(.emailTemplates).map(\.body).filter { $0["enabled"]?.bool != false }
    }

    static let logStream = "logStreams:\n  - name: datadog\n    type: datadog\n    sink:\n      datadogRegion: eu\n      datadogApiKey: \"##DATADOG_API_KEY##\"\n"

    static func provider(enabled: Bool) -> String {
        "emailProvider:\n  name: sendgrid\n  enabled: \(enabled)\n  default_from_address: no-reply@acme.example\n  credentials:\n    api_key: \"##SENDGRID_API_KEY##\"\n"
    }

    static let templateBody = "<html><body>Verify: {{ url }}</body></html>\n"

    static let templates = "emailTemplates:\n  - template: verify_email\n    body: ./emailTemplates/verify_email.html\n    enabled: true\n    from: no-reply@acme.example\n    subject: Verify your email\n"
}
