import APIJSON

extension CollectionSpec {
    /// `/log-streams`: a plain array on list (no paging), POST answers 200, ids `lst_` + 16 digits. The API
    /// returns sink credentials in full, as the recordings show (`httpAuthorization`); the admin snapshot does not.
    static let logStreams: CollectionSpec = CollectionSpec(
        path: "log-streams", itemParameter: "id", plural: "log_streams",
        identifiers: .random(prefix: "lst_", length: 16, alphabet: .digits),
        listing: .plainArray,
        createStatus: 200, updates: true, deletion: .noContent,
        notFound: .notFound("The log stream does not exist", "inexistent_log_stream"),
        createEndpoint: "POST /log-streams", updateEndpoint: "PATCH /log-streams/{id}",
        fields: [.string("type", required: true)],
        defaults: ["status": .string("active")],
        scope: ScopeRule(resource: "log_streams"),
        snapshot: .section("log_streams"),
        hooks: CollectionHooks(redactForSnapshot: { stream in
            guard let sink = stream["sink"]?.objectValue else { return stream }
            var presented = stream
            presented["sink"] = .object(sink.filter { key, _ in
                let lower = key.lowercased()
                return !["key", "token", "authorization", "secret", "password"].contains { lower.contains($0) }
            })
            return presented
        })
    )
}
