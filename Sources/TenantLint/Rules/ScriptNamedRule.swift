import TenantConfig

/// Every custom database script and every rule is a named function; actions are named by their exports.
public struct ScriptNamedRule: ScriptRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "script-named",
        name: "Scripts are named functions",
        rationale: "Auth0 evaluates each script as one function; an anonymous or arrow function fails to run or shows up as `anonymous` in logs and stack traces, and the recommended names keep scripts recognisable across tenants.",
        severity: .error,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/templates",
        triggeringExamples: [
            RuleExample(label: "anonymous login function", files: ScriptFixture.database([
                "login": "function (email, password, callback) {\n  return callback(null);\n}\n",
            ]), expectedMessage: "anonymous function"),
            RuleExample(label: "arrow function get_user", files: ScriptFixture.database([
                "get_user": "(email, callback) => {\n  return callback(null);\n}\n",
            ]), expectedMessage: "arrow function"),
            RuleExample(label: "delete named differently (warning)", files: ScriptFixture.database([
                "delete": "function removeUser(id, callback) {\n  return callback(null);\n}\n",
            ]), expectedMessage: "recommends `deleteUser`"),
            RuleExample(label: "an anonymous rule", files: ScriptFixture.rule("function (user, context, callback) {\n  callback(null, user, context);\n}\n"),
                        expectedMessage: "anonymous function"),
            RuleExample(label: "an action exporting no handler", files: ScriptFixture.action("async function onLogin(event, api) {}\n"),
                        expectedMessage: "exports.onExecutePostLogin"),
            RuleExample(label: "a function in a comment is not the script's function", files: ScriptFixture.database([
                "login": "// function login(email, password, callback) {}\nconst login = (email, password, callback) => callback(null);\n",
            ]), expectedMessage: "must be a named function"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "recommended names", files: ScriptFixture.database([
                "login": ScriptFixture.goodLogin, "get_user": ScriptFixture.goodGetUser,
                "delete": "function deleteUser(id, callback) {\n  return callback(null);\n}\n",
            ])),
            RuleExample(label: "the dashboard template's getByEmail and an async function", files: ScriptFixture.database([
                "get_user": "function getByEmail(email, callback) {\n  return callback(null);\n}\n",
                "login": "/* Logs users in. */\nasync function login(email, password, callback) {\n  return callback(null);\n}\n",
            ])),
            RuleExample(label: "a named rule", files: ScriptFixture.rule("function addClaims(user, context, callback) {\n  callback(null, user, context);\n}\n")),
            RuleExample(label: "an action named by its export", files: ScriptFixture.action("exports.onExecutePostLogin = async (event, api) => {\n};\n")),
        ]
    )

    public func check(script: ScriptSource, in context: LintContext) -> [Finding] {
        let source = context.javaScript(script)
        guard !source.isEmpty, source.syntaxErrors.isEmpty else { return [] }  // script-template-saved and script-syntax report those
        switch script.kind {
        case .databaseScript(let name):
            return checkFunction(source, script: script, recommended: name.recommendedFunctionName,
                                 accepted: [name.recommendedFunctionName] + name.alternativeFunctionNames,
                                 signature: "function \(name.recommendedFunctionName)(\((name.documentedParameters + ["callback"]).joined(separator: ", "))) { … }",
                                 what: "the `\(name.rawValue)` script of `\(script.owner)`")
        case .rule:
            return checkFunction(source, script: script, recommended: nil, accepted: [],
                                 signature: "function \(Self.camelCase(script.owner))(user, context, callback) { … }",
                                 what: "rule `\(script.owner)`")
        case .action:
            return checkAction(source, script: script, context: context)
        }
    }

    private func checkFunction(_ source: JavaScriptSource, script: ScriptSource, recommended: String?, accepted: [String], signature: String, what: String) -> [Finding] {
        let first = source.tokens[0]
        guard let function = source.mainFunction else {
            return [finding("\(what) must be a named function, `\(signature)`, but it starts with `\(first.text)`.", in: script, line: first.line, column: first.column)]
        }
        if function.isArrow {
            return [finding("\(what) is an arrow function; Auth0 needs a named function: `\(signature)`.", in: script, line: first.line, column: first.column)]
        }
        guard let nameIndex = function.nameIndex, let name = function.name else {
            return [finding("\(what) is an anonymous function; name it: `\(signature)`.", in: script, line: first.line, column: first.column)]
        }
        if let recommended, !accepted.contains(name) {
            let token = source.tokens[nameIndex]
            return [finding("\(what) is named `\(name)`; Auth0 recommends `\(recommended)` for this script.", in: script, line: token.line, column: token.column, severity: .warning)]
        }
        return []
    }

    private func checkAction(_ source: JavaScriptSource, script: ScriptSource, context: LintContext) -> [Finding] {
        let exported = Self.exportedHandlers(source)
        let triggers = context.tenant.resources(.actions).first { $0.key == script.owner }?.body["supported_triggers"]?.items.compactMap { $0["id"]?.string } ?? []
        let expected = triggers.compactMap(Self.handlerName(forTrigger:))
        if exported.isEmpty {
            let handler = expected.first ?? "onExecutePostLogin"
            return [finding("action `\(script.owner)` exports no handler; actions are named by their exports: `exports.\(handler) = async (event, api) => { … };`.", in: script, line: 1, column: 1)]
        }
        let missing = expected.filter { !exported.keys.contains($0) }
        return missing.map { handler in
            let first = exported.values.sorted { ($0.line, $0.column) < ($1.line, $1.column) }[0]
            return finding("action `\(script.owner)` supports a trigger whose handler is `exports.\(handler)`, but the code exports only \(exported.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")).", in: script, line: first.line, column: first.column)
        }
    }

    /// `exports.NAME = …` and `module.exports.NAME = …` assignments, by handler name.
    static func exportedHandlers(_ source: JavaScriptSource) -> [String: JavaScriptToken] {
        var handlers: [String: JavaScriptToken] = [:]
        let tokens = source.tokens
        for index in tokens.indices where tokens[index].isIdentifier("exports") {
            guard let dot = source[index + 1], dot.isPunctuator("."), let name = source[index + 2], name.kind == .identifier,
                  source[index + 3]?.isPunctuator("=") == true else { continue }
            handlers[name.text] = tokens[index]
        }
        return handlers
    }

    /// The export Auth0 calls for an action trigger: `post-login` → `onExecutePostLogin`.
    static func handlerName(forTrigger trigger: String) -> String? {
        guard !trigger.isEmpty else { return nil }
        return "onExecute" + trigger.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func camelCase(_ name: String) -> String {
        let parts = name.split { !$0.isLetter && !$0.isNumber }
        guard let first = parts.first else { return "rule" }
        let joined = first.lowercased() + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return joined.first?.isLetter == true ? joined : "rule" + joined
    }
}
