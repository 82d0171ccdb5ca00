extension SnapshotSection {
    public static let roles: SnapshotSection = "roles"
}

extension ResourceType {
    /// Roles: `/roles`, with their permissions (an API's identifier and one of its scopes) added and removed through
    /// `/roles/{id}/permissions`, never replaced whole. Which users hold a role is user data, never touched.
    static let roles: ResourceType = {
        var type = ResourceType(
            kind: .roles, noun: "role", section: .list(key: ["name"]),
            api: APIShape(path: "/roles", listing: .paged(itemsKey: "roles"), snapshotSection: .roles, sortKey: ["name"]),
            lifecycle: .standard, rank: 15)
        type.readOnlyFields = ["id", "type"]
        type.subResources = [SubResource(
            field: "permissions", pathSuffix: "permissions", listing: .paged(itemsKey: "permissions"),
            itemKey: ["resource_server_identifier", "permission_name"],
            itemReferences: [ItemReference(filesField: "resource_server_identifier", apiField: "resource_server_identifier", to: [.resourceServers], inAPI: .sameValue)],
            itemReadOnlyFields: ["resource_server_name", "description", "sources"],
            write: .addRemoveLists(wrapper: "permissions"), rank: 16, noun: "permission")]
        type.example = TypeExample(yaml: """
            resourceServers:
              - name: Orders API
                identifier: https://orders.example.com
                scopes:
                  - value: read:orders
                  - value: write:orders
            roles:
              - name: Order Reader
                description: Reads orders
                permissions:
                  - permission_name: read:orders
                    resource_server_identifier: https://orders.example.com
            """)
        return type
    }()
}
