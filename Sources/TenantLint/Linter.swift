import Foundation
import TenantConfig

/// Runs every rule over a loaded tenant, applies the settings' `lint.disable` entries, and returns all
/// findings (loading findings included): it never stops at the first.
public struct Linter: Sendable {
    public var rules: [any Rule]
    /// The day tenants are judged on (see `LintContext.today`).
    public var today: Date

    public init(rules: [any Rule] = RuleRegistry.all.map { $0.init() }, today: Date = Date()) {
        self.rules = rules
        self.today = today
    }

    public func lint(_ tenant: TenantDefinition) -> LintReport {
        let context = LintContext(tenant: tenant, today: today)
        // `lint.disable` turns off rules: it never hides a loading finding (a script that is a symlink out of the
        // tenant folder, a FIFO, a NUL byte), whatever identifier it names.
        var findings: [Finding] = []
        for rule in rules { findings += rule.check(context) }
        var suppressed: [SuppressedRule] = []
        for var disabled in tenant.settings.disabledRules {
            if let renamed = RuleRegistry.renamed[disabled.rule] {
                findings.append(Finding(rule: "renamed-rule", severity: .note, location: disabled.location,
                    message: "`lint.disable` names `\(disabled.rule)`, now called `\(renamed)` (it covers every secret field); write `\(renamed)`"))
                disabled.rule = renamed
            }
            let scripts = disabled.scripts.map { TenantPath.join(tenant.directory, $0) }
            let hidden = findings.filter { finding in
                finding.rule == disabled.rule && (scripts.isEmpty || scripts.contains(finding.location?.file ?? ""))
            }
            findings.removeAll { hidden.contains($0) }
            suppressed.append(SuppressedRule(tenant: tenant.name, rule: disabled.rule, reason: disabled.reason, scripts: disabled.scripts, hiddenFindings: hidden.count))
            if !RuleRegistry.identifiers.contains(disabled.rule) {
                let hint = NearestKey.suggestion(for: disabled.rule, among: RuleRegistry.identifiers).map { " Did you mean `\($0)`?" } ?? ""
                findings.append(Finding(rule: "unknown-key", severity: .error, location: disabled.location,
                    message: "`lint.disable` names `\(disabled.rule)`, which is not a rule.\(hint)"))
            }
        }
        return LintReport(findings: tenant.findings + findings, suppressed: suppressed, tenants: [tenant.name])
    }
}

extension LintReport {
    /// Several tenants' reports as one.
    public static func combined(_ reports: [LintReport]) -> LintReport {
        LintReport(findings: reports.flatMap(\.findings), suppressed: reports.flatMap(\.suppressed), tenants: reports.flatMap(\.tenants))
    }
}
