extension SnapshotSection {
    public static let triggerBindings: SnapshotSection = "trigger_bindings"
}

extension ResourceType {
    /// The triggers whose bindings tenantctl reads and writes.
    public static let triggerIDs = ["post-login", "credentials-exchange", "pre-user-registration", "post-user-registration",
                                    "post-change-password", "send-phone-message"]

    /// Trigger bindings: per trigger, the ordered actions it runs (by action name in the files and the API).
    static let triggers: ResourceType = {
        var type = ResourceType(
            kind: .triggers, noun: "trigger bindings", section: .map(entry: MapEntryShape(
                noun: "trigger binding", fields: ["action_name", "display_name"],
                required: ["action_name": "the name of an action in `actions`"])),
            api: APIShape(path: "/actions/triggers", listing: .perName(names: triggerIDs, suffix: "bindings", itemsKey: "bindings"),
                          snapshotSection: .triggerBindings),
            lifecycle: Lifecycle(create: nil, update: "PATCH", delete: .path("/actions/triggers/{key}/bindings")), rank: 80)
        type.references = [Reference("[].action_name", to: [.actions], inAPI: .sameValue, label: "action", followsChanges: true)]
        type.planning = .triggerBindings
        type.example = TypeExample(
            yaml: """
            actions:
              - name: add-claims
                code: ./actions/add-claims/code.js
                runtime: node22
                supported_triggers:
                  - id: post-login
                    version: v3
            triggers:
              post-login:
                - action_name: add-claims
                  display_name: Add claims
            """,
            files: ["actions/add-claims/code.js": "exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('https://example.com/plan', 'gold');\n};\n"])
        type.directory = .sectionFile("triggers/triggers.json")
        return type
    }()
}
