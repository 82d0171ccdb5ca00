import TenantConfig

/// The generated proof that the legacy identity API is restricted: for every client and every way it gets tokens
/// (a user login runs post-login, a client credentials exchange runs credentials-exchange), a token request for the
/// API's audience runs the actions bound to that trigger, and must be denied unless the client is allowed
/// (`allowed_clients` in tenantctl.yaml, or the clients holding a grant for it), and allowed if it is.
public enum LegacyAPICheck {
    /// The grant types through which a user logs in, so post-login runs.
    static let loginGrantTypes: Set<String> = [
        "authorization_code", "implicit", "password", "http://auth0.com/oauth/grant-type/password-realm",
        "urn:ietf:params:oauth:grant-type:device_code", "http://auth0.com/oauth/grant-type/passwordless/otp",
    ]

    public static func cases(for tenant: TenantDefinition, actions: [String: ActionCode], clientIDs: [String: String]) -> [ActionTestCase] {
        guard let api = tenant.settings.legacyIdentityAPI else { return [] }
        let server = tenant.resources(.resourceServers).first { $0.key == api.audience || $0.body["name"]?.string == api.audience }
        let audience = server?.key ?? api.audience
        let grants = tenant.resources(.clientGrants).filter { $0.body["audience"]?.string == audience }
        let allowedClients = api.allowedClients ?? grants.compactMap { $0.body["client_id"]?.string }
        var cases: [ActionTestCase] = []
        for client in tenant.resources(.clients) {
            let name = client.key
            let allowed = allowedClients.contains(name)
            let id = clientIDs[name] ?? "test-client-id-for-\(name.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-"))"
            let grantTypes = client.body["grant_types"]?.items.compactMap(\.string)
                ?? (client.body["app_type"]?.string == "non_interactive" ? ["client_credentials"] : ["authorization_code", "implicit"])
            var triggers: [String] = []
            if grantTypes.contains(where: loginGrantTypes.contains) { triggers.append("post-login") }
            if grantTypes.contains("client_credentials") { triggers.append("credentials-exchange") }
            for trigger in triggers {
                let pipeline = tenant.actionsBound(to: trigger).compactMap { actionName -> ActionCode? in
                    guard let action = tenant.resources(.actions).first(where: { $0.key == actionName }), action.body["deployed"]?.bool != false,
                          action.body["supported_triggers"]?.items.compactMap({ $0["id"]?.string }).contains(trigger) ?? true else { return nil }
                    return actions[actionName]
                }
                let platformDenial = trigger == "credentials-exchange" && !grants.contains { $0.body["client_id"]?.string == name }
                    ? "Auth0 refuses a client credentials exchange without a client grant for the audience" : nil
                let clientJSON: JSONValue = .object(["client_id": .string(id), "name": .string(name)])
                let request: JSONValue = trigger == "post-login"
                    ? .object(["query": .object(["audience": .string(audience), "client_id": .string(id), "response_type": .string("code"), "scope": .string("openid")])])
                    : .object(["body": .object(["audience": .string(audience), "client_id": .string(id), "grant_type": .string("client_credentials")])])
                let event = ActionEvent.merged(ActionEvent.defaults(for: trigger), .object([
                    "client": clientJSON, "resource_server": .object(["identifier": .string(audience)]), "request": request,
                ]))
                cases.append(ActionTestCase(
                    kind: .legacyAPI(client: name, audience: audience, allowed: allowed, allowedClients: allowedClients, platformDenial: platformDenial),
                    name: "`\(name)` is \(allowed ? "allowed" : "denied") a token for \(audience)", subject: "legacy API", trigger: trigger,
                    actions: platformDenial == nil ? pipeline : [], event: event, file: tenant.settings.location?.file ?? tenant.documentPath,
                    location: api.location))
            }
        }
        return cases
    }
}
