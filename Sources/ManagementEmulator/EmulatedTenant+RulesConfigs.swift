import APIJSON

extension EmulatedTenant {
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
