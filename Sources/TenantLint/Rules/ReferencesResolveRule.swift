import TenantConfig

/// Names that point at other resources resolve: clients enabled on connections, grant clients and audiences,
/// actions bound to triggers.
public struct ReferencesResolveRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "references-resolve",
        name: "References resolve",
        rationale: "A client, API or action named but never declared cannot be resolved to an id: the deploy would fail half-way.",
        severity: .error,
        triggeringExamples: [
            RuleExample(label: "an enabled client that does not exist", files: [
                "tenant.yaml": "clients:\n  - name: Web App\ndatabases:\n  - name: users\n    enabled_clients: [Web Ap]\n",
            ], expectedMessage: "Did you mean `Web App`?"),
            RuleExample(label: "a grant to an unknown API", files: [
                "tenant.yaml": "clients:\n  - name: Worker\nresourceServers:\n  - identifier: https://api.acme\nclientGrants:\n  - client_id: Worker\n    audience: https://api.acme/\n",
            ], expectedMessage: "audience `https://api.acme/`"),
            RuleExample(label: "a trigger binding to an unknown action", files: [
                "tenant.yaml": "triggers:\n  post-login:\n    - action_name: restrict\n",
            ], expectedMessage: "action `restrict`"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "every name declared", files: [
                "tenant.yaml": "clients:\n  - name: Worker\nresourceServers:\n  - identifier: https://api.acme\nclientGrants:\n  - client_id: Worker\n    audience: https://api.acme\ndatabases:\n  - name: users\n    enabled_clients: [Worker]\n",
            ]),
            RuleExample(label: "a grant for the Management API itself", files: [
                "tenant.yaml": "clients:\n  - name: Deploy\nclientGrants:\n  - client_id: Deploy\n    audience: https://acme.eu.auth0.com/api/v2/\n",
            ]),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        let tenant = context.tenant
        let declaresClients = tenant.resources.contains { $0.kind == .clients }
        let clients = tenant.resources(.clients).map(\.key)
        let audiences = tenant.resources(.resourceServers).map(\.key)
        let actions = tenant.resources(.actions).map(\.key)
        var findings: [Finding] = []
        func unresolved(_ what: String, _ name: String, among candidates: [String], at location: SourceLocation, declare: String) {
            let hint = NearestKey.suggestion(for: name, among: candidates).map { " Did you mean `\($0)`?" } ?? ""
            findings.append(Finding(rule: Self.description.identifier, severity: .error, location: location,
                message: "\(what) `\(name)` is not declared in this tenant.\(hint) Declare it under `\(declare)` or fix the name."))
        }
        if declaresClients {
            for kind in [ResourceKind.databases, .connections] {
                for connection in tenant.resources(kind) {
                    for item in connection.body["enabled_clients"]?.items ?? [] {
                        if let name = item.string, !clients.contains(name) {
                            unresolved("client", name, among: clients, at: item.location, declare: "clients")
                        }
                    }
                }
            }
        }
        for grant in tenant.resources(.clientGrants) {
            if declaresClients, let node = grant.body["client_id"], let name = node.string, !clients.contains(name) {
                unresolved("client", name, among: clients, at: node.location, declare: "clients")
            }
            if let node = grant.body["audience"], let audience = node.string, !audiences.contains(audience), !audience.hasSuffix("/api/v2/") {
                unresolved("audience", audience, among: audiences, at: node.location, declare: "resourceServers")
            }
        }
        for trigger in tenant.resources(.triggers) {
            for binding in trigger.body.items {
                if let node = binding["action_name"], let name = node.string, !actions.contains(name) {
                    unresolved("action", name, among: actions, at: node.location, declare: "actions")
                }
            }
        }
        return findings
    }
}
