import TenantConfig

/// The callback of a custom database script or rule is called exactly once per path, with `return`, and
/// never from a loop.
public struct ScriptCallbackRule: ScriptRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "script-callback",
        name: "Callback called once",
        rationale: "Auth0 takes a script's first callback as its answer: a second call is an error in the logs, a missing call hangs the login until the 20-second timeout, and code running after the answer races the next request.",
        severity: .error,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/error-handling",
        triggeringExamples: [
            RuleExample(label: "called twice on one path", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              if (!password) {
                callback(new WrongUsernameOrPasswordError(email));
              }
              callback(null, { user_id: email, email: email });
            }

            """]), expectedMessage: "called at line 3 and again at line 5"),
            RuleExample(label: "an unbraced if without return", files: ScriptFixture.database(["get_user": """
            function getUser(email, callback) {
              if (!email) callback(null);
              const id = email.toLowerCase();
              return callback(null, { user_id: id, email: email });
            }

            """]), expectedMessage: "called at line 2 and again at line 4"),
            RuleExample(label: "code runs after the answer", files: ScriptFixture.database(["get_user": """
            function getUser(email, callback) {
              callback(null, { user_id: email, email: email });
              console.log('answered for a user');
            }

            """]), expectedMessage: "not followed by `return`"),
            RuleExample(label: "never calls back", files: ScriptFixture.database(["verify": """
            function verify(email, done) {
              const axios = require('axios');
              axios.post(configuration.API_URL + '/verify', { email: email });
            }

            """]), expectedMessage: "never calls `done`"),
            RuleExample(label: "inside forEach", files: ScriptFixture.database(["get_user": """
            function getUser(email, callback) {
              const users = [{ email: email }];
              users.forEach(function (user) {
                callback(null, { user_id: user.email, email: user.email });
              });
            }

            """]), expectedMessage: "inside a loop"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "returned calls on every path", files: ScriptFixture.database(["login": ScriptFixture.goodLogin, "get_user": ScriptFixture.goodGetUser])),
            RuleExample(label: "if/else with a call in each branch, and a returning loop", files: ScriptFixture.database(["get_user": """
            function getUser(email, callback) {
              const users = configuration.USERS.split(',');
              for (let i = 0; i < users.length; i++) {
                if (users[i] === email) return callback(null, { user_id: email, email: email });
              }
              if (users.length === 0) {
                callback(new Error('no users configured'));
              } else {
                callback(null);
              }
            }

            """, "login": """
            function login(email, password, callback) {
              // callback(null) in a comment is not a call; neither is 'callback(null)' in a string.
              lookUp(email, callback);
              function lookUp(address, done) { done(null); }
            }

            """])),
            RuleExample(label: "a rule that calls back at the end", files: ScriptFixture.rule("function addClaims(user, context, callback) {\n  context.idToken['https://acme.example/tier'] = 'gold';\n  callback(null, user, context);\n}\n")),
        ]
    )

    public func check(script: ScriptSource, in context: LintContext) -> [Finding] {
        guard script.kind != .action else { return [] }
        let source = context.javaScript(script)
        guard source.syntaxErrors.isEmpty, let function = source.mainFunction, !function.isArrow,
              let callback = function.parameters.last, function.bodyClose > function.bodyOpen else { return [] }
        let body = (function.bodyOpen + 1)..<function.bodyClose
        guard body.contains(where: { source.tokens[$0].isIdentifier(callback) }) else {
            let token = source.tokens[function.nameIndex ?? function.start]
            return [finding("\(script.role) never calls `\(callback)`: Auth0 waits for it until the script times out (20 s), then fails the login. Call `return \(callback)(…)` on every path.", in: script, line: token.line, column: token.column)]
        }
        var findings: [Finding] = []
        var reported: Set<Int> = []
        for call in source.calls(of: callback) where body.contains(call) {
            if let loop = loop(around: call, in: source) {
                let token = source.tokens[call], keyword = source.tokens[loop]
                findings.append(finding("`\(callback)` is called inside a loop (the `\(keyword.text)` at \(keyword.line):\(keyword.column)): it would answer once per iteration. Collect the result and call `\(callback)` once, after the loop.", in: script, line: token.line, column: token.column))
                continue
            }
            guard isStatement(call, in: source), source[call - 1]?.isIdentifier("return") != true, !reported.contains(call),
                  let closeParen = source.partner(of: call + 1) else { continue }
            var next = closeParen + 1
            if source[next]?.isPunctuator(";") == true { next += 1 }
            guard let following = codeFollowing(next, in: source) else { continue }
            let token = source.tokens[call]
            if let second = source.calls(of: callback).first(where: { $0 >= following && sameFunction($0, call, in: source) && isStatement($0, in: source) }) {
                reported.insert(second)
                findings.append(finding("`\(callback)` is called at line \(token.line) and again at line \(source.tokens[second].line) on the same path: Auth0 keeps the first answer and reports the second as an error. Write `return \(callback)(…)` so the script stops after answering.", in: script, line: token.line, column: token.column))
            } else {
                let after = source.tokens[following]
                findings.append(finding("`\(callback)(…)` at \(token.line):\(token.column) is not followed by `return`, and code still runs after it (line \(after.line)): write `return \(callback)(…)` so the script stops after answering.", in: script, line: token.line, column: token.column))
            }
        }
        return findings
    }

    /// Whether the token at `index` starts a statement (so its value is not used by an expression).
    func isStatement(_ index: Int, in source: JavaScriptSource) -> Bool {
        guard let previous = source[index - 1] else { return true }
        if previous.isPunctuator("{") || previous.isPunctuator("}") || previous.isPunctuator(";") { return true }
        if previous.isIdentifier("else") || previous.isIdentifier("return") || previous.isIdentifier("await") { return true }
        if previous.isPunctuator(")"), let open = source.partner(of: index - 1), let keyword = source[open - 1] {
            return ["if", "for", "while"].contains(keyword.text) && keyword.kind == .identifier
        }
        return false
    }

    /// The first token of code that runs after a statement ending before `index` on the same path, or nil when
    /// the path ends there (end of function, `else` branch, `break`, `return`).
    func codeFollowing(_ index: Int, in source: JavaScriptSource) -> Int? {
        guard let token = source[index] else { return nil }
        if token.kind == .identifier, ["else", "case", "default", "break", "catch", "finally"].contains(token.text) { return nil }
        // A bare `return;` ends the path; `return something` still evaluates something.
        if token.isIdentifier("return"), source[index + 1].map({ $0.isPunctuator(";") || $0.isPunctuator("}") || $0.followsLineBreak }) ?? true { return nil }
        guard token.isPunctuator("}"), let open = source.partner(of: index) else { return index }
        switch source.owner(ofBracket: open) {
        case "if", "else", "try":
            return codeFollowing(skipAlternatives(after: index, in: source), in: source)
        default:
            return nil
        }
    }

    /// The index after an `if` block's `else` chain (or a `try` block's `catch`/`finally`), given the block's `}`.
    func skipAlternatives(after close: Int, in source: JavaScriptSource) -> Int {
        var index = close + 1
        while let token = source[index], token.kind == .identifier, ["else", "catch", "finally"].contains(token.text) {
            index += 1
            if source[index]?.isIdentifier("if") == true || source[index]?.isPunctuator("(") == true {
                if source[index]?.isIdentifier("if") == true { index += 1 }
                guard let closeParen = source.partner(of: index) else { return index }
                index = closeParen + 1
            }
            guard source[index]?.isPunctuator("{") == true, let end = source.partner(of: index) else { return index }
            index = end + 1
        }
        return index
    }

    /// The loop keyword token whose body (or iteration callback) contains the call, unless a `return` ends it.
    func loop(around call: Int, in source: JavaScriptSource) -> Int? {
        let iterators: Set<String> = ["forEach", "map", "filter", "some", "every", "reduce", "flatMap", "find", "findIndex"]
        for bracket in source.containers(of: call) {
            let owner = source.owner(ofBracket: bracket)
            if owner == "function" || owner == "=>" {
                // Is this function an argument of an iteration method? `xs.forEach(function (x) { … })`
                if let argumentList = source.container(of: bracket), source.tokens[argumentList].isPunctuator("("),
                   let method = source[argumentList - 1], method.kind == .identifier, iterators.contains(method.text),
                   source[argumentList - 2]?.isPunctuator(".") == true {
                    return argumentList - 1
                }
                return nil
            }
            if owner == "for" || owner == "while" || owner == "do" {
                if source[call - 1]?.isIdentifier("return") == true { return nil }
                let keyword = owner == "do" ? bracket - 1 : (source.partner(of: bracket - 1).map { $0 - 1 } ?? bracket)
                return keyword
            }
        }
        // A loop without braces: `for (…) callback(…);`
        if source[call - 1]?.isPunctuator(")") == true, let open = source.partner(of: call - 1),
           let keyword = source[open - 1], keyword.isIdentifier("for") || keyword.isIdentifier("while") {
            return open - 1
        }
        return nil
    }

    /// Whether two tokens belong to the same innermost function.
    func sameFunction(_ a: Int, _ b: Int, in source: JavaScriptSource) -> Bool {
        func function(of index: Int) -> Int? {
            source.containers(of: index).first { ["function", "=>"].contains(source.owner(ofBracket: $0) ?? "") }
        }
        return function(of: a) == function(of: b)
    }
}
