import TenantConfig

/// Auth0 refuses a script over 100 KB.
public struct ScriptSizeRule: ScriptRule {
    public init() {}

    /// Auth0's limit for a custom database script, a rule or an action's code, in bytes.
    public static let limit = 102_400

    public static let description = RuleDescription(
        identifier: "script-size",
        name: "Scripts under 100 KB",
        rationale: "The Management API rejects a custom database script, rule or action over 100 KB (102,400 bytes), so the deploy would fail half-way.",
        severity: .error,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/templates",
        triggeringExamples: [
            RuleExample(label: "a 110,000-byte login script", files: ScriptFixture.database([
                "login": "function login(email, password, callback) {\n" + String(repeating: "  // padding padding padding padding padding padding padding padding padding padding\n", count: 1_300) + "  return callback(null);\n}\n",
            ]), expectedMessage: "over the 102,400-byte limit"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "a script of exactly 102,400 bytes", files: ScriptFixture.database([
                "login": exactly(limit),
            ])),
            RuleExample(label: "an ordinary script", files: ScriptFixture.database(["login": ScriptFixture.goodLogin])),
        ]
    )

    public func check(script: ScriptSource, in context: LintContext) -> [Finding] {
        guard script.byteCount > Self.limit else { return [] }
        let kilobytes = Double(script.byteCount) / 1024
        return [finding("\(script.role) is \(Self.grouped(script.byteCount)) bytes (\(String(format: "%.1f", kilobytes)) KB), over the 102,400-byte limit Auth0 accepts. Shrink it: move helpers the script does not need out, or move logic behind the legacy API.", in: script, line: 1, column: 1)]
    }

    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 { digits.insert(",", at: index); index -= 3 }
        return String(digits)
    }

    /// A valid login script padded with a comment to exactly `bytes` bytes.
    static func exactly(_ bytes: Int) -> String {
        let head = "function login(email, password, callback) {\n  return callback(null);\n}\n// "
        return head + String(repeating: "x", count: bytes - head.utf8.count - 1) + "\n"
    }
}
