import APIJSON

extension CollectionSpec {
    /// `/organizations`: offset or checkpoint lists (the Deploy CLI's recordings use `take`), names unique and
    /// in the documented format, 204 on delete. Messages of the 404 and 409 are the spec's response
    /// descriptions; their errorCodes are inferred (`inexistent_…`/`…_conflict`, as for other resources).
    /// Members and invitations are user data: seedable, listed, never written here.
    static let organizations: CollectionSpec = CollectionSpec(
        path: "organizations", itemParameter: "id", plural: "organizations",
        identifiers: .random(prefix: "org_", length: 16, alphabet: .alphanumeric),
        listing: .offsetOrCheckpoint,
        createStatus: 201, updates: true, deletion: .noContent, deletingMissing: .notFound,
        notFound: organizationNotFound,
        createEndpoint: "POST /organizations", updateEndpoint: "PATCH /organizations/{id}",
        fields: [
            .string("name", required: true, minLength: 1, maxLength: 50, format: .organizationName, description: "The name of this organization."),
            .string("display_name", minLength: 1, maxLength: 255, description: "Friendly name of this organization."),
            .of("object", "branding"),
            .of("object", "metadata"),
            .of("array", "enabled_connections", maxItems: 10,
                description: "Connections that will be enabled for this organization. See POST enabled_connections endpoint for the object format. (Max of 10 connections allowed)"),
        ],
        unique: [UniqueConstraint(fields: ["name"], conflict: .conflict("An organization with this name already exists.", "organization_conflict"))],
        // Every organization the Deploy CLI's 2026 recordings read carries these two; no request sets them.
        defaults: ["third_party_client_access": .string("block"), "is_app_entitlement_active": .bool(false)],
        scope: ScopeRule(resource: "organizations"),
        snapshot: .section("organizations"),
        computedFields: ["member_count"],
        hooks: CollectionHooks(
            validate: { body, _, tenant, _ throws(APIErrorResponse) in
                // `POST /organizations` may enable connections at once, each in the enabled connections' format.
                for item in body["enabled_connections"]?.arrayValue ?? [] {
                    guard case .object(let connection) = item else {
                        throw .invalidBody("Payload validation error: 'Expected type object but found type \(APIRequest.typeName(item))' on property enabled_connections.")
                    }
                    try RequestFields.check(connection, endpoint: "POST /organizations/{id}/enabled_connections")
                    try FieldRule.check(connection, organizationEnabledConnections.fields, creating: true)
                    for reference in organizationEnabledConnections.references {
                        if let value = connection[reference.field]?.stringValue, !tenant.exists(reference, value) { throw reference.missing }
                    }
                }
            },
            prepare: { row, _, _ in row["enabled_connections"] = nil },
            afterCreate: { tenant, row, body, _ in
                guard let id = row["id"]?.stringValue else { return }
                let key = EmulatedTenant.tableKey(organizationEnabledConnections, ["id": id])
                for case .object(var connection) in body["enabled_connections"]?.arrayValue ?? [] {
                    for (field, value) in organizationEnabledConnections.defaults where connection[field] == nil { connection[field] = value }
                    if let connectionID = connection["connection_id"]?.stringValue { tenant.tables[key, default: RecordTable()][connectionID] = connection }
                }
            },
            snapshotExtras: { row, tenant in
                let members = tenant.table("organizations/\(row["id"]?.stringValue ?? "")/members")
                return ["member_count": .number(Double(members.count))]
            }
        )
    )

    static let organizationNotFound = APIErrorResponse.notFound("The organization does not exist.", "inexistent_organization")
}

extension CustomRoute {
    /// `GET /organizations/name/{name}`.
    static let organizationByName: CustomRoute = CustomRoute(method: "GET", path: "organizations/name/{name}", scope: ScopeRule(resource: "organizations")) {
        tenant, _, parameters throws(APIErrorResponse) in
        guard let organization = tenant.table("organizations").first(where: { $0["name"]?.stringValue == parameters["name"] }) else {
            throw CollectionSpec.organizationNotFound
        }
        return .ok(.object(organization))
    }
}
