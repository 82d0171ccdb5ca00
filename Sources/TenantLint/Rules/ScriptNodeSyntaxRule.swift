import TenantConfig

/// Node.js's own parser, where `node` is installed: the syntax errors the lexer cannot see.
public struct ScriptNodeSyntaxRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "script-node-syntax",
        name: "Scripts parse under Node.js",
        rationale: "Auth0 runs scripts on Node.js; its parser is the final word on syntax, and a script it rejects fails every login it handles.",
        severity: .error,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/templates",
        triggeringExamples: [
            RuleExample(label: "a doubled comma in an object", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              const profile = { user_id: 'legacy|' + email, , email: email };
              return callback(null, profile);
            }

            """]), expectedMessage: "Unexpected token ','"),
            RuleExample(label: "an error on the first line of an action", files: ScriptFixture.action("exports.onExecutePostLogin = async (event, api) => { const = 1; };\n"),
                        expectedMessage: "at 1:60: Unexpected token"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "valid scripts", files: ScriptFixture.database(["login": ScriptFixture.goodLogin, "get_user": ScriptFixture.goodGetUser])),
            RuleExample(label: "a valid action", files: ScriptFixture.action("exports.onExecutePostLogin = async (event, api) => {\n  if (event.user.email_verified) return;\n  api.access.deny('verify your email');\n};\n")),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        // Scripts the lexer already rejects are reported by script-syntax.
        let scripts = context.tenant.scripts.filter { context.javaScript($0).syntaxErrors.isEmpty && !context.javaScript($0).isEmpty }
        guard !scripts.isEmpty else { return [] }
        let verdicts: [NodeSyntaxCheck.Verdict?]
        do {
            verdicts = try NodeSyntaxCheck().check(scripts.map { ($0.text, $0.kind == .action ? .module : .functionExpression) })
        } catch {
            return [Finding(rule: Self.description.identifier, severity: .note, location: nil,
                            message: "script-node-syntax did not run (\(error)); install Node.js to have scripts parsed by the runtime Auth0 uses. script-syntax still checked them.")]
        }
        return zip(scripts, verdicts).compactMap { script, verdict in
            guard let verdict else { return nil }
            return Finding(rule: Self.description.identifier, severity: .error, location: script.location(line: verdict.line, column: verdict.column),
                           message: "\(script.role) does not parse under Node.js at \(verdict.line):\(verdict.column): \(verdict.message).")
        }
    }
}
