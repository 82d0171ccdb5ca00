import TenantConfig

/// Names that point at other resources resolve, for every reference the resource-type table lists: clients enabled
/// on connections, grant clients and audiences, actions bound to triggers, an organization's connections, a role's
/// APIs. A name is checked when the files declare the section it points into (they then say what exists).
public struct ReferencesResolveRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "references-resolve",
        name: "References resolve",
        rationale: "A client, API, connection or action named but never declared cannot be resolved to an id: the deploy would fail half-way.",
        severity: .error,
        triggeringExamples: [
            RuleExample(label: "an enabled client that does not exist", files: [
                "tenant.yaml": "clients:\n  - name: Web App\ndatabases:\n  - name: users\n    enabled_clients: [Web Ap]\n",
            ], expectedMessage: "Did you mean `Web App`?"),
            RuleExample(label: "a grant to an unknown API", files: [
                "tenant.yaml": "clients:\n  - name: Worker\nresourceServers:\n  - identifier: https://api.acme\nclientGrants:\n  - client_id: Worker\n    audience: https://api.acme/\n",
            ], expectedMessage: "audience `https://api.acme/`"),
            RuleExample(label: "a trigger binding to an unknown action", files: [
                "tenant.yaml": "actions:\n  - name: restrict-api\n    code: ./code.js\n    supported_triggers: [{id: post-login, version: v3}]\ntriggers:\n  post-login:\n    - action_name: restrict\n",
                "code.js": "exports.onExecutePostLogin = async (event, api) => {};\n",
            ], expectedMessage: "action `restrict`"),
            RuleExample(label: "an organization enabling a connection the files do not declare", files: [
                "tenant.yaml": "databases:\n  - name: users\norganizations:\n  - name: acme\n    connections:\n      - name: user\n",
            ], expectedMessage: "connection `user` is not declared in this tenant. Did you mean `users`?"),
            RuleExample(label: "a role permission on an API that does not exist", files: [
                "tenant.yaml": "resourceServers:\n  - identifier: https://api.acme\nroles:\n  - name: Reader\n    permissions:\n      - permission_name: read:orders\n        resource_server_identifier: https://orders.acme\n",
            ], expectedMessage: "resource server `https://orders.acme`"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "every name declared", files: [
                "tenant.yaml": "clients:\n  - name: Worker\nresourceServers:\n  - identifier: https://api.acme\nclientGrants:\n  - client_id: Worker\n    audience: https://api.acme\ndatabases:\n  - name: users\n    enabled_clients: [Worker]\n",
            ]),
            RuleExample(label: "a grant for the Management API itself", files: [
                "tenant.yaml": "clients:\n  - name: Deploy\nclientGrants:\n  - client_id: Deploy\n    audience: https://acme.eu.auth0.com/api/v2/\n",
            ]),
            RuleExample(label: "names of a type the files do not declare (left to the live tenant)", files: [
                "tenant.yaml": "tenant:\n  default_directory: Username-Password-Authentication\norganizations:\n  - name: acme\n    connections:\n      - name: google-oauth2\n",
            ]),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        let tenant = context.tenant
        var findings: [Finding] = []
        // The keys of each type, listed once (thousands of names are checked against them).
        var keys: [ResourceKind: (list: [String], set: Set<String>)] = [:]
        for resource in tenant.resources { keys[resource.kind, default: ([], [])].list.append(resource.key) }
        for kind in keys.keys { keys[kind]!.set = Set(keys[kind]!.list) }
        let known = Known(keys: keys)
        for resource in tenant.resources {
            let type = resource.kind.type
            for reference in type.references {
                for (_, node) in reference.path.values(in: resource.body) {
                    guard let name = node.string, !reference.isBuiltIn(name) else { continue }
                    findings += check(name, targets: reference.targets, label: reference.label, byKeyPrefix: false, at: node.location, in: tenant, known: known)
                }
            }
            for sub in type.subResources {
                for item in resource.body[sub.field]?.items ?? [] {
                    for reference in sub.itemReferences {
                        guard let node = reference.filesField.isEmpty ? item : item[reference.filesField], let name = node.string else { continue }
                        findings += check(name, targets: reference.targets, label: nil, byKeyPrefix: reference.matchesKeyPrefix, at: node.location, in: tenant, known: known)
                    }
                }
            }
        }
        return findings
    }

    /// The declared keys of each type, in the files' order and as a set.
    private struct Known {
        var keys: [ResourceKind: (list: [String], set: Set<String>)]
    }

    private func check(_ name: String, targets: [ResourceKind], label: String?, byKeyPrefix: Bool, at location: SourceLocation,
                       in tenant: TenantDefinition, known: Known) -> [Finding] {
        // Only a type the files describe says what exists; otherwise the live tenant may have it.
        guard targets.contains(where: tenant.declaredSections.contains) else { return [] }
        if !byKeyPrefix, targets.contains(where: { known.keys[$0]?.set.contains(name) == true }) { return [] }
        let candidates = targets.flatMap { known.keys[$0]?.list ?? [] }
        let found = byKeyPrefix ? candidates.contains { $0.hasPrefix(ResourceType.joinKey([name, ""])) } : candidates.contains(name)
        guard !found else { return [] }
        let names = byKeyPrefix ? candidates.map { String($0.prefix { $0 != " " }) } : candidates
        let hint = NearestKey.suggestion(for: name, among: names).map { " Did you mean `\($0)`?" } ?? ""
        let what = label ?? targets[0].type.noun
        let sections = targets.map { "`\($0.rawValue)`" }.joined(separator: " or ")
        return [Finding(rule: Self.description.identifier, severity: .error, location: location,
                        message: "\(what) `\(name)` is not declared in this tenant.\(hint) Declare it under \(sections) or fix the name.")]
    }
}
