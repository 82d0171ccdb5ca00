import APIJSON

extension CollectionSpec {
    /// `/event-streams`: checkpoint lists under `eventStreams` (recorded), names unique (the spec's 409), webhook
    /// credentials taken and never answered (recorded: a PATCH sending `token` is answered with
    /// `webhook_authorization: {method}`). An action destination names an action by id; an eventbridge destination
    /// cannot be changed by PATCH (the spec's PATCH body takes webhook and action destinations only). Ids (`est_`
    /// + 22) are as recorded; errorCodes and the missing action's 404 are inferred.
    static let eventStreams: CollectionSpec = CollectionSpec(
        path: "event-streams", itemParameter: "id", plural: "eventStreams",
        identifiers: .random(prefix: "est_", length: 22, alphabet: .alphanumeric),
        listing: .checkpoint,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("The event stream does not exist.", "inexistent_event_stream"),
        createEndpoint: "POST /event-streams", updateEndpoint: "PATCH /event-streams/{id}",
        fields: [
            .string("name", minLength: 1, maxLength: 128, description: "Name of the event stream."),
            .of("array", "subscriptions", minItems: 1, description: "List of event types subscribed to in this stream."),
            .of("object", "destination", required: true),
            .string("status", allowed: ["enabled", "disabled"]),
        ],
        unique: [UniqueConstraint(fields: ["name"], conflict: .conflict("Event stream name already in use.", "event_stream_conflict"))],
        scope: ScopeRule(resource: "event_streams"),
        snapshot: .section("event_streams"),
        stampsTimes: true,
        hooks: CollectionHooks(
            validate: { body, existing, tenant, _ throws(APIErrorResponse) in
                guard let destination = body["destination"] else { return }
                let type = destination["type"]?.stringValue ?? ""
                let allowed = existing == nil ? ["webhook", "eventbridge", "action"] : ["webhook", "action"]
                guard allowed.contains(type) else {
                    throw .invalidBody("Payload validation error: 'No enum match for: \"\(type)\"' on property destination.type.")
                }
                guard destination["configuration"]?.objectValue != nil else {
                    throw .invalidBody("Payload validation error: 'Missing required property: configuration' on property destination.")
                }
                if type == "action" {
                    let id = destination["configuration"]?["action_id"]?.stringValue ?? ""
                    guard tenant.actions[id] != nil else { throw .notFound("The action does not exist", "inexistent_action") }
                }
            },
            present: { row, _ in
                var stream = row
                for secret in webhookSecrets {
                    stream = stream.removing(["destination", "configuration", "webhook_authorization", secret])
                }
                return stream
            }
        )
    )

    /// The write-only credentials of a webhook destination: the recorded `token`, and Auth0's documented names for
    /// the basic and custom-header credentials.
    static let webhookSecrets = ["token", "password", "header_value"]
}

extension Dictionary where Key == String, Value == JSONValue {
    /// The object without the field at `path` (nested objects), unchanged when it has none.
    func removing(_ path: [String]) -> [String: JSONValue] {
        guard let first = path.first else { return self }
        var copy = self
        if path.count == 1 {
            copy[first] = nil
        } else if let nested = self[first]?.objectValue {
            copy[first] = .object(nested.removing(Array(path.dropFirst())))
        }
        return copy
    }
}
