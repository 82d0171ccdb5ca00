extension SnapshotSection {
    public static let flowVaultConnections: SnapshotSection = "flow_vault_connections"
}

extension ResourceType {
    /// Flows' vault connections: `/flows/vault/connections` (offset lists under `connections`). `setup` holds the
    /// credentials: write-only (the API answers a `fingerprint` and `ready`, never the values). The API's PATCH does
    /// not take `app_id`: another app replaces the connection.
    static let flowVaultConnections: ResourceType = {
        var type = ResourceType(
            kind: .flowVaultConnections, noun: "flow vault connection", section: .list(key: ["name"]),
            api: APIShape(path: "/flows/vault/connections", listing: .paged(itemsKey: "connections"), snapshotSection: .flowVaultConnections,
                          sortKey: ["name"]),
            lifecycle: .standard, rank: 100)
        type.readOnlyFields = ["id", "created_at", "updated_at", "refreshed_at", "ready", "fingerprint", "account_name"]
        type.secretFields = [SecretField("setup", onRead: .writeOnly)]
        type.immutableFields = [ImmutableField("app_id", onChange: .replace)]
        type.example = TypeExample(
            yaml: """
            flowVaultConnections:
              - name: Auth0 management
                app_id: AUTH0
                setup:
                  type: OAUTH_APP
                  client_id: flows-m2m-client
                  client_secret: ##AUTH0_MANAGEMENT_SETUP_CLIENT_SECRET##
                  domain: acme-dev.eu.auth0.com
            """,
            secrets: ["AUTH0_MANAGEMENT_SETUP_CLIENT_SECRET": "round-trip-vault-secret-91ab"])
        return type
    }()
}
