import Foundation
import TenantConfig

/// `tenantctl migrate-rules` leaves what it cannot convert behind a `// TODO(migrate-rules):` comment; the tenant
/// is not ready to deploy until someone has converted that part by hand and removed the comment.
public struct MigrateRulesTodoRule: ScriptRule {
    public init() {}

    /// The marker migrate-rules writes in front of each part it could not convert.
    public static let marker = "TODO(migrate-rules):"

    public static let description = RuleDescription(
        identifier: "migrate-rules-todo",
        name: "Rule migration finished",
        rationale: "An action converted from a rule still holds code that only ran in the Rules sandbox (global state, the callback after asynchronous work, the Management API client): deployed as is, it fails or silently does nothing.",
        severity: .error,
        documentation: "https://auth0.com/docs/customize/actions/migrate/migrate-from-rules-to-actions",
        triggeringExamples: [
            RuleExample(label: "a part migrate-rules could not convert", files: ScriptFixture.action("""
            exports.onExecutePostLogin = async (event, api) => {
              // TODO(migrate-rules): actions do not keep `global` between executions; use api.cache, or recompute the value.
              global.count = (global.count || 0) + 1;
            };

            """), expectedMessage: "action `add-claims` still holds a part `tenantctl migrate-rules` could not convert: actions do not keep `global` between executions; use api.cache, or recompute the value. Convert it by hand"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "the TODO converted and removed", files: ScriptFixture.action("""
            exports.onExecutePostLogin = async (event, api) => {
              const count = api.cache.get('count');
              api.cache.set('count', String(Number(count ? count.value : 0) + 1));
            };

            """)),
            RuleExample(label: "other TODOs are the team's own", files: ScriptFixture.action("""
            exports.onExecutePostLogin = async (event, api) => {
              // TODO: add the roles claim once the API reads it.
            };

            """)),
        ]
    )

    public func check(script: ScriptSource, in context: LintContext) -> [Finding] {
        context.javaScript(script).comments.compactMap { comment in
            guard let range = comment.text.range(of: Self.marker) else { return nil }
            var what = comment.text[range.upperBound...].trimmingCharacters(in: .whitespaces)
            if what.hasSuffix("*/") { what = String(what.dropLast(2)).trimmingCharacters(in: .whitespaces) }
            let sentence = what.hasSuffix(".") ? what : what + "."
            return finding("\(script.role) still holds a part `tenantctl migrate-rules` could not convert: \(sentence) Convert it by hand (docs/guide.md, Moving off Rules), then remove the `// \(Self.marker)` comment.",
                           in: script, line: comment.line, column: comment.column)
        }
    }
}
