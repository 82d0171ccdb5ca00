import APIJSON

extension EmulatedTenant {
    /// The name every tenant's global client has (as recorded: `GET /clients?is_global=true`).
    static let globalClientName = "All Applications"

    /// Gives the tenant its global client when it has none: every Auth0 tenant has one, holding the tenant-wide
    /// login page (`custom_login_page`, `custom_login_page_on`). Its fields are those of the recorded global client
    /// that a fresh tenant has (the Deploy CLI's recordings; owners, refresh token settings and signing keys left out).
    mutating func addGlobalClientIfMissing() {
        guard clients.first(where: { $0["global"]?.boolValue == true }) == nil else { return }
        let id = Identifiers.clientID()
        clients[id] = [
            "client_id": .string(id),
            "client_secret": .string(Identifiers.secret()),
            "name": .string(Self.globalClientName),
            "global": .bool(true),
            "tenant": .string(domain.split(separator: ".").first.map(String.init) ?? domain),
            "callbacks": .array([]),
            "is_first_party": .bool(true),
        ]
    }
}
