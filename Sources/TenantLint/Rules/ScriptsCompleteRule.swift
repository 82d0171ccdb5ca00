import TenantConfig

/// A custom database connection has the scripts its mode needs, and customization is switched on exactly
/// when it has scripts.
public struct ScriptsCompleteRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "scripts-complete",
        name: "Scripts complete",
        rationale: "Automatic migration needs login and get_user; legacy authentication needs every script but change_email; without them sign-ups, password resets or logins fail at runtime.",
        severity: .error,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/templates",
        triggeringExamples: [
            RuleExample(label: "import mode without get_user", files: [
                "tenant.yaml": database(importMode: true, scripts: ["login"]),
                "login.js": "function login(email, password, callback) { callback(null); }",
            ], expectedMessage: "needs a `get_user` script"),
            RuleExample(label: "legacy mode missing create, verify, delete", files: [
                "tenant.yaml": database(importMode: false, scripts: ["login", "get_user", "change_password"]),
                "login.js": "", "get_user.js": "", "change_password.js": "",
            ], expectedMessage: "needs a `create` script"),
            RuleExample(label: "scripts without enabledDatabaseCustomization", files: [
                "tenant.yaml": database(importMode: true, scripts: ["login", "get_user"], customization: false),
                "login.js": "", "get_user.js": "",
            ], expectedMessage: "enabledDatabaseCustomization"),
            RuleExample(label: "customization with no scripts", files: [
                "tenant.yaml": database(importMode: true, scripts: []),
            ], expectedMessage: "has no scripts"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "import mode with login, get_user, change_password", files: [
                "tenant.yaml": database(importMode: true, scripts: ["login", "get_user", "change_password"]),
                "login.js": "", "get_user.js": "", "change_password.js": "",
            ]),
            RuleExample(label: "legacy mode with every script", files: [
                "tenant.yaml": database(importMode: false, scripts: ["login", "get_user", "create", "verify", "change_password", "delete"]),
                "login.js": "", "get_user.js": "", "create.js": "", "verify.js": "", "change_password.js": "", "delete.js": "",
            ]),
            RuleExample(label: "a plain database without customization", files: [
                "tenant.yaml": "databases:\n  - name: Username-Password-Authentication\n    strategy: auth0\n",
            ]),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        let tenant = context.tenant
        var findings: [Finding] = []
        for database in tenant.resources(.databases) {
            let declared = tenant.declaredScripts(of: database)
            let options = database.body["options"]
            let customization = options?.isTrue("enabledDatabaseCustomization") == true
            let name = database.key
            func report(_ message: String, severity: Severity = .error, at location: SourceLocation? = nil) {
                findings.append(Finding(rule: Self.description.identifier, severity: severity, location: location ?? database.location, message: message))
            }
            if !declared.isEmpty && !customization {
                report("`\(name)` has custom scripts but `options.enabledDatabaseCustomization` is not true: Auth0 ignores the scripts; set it to true",
                       at: options?["customScripts"]?.location)
            }
            guard customization else { continue }
            if declared.isEmpty {
                report("`\(name)` enables database customization but has no scripts; add `options.customScripts` (login and get_user at least) or turn customization off")
                continue
            }
            let importMode = options?.isTrue("import_mode") == true
            let required: [DatabaseScriptName] = importMode
                ? [.login, .getUser]
                : [.login, .getUser, .create, .verify, .delete]
            let mode = importMode ? "automatic migration (import_mode: true)" : "legacy authentication (import_mode: false)"
            for script in required where declared[script] == nil {
                report("`\(name)` uses \(mode) and needs a `\(script.rawValue)` script in `options.customScripts`", at: options?["customScripts"]?.location)
            }
            if importMode, declared[.create] != nil, declared[.getUser] == nil {
                report("`\(name)` has a `create` script but no `get_user`: Auth0 calls get_user before create to detect existing users")
            }
            if declared[.changePassword] == nil {
                report("`\(name)` has no `change_password` script: password resets will fail for users still in the legacy store",
                       severity: .warning, at: options?["customScripts"]?.location)
            }
        }
        return findings
    }

    private static func database(importMode: Bool, scripts: [String], customization: Bool = true) -> String {
        let list = scripts.map { "        \($0): ./\($0).js" }.joined(separator: "\n")
        return """
        databases:
          - name: legacy-users
            strategy: auth0
            options:
              enabledDatabaseCustomization: \(customization)
              import_mode: \(importMode)
        \(scripts.isEmpty ? "" : "      customScripts:\n" + list)
        """
    }
}
