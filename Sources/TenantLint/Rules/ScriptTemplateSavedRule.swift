import TenantConfig

/// A script that is still the dashboard's default template, a "not implemented" stub, or empty.
public struct ScriptTemplateSavedRule: ScriptRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "script-template-saved",
        name: "No unsaved templates",
        rationale: "Auth0's default templates only return `Please implement the … script`; deployed as they are, every login, sign-up or password reset through that script fails.",
        severity: .error,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/templates",
        triggeringExamples: [
            RuleExample(label: "the dashboard's Get User template", files: ScriptFixture.database([
                "login": ScriptFixture.goodLogin,
                "get_user": """
                function getByEmail(email, callback) {
                  // This script should retrieve a user profile from your existing database,
                  // without authenticating the user.
                  const msg = 'Please implement the Get User script for this database connection ' +
                    'at https://manage.auth0.com/#/connections/database';
                  return callback(new Error(msg));
                }

                """,
            ]), expectedMessage: "Get User template"),
            RuleExample(label: "an empty script", files: ScriptFixture.database(["login": ScriptFixture.goodLogin, "get_user": "\n  \n"]),
                        expectedMessage: "is empty"),
            RuleExample(label: "a script with only comments", files: ScriptFixture.database(["login": ScriptFixture.goodLogin, "get_user": "// TODO\n/* later */\n"]),
                        expectedMessage: "is empty"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "implemented scripts", files: ScriptFixture.database(["login": ScriptFixture.goodLogin, "get_user": ScriptFixture.goodGetUser])),
            RuleExample(label: "the template message quoted in a comment", files: ScriptFixture.database([
                "login": "// Replaces 'Please implement the Login script for this database connection at https://manage.auth0.com/#/connections/database'\n" + ScriptFixture.goodLogin,
            ])),
        ]
    )

    public func check(script: ScriptSource, in context: LintContext) -> [Finding] {
        let source = context.javaScript(script)
        if source.isEmpty && source.syntaxErrors.isEmpty {
            return [finding("\(script.role) is empty: Auth0 would run a script that does nothing. Write the script, or remove it from the YAML.", in: script, line: 1, column: 1)]
        }
        for (start, text) in Self.concatenatedStrings(source) {
            guard let range = text.range(of: "Please implement the "),
                  let end = text.range(of: " script for this database connection", range: range.upperBound..<text.endIndex) else { continue }
            let scriptTitle = String(text[range.upperBound..<end.lowerBound])
            let token = source.tokens[start]
            return [finding("\(script.role) is still the dashboard's unmodified \(scriptTitle) template: it only answers `Please implement the \(scriptTitle) script…`, so every call fails. Implement it, or remove it from the YAML if the connection does not need it.", in: script, line: token.line, column: token.column)]
        }
        return []
    }

    /// Runs of string literals joined by `+` (`'a' + 'b'`), with the index of the first literal and the joined text.
    static func concatenatedStrings(_ source: JavaScriptSource) -> [(Int, String)] {
        var runs: [(Int, String)] = []
        var index = 0
        let tokens = source.tokens
        while index < tokens.count {
            guard tokens[index].isStringLiteral else { index += 1; continue }
            let start = index
            var text = tokens[index].value ?? ""
            while index + 2 < tokens.count, tokens[index + 1].isPunctuator("+"), tokens[index + 2].isStringLiteral {
                text += tokens[index + 2].value ?? ""
                index += 2
            }
            runs.append((start, text))
            index += 1
        }
        return runs
    }
}
