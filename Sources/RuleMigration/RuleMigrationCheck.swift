import TenantConfig

/// Checks a migrated tenant, loaded back from the planned files, against the tenant before and the plan: the text
/// edit must have done exactly what was meant, or nothing is written.
public enum RuleMigrationCheck {
    /// What differs from what the plan meant, one line each; empty when the migration is exact.
    public static func problems(before: TenantDefinition, after: TenantDefinition, plan: RuleMigrationPlan) -> [String] {
        var problems = after.findings.filter { $0.severity == .error }.map { "\($0.compilerStyleLine())" }
        if !after.resources(.rules).isEmpty { problems.append("rules are still declared: \(after.resources(.rules).map(\.key).joined(separator: ", "))") }
        if !after.declaredSections.contains(.rules) { problems.append("`rules: []` is missing, so plan would leave the live rules unmanaged") }
        if !after.resources(.rulesConfigs).isEmpty { problems.append("rulesConfigs are still declared") }
        let untouched = ResourceKind.allCases.filter { ![.rules, .rulesConfigs, .actions, .triggers].contains($0) }
        for kind in untouched where signature(before.resources(kind)) != signature(after.resources(kind)) {
            problems.append("the `\(kind.rawValue)` section changed")
        }
        let afterActions = Dictionary(after.resources(.actions).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for action in before.resources(.actions) where afterActions[action.key]?.body.json != action.body.json {
            problems.append("action `\(action.key)` changed")
        }
        for migrated in plan.actions {
            guard afterActions[migrated.actionName] != nil else {
                problems.append("action `\(migrated.actionName)` is not declared")
                continue
            }
            let code = after.scripts.first { $0.kind == .action && $0.owner == migrated.actionName }.map { $0.asWritten ?? $0.text }
            if code != migrated.converted.code { problems.append("action `\(migrated.actionName)` does not load its converted code") }
        }
        let expected = plan.actions.filter(\.bound).map(\.actionName) + before.actionsBound(to: "post-login")
        if after.actionsBound(to: "post-login") != expected {
            problems.append("post-login binds \(after.actionsBound(to: "post-login")), not \(expected)")
        }
        let otherTriggers = { (tenant: TenantDefinition) in tenant.resources(.triggers).filter { $0.key != "post-login" } }
        if signature(otherTriggers(before)) != signature(otherTriggers(after)) { problems.append("another trigger's bindings changed") }
        return problems
    }

    private static func signature(_ resources: [ResourceDefinition]) -> [String: JSONValue] {
        Dictionary(resources.map { ($0.key, $0.body.json) }, uniquingKeysWith: { first, _ in first })
    }
}
