extension SnapshotSection {
    public static let logStreams: SnapshotSection = "log_streams"
}

extension ResourceType {
    /// Log streams: `/log-streams` (a plain list). Sink credentials are kept as `<redacted>` and exported as keywords.
    static let logStreams: ResourceType = {
        var type = ResourceType(
            kind: .logStreams, noun: "log stream", section: .list(key: ["name"]),
            api: APIShape(path: "/log-streams", listing: .plain, snapshotSection: .logStreams, sortKey: ["name"]),
            lifecycle: .standard, rank: 90)
        type.readOnlyFields = ["id"]
        // The create takes no `status` (a new stream is active); a paused or suspended one is set so right after.
        type.lifecycle.setAfterCreate = ["status": .string("active")]
        type.immutableFields = [ImmutableField("type", onChange: .replace)]
        // API keys, tokens, authorization headers, and Sumo Logic's source address (a URL holding its token).
        type.secretFields = ["key", "token", "secret", "authorization", "password", "sumosourceaddress"].map { SecretField("sink.*\($0)*", onRead: .redact) }
            + [SecretField("sink.httpCustomHeaders[].value", onRead: .redact)]
        type.example = TypeExample(
            yaml: """
            logStreams:
              - name: SIEM
                type: http
                sink:
                  httpEndpoint: https://siem.example.com/ingest
                  httpContentType: application/json
                  httpContentFormat: JSONLINES
                  httpAuthorization: ##SIEM_SINK_HTTPAUTHORIZATION##
            """,
            secrets: ["SIEM_SINK_HTTPAUTHORIZATION": "Bearer round-trip-siem-token-8a0c"])
        return type
    }()
}
