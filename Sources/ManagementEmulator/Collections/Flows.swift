import APIJSON

extension CollectionSpec {
    /// `/flows`: offset lists of summaries (recorded: `{limit, start, total, flows}`; the spec's `FlowSummary`),
    /// each flow whole at `/flows/{id}`. An action's `params.connection_id` names a vault connection by id. Ids
    /// (`af_` + 22), errorCodes and the 404 of a vault connection that does not exist are inferred.
    static let flows: CollectionSpec = CollectionSpec(
        path: "flows", itemParameter: "id", plural: "flows",
        identifiers: .random(prefix: "af_", length: 22, alphabet: .alphanumeric),
        listing: .offset,
        createStatus: 201, updates: true, deletion: .noContent, deletingMissing: .notFound,
        notFound: .notFound("The flow does not exist.", "inexistent_flow"),
        createEndpoint: "POST /flows", updateEndpoint: "PATCH /flows/{id}",
        fields: [.string("name", required: true, minLength: 1, maxLength: 150), .of("array", "actions")],
        scope: ScopeRule(resource: "flows"),
        snapshot: .section("flows"),
        stampsTimes: true,
        hooks: CollectionHooks(
            validate: { body, _, tenant, _ throws(APIErrorResponse) in
                for action in body["actions"]?.arrayValue ?? [] {
                    guard let id = action["params"]?["connection_id"]?.stringValue else { continue }
                    if tenant.table("flows/vault/connections")[id] == nil {
                        throw .notFound("The Flow vault connection does not exist.", "inexistent_flows_vault_connection")
                    }
                }
            },
            summarize: { row, _ in row.filter { ["id", "name", "created_at", "updated_at", "executed_at"].contains($0.key) } }
        )
    )
}
