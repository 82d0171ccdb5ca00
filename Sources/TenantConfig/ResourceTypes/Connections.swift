extension SnapshotSection {
    public static let connections: SnapshotSection = "connections"
}

extension ResourceType {
    /// Social and enterprise connections: the same `/connections` collection, every strategy but `auth0`.
    static let connections: ResourceType = {
        var type = connectionType(kind: .connections, noun: "connection", strategyIsAuth0: false)
        type.example = TypeExample(
            yaml: """
            connections:
              - name: google-oauth2
                strategy: google-oauth2
                options:
                  client_id: round-trip-google-client
                  client_secret: ##GOOGLE_OAUTH2_CLIENT_SECRET##
                  scope: [email, profile]
            """,
            secrets: ["GOOGLE_OAUTH2_CLIENT_SECRET": "round-trip-google-secret-91c2"])
        return type
    }()

    /// What custom databases and other connections share: one API collection, options replaced whole, scripts,
    /// configuration compared by digest, enabled clients through `/connections/{id}/clients`.
    static func connectionType(kind: ResourceKind, noun: String, strategyIsAuth0: Bool) -> ResourceType {
        var type = ResourceType(
            kind: kind, noun: noun, section: .list(key: ["name"]),
            api: APIShape(path: "/connections", listing: .checkpoint(itemsKey: "connections", take: 100), snapshotSection: .connections,
                          sortKey: ["name"], isManaged: { ($0["strategy"]?.stringValue == "auth0") == strategyIsAuth0 }),
            lifecycle: .standard, rank: 20)
        type.readOnlyFields = ["id", "enabled_clients", "provisioning_ticket_url"]
        // The Deploy CLI's files hold a connection's directory provisioning inline; the API keeps it apart, under
        // `/connections/{id}/directory-provisioning`, and refuses it in a connection's own body.
        type.unmanagedFields = ["directory_provisioning_configuration": "directory provisioning is its own resource (`/connections/{id}/directory-provisioning` and its `synchronized-groups`), which tenantctl does not manage yet; the API refuses the field in a connection's body"]
        type.secretFields = [
            SecretField("options.configuration.*", onRead: .ciphertext),
            // An identity provider's secret (`client_secret`, Twitter's `consumer_secret`) and signing keys.
            SecretField("options.*secret", onRead: .redact), SecretField("options.signingKey", onRead: .redact),
            SecretField("options.signing_key", onRead: .redact), SecretField("options.private_key", onRead: .redact),
            SecretField("options.privateKey", onRead: .redact),
        ]
        type.files = [FileField("options.customScripts.*", content: .databaseScripts, exportPath: "databases/{name}/{entry}.js")]
        type.directory.files = ["options.customScripts.*": .besideItem(name: "{name}/{entry}.js")]
        type.subResources = [SubResource(
            field: "enabled_clients", snapshotValuesOf: "client_id", pathSuffix: "clients", listing: .checkpoint(itemsKey: "clients", take: 1000), itemKey: ["client_id"],
            itemReferences: [ItemReference(filesField: "", apiField: "client_id", to: [.clients], inAPI: .id)],
            write: .toggle(statusField: "status", maxItems: 50), rank: 30, noun: "enabled client")]
        if strategyIsAuth0 { type.defaults = ["strategy": .string("auth0")] }
        type.planning = .connection
        return type
    }
}
