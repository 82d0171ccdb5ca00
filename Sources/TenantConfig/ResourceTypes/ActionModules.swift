extension SnapshotSection {
    public static let actionModules: SnapshotSection = "action_modules"
}

extension ResourceType {
    /// Action modules: `/actions/modules` (offset lists, always wrapped as `{modules, total, page, per_page}`),
    /// code beside the YAML (`action-modules/<name>/code.js`, as the Deploy CLI's directory example), secret values
    /// write-only. Actions name a module's published version, so modules come before actions and are published
    /// (see `StepBuilder.planActionModule`). The API refuses to delete a module an action still uses: actions are
    /// changed or deleted first.
    static let actionModules: ResourceType = {
        var type = ResourceType(
            kind: .actionModules, noun: "action module", section: .list(key: ["name"]),
            api: APIShape(path: "/actions/modules", listing: .paged(itemsKey: "modules"), snapshotSection: .actionModules, sortKey: ["name"]),
            lifecycle: .standard, rank: 58)
        type.readOnlyFields = ["id", "created_at", "updated_at", "actions_using_module_total", "all_changes_published", "latest_version_number",
                               "secrets[].updated_at"]
        type.secretFields = [SecretField("secrets[].value", onRead: .writeOnly)]
        type.immutableFields = [ImmutableField("api_version", onChange: .refuse("the API takes it only when a module is created; create a module under another name"))]
        type.files = [FileField("code", content: .text, exportPath: "action-modules/{name}/code.js")]
        type.directory.files = ["code": .inTenantFolder(path: "action-modules/{name}/code.js")]
        type.planning = .actionModule
        type.example = TypeExample(
            yaml: """
            actionModules:
              - name: claims-helper
                code: ./action-modules/claims-helper/code.js
                dependencies:
                  - name: lodash
                    version: 4.17.21
                secrets:
                  - name: SIGNING_KEY
                    value: ##CLAIMS_HELPER_SIGNING_KEY##
            actions:
              - name: add-claims
                code: ./actions/add-claims/code.js
                runtime: node22
                supported_triggers:
                  - id: post-login
                    version: v3
                modules:
                  - module_name: claims-helper
                    module_version_number: 1
            """,
            files: [
                "action-modules/claims-helper/code.js": "module.exports = { plan: (user) => (user.app_metadata || {}).plan || 'free' };\n",
                "actions/add-claims/code.js": "exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('https://example.com/plan', 'gold');\n};\n",
            ],
            secrets: ["CLAIMS_HELPER_SIGNING_KEY": "round-trip-module-key-77f3"])
        return type
    }()
}
