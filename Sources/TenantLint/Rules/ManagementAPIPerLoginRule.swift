import TenantConfig

/// No rule, post-login action or login script calls the Management API on every login: Auth0's operations best
/// practices name it the most common cause of rate-limit errors.
public struct ManagementAPIPerLoginRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "management-api-per-login",
        name: "No Management API call on every login",
        rationale: "A Management API call made on every login is the most common cause of rate-limit errors: logins then fail as soon as traffic grows. Call it only when needed (behind a condition, once per user) or use what the event and api objects give.",
        severity: .warning,
        documentation: "https://auth0.com/docs/troubleshoot/general-usage-and-operations-best-practices",
        triggeringExamples: [
            RuleExample(label: "a rule updating app_metadata on every login", files: production(ScriptFixture.rule("""
            function addLoginCount(user, context, callback) {
              user.app_metadata = user.app_metadata || {};
              user.app_metadata.last_seen = Date.now();
              auth0.users.updateAppMetadata(user.user_id, user.app_metadata).then(function () {
                callback(null, user, context);
              });
            }

            """)), expectedMessage: "calls the Management API on every login (`auth0.users.updateAppMetadata` at 4:3): the most common cause of rate-limit errors"),
            RuleExample(label: "a post-login action with a ManagementClient (environment not set)", files: boundAction("""
            const { ManagementClient } = require('auth0');
            exports.onExecutePostLogin = async (event, api) => {
              const management = new ManagementClient({ domain: event.secrets.DOMAIN, clientId: event.secrets.ID, clientSecret: event.secrets.SECRET });
              await management.users.update({ id: event.user.user_id }, { app_metadata: { seen: true } });
            };

            """), expectedMessage: "`environment:` is not set in tenantctl.yaml"),
            RuleExample(label: "a login script reading the Management API's users endpoint", files: production(ScriptFixture.database(["login": """
            function login(email, password, callback) {
              const axios = require('axios');
              axios.get('https://acme.eu.auth0.com/api/v2/users-by-email', { params: { email: email } }).then(function () {
                return callback(null, { user_id: email, email: email });
              }, function (error) {
                return callback(new Error(error.message));
              });
            }

            """])), expectedMessage: "a request to `/api/v2/`"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "only once per user, behind a condition", files: production(ScriptFixture.rule("""
            function addRoles(user, context, callback) {
              user.app_metadata = user.app_metadata || {};
              if (!user.app_metadata.roles) {
                return auth0.users.updateAppMetadata(user.user_id, { roles: ['customer'] }).then(function () {
                  callback(null, user, context);
                });
              }
              return callback(null, user, context);
            }

            """))),
            RuleExample(label: "an action using the api object instead", files: production(boundAction("""
            exports.onExecutePostLogin = async (event, api) => {
              if (!event.user.app_metadata.roles) api.user.setAppMetadata('roles', ['customer']);
            };

            """))),
            RuleExample(label: "a development tenant", files: ScriptFixture.rule("""
            function addLoginCount(user, context, callback) {
              auth0.users.updateAppMetadata(user.user_id, { seen: true }).then(function () { callback(null, user, context); });
            }

            """).merging(["tenantctl.yaml": "environment: development\n"]) { $1 }),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        let tenant = context.tenant
        let expectation = ProductionExpectation(tenant, production: .warning)
        guard let severity = expectation.severity else { return [] }
        let postLogin = Set(tenant.actionsBound(to: "post-login"))
        var findings: [Finding] = []
        for script in tenant.scripts {
            let runsOnLogin: Bool
            switch script.kind {
            case .rule:
                runsOnLogin = tenant.resources(.rules).first { $0.key == script.owner }?.body["enabled"]?.bool != false
            case .action:
                let action = tenant.resources(.actions).first { $0.key == script.owner }
                runsOnLogin = postLogin.contains(script.owner) && action?.body["deployed"]?.bool != false
            case .databaseScript(let name):
                runsOnLogin = name == .login
            }
            let source = context.javaScript(script)
            guard runsOnLogin, source.syntaxErrors.isEmpty, let call = Self.unconditionalCalls(source, isRule: script.kind == .rule).first else { continue }
            findings.append(Finding(rule: Self.description.identifier, severity: severity, location: script.location(line: call.token.line, column: call.token.column),
                message: "\(script.role) calls the Management API on every login (\(call.what) at \(call.token.line):\(call.token.column)): the most common cause of rate-limit errors, after which logins fail. Call it only when needed (behind a condition, once per user), or use what the event and api objects give (api.user.setAppMetadata, event.authorization.roles).\(expectation.settingNote)"))
        }
        return findings
    }

    /// The Management API calls a script makes outside any condition: `auth0.<collection>.<method>(` in a rule (the
    /// client Rules are given), `new ManagementClient(`, and requests to URLs holding `/api/v2/`.
    static func unconditionalCalls(_ source: JavaScriptSource, isRule: Bool) -> [(token: JavaScriptToken, what: String)] {
        let tokens = source.tokens
        var calls: [(token: JavaScriptToken, what: String)] = []
        for index in tokens.indices {
            let token = tokens[index]
            var what: String?
            if isRule, token.isIdentifier("auth0"), source[index - 1]?.isPunctuator(".") != true, source[index + 1]?.isPunctuator(".") == true,
               let member = source[index + 2], member.kind == .identifier, !["domain", "baseUrl", "accessToken"].contains(member.text) {
                if source[index + 3]?.isPunctuator(".") == true, let method = source[index + 4], method.kind == .identifier, source[index + 5]?.isPunctuator("(") == true {
                    what = "`auth0.\(member.text).\(method.text)`"
                } else if source[index + 3]?.isPunctuator("(") == true {
                    what = "`auth0.\(member.text)`"
                }
            } else if token.isIdentifier("ManagementClient"), source[index + 1]?.isPunctuator("(") == true,
                      source[index - 1]?.isIdentifier("new") == true || (source[index - 1]?.isPunctuator(".") == true && source[index - 3]?.isIdentifier("new") == true) {
                what = "`new ManagementClient`"
            } else if token.kind == .string || token.kind == .template, token.value?.contains("/api/v2/") == true {
                what = "a request to `/api/v2/`"
            }
            if let what, !isConditional(index, in: source) { calls.append((token, what)) }
        }
        return calls
    }

    /// Whether the token sits in an `if`, `else`, `switch` or `catch` block, or in a statement an `if` or `else` starts.
    static func isConditional(_ index: Int, in source: JavaScriptSource) -> Bool {
        if source.containers(of: index).contains(where: { ["if", "else", "switch", "catch"].contains(source.owner(ofBracket: $0) ?? "") }) { return true }
        let level = source.container(of: index)
        var start = index
        while start > 0 {
            let previous = start - 1
            if source.container(of: previous) == level {
                let token = source.tokens[previous]
                if token.isPunctuator(";") || token.isPunctuator("{") || token.isPunctuator("}") { break }
            }
            start = previous
        }
        while start < index, source.container(of: start) != level { start += 1 }
        return source.tokens[start].isIdentifier("if") || source.tokens[start].isIdentifier("else")
    }

    static func production(_ files: [String: String]) -> [String: String] {
        files.merging(["tenantctl.yaml": "environment: production\n"]) { $1 }
    }

    /// One deployed post-login action bound to its trigger.
    static func boundAction(_ code: String) -> [String: String] {
        var files = ScriptFixture.action(code)
        files["tenant.yaml"]! += "triggers:\n  post-login:\n    - action_name: add-claims\n      display_name: add-claims\n"
        return files
    }
}
