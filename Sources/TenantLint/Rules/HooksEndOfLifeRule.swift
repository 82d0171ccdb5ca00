import TenantConfig

/// Auth0 Hooks reached end of life on 2026-11-18 with Rules: a hook in the files no longer runs, and tenantctl never
/// creates or updates one. Every hook gets a warning with its migration path.
public struct HooksEndOfLifeRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "hooks-end-of-life",
        name: "Hooks end of life",
        rationale: "Hooks reached end of life on 2026-11-18 and no longer run; each hook must become an action on the matching trigger.",
        severity: .warning,
        documentation: "https://auth0.com/docs/customize/actions/migrate/migrate-from-hooks-to-actions",
        triggeringExamples: [
            RuleExample(label: "any hook", files: [
                "tenant.yaml": "hooks:\n  - name: add-metadata\n    script: ./hooks/add-metadata.js\n    triggerId: pre-user-registration\n    enabled: true\n",
            ], expectedMessage: "pre-user-registration action"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "an action on the same trigger", files: [
                "tenant.yaml": "actions:\n  - name: add-metadata\n    code: ./code.js\n    supported_triggers: [{id: pre-user-registration, version: v2}]\n",
                "code.js": "exports.onExecutePreUserRegistration = async (event, api) => {};\n",
            ]),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        guard let endOfLife = ResourceKind.hooks.type.endOfLife else { return [] }
        return context.tenant.resources(.hooks).map { hook in
            let trigger = hook.body["triggerId"]?.string ?? "matching"
            return Finding(rule: Self.description.identifier, severity: .warning, location: hook.location,
                message: "hook `\(hook.key)`: Auth0 Hooks reached end of life on \(endOfLife.date) and no longer run; tenantctl never creates or updates them. Rewrite it as a \(trigger) action (`exports.on…` handler with `event` and `api`), bind it under `triggers:`, then remove the hook (a live hook the files leave out is deleted with `allow_deletes: true`).")
        }
    }
}
