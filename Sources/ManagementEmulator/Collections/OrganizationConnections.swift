import APIJSON

extension CollectionSpec {
    /// `/organizations/{id}/enabled_connections`: the connection must exist; reads add `connection: {name,
    /// strategy}` from it; a deleted connection leaves every organization, as on Auth0. The defaults are the
    /// spec's documented ones (`show_as_button` true, `is_signup_enabled` false; `assign_membership_on_login`
    /// false is inferred); a 2023 go-auth0 recording answered with only the fields sent. The spec lists no 409
    /// here: enabling a connection twice answers the 409 of `/connections` below (inferred).
    static let organizationEnabledConnections: CollectionSpec = CollectionSpec(
        path: "organizations/{id}/enabled_connections", itemParameter: "connection_id", plural: "enabled_connections",
        idField: "connection_id", identifiers: .fromBody, listing: .offset,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: connectionNotEnabled, parentNotFound: organizationNotFound,
        createEndpoint: "POST /organizations/{id}/enabled_connections",
        updateEndpoint: "PATCH /organizations/{id}/enabled_connections/{connectionId}",
        fields: connectionFlags(connectionID: .string("connection_id", required: true)),
        unique: [connectionAlreadyEnabled],
        references: [connectionReference],
        defaults: connectionDefaults,
        scope: ScopeRule(resource: "organization_connections"),
        snapshot: .embedded("enabled_connections", inAdminSnapshot: true),
        hooks: CollectionHooks(present: presentOrganizationConnection, load: { $0.filter { $0.key != "connection" } })
    )

    /// `/organizations/{id}/connections`: the newer endpoint over the same enabled connections (the Deploy CLI's
    /// 2026 recordings list organizations' connections here, `{connections, start, limit, total}`).
    static let organizationConnections: CollectionSpec = CollectionSpec(
        path: "organizations/{id}/connections", itemParameter: "connection_id", plural: "connections",
        idField: "connection_id", identifiers: .fromBody, listing: .offset,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: connectionNotEnabled, parentNotFound: organizationNotFound,
        createEndpoint: "POST /organizations/{id}/connections",
        updateEndpoint: "PATCH /organizations/{id}/connections/{connection_id}",
        fields: connectionFlags(connectionID: .string("connection_id", required: true, minLength: 1, maxLength: 50, description: "Connection identifier.")) + [
            .string("organization_connection_name", minLength: 1, maxLength: 50, description: "Name of the connection in the scope of this organization."),
            .string("organization_access_level", allowed: ["none", "readonly", "limited", "full"]),
            .of("boolean", "is_enabled"),
        ],
        unique: [connectionAlreadyEnabled],
        references: [connectionReference],
        defaults: connectionDefaults,
        storage: "organizations/{id}/enabled_connections",
        scope: ScopeRule(resource: "organization_connections"),
        snapshot: .none,
        hooks: CollectionHooks(present: presentOrganizationConnection)
    )

    private static func connectionFlags(connectionID: FieldRule) -> [FieldRule] {
        [connectionID, .of("boolean", "assign_membership_on_login"), .of("boolean", "show_as_button"), .of("boolean", "is_signup_enabled")]
    }

    private static let connectionDefaults: [String: JSONValue] = [
        "assign_membership_on_login": .bool(false), "show_as_button": .bool(true), "is_signup_enabled": .bool(false),
    ]

    private static let connectionNotEnabled = APIErrorResponse.notFound("The organization connection does not exist.", "inexistent_organization_connection")

    private static let connectionAlreadyEnabled = UniqueConstraint(
        fields: ["connection_id"], conflict: .conflict("The organization connection already exists.", "organization_connection_conflict"))

    /// The connection must exist (the 404 is inferred: the message `/connections/{id}` answers).
    private static let connectionReference = Reference(
        field: "connection_id", collection: "connections",
        missing: .notFound("The connection does not exist", "inexistent_connection"), onDelete: .deleteReferrer)

    private static let presentOrganizationConnection: @Sendable ([String: JSONValue], EmulatedTenant) -> [String: JSONValue] = { row, tenant in
        var item = row
        if let id = row["connection_id"]?.stringValue, let connection = tenant.connections[id] {
            item["connection"] = .object(["name": connection["name"] ?? .null, "strategy": connection["strategy"] ?? .null])
        }
        return item
    }
}
