extension SnapshotSection {
    public static let hooks: SnapshotSection = "hooks"
}

extension ResourceType {
    /// Hooks: loaded and reported like rules (they stopped running on 2026-11-18), never created or updated; a live
    /// hook the files leave out is deleted only with `allow_deletes`.
    static let hooks: ResourceType = {
        var type = ResourceType(
            kind: .hooks, noun: "hook", section: .list(key: ["name"]),
            api: APIShape(path: "/hooks", listing: .paged(itemsKey: "hooks"), snapshotSection: .hooks, sortKey: ["name"]),
            lifecycle: Lifecycle(create: nil, update: nil, delete: .item(),
                                 notWrittenReason: "Hooks reached end of life on 2026-11-18 and no longer run; move them to actions"),
            rank: 55)
        type.readOnlyFields = ["id"]
        type.secretFields = [SecretField("secrets.*", onRead: .writeOnly)]
        type.planning = .notWritten
        type.endOfLife = .rulesAndHooks
        type.example = TypeExample(
            yaml: """
            hooks:
              - name: add-metadata
                script: ./hooks/add-metadata.js
                triggerId: pre-user-registration
                enabled: true
            """,
            files: ["hooks/add-metadata.js": "module.exports = function (user, context, cb) {\n  cb(null, { user: user });\n};\n"])
        return type
    }()
}
