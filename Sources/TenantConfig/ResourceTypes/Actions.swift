extension SnapshotSection {
    public static let actions: SnapshotSection = "actions"
}

extension ResourceType {
    /// Actions: `/actions/actions`, code beside the YAML; `deployed: true` (the default) deploys every change.
    static let actions: ResourceType = {
        var type = ResourceType(
            kind: .actions, noun: "action", section: .list(key: ["name"]),
            api: APIShape(path: "/actions/actions", listing: .paged(itemsKey: "actions"), snapshotSection: .actions, sortKey: ["name"]),
            lifecycle: Lifecycle(create: "POST", update: "PATCH", delete: .item(query: "force=true")), rank: 60)
        type.readOnlyFields = ["id", "status", "all_changes_deployed", "built_at", "created_at", "updated_at", "deployed_version",
                               "current_version", "installed_integration_id", "integration", "secrets[].updated_at",
                               // A module is named by name and version number, as the Deploy CLI writes it; its ids are the API's.
                               "modules[].module_id", "modules[].module_version_id"]
        type.secretFields = [SecretField("secrets[].value", onRead: .writeOnly)]
        type.files = [FileField("code", content: .action, exportPath: "actions/{name}/code.js")]
        type.directory.files = ["code": .inTenantFolder(path: "actions/{name}/code.js")]
        // After the module's create and publish: the version an action names must exist.
        type.references = [Reference("modules[].module_name", to: [.actionModules], inAPI: .sameValue, label: "action module", followsChanges: true)]
        type.defaults = ["deployed": .bool(true)]
        type.planning = .action
        type.adjustExport = { live, exported in
            exported["deployed"] = .bool(live["all_changes_deployed"]?.boolValue ?? live["deployed"]?.boolValue ?? true)
        }
        type.example = TypeExample(
            yaml: """
            actions:
              - name: add-claims
                code: ./actions/add-claims/code.js
                runtime: node22
                deployed: true
                supported_triggers:
                  - id: post-login
                    version: v3
                secrets:
                  - name: CLAIMS_API_KEY
                    value: ##ADD_CLAIMS_CLAIMS_API_KEY##
            """,
            files: ["actions/add-claims/code.js": "exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('https://example.com/plan', 'gold');\n};\n"],
            secrets: ["ADD_CLAIMS_CLAIMS_API_KEY": "round-trip-claims-key-2d4f"])
        return type
    }()
}
