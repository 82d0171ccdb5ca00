import APIJSON

extension CollectionSpec {
    /// `/self-service-profiles`: offset lists (recorded: `{self_service_profiles, start, limit, total}`), ids `ssp_`
    /// + 22 (recorded), `user_attribute_profile_id` naming a user attribute profile. Its custom text
    /// (`/self-service-profiles/{id}/custom-text/{language}/{page}`, `selfServiceProfileCustomText`) is kept in the
    /// profile's row under `customText.{language}.{page}` (as snapshots write it) and never shown by the profile's own
    /// reads. errorCodes, the 404 of a user attribute
    /// profile that does not exist, and the refusal of both `user_attribute_profile_id` and `user_attributes` (the
    /// Deploy CLI refuses the pair as conflicting) are inferred.
    static let selfServiceProfiles: CollectionSpec = CollectionSpec(
        path: "self-service-profiles", itemParameter: "id", plural: "self_service_profiles",
        identifiers: .random(prefix: "ssp_", length: 22, alphabet: .alphanumeric),
        listing: .offset,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("Self-service profile not found", "inexistent_self_service_profile"),
        createEndpoint: "POST /self-service-profiles", updateEndpoint: "PATCH /self-service-profiles/{id}",
        fields: [
            .string("name", required: true, minLength: 1, maxLength: 100, description: "The name of the self-service Profile."),
            .string("description", minLength: 1, maxLength: 140, description: "The description of the self-service Profile."),
            .of("array", "allowed_strategies", minItems: 1),
            .of("array", "user_attributes"),
        ],
        references: [Reference(field: "user_attribute_profile_id", collection: "user-attribute-profiles",
                               missing: .notFound("User attribute profile not found.", "inexistent_user_attribute_profile"), onDelete: .keep)],
        scope: ScopeRule(resource: "self_service_profiles"),
        snapshot: .section("self_service_profiles"),
        stampsTimes: true,
        hooks: CollectionHooks(validate: { body, existing, _, _ throws(APIErrorResponse) in
            if body["customText"] != nil { throw .additionalProperties(["customText"]) }
            let merged = (existing ?? [:]).merging(body) { $1 }
            if merged["user_attribute_profile_id"]?.stringValue != nil, merged["user_attributes"]?.arrayValue?.isEmpty == false {
                throw .invalidBody("user_attribute_profile_id and user_attributes cannot be used together.")
            }
        }, present: { row, _ in row.filter { $0.key != "customText" } })
    )
}

extension CustomRoute {
    /// The spec's pages of a self-service profile's custom text.
    static let selfServiceProfilePages: Set<String> = ["get-started"]

    /// `GET /self-service-profiles/{id}/custom-text/{language}/{page}`: `{}` until set (as prompts' custom text reads);
    /// `PUT` replaces it and answers it. 404 for a profile that does not exist, 400 for a page outside the spec's enum
    /// (both inferred, in the wording of the profile's own 404 and the spec's enum errors).
    static let selfServiceProfileCustomText: [CustomRoute] = ["GET", "PUT"].map { method in
        CustomRoute(method: method, path: "self-service-profiles/{id}/custom-text/{language}/{page}",
                    scope: ScopeRule(resource: "self_service_profile_custom_texts", verbs: ["GET": "read", "PUT": "update"]), statuses: [200]) { tenant, request, parameters throws(APIErrorResponse) in
            let id = parameters["id"] ?? "", language = parameters["language"] ?? "", page = parameters["page"] ?? ""
            guard selfServiceProfilePages.contains(page) else {
                throw APIErrorResponse(status: 400, message: "Path validation error: 'No enum match for: \"\(page)\"' on property page.", errorCode: "invalid_uri")
            }
            guard var row = tenant.table("self-service-profiles")[id] else { throw .notFound("Self-service profile not found", "inexistent_self_service_profile") }
            if request.method == "GET" { return .ok(row["customText"]?[language]?[page] ?? .object([:])) }
            let body = try request.object()
            var texts = row["customText"]?.objectValue ?? [:]
            var pages = texts[language]?.objectValue ?? [:]
            pages[page] = .object(body)
            texts[language] = .object(pages)
            row["customText"] = .object(texts)
            tenant.tables["self-service-profiles", default: RecordTable()][id] = row
            return .ok(.object(body))
        }
    }
}
