import APIJSON
import Foundation

extension EmulatedTenant {
    /// `/actions/actions` (+ `/deploy`) and `/actions/triggers/{trigger}/bindings` (PATCH replaces the list).
    mutating func actionsRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let s = request.segments
        guard s.count >= 2 else { throw .unknownRoute }
        if s[1] == "triggers" { return try bindingsRoute(request) }
        guard s[1] == "actions" else { throw .unknownRoute }
        switch (request.method, s.count) {
        case ("GET", 2):
            var items = actions.all
            if let name = request.query["actionName"] { items = items.filter { $0["name"]?.stringValue == name } }
            return .ok(try ListPagination(query: request.query).page(items.map(JSONValue.object), plural: "actions", alwaysWrapped: true))
        case ("POST", 2):
            var body = try request.object()
            try RequestFields.check(body, endpoint: "POST /actions/actions")
            guard let name = try FieldCheck.string(body, "name", required: true) else { throw .invalidBody("name is required") }
            guard body["supported_triggers"]?.arrayValue?.isEmpty == false else {
                throw .invalidBody("Payload validation error: 'Missing required property: supported_triggers'.")
            }
            if actions.first(where: { $0["name"]?.stringValue == name }) != nil {
                throw .conflict("An action with the same name already exists", "action_conflict")
            }
            let id = Identifiers.uuid()
            let now = ISO8601DateFormatter().string(from: Date())
            body["id"] = .string(id)
            body["code"] = body["code"] ?? .string("")
            body["runtime"] = body["runtime"] ?? .string("node22")
            body["dependencies"] = body["dependencies"] ?? .array([])
            body["secrets"] = .array((body["secrets"]?.arrayValue ?? []).map { .object(["name": $0["name"] ?? .null, "updated_at": .string(now)]) })
            body["status"] = .string("built")
            body["all_changes_deployed"] = .bool(false)
            body["created_at"] = .string(now)
            body["updated_at"] = .string(now)
            let deploy = body.removeValue(forKey: "deploy")?.boolValue == true
            if body["modules"] != nil { body["modules"] = try resolvedModuleReferences(body["modules"]) }
            actions[id] = body
            if deploy { _ = try deployAction(id) }
            return .created(.object(actions[id]!))
        case (_, 3):
            let id = s[2]
            switch request.method {
            case "GET":
                guard let action = actions[id] else { throw .notFound("The action does not exist", "inexistent_action") }
                return .ok(.object(action))
            case "PATCH":
                let body = try request.object()
                try RequestFields.check(body, endpoint: "PATCH /actions/actions/{id}")
                guard var action = actions[id] else { throw .notFound("The action does not exist", "inexistent_action") }
                for (k, v) in body { action[k] = v == .null ? nil : v }
                if body["modules"] != nil { action["modules"] = try resolvedModuleReferences(body["modules"]) }
                if let secrets = body["secrets"]?.arrayValue {
                    // Secret values are write-only: reads show names and when they changed.
                    let now = ISO8601DateFormatter().string(from: Date())
                    action["secrets"] = .array(secrets.map { .object(["name": $0["name"] ?? .null, "updated_at": .string(now)]) })
                }
                action["all_changes_deployed"] = .bool(false)
                action["updated_at"] = .string(ISO8601DateFormatter().string(from: Date()))
                actions[id] = action
                return .ok(.object(action))
            case "DELETE":
                guard let action = actions[id] else { throw .notFound("The action does not exist", "inexistent_action") }
                let bound = bindings.contains { $0.value.contains { $0["action"]?["id"]?.stringValue == id } }
                if bound && request.query["force"] != "true" {
                    throw .conflict("The action is bound to a trigger; remove the binding or use force=true", "action_bound")
                }
                for (trigger, list) in bindings { bindings[trigger] = list.filter { $0["action"]?["id"]?.stringValue != id } }
                _ = action
                actions[id] = nil
                return .noContent
            default: throw .unknownRoute
            }
        case ("POST", 4) where s[3] == "deploy":
            return .ok(try deployAction(s[2]))
        default: throw .unknownRoute
        }
    }

    private mutating func deployAction(_ id: String) throws(APIErrorResponse) -> JSONValue {
        guard var action = actions[id] else { throw .notFound("The action does not exist", "inexistent_action") }
        let number = (action["deployed_version"]?["number"]?.numberValue ?? 0) + 1
        let version: JSONValue = .object([
            "id": .string(Identifiers.uuid()), "action_id": .string(id), "number": .number(number), "deployed": .bool(true),
            "code": action["code"] ?? .string(""), "status": .string("built"),
        ])
        action["deployed_version"] = version
        action["all_changes_deployed"] = .bool(true)
        actions[id] = action
        return version
    }

    private mutating func bindingsRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let s = request.segments
        guard s.count == 4, s[3] == "bindings" else { throw .unknownRoute }
        let trigger = s[2]
        switch request.method {
        case "GET":
            return .ok(try ListPagination(query: request.query).page(bindings[trigger] ?? [], plural: "bindings", alwaysWrapped: true))
        case "PATCH":
            let body = try request.object()
            guard let list = body["bindings"]?.arrayValue else { throw .invalidBody("Payload validation error: 'Missing required property: bindings'.") }
            var result: [JSONValue] = []
            for item in list {
                guard let ref = item["ref"], let type = ref["type"]?.stringValue, let value = ref["value"]?.stringValue else {
                    throw .invalidBody("Payload validation error: 'Missing required property: ref'.")
                }
                let action = type == "action_id" ? actions[value] : actions.first { $0["name"]?.stringValue == value }
                guard let action, let id = action["id"]?.stringValue else { throw .notFound("The action does not exist", "inexistent_action") }
                guard action["deployed_version"] != nil else {
                    throw .invalidBody("The action \(action["name"]?.stringValue ?? id) has no deployed version and cannot be bound")
                }
                result.append(.object([
                    "id": .string(Identifiers.uuid()), "trigger_id": .string(trigger),
                    "display_name": item["display_name"] ?? action["name"] ?? .null,
                    "action": .object(["id": .string(id), "name": action["name"] ?? .null]),
                ]))
            }
            bindings[trigger] = result
            return .ok(.object(["bindings": .array(result)]))
        default: throw .unknownRoute
        }
    }
}
