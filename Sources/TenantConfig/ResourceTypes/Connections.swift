extension SnapshotSection {
    public static let connections: SnapshotSection = "connections"
}

extension ResourceType {
    /// Social and enterprise connections: the same `/connections` collection, every strategy but `auth0`.
    static let connections: ResourceType = {
        var type = connectionType(kind: .connections, noun: "connection", strategyIsAuth0: false)
        // A Google Workspace connection provisions users from the directory: its configuration is a part of its own.
        type.example = TypeExample(
            yaml: """
            connections:
              - name: google-workspace
                strategy: google-apps
                options:
                  domain: example.com
                  tenant_domain: example.com
                  client_id: round-trip-google-client
                  client_secret: ##GOOGLE_WORKSPACE_CLIENT_SECRET##
                  api_enable_users: true
                directory_provisioning_configuration:
                  mapping:
                    - auth0: email
                      idp: mail
                    - auth0: name
                      idp: displayName
                  synchronize_automatically: true
                  synchronize_groups: all
            """,
            secrets: ["GOOGLE_WORKSPACE_CLIENT_SECRET": "round-trip-google-secret-91c2"])
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
        // The Deploy CLI's files hold a connection's directory provisioning inline; the API keeps it apart, as an object
        // of its own under `/connections/{id}/directory-provisioning` (created with POST, changed with PATCH, deleted),
        // every connection's listed at once, and refuses it in a connection's own body. Its chosen groups are another
        // endpoint still.
        type.parts = [SingletonPart(
            "directory_provisioning_configuration", path: "/connections/{id}/directory-provisioning", method: "PATCH", snapshot: .embedded,
            listedAt: PartListing(path: "/connections-directory-provisionings", listing: .checkpoint(itemsKey: "directory_provisionings", take: 100),
                                  resourceField: "connection_id"),
            readOnlyFields: ["connection_id", "connection_name", "strategy", "created_at", "updated_at",
                             "last_synchronization_at", "last_synchronization_status", "last_synchronization_error"],
            lifecycle: .object(create: "POST"))]
        // The Google Workspace groups it synchronizes when `synchronize_groups` is `selected`: replaced whole with PUT
        // `{groups: [{id}]}`, read (paged) only for such a configuration. The Deploy CLI's files describe each group
        // (`name`, `email`, `direct_members_count`); the API knows the id alone.
        var groups = SingletonPart(
            "directory_provisioning_configuration.synchronized_groups", path: "/connections/{id}/directory-provisioning/synchronized-groups",
            method: "PUT", snapshot: .embedded,
            toAPI: { value in .object(["groups": .array((value.arrayValue ?? []).map { .object(["id": $0["id"] ?? .null]) })]) })
        groups.pagedAs = .checkpoint(itemsKey: "groups", take: 100)
        groups.readIf = (["directory_provisioning_configuration", "synchronize_groups"], "selected")
        type.parts.append(groups)
        type.valueLimits = [(FieldPattern("directory_provisioning_configuration.synchronized_groups[].id"),
                             FieldCatalog.StringLimit(minLength: 1, maxLength: 32, pattern: "^[A-Za-z0-9]+$", format: nil))]
        // What the API adds to the part is never compared nor exported, wherever the live object comes from.
        type.readOnlyFields.formUnion(type.parts[0].readOnlyFields.map { "directory_provisioning_configuration.\($0)" })
        type.readOnlyFields.formUnion(["name", "email", "direct_members_count"].map { "directory_provisioning_configuration.synchronized_groups[].\($0)" })
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
