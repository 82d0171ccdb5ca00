import Foundation
import TenantConfig

/// No credential, API key, private key or password written as a literal in a script.
public struct ScriptHardcodedSecretRule: ScriptRule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "script-hardcoded-secret",
        name: "No secrets in scripts",
        rationale: "A secret in a script is in every clone of the repository, every export and every dashboard screenshot; it belongs in the connection's `configuration`, fed from the environment, where Auth0 stores it encrypted.",
        severity: .error,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/create-db-connection#add-configuration-parameters",
        triggeringExamples: [
            RuleExample(label: "a client secret in an object", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              const axios = require('axios');
              axios.post('https://legacy.acme.example/oauth/token', { client_id: 'abc', client_secret: 'pX7vQ2mR9sT4wY8zB3nC6dF1gH5jK0lM' }).then(function () {
                return callback(null);
              }, function (error) { return callback(error); });
            }

            """]), expectedMessage: "`client_secret`"),
            RuleExample(label: "an API key constant", files: ScriptFixture.database(["get_user": """
            function getUser(email, callback) {
              const apiKey = 'hunter2-legacy';
              return callback(null, { user_id: email, email: email, key: apiKey.length });
            }

            """]), expectedMessage: "`apiKey`"),
            RuleExample(label: "a bearer token in a header", files: ScriptFixture.database(["get_user": """
            function getUser(email, callback) {
              const headers = { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWdhY3kifQ.c2lnbmF0dXJl' };
              return callback(null, { user_id: email, email: email, headers: Object.keys(headers) });
            }

            """]), expectedMessage: "a token"),
            RuleExample(label: "a private key", files: ScriptFixture.rule("function sign(user, context, callback) {\n  const key = '-----BEGIN RSA PRIVATE KEY-----\\nMIIEow...';\n  callback(null, user, context);\n}\n"),
                        expectedMessage: "a private key"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "secrets read from configuration", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              const axios = require('axios');
              const body = { grant_type: 'client_credentials', client_id: configuration.CLIENT_ID, client_secret: configuration.CLIENT_SECRET };
              const headers = { Authorization: 'Bearer ' + configuration.TOKEN };
              const passwordField = 'password';
              axios.post(configuration.TOKEN_URL, body, { headers: headers }).then(function () {
                return callback(null, { user_id: email, email: email, field: passwordField });
              }, function (error) { return callback(error); });
            }

            """])),
        ]
    )

    public func check(script: ScriptSource, in context: LintContext) -> [Finding] {
        let source = context.javaScript(script)
        var findings: [Finding] = []
        let tokens = source.tokens
        for (index, token) in tokens.enumerated() where token.isStringLiteral {
            guard let value = token.value, !value.isEmpty else { continue }
            // Only a literal that is the whole value counts: 'Bearer ' + token is a prefix, not a secret.
            let standsAlone = !(source[index + 1]?.isPunctuator("+") ?? false) && !(source[index - 1]?.isPunctuator("+") ?? false)
            if let kind = Self.secretShape(value) {
                findings.append(report(kind, name: nil, token: token, script: script))
            } else if standsAlone, let name = assignedName(before: index, in: source), Self.namesSecret(name), Self.couldBeSecretValue(value) {
                findings.append(report("a secret", name: name, token: token, script: script))
            }
        }
        return findings
    }

    private func report(_ kind: String, name: String?, token: JavaScriptToken, script: ScriptSource) -> Finding {
        let what = name.map { "`\($0)` is assigned \(kind) written in the script" } ?? "\(kind) is written in the script"
        let keyword = (name.map(Self.snakeCase) ?? "LEGACY_API_SECRET").uppercased()
        return finding("\(what) (\(token.line):\(token.column)); it ends up in every clone and export. Move it to the connection's `options.configuration` as `\(keyword): ##\(keyword)##`, provide \(keyword) from the environment, and read `configuration.\(keyword)`.", in: script, line: token.line, column: token.column)
    }

    /// The variable or property a literal is assigned to: `name = 'x'`, `name: 'x'`, `'name': 'x'`.
    func assignedName(before index: Int, in source: JavaScriptSource) -> String? {
        guard let operation = source[index - 1], operation.isPunctuator("=") || operation.isPunctuator(":"), let name = source[index - 2] else { return nil }
        if name.kind == .identifier { return name.text }
        if name.isStringLiteral { return name.value }
        return nil
    }

    /// Values that are secrets by their shape, whatever they are assigned to.
    static func secretShape(_ value: String) -> String? {
        // Each pattern runs only where a cheap test it implies holds (every string literal of every script is asked,
        // and a regular expression is compiled per call).
        let bytes = value.utf8
        let hasDash = bytes.contains(UInt8(ascii: "-")), hasAt = bytes.contains(UInt8(ascii: "@"))
        if hasDash, value.contains("PRIVATE KEY-----") { return "a private key" }
        if value.hasPrefix("Bearer ") || value.hasPrefix("Basic "),
           value.range(of: #"^(Bearer|Basic) [A-Za-z0-9._~+/=-]{12,}$"#, options: .regularExpression) != nil { return "a token" }
        if value.hasPrefix("eyJ"),
           value.range(of: #"^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*$"#, options: .regularExpression) != nil { return "a token" }
        if bytes.count == 20, value.hasPrefix("AKIA") || value.hasPrefix("ASIA"),
           value.range(of: #"^(AKIA|ASIA)[0-9A-Z]{16}$"#, options: .regularExpression) != nil { return "an AWS access key" }
        if let first = bytes.first, [UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "g"), UInt8(ascii: "x"), UInt8(ascii: "S")].contains(first),
           value.range(of: #"^(sk_live_|rk_live_|ghp_|gho_|github_pat_|xox[abposr]-|SG\.)"#, options: .regularExpression) != nil { return "an API key" }
        if hasAt, value.contains("://"),
           value.range(of: #"^[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@"#, options: .regularExpression) != nil { return "a URL with a password" }
        return nil
    }

    static func namesSecret(_ name: String) -> Bool {
        let snake = snakeCase(name).uppercased()
        if SecretLiteralRule.namesPlainSetting(snake) || snake.hasSuffix("_FIELD") || snake.hasSuffix("_TYPE") { return false }
        return SecretReference.nameLooksSecret(snake) || ["KEY", "PASS", "PWD", "AUTHORIZATION"].contains(snake)
    }

    /// Not a field name or a word (`'password'`, `'client_secret'`): something with the variety of a real value.
    static func couldBeSecretValue(_ value: String) -> Bool {
        guard value.count >= 6, !value.contains(" ") else { return false }
        let isPlainWord = value.allSatisfy { $0.isLowercase || $0 == "_" || $0 == "-" }
        return !isPlainWord
    }

    /// `clientSecret` → `client_Secret`; `API_KEY` unchanged.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        var previous: Character?
        for ch in name {
            if ch.isUppercase, let previous, previous.isLowercase || previous.isNumber { result.append("_") }
            result.append(ch == "-" ? "_" : ch)
            previous = ch
        }
        return result
    }
}
