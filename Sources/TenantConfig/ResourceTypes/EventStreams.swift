extension SnapshotSection {
    public static let eventStreams: SnapshotSection = "event_streams"
}

extension ResourceType {
    /// Event streams: `/event-streams` (checkpoint lists under `eventStreams`). A webhook's credentials are
    /// write-only (the API answers `webhook_authorization` with its `method` alone, as recorded); an action
    /// destination names its action by name in the files and by id in the API.
    static let eventStreams: ResourceType = {
        var type = ResourceType(
            kind: .eventStreams, noun: "event stream", section: .list(key: ["name"]),
            api: APIShape(path: "/event-streams", listing: .checkpoint(itemsKey: "eventStreams", take: 50), snapshotSection: .eventStreams,
                          sortKey: ["name"]),
            lifecycle: .standard, rank: 85)
        // AWS fills `aws_partner_event_source` in after the create, and refuses it on create.
        type.readOnlyFields = ["id", "created_at", "updated_at", "destination.configuration.aws_partner_event_source"]
        // `token` is recorded (a bearer token sent, never returned); `password` and `header_value`, the basic and
        // custom-header credentials, are Auth0's documented names (the published spec omits all three).
        type.secretFields = ["token", "password", "header_value"].map {
            SecretField("destination.configuration.webhook_authorization.\($0)", onRead: .writeOnly)
        }
        type.references = [Reference("destination.configuration.action_id", to: [.actions], inAPI: .id, followsChanges: true)]
        // One stream (the walk over every type counts one create); the action destination's reference is covered by
        // the planner's tests.
        type.example = TypeExample(
            yaml: """
            eventStreams:
              - name: Audit webhook
                status: enabled
                subscriptions:
                  - event_type: user.created
                  - event_type: user.deleted
                destination:
                  type: webhook
                  configuration:
                    webhook_endpoint: https://audit.example.com/events
                    webhook_authorization:
                      method: bearer
                      token: ##AUDIT_WEBHOOK_DESTINATION_CONFIGURATION_WEBHOOK_AUTHORIZATION_TOKEN##
            """,
            secrets: ["AUDIT_WEBHOOK_DESTINATION_CONFIGURATION_WEBHOOK_AUTHORIZATION_TOKEN": "round-trip-webhook-token-5c2e"])
        return type
    }()
}
