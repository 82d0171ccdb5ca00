import TenantConfig

/// A production tenant streams its logs somewhere: Auth0 keeps them for a limited time only.
public struct LogStreamProductionRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "log-stream-production",
        name: "Logs streamed in production",
        rationale: "Auth0 keeps tenant logs for a limited time (days, by plan); without a log stream, what happened during an incident or an attack is gone before anyone looks.",
        severity: .warning,
        documentation: "https://auth0.com/docs/troubleshoot/general-usage-and-operations-best-practices",
        triggeringExamples: [
            RuleExample(label: "a production tenant without a log stream",
                        files: ["tenant.yaml": EmailProviderProductionRule.provider(enabled: true), "tenantctl.yaml": "environment: production\n"],
                        expectedMessage: "this production tenant declares no active log stream"),
            RuleExample(label: "only a paused stream", files: ["tenant.yaml": EmailProviderProductionRule.logStream + "    status: paused\n", "tenantctl.yaml": "environment: production\n"],
                        expectedMessage: "declares no active log stream"),
            RuleExample(label: "environment not set (warning naming the setting)", files: ["tenant.yaml": "clients: []\n"],
                        expectedMessage: "`environment:` is not set in tenantctl.yaml"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "a production tenant with an active stream", files: ["tenant.yaml": EmailProviderProductionRule.logStream, "tenantctl.yaml": "environment: production\n"]),
            RuleExample(label: "a staging tenant", files: ["tenant.yaml": "clients: []\n", "tenantctl.yaml": "environment: staging\n"]),
            RuleExample(label: "log streams are not managed here", files: ["tenant.yaml": "clients: []\n", "tenantctl.yaml": "environment: production\nmanaged: [clients]\n"]),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        let tenant = context.tenant
        // When tenantctl does not manage log streams, the files cannot tell whether the tenant has one.
        guard tenant.settings.managed.contains(.logStreams) else { return [] }
        let active = tenant.resources(.logStreams).filter { !["paused", "suspended"].contains($0.body["status"]?.string ?? "active") }
        guard active.isEmpty else { return [] }
        let expectation = ProductionExpectation(tenant, production: .warning)
        guard let severity = expectation.severity else { return [] }
        let why = "Auth0 keeps tenant logs for a limited time only, so what happened during an incident or an attack is gone before anyone looks."
        let message = expectation.settingNote.isEmpty
            ? "this production tenant declares no active log stream: \(why) Declare an active log stream in `logStreams` (Datadog, Splunk, an HTTP endpoint, …)."
            : "the tenant declares no active log stream: \(why) If this is a production tenant, declare an active log stream in `logStreams`.\(expectation.settingNote)"
        return [Finding(rule: Self.description.identifier, severity: severity,
                        location: tenant.resources(.logStreams).first?.location ?? expectation.location, message: message)]
    }
}
