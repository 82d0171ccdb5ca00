import APIJSON

extension CollectionSpec {
    /// `/actions/modules`: offset lists always wrapped as `{modules, total, page, per_page}` (recorded), names
    /// unique (the spec's 409), secret values write-only (the spec: names and timestamps only), the draft published
    /// as a numbered version on create with `publish: true` or by `POST …/versions` (the spec), and a module that
    /// actions use refused deletion with 412 (the spec). `actions_using_module_total` counts the actions naming the
    /// module. Ids (uuids, as actions have), errorCodes and the 412's errorCode are inferred.
    static let actionModules: CollectionSpec = CollectionSpec(
        path: "actions/modules", itemParameter: "id", plural: "modules",
        identifiers: .uuid,
        listing: .offsetWrapped,
        createStatus: 201, updates: true, deletion: .noContent, deletingMissing: .notFound,
        notFound: actionModuleNotFound,
        createEndpoint: "POST /actions/modules", updateEndpoint: "PATCH /actions/modules/{id}",
        fields: [
            .string("name", required: true, maxLength: 255, description: "The name of the action module."),
            .string("code", required: true, maxLength: 65536, description: "The source code of the action module."),
            .of("array", "secrets"), .of("array", "dependencies"),
        ],
        unique: [UniqueConstraint(fields: ["name"], conflict: .conflict("An action module with the same name already exists.", "action_module_conflict"))],
        defaults: ["dependencies": .array([]), "secrets": .array([])],
        scope: ScopeRule(resource: "actions"),
        snapshot: .section("action_modules"),
        stampsTimes: true,
        hooks: CollectionHooks(
            prepare: { row, _, _ in
                row["publish"] = nil
                row["all_changes_published"] = .bool(false)
                row["secrets"] = stampedSecrets(row["secrets"])
            },
            validateDelete: { row, tenant throws(APIErrorResponse) in
                if tenant.actionsUsing(module: row) > 0 {
                    throw APIErrorResponse(status: 412, message: "The Actions Module cannot be deleted because it is in use by one or more actions.",
                                           errorCode: "action_module_in_use")
                }
            },
            afterCreate: { tenant, row, body, _ in
                guard body["publish"]?.boolValue == true, let id = row["id"]?.stringValue else { return }
                tenant.storeVersion(ofModule: id, row)
            },
            present: { row, tenant in
                var module = row
                module["secrets"] = .array((row["secrets"]?.arrayValue ?? []).map { secret in
                    .object(["name": secret["name"] ?? .null, "updated_at": secret["updated_at"] ?? .null])
                })
                module["actions_using_module_total"] = .number(Double(tenant.actionsUsing(module: row)))
                return module
            },
            update: { row, previous, body in
                guard body.keys.contains(where: { ["code", "dependencies", "secrets"].contains($0) }) else { return }
                row["all_changes_published"] = .bool(false)
                if body["secrets"] != nil { row["secrets"] = stampedSecrets(body["secrets"]) }
            }
        )
    )

    /// `/actions/modules/{id}/versions`: the published versions of a module, listed (offset, wrapped) and read;
    /// created only by `POST` there (a custom route) or a create with `publish: true`.
    static let actionModuleVersions: CollectionSpec = CollectionSpec(
        path: "actions/modules/{id}/versions", itemParameter: "versionId", plural: "versions",
        identifiers: .uuid,
        listing: .offsetWrapped,
        notFound: .notFound("The action module version does not exist.", "inexistent_action_module_version"),
        parentNotFound: actionModuleNotFound,
        scope: ScopeRule(resource: "actions"),
        snapshot: .embedded("versions", inAdminSnapshot: true),
        hooks: CollectionHooks(present: { row, _ in
            var version = row
            version["secrets"] = .array((row["secrets"]?.arrayValue ?? []).map { .object(["name": $0["name"] ?? .null, "updated_at": $0["updated_at"] ?? .null]) })
            return version
        })
    )

    static let actionModuleNotFound = APIErrorResponse.notFound("The action module does not exist.", "inexistent_action_module")

