extension SnapshotSection {
    public static let rules: SnapshotSection = "rules"
}

extension EndOfLife {
    /// Auth0 Rules and Hooks stopped running on 2026-11-18; post-login actions replace them.
    public static let rulesAndHooks = EndOfLife(
        date: "2026-11-18",
        source: "https://auth0.com/docs/customize/rules (Rules and Hooks end of life: 2026-11-18)",
        migration: "convert them to post-login actions (`tenantctl migrate-rules`)")
}

extension ResourceType {
    /// Rules: `/rules`, each script a file beside the YAML. They no longer run: loaded and reported, never created or
    /// updated; a live rule the files leave out is deleted (with `allow_deletes`) only after every change of actions
    /// and trigger bindings, so the actions that replace it are live first.
    static let rules: ResourceType = {
        var type = ResourceType(
            kind: .rules, noun: "rule", section: .list(key: ["name"]),
            api: APIShape(path: "/rules", listing: .paged(itemsKey: "rules"), snapshotSection: .rules, sortKey: ["order"]),
            lifecycle: Lifecycle(create: nil, update: nil, delete: .item(),
                                 notWrittenReason: "Rules reached end of life on 2026-11-18 and no longer run; convert them with `tenantctl migrate-rules`"),
            rank: 50)
        type.readOnlyFields = ["id", "stage"]
        type.files = [FileField("script", content: .rule, exportPath: "rules/{name}.js")]
        type.directory.files = ["script": .besideItem(name: "{name}.js")]
        type.deleteAfter = [.actions, .triggers]
        type.endOfLife = .rulesAndHooks
        type.planning = .notWritten
        type.example = TypeExample(
            yaml: """
            rules:
              - name: add-claim
                script: ./rules/add-claim.js
                enabled: true
                order: 1
            """,
            files: ["rules/add-claim.js": "function addClaim(user, context, callback) {\n  return callback(null, user, context);\n}\n"])
        return type
    }()
}
