extension SnapshotSection {
    public static let clients: SnapshotSection = "clients"
}

extension ResourceType {
    /// Applications: `/clients`. The global client ("All Applications") is the tenant's own, never managed.
    static let clients: ResourceType = {
        var type = ResourceType(
            kind: .clients, noun: "client", section: .list(key: ["name"]),
            api: APIShape(path: "/clients", listing: .paged(itemsKey: "clients"), idField: "client_id", snapshotSection: .clients,
                          sortKey: ["name"], isManaged: { $0["global"]?.boolValue != true }),
            lifecycle: .standard, rank: 10)
        type.api.keepsUnmanaged = true
        type.readOnlyFields = ["client_id", "tenant", "global", "signing_keys", "jwks_uri", "client_secret", "owners", "callback_url_template",
                               "config_route", "is_token_endpoint_ip_header_trusted_legacy", "cross_origin_auth"]
        // The API still answers the deprecated `cross_origin_auth` beside `cross_origin_authentication` but refuses it
        // on write; the Deploy CLI's files write it, and the Deploy CLI sends it as `cross_origin_authentication`.
        type.formerNames = ["cross_origin_auth": "cross_origin_authentication"]
        // The spec's create and update take no `external_client_id`: a Client ID Metadata Document (CIMD) client is
        // registered from its document's URL by `POST /clients/cimd/register`, which fetches and maps that document
        // (an upsert by URL); what else the files say is set right after. Another URL is another client.
        type.lifecycle.registration = Registration(field: "external_client_id", path: "/clients/cimd/register")
        type.immutableFields = [ImmutableField("external_client_id", onChange: .replace)]
        // Auth0 generates the secret and the signing keys; the encryption key is never read back.
        type.secretFields = [SecretField("client_secret", onRead: .drop), SecretField("signing_keys", onRead: .drop),
                             SecretField("encryption_key", onRead: .drop)]
        type.example = TypeExample(yaml: """
            clients:
              - name: Round Trip Web
                app_type: spa
                callbacks: [https://app.example.com/callback]
                grant_types: [authorization_code, refresh_token]
            """)
        return type
    }()
}
