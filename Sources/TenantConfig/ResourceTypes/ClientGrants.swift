extension SnapshotSection {
    public static let clientGrants: SnapshotSection = "client_grants"
}

extension ResourceType {
    /// Machine-to-machine grants: a client (by name in the files, by id in the API) and an API audience.
    static let clientGrants: ResourceType = {
        var type = ResourceType(
            kind: .clientGrants, noun: "client grant", section: .list(key: ["client_id", "audience"]),
            api: APIShape(path: "/client-grants", listing: .paged(itemsKey: "client_grants"), snapshotSection: .clientGrants,
                          sortKey: ["client_id", "audience"]),
            lifecycle: .standard, rank: 40)
        type.readOnlyFields = ["id"]
        type.immutableFields = [ImmutableField("subject_type", onChange: .replace)]
        type.references = [
            Reference("client_id", to: [.clients], inAPI: .id),
            Reference("audience", to: [.resourceServers], inAPI: .sameValue, label: "audience", builtIn: .suffix("/api/v2/")),
        ]
        type.example = TypeExample(yaml: """
            clients:
              - name: Orders Worker
                app_type: non_interactive
                grant_types: [client_credentials]
            resourceServers:
              - name: Orders API
                identifier: https://orders.example.com
                scopes:
                  - value: read:orders
            clientGrants:
              - client_id: Orders Worker
                audience: https://orders.example.com
                scope: [read:orders]
            """)
        type.directory = .filePerResource("grants")
        return type
    }()
}
