import TenantConfig

/// Errors are passed to the callback as `Error` objects (or the platform's error types), never as strings or
/// plain objects.
public struct ScriptErrorObjectRule: ScriptRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "script-error-object",
        name: "Errors are Error objects",
        rationale: "Auth0 reads an error's type and message from an Error object: a string or plain object loses the stack, shows users a generic failure, and cannot carry WrongUsernameOrPasswordError or ValidationError semantics.",
        severity: .warning,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/error-handling",
        triggeringExamples: [
            RuleExample(label: "a string error", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              if (!password) return callback('password missing');
              return callback(null, { user_id: email, email: email });
            }

            """]), expectedMessage: "passes a string as the error"),
            RuleExample(label: "a plain object error", files: ScriptFixture.database(["get_user": """
            function getUser(email, callback) {
              return callback({ code: 'not_found', message: 'no such user' });
            }

            """]), expectedMessage: "passes a plain object as the error"),
            RuleExample(label: "a template string error in a rule", files: ScriptFixture.rule("function addClaims(user, context, callback) {\n  return callback(`no claims for ${user.email}`);\n}\n"),
                        expectedMessage: "passes a string as the error"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "Error objects and platform error types", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              if (!email) return callback(new ValidationError('missing_email', 'An email is required.'));
              if (!password) return callback(new WrongUsernameOrPasswordError(email));
              const failure = new Error('legacy store unavailable');
              if (configuration.DOWN) return callback(failure);
              return callback(null, { user_id: email, email: email });
            }

            """])),
        ]
    )

    public func check(script: ScriptSource, in context: LintContext) -> [Finding] {
        guard script.kind != .action else { return [] }
        let source = context.javaScript(script)
        guard source.syntaxErrors.isEmpty, let callback = source.mainFunction?.parameters.last else { return [] }
        return source.calls(of: callback).compactMap { call in
            guard let argument = source[call + 2] else { return nil }
            let kind: String
            if argument.isStringLiteral || argument.kind == .template {
                kind = "a string"
            } else if argument.isPunctuator("{") {
                kind = "a plain object"
            } else {
                return nil
            }
            return finding("`\(callback)(…)` at \(argument.line):\(argument.column) passes \(kind) as the error: pass `new Error(message)`, or `new WrongUsernameOrPasswordError(email)` / `new ValidationError(code, message)` for what users should see.", in: script, line: argument.line, column: argument.column)
        }
    }
}
