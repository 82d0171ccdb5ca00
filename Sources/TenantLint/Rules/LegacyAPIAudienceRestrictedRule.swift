import TenantConfig

/// When the tenant fronts its legacy identity store with an API, tokens for that API's audience must be
/// restricted to the machine-to-machine clients that the scripts use: otherwise any application a user can log
/// in to can ask for a token that reads or writes the legacy user store.
public struct LegacyAPIAudienceRestrictedRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "legacy-api-audience-restricted",
        name: "Legacy identity API audience restricted",
        rationale: "Auth0 issues access tokens for any API to any client unless an action denies it; the legacy identity API must only be reachable by the scripts' machine-to-machine client. Only what runs counts: an enabled post-login or credentials-exchange action bound to its trigger (Rules stopped running on \(RulesEndOfLife.dateText)).",
        severity: .error,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/create-db-connection#secure-the-api",
        triggeringExamples: [
            RuleExample(label: "legacy API with no restricting action or rule", files: fixture(action: nil), expectedMessage: "no enabled post-login or credentials-exchange action bound to its trigger denies"),
            RuleExample(label: "restricting action not bound to a trigger", files: fixture(action: restrictingAction, bound: false), expectedMessage: "no enabled post-login or credentials-exchange action"),
            RuleExample(label: "restricting action not deployed", files: fixture(action: restrictingAction, deployed: false), expectedMessage: "no enabled post-login or credentials-exchange action"),
            RuleExample(label: "a credentials-exchange action bound to post-login, where it never runs",
                        files: fixture(action: credentialsExchangeAction, trigger: "credentials-exchange", boundTo: "post-login"),
                        expectedMessage: "no enabled post-login or credentials-exchange action"),
            RuleExample(label: "a rule is the only restriction, and Rules no longer run", files: fixture(action: nil, rule: restrictingRule),
                        expectedMessage: "rule `restrict-legacy-api` is the only restriction of the legacy identity API `https://legacy.acme.example/users`, but Auth0 Rules stopped running on \(RulesEndOfLife.dateText): any client can get a token for it. Run `tenantctl migrate-rules t`"),
            RuleExample(label: "grant for the legacy API to a non machine-to-machine client", files: fixture(action: restrictingAction, grantTo: "Web App"), expectedMessage: "not machine-to-machine"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "post-login action denies the audience", files: fixture(action: restrictingAction)),
            RuleExample(label: "credentials-exchange action denies the other clients",
                        files: fixture(action: credentialsExchangeAction, trigger: "credentials-exchange", boundTo: "credentials-exchange")),
            RuleExample(label: "an action restricts, and a rule still says so too", files: fixture(action: restrictingAction, rule: restrictingRule)),
            RuleExample(label: "no legacy API at all", files: ["tenant.yaml": "clients:\n  - name: Web App\n"]),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        let tenant = context.tenant
        guard let api = legacyAPI(in: tenant) else { return [] }
        var findings: [Finding] = []
        let audience = api.identifier

        let restriction = restrictions(in: tenant, audience: audience)
        if restriction.actions.isEmpty {
            let rules = tenant.resources(.rules).filter { restriction.rules.contains($0.key) }
            if let first = rules.first, !RulesEndOfLife.rulesRun(on: context.today) {
                let names = rules.map { "`\($0.key)`" }.joined(separator: ", ")
                findings.append(Finding(rule: Self.description.identifier, severity: .error, location: first.location,
                    message: "rule \(names) \(rules.count == 1 ? "is" : "are") the only restriction of the legacy identity API `\(audience)`, but Auth0 Rules stopped running on \(RulesEndOfLife.dateText): any client can get a token for it. Run `tenantctl migrate-rules \(tenant.directory)` to convert the rules into post-login actions bound to their trigger, then `tenantctl test-scripts \(tenant.directory)` to check that only \(allowedDescription(api, tenant)) can get a token for it."))
            } else if rules.isEmpty {
                findings.append(Finding(rule: Self.description.identifier, severity: .error, location: api.location,
                    message: "`\(audience)` is the legacy identity API, but no enabled post-login or credentials-exchange action bound to its trigger denies tokens for it to clients other than \(allowedDescription(api, tenant)). Add a post-login action that calls api.access.deny() when event.resource_server.identifier is this audience and the client is not allowed, deploy it and bind it in `triggers`."))
            }
        }
        for grant in tenant.resources(.clientGrants) where grant.body["audience"]?.string == audience {
            guard let clientName = grant.body["client_id"]?.string, let client = tenant.client(named: clientName) else { continue }
            if !tenant.isMachineToMachine(client) {
                findings.append(Finding(rule: Self.description.identifier, severity: .error, location: grant.location,
                    message: "client `\(clientName)` holds a grant for the legacy identity API `\(audience)` but is not machine-to-machine (no `client_credentials` grant type); only the scripts' back-end client may call it"))
            }
        }
        return findings
    }

    /// The triggers whose actions can deny a token: user logins and client credentials exchanges.
    static let restrictingTriggers = ["post-login", "credentials-exchange"]

    /// What denies tokens for `audience`: actions that run (deployed, bound to a trigger they support) and enabled
    /// rules, which run only until `RulesEndOfLife.date` (the caller decides whether they count).
    func restrictions(in tenant: TenantDefinition, audience: String) -> (actions: [String], rules: [String]) {
        let actions = tenant.resources(.actions).filter { action in
            let supported = action.body["supported_triggers"]?.items.compactMap { $0["id"]?.string }
            let runs = Self.restrictingTriggers.contains { trigger in
                tenant.actionsBound(to: trigger).contains(action.key) && (supported?.contains(trigger) ?? true)
            }
            guard runs, action.body["deployed"]?.bool != false,
                  let code = tenant.scripts.first(where: { $0.kind == .action && $0.owner == action.key }) else { return false }
            return Self.denies(ScriptText(JavaScriptSource(code.text)), audience: audience, deny: "api.access.deny(",
                               audienceFields: ["event.resource_server.identifier", "event.request.query.audience", "event.request.body.audience", "event.resource_server?.identifier"])
        }
        let ruleFields = ["context.request.query.audience", "context.request.body.audience", "context.audience"]
        let rules = tenant.resources(.rules).filter { rule in
            guard rule.body["enabled"]?.bool != false,
                  let code = tenant.scripts.first(where: { $0.kind == .rule && $0.owner == rule.key }) else { return false }
            let text = ScriptText(JavaScriptSource(code.text))
            return Self.denies(text, audience: audience, deny: "UnauthorizedError(", audienceFields: ruleFields)
                || Self.denies(text, audience: audience, deny: "callback(newError(", audienceFields: ruleFields)
        }
        return (actions.map(\.key), rules.map(\.key))
    }

    struct LegacyAPI {
        var identifier: String
        var location: SourceLocation
        var allowedClients: [String]?
    }

    /// The legacy identity API: named in the settings, or the resource server whose identifier the custom
    /// database scripts or their configuration use.
    func legacyAPI(in tenant: TenantDefinition) -> LegacyAPI? {
        let servers = tenant.resources(.resourceServers)
        if let configured = tenant.settings.legacyIdentityAPI {
            let server = servers.first { $0.key == configured.audience || $0.body["name"]?.string == configured.audience }
            return LegacyAPI(identifier: server?.key ?? configured.audience, location: server?.location ?? configured.location ?? SourceLocation(file: tenant.documentPath),
                             allowedClients: configured.allowedClients)
        }
        // Byte search: a tenant can hold thousands of scripts and dozens of APIs (Foundation's search costs seconds there).
        let databaseScripts = tenant.scripts.filter { if case .databaseScript = $0.kind { true } else { false } }.map { Array($0.text.utf8) }
        let configurationValues = Set(tenant.resources(.databases).flatMap { $0.body["options"]?["configuration"]?.entries.compactMap(\.value.string) ?? [] })
        for server in servers where !server.key.isEmpty {
            let needle = Array(server.key.utf8)
            if configurationValues.contains(server.key) || databaseScripts.contains(where: { ByteSearch.contains($0, needle) }) {
                return LegacyAPI(identifier: server.key, location: server.location, allowedClients: nil)
            }
        }
        return nil
    }

    private func allowedDescription(_ api: LegacyAPI, _ tenant: TenantDefinition) -> String {
        let names = api.allowedClients ?? tenant.resources(.clientGrants)
            .filter { $0.body["audience"]?.string == api.identifier }
            .compactMap { $0.body["client_id"]?.string }
        return names.isEmpty ? "the allowed machine-to-machine clients" : names.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// Whether code denies access and looks at the audience (by its literal identifier or the audience field).
    static func denies(_ code: ScriptText, audience: String, deny: String, audienceFields: [String]) -> Bool {
        guard code.codeContains(deny) else { return false }
        return code.strings.contains { $0.contains(audience) } || audienceFields.contains { code.codeContains($0) }
    }

    static let restrictingAction = """
    exports.onExecutePostLogin = async (event, api) => {
      const allowed = (event.secrets.ALLOWED_CLIENT_IDS || '').split(',');
      if (event.resource_server && event.resource_server.identifier === 'https://legacy.acme.example/users' &&
          !allowed.includes(event.client.client_id)) {
        api.access.deny('This API is reserved to the user migration service');
      }
    };
    """

    static let restrictingRule = """
    function restrictLegacyApi(user, context, callback) {
      var audience = context.request.query.audience || context.request.body.audience;
      if (audience === 'https://legacy.acme.example/users' && context.clientID !== configuration.MIGRATION_CLIENT_ID) {
        return callback(new UnauthorizedError('This API is reserved to the user migration service'));
      }
      return callback(null, user, context);
    }
    """

    static let credentialsExchangeAction = """
    exports.onExecuteCredentialsExchange = async (event, api) => {
      if (event.resource_server.identifier === 'https://legacy.acme.example/users' && event.client.client_id !== event.secrets.MIGRATION_CLIENT_ID) {
        api.access.deny('invalid_request', 'This API is reserved to the user migration service');
      }
    };
    """

    static func fixture(action: String?, bound: Bool = true, deployed: Bool = true, trigger: String = "post-login", boundTo: String? = nil,
                        rule: String? = nil, grantTo: String = "Migration Worker") -> [String: String] {
        var yaml = """
        clients:
          - name: Migration Worker
            app_type: non_interactive
            grant_types: [client_credentials]
          - name: Web App
            app_type: spa
            grant_types: [authorization_code]
        resourceServers:
          - name: Legacy Users API
            identifier: https://legacy.acme.example/users
        clientGrants:
          - client_id: \(grantTo)
            audience: https://legacy.acme.example/users
            scope: [read:users]

        """
        var files: [String: String] = [:]
        if let action {
            yaml += """
            actions:
              - name: restrict-legacy-api
                code: ./actions/restrict-legacy-api/code.js
                deployed: \(deployed)
                supported_triggers:
                  - id: \(trigger)
                    version: \(trigger == "post-login" ? "v3" : "v2")

            """
            if bound { yaml += "triggers:\n  \(boundTo ?? trigger):\n    - action_name: restrict-legacy-api\n      display_name: restrict-legacy-api\n" }
            files["actions/restrict-legacy-api/code.js"] = action
        }
        if let rule {
            yaml += "rules:\n  - name: restrict-legacy-api\n    script: ./rules/restrict-legacy-api.js\n    enabled: true\n    order: 1\n"
            files["rules/restrict-legacy-api.js"] = rule
        }
        files["tenant.yaml"] = yaml
        files["tenantctl.yaml"] = "legacy_identity_api:\n  audience: https://legacy.acme.example/users\n"
        return files
    }
}