    /// Secrets as stored: each with the time it was written (reads show names and times, never values).
    static func stampedSecrets(_ secrets: JSONValue?) -> JSONValue {
        let now = EmulatedTenant.now()
        return .array((secrets?.arrayValue ?? []).map { secret in
            var stamped = secret.objectValue ?? [:]
            stamped["updated_at"] = .string(now)
            return .object(stamped)
        })
    }
}

extension CustomRoute {
    /// `POST /actions/modules/{id}/versions`: publishes the draft as the next version (200, the version); 409 when
    /// the draft has nothing unpublished (the spec's "No draft version is available to publish.").
    static let publishActionModule: CustomRoute = CustomRoute(
        method: "POST", path: "actions/modules/{id}/versions", scope: ScopeRule(resource: "actions", verbs: ["POST": "update"])
    ) { tenant, _, parameters throws(APIErrorResponse) in
        .ok(.object(try tenant.publishModule(parameters["id"] ?? "")))
    }
}

extension EmulatedTenant {
    /// Publishes a module's draft as its next version.
    mutating func publishModule(_ id: String) throws(APIErrorResponse) -> [String: JSONValue] {
        guard let module = table("actions/modules")[id] else { throw CollectionSpec.actionModuleNotFound }
        if module["all_changes_published"]?.boolValue == true {
            throw .conflict("No draft version is available to publish.", "no_draft_to_publish")
        }
        let version = storeVersion(ofModule: id, module)
        return CollectionSpec.actionModuleVersions.hooks.present?(version, self) ?? version
    }

    /// Stores the module's draft as its next version and marks every change published; the version as stored.
    @discardableResult
    mutating func storeVersion(ofModule id: String, _ module: [String: JSONValue]) -> [String: JSONValue] {
        var module = module
        let number = (module["latest_version_number"]?.numberValue ?? 0) + 1
        let version: [String: JSONValue] = [
            "id": .string(Identifiers.uuid()), "module_id": .string(id), "version_number": .number(number),
            "code": module["code"] ?? .string(""), "secrets": module["secrets"] ?? .array([]), "dependencies": module["dependencies"] ?? .array([]),
            "created_at": .string(Self.now()),
        ]
        tables["actions/modules/\(id)/versions", default: RecordTable()][version["id"]!.stringValue!] = version
        module["latest_version_number"] = .number(number)
        module["all_changes_published"] = .bool(true)
        tables["actions/modules", default: RecordTable()][id] = module
        return version
    }

    /// How many actions name a module (by id or by name).
    func actionsUsing(module: [String: JSONValue]) -> Int {
        actions.all.count { action in
            (action["modules"]?.arrayValue ?? []).contains { reference in
                reference["module_id"] == module["id"] || reference["module_name"] == module["name"]
            }
        }
    }

    /// An action's `modules` as stored: each names a module (by id or name) and one of its published versions (by id
    /// or number), and reads with all four. What is not found is the API's 404 (inferred: no recording shows one).
    func resolvedModuleReferences(_ value: JSONValue?) throws(APIErrorResponse) -> JSONValue? {
        guard let items = value?.arrayValue else { return value }
        var resolved: [JSONValue] = []
        for item in items {
            guard let module = table("actions/modules").first(where: { $0["id"] == item["module_id"] || ($0["name"] == item["module_name"] && item["module_name"] != nil) }),
                  let moduleID = module["id"]?.stringValue else {
                throw CollectionSpec.actionModuleNotFound
            }
            let versions = table("actions/modules/\(moduleID)/versions")
            guard let version = versions.first(where: { $0["id"] == item["module_version_id"] || ($0["version_number"] == item["module_version_number"] && item["module_version_number"] != nil) }) else {
                throw .notFound("The action module version does not exist.", "inexistent_action_module_version")
            }
            resolved.append(.object(["module_id": .string(moduleID), "module_name": module["name"] ?? .null,
                                      "module_version_id": version["id"] ?? .null, "module_version_number": version["version_number"] ?? .null]))
        }
        return .array(resolved)
    }
}
