extension SnapshotSection {
    public static let rulesConfigs: SnapshotSection = "rules_configs"
}

extension ResourceType {
    /// Rules configs: secret values for rules, write-only. Loaded and checked, never written: rules no longer run.
    static let rulesConfigs: ResourceType = {
        var type = ResourceType(
            kind: .rulesConfigs, noun: "rules config", section: .list(key: ["key"]),
            api: APIShape(path: "/rules-configs", listing: .plain, idField: "key", snapshotSection: .rulesConfigs, sortKey: ["key"]),
            lifecycle: Lifecycle(create: nil, update: nil, delete: .never("rules configs feed rules, which reached end of life"),
                                 notWrittenReason: "rules configs feed rules, which no longer run; move their values to action secrets"),
            rank: 50)
        type.secretFields = [SecretField("value", onRead: .writeOnly)]
        type.planning = .notWritten
        type.example = TypeExample(
            yaml: """
            rulesConfigs:
              - key: SLACK_TOKEN
                value: ##SLACK_TOKEN##
            """,
            secrets: ["SLACK_TOKEN": "round-trip-slack-token-5b8e"])
        return type
    }()
}
