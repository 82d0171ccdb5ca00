import APIJSON

extension CollectionSpec {
    /// `/forms`: offset lists of summaries (recorded: `{limit, start, total, forms}`, each with `flow_count`), each
    /// form whole at `/forms/{id}` (recorded). A form names flows by id: a flow node's `config.flow_id`, a resend
    /// button's, the ending's `after_submit.flow_id` (the spec). Ids (`ap_` + 22) are as recorded; errorCodes,
    /// `flow_count` as the number of flows a form names, and the 404 of a flow that does not exist are inferred.
    static let forms: CollectionSpec = CollectionSpec(
        path: "forms", itemParameter: "id", plural: "forms",
        identifiers: .random(prefix: "ap_", length: 22, alphabet: .alphanumeric),
        listing: .offset,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("The form does not exist.", "inexistent_form"),
        createEndpoint: "POST /forms", updateEndpoint: "PATCH /forms/{id}",
        fields: [.string("name", required: true, minLength: 1, maxLength: 150), .of("array", "nodes")],
        scope: ScopeRule(resource: "forms"),
        snapshot: .section("forms"),
        stampsTimes: true,
        hooks: CollectionHooks(
            validate: { body, _, tenant, _ throws(APIErrorResponse) in
                for id in flowIDs(in: body) where tenant.table("flows")[id] == nil {
                    throw .notFound("The flow does not exist.", "inexistent_flow")
                }
            },
            summarize: { row, _ in
                var summary = row.filter { ["id", "name", "created_at", "updated_at", "embedded_at", "submitted_at"].contains($0.key) }
                summary["flow_count"] = .number(Double(Set(flowIDs(in: row)).count))
                return summary
            }
        )
    )

    /// The flow ids a form names.
    static func flowIDs(in form: [String: JSONValue]) -> [String] {
        var ids: [String] = []
        for node in form["nodes"]?.arrayValue ?? [] {
            if let id = node["config"]?["flow_id"]?.stringValue { ids.append(id) }
            for component in node["config"]?["components"]?.arrayValue ?? [] {
                if let id = component["config"]?["flow_id"]?.stringValue { ids.append(id) }
            }
        }
        if let id = form["ending"]?["after_submit"]?["flow_id"]?.stringValue { ids.append(id) }
        return ids
    }
}
