extension SnapshotSection {
    public static let tokenExchangeProfiles: SnapshotSection = "token_exchange_profiles"
}

extension ResourceType {
    /// Token exchange profiles: `/token-exchange-profiles` (checkpoint lists). The files name the custom token
    /// exchange action by name in `action`; the API holds its id in `action_id`. The API's PATCH takes only `name`
    /// and `subject_token_type`: another action or `type` replaces the profile.
    static let tokenExchangeProfiles: ResourceType = {
        var type = ResourceType(
            kind: .tokenExchangeProfiles, noun: "token exchange profile", section: .list(key: ["name"]),
            api: APIShape(path: "/token-exchange-profiles", listing: .checkpoint(itemsKey: "token_exchange_profiles", take: 50),
                          snapshotSection: .tokenExchangeProfiles, sortKey: ["name"]),
            lifecycle: .standard, rank: 75)
        type.readOnlyFields = ["id", "created_at", "updated_at"]
        type.immutableFields = [ImmutableField("action_id", onChange: .replace), ImmutableField("type", onChange: .replace)]
        // After the action's create and deploy: the profile runs the action's deployed code.
        type.references = [Reference("action", to: [.actions], inAPI: .id, followsChanges: true, apiField: "action_id")]
        type.example = TypeExample(
            yaml: """
            actions:
              - name: exchange-partner-token
                code: ./actions/exchange-partner-token/code.js
                runtime: node22
                supported_triggers:
                  - id: custom-token-exchange
                    version: v1
            tokenExchangeProfiles:
              - name: Partner token exchange
                type: custom_authentication
                subject_token_type: urn:partner:legacy-token
                action: exchange-partner-token
            """,
            files: ["actions/exchange-partner-token/code.js": "exports.onExecuteCustomTokenExchange = async (event, api) => {\n  api.authentication.setUserById('partner|' + event.transaction.subject_token);\n};\n"])
        return type
    }()
}
