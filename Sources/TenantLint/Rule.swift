import TenantConfig

/// A validation rule: data (its description and examples) plus one function.
/// Adding a rule is adding one file and listing it in `RuleRegistry`.
public protocol Rule: Sendable {
    init()
    /// Identifier, rationale, severity and the examples that document and test the rule.
    static var description: RuleDescription { get }
    /// Every finding this rule has about the tenant; never stops at the first.
    func check(_ context: LintContext) -> [Finding]
}

/// A rule that looks at one script at a time. `check(_:)` runs it over every script of the tenant.
public protocol ScriptRule: Rule {
    /// Findings for one script. `context` gives access to the rest of the tenant when a rule needs it.
    func check(script: ScriptSource, in context: LintContext) -> [Finding]
}

extension ScriptRule {
    public func check(_ context: LintContext) -> [Finding] {
        context.tenant.scripts.flatMap { check(script: $0, in: context) }
    }

    /// A finding of this rule at a place in a script, with the rule's own severity unless given.
    public func finding(_ message: String, in script: ScriptSource, line: Int, column: Int, severity: Severity? = nil) -> Finding {
        Finding(
            rule: Self.description.identifier,
            severity: severity ?? Self.description.severity,
            location: script.location(line: line, column: column),
            message: message
        )
    }
}

extension ScriptSource {
    /// How messages name the script: "the `get_user` script of `legacy-users`", "rule `add-claims`", "action `restrict`".
    public var role: String {
        switch kind {
        case .databaseScript(let name): "the `\(name.rawValue)` script of `\(owner)`"
        case .rule: "rule `\(owner)`"
        case .action: "action `\(owner)`"
        }
    }
}
