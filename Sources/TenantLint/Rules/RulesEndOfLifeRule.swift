import TenantConfig

/// Auth0 Rules reached end of life on 2026-11-18 (`RulesEndOfLife`): every rule gets a warning with its migration
/// path, `tenantctl migrate-rules`.
public struct RulesEndOfLifeRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "rules-end-of-life",
        name: "Rules end of life",
        rationale: "Rules reached end of life on \(RulesEndOfLife.dateText) and are not available to tenants created after 2023-10-16; each rule must become a post-login action (`tenantctl migrate-rules` converts them).",
        severity: .warning,
        documentation: "https://auth0.com/docs/customize/actions/migrate/migrate-from-rules-to-actions",
        triggeringExamples: [
            RuleExample(label: "any rule", files: [
                "tenant.yaml": "rules:\n  - name: add-claims\n    script: ./rules/add-claims.js\n    enabled: true\n",
                "rules/add-claims.js": "function addClaims(user, context, callback) { callback(null, user, context); }\n",
            ], expectedMessage: "no longer run. Convert it into a post-login action with `tenantctl migrate-rules t`"),
            RuleExample(label: "the only audience restriction is a rule",
                        files: LegacyAPIAudienceRestrictedRule.fixture(action: nil, rule: LegacyAPIAudienceRestrictedRule.restrictingRule),
                        expectedMessage: "the only restriction of the legacy identity API"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "actions only", files: LegacyAPIAudienceRestrictedRule.fixture(action: LegacyAPIAudienceRestrictedRule.restrictingAction)),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        let tenant = context.tenant
        let audienceRule = LegacyAPIAudienceRestrictedRule()
        var onlyRestriction: Set<String> = []
        if let api = audienceRule.legacyAPI(in: tenant) {
            let restriction = audienceRule.restrictions(in: tenant, audience: api.identifier)
            if restriction.actions.isEmpty { onlyRestriction = Set(restriction.rules) }
        }
        let status = RulesEndOfLife.rulesRun(on: context.today)
            ? "Auth0 Rules reach end of life on \(RulesEndOfLife.dateText) and stop running then."
            : "Auth0 Rules reached end of life on \(RulesEndOfLife.dateText) and no longer run."
        return tenant.resources(.rules).map { rule in
            var message = "rule `\(rule.key)`: \(status) Convert it into a post-login action with `tenantctl migrate-rules \(tenant.directory)` (it converts what maps mechanically and marks the rest with `// TODO(migrate-rules):`): `callback(new UnauthorizedError(…))` becomes `api.access.deny(…)`, `context.idToken[…] = …` becomes `api.idToken.setCustomClaim(…)`, `context.accessToken[…] = …` becomes `api.accessToken.setCustomClaim(…)`, `context.clientID` becomes `event.client.client_id`."
            if onlyRestriction.contains(rule.key) {
                message += " This rule is the only restriction of the legacy identity API audience: the action must deny that audience before the rule is removed."
            }
            return Finding(rule: Self.description.identifier, severity: .warning, location: rule.location, message: message)
        }
    }
}
