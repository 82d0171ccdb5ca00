import APIJSON

extension EmulatedTenant {
    /// `/rules`: names unique, `rul_` ids, stage fixed to login_success.
    mutating func rulesRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let s = request.segments
        switch (request.method, s.count) {
        case ("GET", 1):
            let sorted = rules.all.sorted { ($0["order"]?.numberValue ?? 0) < ($1["order"]?.numberValue ?? 0) }
            return .ok(try ListPagination(query: request.query).page(sorted.map(JSONValue.object), plural: "rules"))
        case ("POST", 1):
            var body = try request.object()
            try RequestFields.check(body, endpoint: "POST /rules")
            guard let name = try FieldCheck.string(body, "name", required: true) else { throw .invalidBody("name is required") }
            _ = try FieldCheck.string(body, "script", required: true)
            try FieldCheck.types(body, ["order": "number", "enabled": "boolean"])
            if rules.first(where: { $0["name"]?.stringValue == name }) != nil {
                throw .conflict("A rule with the same name already exists", "rule_conflict")
            }
            let id = Identifiers.prefixed("rul_")
            body["id"] = .string(id)
            body["enabled"] = body["enabled"] ?? .bool(true)
            body["order"] = body["order"] ?? .number(Double((rules.all.compactMap { $0["order"]?.numberValue }.max() ?? 0) + 1))
            body["stage"] = .string("login_success")
            rules[id] = body
            return .created(.object(body))
        case (_, 2):
            let id = s[1]
            switch request.method {
            case "GET":
                guard let rule = rules[id] else { throw .notFound("The rule does not exist", "inexistent_rule") }
                return .ok(.object(rule))
            case "PATCH":
                let body = try request.object()
                try RequestFields.check(body, endpoint: "PATCH /rules/{id}")
                guard var rule = rules[id] else { throw .notFound("The rule does not exist", "inexistent_rule") }
                for (k, v) in body { rule[k] = v == .null ? nil : v }
                rules[id] = rule
                return .ok(.object(rule))
            case "DELETE":
                rules[id] = nil
                return .noContent
            default: throw .unknownRoute
            }
        default: throw .unknownRoute
        }
    }

    /// `/rules-configs`: keys only on read; values are write-only secrets.
    mutating func rulesConfigsRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let s = request.segments
        switch (request.method, s.count) {
        case ("GET", 1):
            return .ok(.array(rulesConfigs.all.map { .object(["key": $0["key"] ?? .null]) }))
        case ("PUT", 2):
            let body = try request.object()
            try RequestFields.check(body, endpoint: "PUT /rules-configs/{key}")
            guard let value = try FieldCheck.string(body, "value", required: true) else { throw .invalidBody("value is required") }
            rulesConfigs[s[1]] = ["key": .string(s[1]), "value": .string(value)]
            return .ok(.object(["key": .string(s[1]), "value": .string(value)]))
        case ("DELETE", 2):
            rulesConfigs[s[1]] = nil
            return .noContent
        default: throw .unknownRoute
        }
    }
}
