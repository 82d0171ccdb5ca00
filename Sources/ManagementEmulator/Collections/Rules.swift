import APIJSON

extension CollectionSpec {
    /// `/rules`: names unique, `rul_` ids, `order` after the last rule unless given, stage fixed to
    /// `login_success`; lists sorted by `order`.
    static let rules: CollectionSpec = CollectionSpec(
        path: "rules", itemParameter: "id", plural: "rules",
        identifiers: .random(prefix: "rul_", length: 16, alphabet: .alphanumeric),
        listing: .offset,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("The rule does not exist", "inexistent_rule"),
        createEndpoint: "POST /rules", updateEndpoint: "PATCH /rules/{id}",
        fields: [.string("name", required: true), .string("script", required: true), .of("number", "order"), .of("boolean", "enabled")],
        unique: [UniqueConstraint(fields: ["name"], conflict: .conflict("A rule with the same name already exists", "rule_conflict"))],
        defaults: ["enabled": .bool(true)],
        scope: ScopeRule(resource: "rules"),
        snapshot: .section("rules"),
        hooks: CollectionHooks(
            prepare: { row, tenant, _ in
                if row["order"] == nil {
                    let last = tenant.table("rules").all.compactMap { $0["order"]?.numberValue }.max() ?? 0
                    row["order"] = .number(last + 1)
                }
                row["stage"] = .string("login_success")
            },
            order: { rows in rows.sorted { ($0["order"]?.numberValue ?? 0) < ($1["order"]?.numberValue ?? 0) } }
        )
    )
}
