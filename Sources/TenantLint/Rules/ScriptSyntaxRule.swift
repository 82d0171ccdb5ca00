import TenantConfig

/// Every script lexes as JavaScript: strings, templates, comments and regexes terminate, brackets balance,
/// and no two names stand side by side (the usual mark of a typo in a keyword).
public struct ScriptSyntaxRule: ScriptRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "script-syntax",
        name: "Scripts are valid JavaScript",
        rationale: "A script that does not parse is saved by the Management API and fails at every login; the error should stop the deploy instead, with its line and column.",
        severity: .error,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/templates",
        triggeringExamples: [
            RuleExample(label: "an unclosed brace", files: ScriptFixture.database([
                "login": "function login(email, password, callback) {\n  if (!email) {\n    return callback(null);\n}\n",
            ]), expectedMessage: "`{` opened here is never closed"),
            RuleExample(label: "an unterminated string", files: ScriptFixture.database([
                "login": "function login(email, password, callback) {\n  return callback(new Error('no such user));\n}\n",
            ]), expectedMessage: "unterminated string literal"),
            RuleExample(label: "a misspelt keyword", files: ScriptFixture.database([
                "login": "functon login(email, password, callback) {\n  return callback(null);\n}\n",
            ]), expectedMessage: "unexpected name `login` after `functon`"),
            RuleExample(label: "a parenthesis closing a bracket", files: ScriptFixture.rule("function addClaims(user, context, callback) {\n  const roles = [user.role);\n  callback(null, user, context);\n}\n"),
                        expectedMessage: "the `[` opened at 2:17 must close first"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "braces in strings, templates, regexes and comments", files: ScriptFixture.database([
                "login": """
                function login(email, password, callback) {
                  // a stray } in a comment
                  const pattern = /[{}]+\\/x/g;
                  const note = "}" + '{' + `${email.replace(/}/g, '')} {`;
                  const ratio = 10 / 2 / 5;
                  return callback(null, { user_id: `legacy|${email}`, email: email, note: note, pattern: pattern.source, ratio: ratio });
                }

                """,
            ])),
            RuleExample(label: "an ordinary script", files: ScriptFixture.database(["login": ScriptFixture.goodLogin])),
        ]
    )

    /// Words that may stand next to a name: `function login`, `return value`, `x instanceof Y`, `let x`...
    static let keywords: Set<String> = [
        "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "export", "extends", "finally", "for", "from", "function", "get", "if", "import", "in", "instanceof",
        "let", "new", "of", "return", "set", "static", "switch", "throw", "try", "typeof", "var", "void", "while",
        "with", "yield", "as",
    ]

    public func check(script: ScriptSource, in context: LintContext) -> [Finding] {
        let source = context.javaScript(script)
        if let error = source.syntaxErrors.first {
            return [finding("\(script.role) does not parse: \(error.message).", in: script, line: error.line, column: error.column)]
        }
        let tokens = source.tokens
        for index in tokens.indices.dropFirst() {
            let previous = tokens[index - 1], token = tokens[index]
            guard previous.kind == .identifier, token.kind == .identifier, !token.followsLineBreak else { continue }
            let previousIsProperty = index >= 2 && (tokens[index - 2].isPunctuator(".") || tokens[index - 2].isPunctuator("?."))
            if Self.keywords.contains(token.text) || (!previousIsProperty && Self.keywords.contains(previous.text)) { continue }
            return [finding("\(script.role) does not parse: unexpected name `\(token.text)` after `\(previous.text)`; is `\(previous.text)` a misspelt keyword or is an operator missing?", in: script, line: token.line, column: token.column)]
        }
        return []
    }
}
