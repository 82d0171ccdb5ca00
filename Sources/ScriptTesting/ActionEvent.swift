import TenantConfig

/// The events test-scripts gives actions: a complete default per trigger (the fields Auth0's event carries, with
/// harmless values), and a case's own fields merged over it.
public enum ActionEvent {
    /// The default event of a trigger, without `secrets` (each action gets its own).
    public static func defaults(for trigger: String) -> JSONValue {
        let client: JSONValue = .object(["client_id": .string("harness-client-id"), "name": .string("Harness Client"), "metadata": .object([:])])
        let tenant: JSONValue = .object(["id": .string("harness")])
        switch trigger {
        case "credentials-exchange":
            return .object([
                "transaction": .object(["requested_scopes": .array([])]),
                "client": client,
                "resource_server": .object(["identifier": .string("https://harness.example/api")]),
                "request": .object([
                    "ip": .string("203.0.113.10"), "hostname": .string("harness.auth0.com"), "user_agent": .string("tenantctl-harness"),
                    "body": .object(["grant_type": .string("client_credentials"), "client_id": .string("harness-client-id")]), "geoip": .object([:]),
                ]),
                "tenant": tenant,
                "accessToken": .object(["scope": .array([]), "customClaims": .object([:])]),
            ])
        default:
            return .object([
                "transaction": .object(["id": .string("harness-transaction"), "protocol": .string("oidc-basic-profile"), "locale": .string("en"),
                                        "requested_scopes": .array([.string("openid"), .string("profile")])]),
                "client": client,
                "connection": .object(["id": .string("con_harness"), "name": .string("Username-Password-Authentication"), "strategy": .string("auth0"), "metadata": .object([:])]),
                "user": .object([
                    "user_id": .string("auth0|harness"), "email": .string("harness.user@example.com"), "email_verified": .bool(true),
                    "name": .string("Harness User"), "app_metadata": .object([:]), "user_metadata": .object([:]), "identities": .array([]),
                ]),
                "request": .object([
                    "ip": .string("203.0.113.10"), "hostname": .string("harness.auth0.com"), "method": .string("GET"), "language": .string("en"),
                    "user_agent": .string("tenantctl-harness"), "query": .object([:]), "body": .object([:]), "geoip": .object(["countryCode": .string("US")]),
                ]),
                "stats": .object(["logins_count": .number(1)]),
                "tenant": tenant,
                "authentication": .object(["methods": .array([.object(["name": .string("pwd"), "timestamp": .string("2026-01-01T00:00:00.000Z")])])]),
                "authorization": .object(["roles": .array([])]),
                "session": .object(["id": .string("harness-session")]),
            ])
        }
    }

    /// `override` merged into `base`: objects field by field, anything else replaced.
    public static func merged(_ base: JSONValue, _ override: JSONValue) -> JSONValue {
        guard let baseObject = base.objectValue, let overrideObject = override.objectValue else { return override }
        var result = baseObject
        for (key, value) in overrideObject { result[key] = result[key].map { merged($0, value) } ?? value }
        return .object(result)
    }

    /// An action's secrets for test runs: values as written; secret keywords become placeholders, never real values.
    public static func secrets(of action: ResourceDefinition) -> [String: JSONValue] {
        var secrets: [String: JSONValue] = [:]
        for item in action.body["secrets"]?.items ?? [] {
            guard let name = item["name"]?.string else { continue }
            let value = item["value"]?.json ?? .null
            if case .string(let text) = value, SecretReference.contains(text) {
                secrets[name] = .string(SecretReference.substitute(in: text) { "test-placeholder-for-\($0)" })
            } else {
                secrets[name] = value
            }
        }
        return secrets
    }
}
