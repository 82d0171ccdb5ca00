extension SnapshotSection {
    public static let flows: SnapshotSection = "flows"
}

extension ResourceType {
    /// Flows: `/flows` (offset lists of summaries; each flow is read whole at `/flows/{id}`). The files keep a
    /// flow's definition in a JSON file beside the YAML (`body: ./flows/<name>.json`), as the Deploy CLI does; its
    /// actions name vault connections by name (`params.connection_id`), the API by id.
    static let flows: ResourceType = {
        var type = ResourceType(
            kind: .flows, noun: "flow", section: .list(key: ["name"]),
            api: APIShape(path: "/flows", listing: .paged(itemsKey: "flows"), snapshotSection: .flows, sortKey: ["name"]),
            lifecycle: .standard, rank: 101)
        type.api.listsSummaries = true
        type.readOnlyFields = ["id", "created_at", "updated_at", "executed_at"]
        type.files = [FileField("body", content: .jsonSpread, exportPath: "flows/{name}.json")]
        type.directory.files = ["body": .itemIsFile]
        type.references = [Reference("actions[].params.connection_id", to: [.flowVaultConnections], inAPI: .id, label: "flow vault connection")]
        type.example = TypeExample(
            yaml: """
            flowVaultConnections:
              - name: Auth0 management
                app_id: AUTH0
            flows:
              - name: Update KYC name
                body: ./flows/Update KYC name.json
            """,
            files: ["flows/Update KYC name.json": Self.kycFlow])
        return type
    }()

    /// A flow updating a user through a vault connection, as the Deploy CLI's example writes it.
    static let kycFlow = """
        {
          "name": "Update KYC name",
          "actions": [
            {
              "id": "update_user_metadata",
              "type": "AUTH0",
              "action": "UPDATE_USER",
              "allow_failure": false,
              "mask_output": false,
              "params": {
                "connection_id": "Auth0 management",
                "user_id": "{{context.user.user_id}}",
                "changes": { "user_metadata": { "full_name": "{{fields.full_name}}" } }
              }
            }
          ]
        }

        """
}
