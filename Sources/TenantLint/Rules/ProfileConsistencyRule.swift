import TenantConfig

/// `login` and `get_user` of one connection build the same profile, with `user_id` built the same way.
public struct ProfileConsistencyRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "profile-consistency",
        name: "Consistent profiles",
        rationale: "Auth0 stores the profile login returns and compares it with get_user's during sign-up and password reset: different keys lose attributes, and a user_id built differently creates a second user for the same person after migration.",
        severity: .warning,
        documentation: "https://auth0.com/docs/manage-users/user-migration/configure-automatic-migration-from-your-database",
        triggeringExamples: [
            RuleExample(label: "user_id built differently", files: ScriptFixture.database([
                "login": ScriptFixture.goodLogin,
                "get_user": ScriptFixture.goodGetUser.replacingOccurrences(of: "user_id: 'legacy|' + response.data.id", with: "user_id: String(response.data.id)"),
            ]), expectedMessage: "builds `user_id` as `String(id)`"),
            RuleExample(label: "different keys", files: ScriptFixture.database([
                "login": ScriptFixture.goodLogin,
                "get_user": ScriptFixture.goodGetUser.replacingOccurrences(of: "name: response.data.name", with: "nickname: response.data.name"),
            ]), expectedMessage: "`name` only in login; `nickname` only in get_user"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "the same profile through differently named variables", files: ScriptFixture.database([
                "login": ScriptFixture.goodLogin,
                "get_user": ScriptFixture.goodGetUser.replacingOccurrences(of: "response.data", with: "answer.body"),
            ])),
            RuleExample(label: "a shared helper in each script", files: ScriptFixture.database([
                "login": "function login(email, password, callback) {\n  return callback(null, toProfile({ id: 1, email: email }));\n  function toProfile(user) { return { user_id: 'legacy|' + user.id, email: user.email }; }\n}\n",
                "get_user": "function getUser(email, callback) {\n  return callback(null, toProfile({ id: 1, email: email }));\n  function toProfile(row) { return { email: row.email, user_id: 'legacy|' + row.id }; }\n}\n",
            ])),
        ]
    )

    /// A profile object literal a script builds: its top-level keys and its `user_id` expression.
    struct Profile {
        var keys: Set<String>
        var userID: String?
        var token: JavaScriptToken
    }

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        let byConnection = Dictionary(grouping: context.tenant.scripts.filter {
            if case .databaseScript(let name) = $0.kind { return name == .login || name == .getUser }
            return false
        }, by: \.owner)
        for (connection, scripts) in byConnection.sorted(by: { $0.key < $1.key }) {
            guard let login = scripts.first(where: { $0.kind == .databaseScript(.login) }),
                  let getUser = scripts.first(where: { $0.kind == .databaseScript(.getUser) }),
                  let loginProfile = profile(in: context.javaScript(login)),
                  let getUserProfile = profile(in: context.javaScript(getUser)) else { continue }
            let location = getUser.location(line: getUserProfile.token.line, column: getUserProfile.token.column)
            if let a = loginProfile.userID, let b = getUserProfile.userID, a != b {
                findings.append(Finding(rule: Self.description.identifier, severity: .warning, location: location,
                    message: "`get_user` of `\(connection)` builds `user_id` as `\(b)`, `login` as `\(a)`: a user found by one and created by the other would be duplicated after migration. Build it the same way in both."))
            }
            let onlyLogin = loginProfile.keys.subtracting(getUserProfile.keys).sorted()
            let onlyGetUser = getUserProfile.keys.subtracting(loginProfile.keys).sorted()
            if !onlyLogin.isEmpty || !onlyGetUser.isEmpty {
                var parts: [String] = []
                if !onlyLogin.isEmpty { parts.append(onlyLogin.map { "`\($0)`" }.joined(separator: ", ") + " only in login") }
                if !onlyGetUser.isEmpty { parts.append(onlyGetUser.map { "`\($0)`" }.joined(separator: ", ") + " only in get_user") }
                findings.append(Finding(rule: Self.description.identifier, severity: .warning, location: location,
                    message: "`login` and `get_user` of `\(connection)` return different profiles (\(parts.joined(separator: "; "))): return the same profile from both, or users lose attributes when they migrate."))
            }
        }
        return findings
    }

    /// The profile object a script builds: the first object literal with a `user_id` (or `id`) key and no spread.
    func profile(in source: JavaScriptSource) -> Profile? {
        guard source.syntaxErrors.isEmpty else { return nil }
        let tokens = source.tokens
        for open in tokens.indices where tokens[open].isPunctuator("{") && source.owner(ofBracket: open) == nil {
            guard let close = source.partner(of: open), isObjectLiteral(open, in: source) else { continue }
            var keys: Set<String> = []
            var userID: String?
            var hasSpread = false
            var index = open + 1
            while index < close {
                let token = tokens[index]
                let startsMember = tokens[index - 1].isPunctuator("{") || tokens[index - 1].isPunctuator(",")
                if startsMember, token.isPunctuator("...") { hasSpread = true }
                if startsMember, token.kind == .identifier || token.isStringLiteral, let next = source[index + 1] {
                    let key = token.kind == .identifier ? token.text : (token.value ?? "")
                    if next.isPunctuator(":") {
                        keys.insert(key)
                        if key == "user_id" { userID = normalized(from: index + 2, to: close, in: source) }
                    } else if next.isPunctuator(",") || next.isPunctuator("}") {
                        keys.insert(key)
                    }
                }
                index = source.end(of: index)
            }
            if !hasSpread, keys.contains("user_id") || keys.contains("id") {
                return Profile(keys: keys, userID: userID, token: tokens[open])
            }
        }
        return nil
    }

    /// A `{` that opens an object literal: after `(`, `,`, `:`, `=`, `return`, `=>`? (concise bodies are blocks) or `[`.
    func isObjectLiteral(_ open: Int, in source: JavaScriptSource) -> Bool {
        guard let previous = source[open - 1] else { return false }
        return previous.isPunctuator("(") || previous.isPunctuator(",") || previous.isPunctuator(":") || previous.isPunctuator("=")
            || previous.isPunctuator("[") || previous.isIdentifier("return") || previous.isPunctuator("?") || previous.isPunctuator("||")
    }

    /// The expression up to the member's end, with member chains reduced to their last name (`response.data.id` → `id`)
    /// and quotes unified, so the same construction through different variables compares equal.
    func normalized(from start: Int, to close: Int, in source: JavaScriptSource) -> String {
        var parts: [String] = []
        var index = start
        var depth = 0
        while index < close, let token = source[index] {
            if depth == 0 && token.isPunctuator(",") { break }
            if source.partner(of: index) != nil { depth += (["(", "[", "{"].contains(token.text) || token.text.hasSuffix("${")) ? 1 : -1 }
            if token.kind == .identifier {
                // A member chain `rows[0].id` or `response.data.id` compares by its last name: `id`.
                var last = index, next = index + 1
                while let link = source[next] {
                    if (link.isPunctuator(".") || link.isPunctuator("?.")), source[next + 1]?.kind == .identifier { last = next + 1; next += 2 }
                    else if link.isPunctuator("["), let close = source.partner(of: next) { next = close + 1 }
                    else { break }
                }
                parts.append(source.tokens[last].text)
                index = next
                continue
            }
            parts.append(token.kind == .string ? "'\(token.value ?? "")'" : token.text)
            index += 1
        }
        return parts.joined(separator: " ").replacingOccurrences(of: " ( ", with: "(").replacingOccurrences(of: "( ", with: "(").replacingOccurrences(of: " )", with: ")")
    }
}
