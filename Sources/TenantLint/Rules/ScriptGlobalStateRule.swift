import TenantConfig

/// `global` holds only what every user may share, initialised behind a guard: an `if` around the assignment, a
/// `global.x = global.x || …`, or the early return the custom database seed recommends for a cached access token.
public struct ScriptGlobalStateRule: ScriptRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "script-global-state",
        name: "Guarded, shared global state",
        rationale: "Auth0 reuses a script's container across requests and users: a global assigned on every call races other requests, and a global holding one user's data leaks it into the next user's login.",
        severity: .warning,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/custom-database-connections-scripts-environment",
        triggeringExamples: [
            RuleExample(label: "assigned on every call", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              global.legacyClient = require('axios').create({ baseURL: configuration.API_URL });
              return callback(null, { user_id: email, email: email });
            }

            """]), expectedMessage: "without an initialization guard"),
            RuleExample(label: "per-user data", files: ScriptFixture.database(["get_user": """
            function getUser(email, callback) {
              global.cache = global.cache || {};
              global.cache[email] = { user_id: email, email: email };
              return callback(null, global.cache[email]);
            }

            """]), expectedMessage: "per-user data (`email`)"),
            RuleExample(label: "an early return that does not test the global is no guard", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              if (!email) return callback(new WrongUsernameOrPasswordError(email));
              global.legacyApiToken = { value: configuration.TOKEN, expiresAt: Date.now() + 3600000 };
              return callback(null, { user_id: email, email: email });
            }

            """]), expectedMessage: "`global.legacyApiToken` is assigned at 3:10 without an initialization guard"),
            RuleExample(label: "per-user data behind the token cache's guard", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              if (global.lastLogin && global.lastLogin.expiresAt > Date.now()) return callback(null, global.lastLogin.profile);
              global.lastLogin = { profile: { user_id: email, email: email }, expiresAt: Date.now() + 60000 };
              return callback(null, global.lastLogin.profile);
            }

            """]), expectedMessage: "per-user data (`email`)"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "guarded initialisation and shared values", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              global.legacyApiToken = global.legacyApiToken || {};
              global.legacyApiToken.value = configuration.TOKEN;
              if (!global.legacyClient) {
                global.legacyClient = require('axios').create({ baseURL: configuration.API_URL });
              }
              if (!global.counter) global.counter = 0;
              return callback(null, { user_id: email, email: email });
            }

            """])),
            RuleExample(label: "the custom database seed's access-token cache: early return while unexpired, then a fresh token", files: ScriptFixture.database(["get_user": """
            function getUser(email, callback) {
              const axios = require('axios');
              withToken(function (error, token) {
                if (error) return callback(error);
                return callback(null, { user_id: 'legacy|' + email, email: email });
              });

              function withToken(done) {
                if (global.legacyApiToken && global.legacyApiToken.expiresAt > Date.now()) {
                  return done(null, global.legacyApiToken.value);
                }
                axios.post(configuration.TOKEN_URL, { grant_type: 'client_credentials' }).then(function (response) {
                  global.legacyApiToken = { value: response.data.access_token, expiresAt: Date.now() + response.data.expires_in * 1000 };
                  done(null, response.data.access_token);
                }, function (error) {
                  done(new Error('no token: ' + error.message));
                });
              }
            }

            """])),
            RuleExample(label: "the same cache read through a local copy, then updated field by field", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              const cached = global.legacyApiToken;
              if (cached && cached.expiresAt > Date.now() + 60000) return callback(null, { user_id: email, email: email });
              global.legacyApiToken = { value: configuration.TOKEN };
              global.legacyApiToken.expiresAt = Date.now() + 3600000;
              return callback(null, { user_id: email, email: email });
            }

            """])),
        ]
    )

    public func check(script: ScriptSource, in context: LintContext) -> [Finding] {
        let source = context.javaScript(script)
        guard source.syntaxErrors.isEmpty else { return [] }
        let tokens = source.tokens
        let userValues = Set((source.mainFunction?.parameters.dropLast() ?? []) + ["user", "profile"])
        var guarded: Set<String> = []
        var findings: [Finding] = []
        for index in tokens.indices where tokens[index].isIdentifier("global") && source[index + 1]?.isPunctuator(".") == true && !(source[index - 1]?.isPunctuator(".") ?? false) {
            guard let nameToken = source[index + 2], nameToken.kind == .identifier else { continue }
            let name = nameToken.text
            // Find the assignment target's end: `global.x`, `global.x.y`, `global.x[key]`.
            var end = index + 3
            var isProperty = false
            var keyTokens: [JavaScriptToken] = []
            while let token = source[end] {
                if token.isPunctuator("."), source[end + 1]?.kind == .identifier { isProperty = true; end += 2 }
                else if token.isPunctuator("["), let close = source.partner(of: end) { isProperty = true; keyTokens += tokens[(end + 1)..<close]; end = close + 1 }
                else { break }
            }
            guard source[end]?.isPunctuator("=") == true else { continue }
            let value = valueTokens(from: end + 1, in: source)
            let perUser = (keyTokens + value).first { $0.kind == .identifier && userValues.contains($0.text) && !isPropertyName($0, in: source) }
            if let perUser {
                findings.append(finding("`global.\(name)` holds per-user data (`\(perUser.text)`) at \(nameToken.line):\(nameToken.column): the container serves other users next. Keep per-user values in local variables.", in: script, line: nameToken.line, column: nameToken.column))
                continue
            }
            if isProperty {
                if !guarded.contains(name) && !followsEarlyReturnGuard(index, name: name, in: source) {
                    findings.append(finding("`global.\(name)` is used at \(nameToken.line):\(nameToken.column) without an initialization guard; initialise it once with `global.\(name) = global.\(name) || {};`.", in: script, line: nameToken.line, column: nameToken.column))
                }
                continue
            }
            let selfGuarded = value.count >= 4 && value[0].isIdentifier("global") && value[1].isPunctuator(".") && value[2].isIdentifier(name)
                && (value[3].isPunctuator("||") || value[3].isPunctuator("??"))
            if selfGuarded || isInsideGuard(index, name: name, in: source) || followsEarlyReturnGuard(index, name: name, in: source) {
                guarded.insert(name)
            } else {
                findings.append(finding("`global.\(name)` is assigned at \(nameToken.line):\(nameToken.column) without an initialization guard, so every call replaces it while other requests may be using it. Write `if (!global.\(name)) { global.\(name) = …; }` or `global.\(name) = global.\(name) || …`.", in: script, line: nameToken.line, column: nameToken.column))
            }
        }
        return findings
    }

    /// The tokens of the assigned expression: up to `;`, a line break at the top level, or the end of the block.
    func valueTokens(from start: Int, in source: JavaScriptSource) -> [JavaScriptToken] {
        var index = start
        var values: [JavaScriptToken] = []
        while let token = source[index] {
            if token.isPunctuator(";") || token.isPunctuator("}") || token.isPunctuator(")") || token.isPunctuator(",") { break }
            if index > start, token.followsLineBreak, !(source[index - 1].map { $0.kind == .punctuator && !$0.isPunctuator(")") && !$0.isPunctuator("]") } ?? false) { break }
            if let partner = source.partner(of: index), partner > index {
                values += source.tokens[index...partner]
                index = partner + 1
            } else {
                values.append(token)
                index += 1
            }
        }
        return values
    }

    func isPropertyName(_ token: JavaScriptToken, in source: JavaScriptSource) -> Bool {
        guard let index = source.tokens.firstIndex(of: token) else { return false }
        return source[index - 1]?.isPunctuator(".") == true || source[index + 1]?.isPunctuator(":") == true
    }

    /// Whether the assignment sits in an `if` whose condition tests `global.name`.
    func isInsideGuard(_ index: Int, name: String, in source: JavaScriptSource) -> Bool {
        func conditionMentions(_ open: Int) -> Bool {
            guard let close = source.partner(of: open), close > open else { return false }
            return (open..<close).contains { source.tokens[$0].isIdentifier("global") && source[$0 + 2]?.isIdentifier(name) == true }
        }
        // `if (!global.x) global.x = …;`
        if source[index - 1]?.isPunctuator(")") == true, let open = source.partner(of: index - 1), source[open - 1]?.isIdentifier("if") == true {
            return conditionMentions(open)
        }
        for bracket in source.containers(of: index) where source.owner(ofBracket: bracket) == "if" {
            if source.tokens[bracket].isPunctuator("{"), source[bracket - 1]?.isPunctuator(")") == true, let open = source.partner(of: bracket - 1), conditionMentions(open) {
                return true
            }
        }
        return false
    }

    /// Whether the assignment follows, in the same function, an `if` that tests `global.name` (or a local copy of it)
    /// and returns: the access-token cache the custom database seed recommends ("cached for re-use within the global
    /// object"). While the cached value is good the function returns early; only otherwise is a fresh one assigned.
    func followsEarlyReturnGuard(_ index: Int, name: String, in source: JavaScriptSource) -> Bool {
        let tokens = source.tokens
        func readsGlobal(_ at: Int) -> Bool {
            tokens[at].isIdentifier("global") && source[at + 1]?.isPunctuator(".") == true && source[at + 2]?.isIdentifier(name) == true
                && !(source[at - 1]?.isPunctuator(".") ?? false)
        }
        // Local copies: `const cached = global.name;`
        var copies: Set<String> = []
        for at in tokens.indices where at + 2 < index && readsGlobal(at) {
            guard source[at - 1]?.isPunctuator("=") == true, let copy = source[at - 2], copy.kind == .identifier,
                  let declaration = source[at - 3], ["const", "let", "var"].contains(declaration.text),
                  !(source[at + 3].map { $0.isPunctuator(".") || $0.isPunctuator("[") || $0.isPunctuator("=") } ?? false) else { continue }
            copies.insert(copy.text)
        }
        let scope = source.containers(of: index)
        for keyword in tokens.indices where keyword < index && tokens[keyword].isIdentifier("if") {
            guard source[keyword + 1]?.isPunctuator("(") == true, let close = source.partner(of: keyword + 1), close < index else { continue }
            // The `if` sits in a block that also holds the assignment (its function, or the whole script).
            if let block = source.container(of: keyword), !scope.contains(block) { continue }
            let testsGlobal = (keyword + 2..<close).contains { at in
                readsGlobal(at) || (copies.contains(tokens[at].text) && tokens[at].kind == .identifier && !(source[at - 1]?.isPunctuator(".") ?? false))
            }
            guard testsGlobal, let consequent = source[close + 1] else { continue }
            if consequent.isIdentifier("return") { return true }
            if consequent.isPunctuator("{"), let end = source.partner(of: close + 1), end < index,
               (close + 2..<end).contains(where: { tokens[$0].isIdentifier("return") && source.container(of: $0) == close + 1 }) {
                return true
            }
        }
        return false
    }
}
