extension SnapshotSection {
    public static let resourceServers: SnapshotSection = "resource_servers"
}

extension ResourceType {
    /// APIs: `/resource-servers`, named by their identifier (the audience). System APIs are Auth0's own.
    static let resourceServers: ResourceType = {
        var type = ResourceType(
            kind: .resourceServers, noun: "resource server", section: .list(key: ["identifier"]),
            api: APIShape(path: "/resource-servers", listing: .paged(itemsKey: "resource_servers"), snapshotSection: .resourceServers,
                          sortKey: ["identifier"], isManaged: { $0["is_system"]?.boolValue != true }),
            lifecycle: .standard, rank: 0)
        type.readOnlyFields = ["id", "is_system", "client_id"]
        type.secretFields = [SecretField("signing_secret", onRead: .drop)]
        // The Deploy CLI names an API's file by its name (`resource-servers/My API.json`), not its identifier.
        type.directory = DirectoryLayout([DirectoryPiece(path: "resource-servers", form: .filePerItem, naming: ["name"])])
        type.example = TypeExample(yaml: """
            resourceServers:
              - name: Orders API
                identifier: https://orders.example.com
                signing_alg: RS256
                scopes:
                  - value: read:orders
                    description: Read orders
            """)
        return type
    }()
}
