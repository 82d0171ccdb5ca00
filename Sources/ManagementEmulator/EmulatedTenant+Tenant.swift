import APIJSON

extension EmulatedTenant {
    /// `/tenants/settings`: PATCH merges, `null` clears.
    mutating func tenantSettingsRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        switch request.method {
        case "GET": return .ok(.object(tenantSettings))
        case "PATCH":
            let body = try request.object()
            try RequestFields.check(body, endpoint: "PATCH /tenants/settings")
            tenantSettings = Self.merge(tenantSettings, body)
            return .ok(.object(tenantSettings))
        default: throw .unknownRoute
        }
    }

    /// `/emails/provider`: 404 until created; credentials are write-only.
    mutating func emailProviderRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let missing = APIErrorResponse.notFound("There is not a configured email provider", "inexistent_email_provider")
        switch request.method {
        case "GET":
            guard var provider = emailProvider else { throw missing }
            provider["credentials"] = nil
            return .ok(ListPagination(query: request.query).project(.object(provider)))
        case "POST":
            let body = try request.object()
            try RequestFields.check(body, endpoint: "POST /emails/provider")
            _ = try FieldCheck.string(body, "name", required: true)
            if emailProvider != nil { throw .conflict("An email provider is already configured", "email_provider_conflict") }
            emailProvider = body
            return .created(.object(body.filter { $0.key != "credentials" }))
        case "PATCH":
            let body = try request.object()
            try RequestFields.check(body, endpoint: "PATCH /emails/provider")
            guard var provider = emailProvider else { throw missing }
            for (k, v) in body { provider[k] = v == .null ? nil : v }
            emailProvider = provider
            return .ok(.object(provider.filter { $0.key != "credentials" }))
        case "DELETE":
            emailProvider = nil
            return .noContent
        default: throw .unknownRoute
        }
    }

    /// A log stream without the sink's credentials (API keys, tokens, authorization headers), for the admin
    /// channel. The API itself returns them, as the recorded interactions show (`httpAuthorization`).
    static func presentLogStream(_ stream: [String: JSONValue]) -> [String: JSONValue] {
        guard let sink = stream["sink"]?.objectValue else { return stream }
        var presented = stream
        presented["sink"] = .object(sink.filter { key, _ in
            let lower = key.lowercased()
            return !["key", "token", "authorization", "secret", "password"].contains { lower.contains($0) }
        })
        return presented
    }

    /// `/log-streams`: a plain array on list; POST answers 200.
    mutating func logStreamsRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let s = request.segments
        switch (request.method, s.count) {
        case ("GET", 1): return .ok(.array(logStreams.all.map(JSONValue.object)))
        case ("POST", 1):
            var body = try request.object()
            try RequestFields.check(body, endpoint: "POST /log-streams")
            _ = try FieldCheck.string(body, "type", required: true)
            let id = "lst_" + Identifiers.random(16, from: Array("0123456789"))
            body["id"] = .string(id)
            body["status"] = body["status"] ?? .string("active")
            logStreams[id] = body
            return .ok(.object(body))
        case (_, 2):
            let id = s[1]
            switch request.method {
            case "GET":
                guard let stream = logStreams[id] else { throw .notFound("The log stream does not exist", "inexistent_log_stream") }
                return .ok(.object(stream))
            case "PATCH":
                let body = try request.object()
                try RequestFields.check(body, endpoint: "PATCH /log-streams/{id}")
                guard var stream = logStreams[id] else { throw .notFound("The log stream does not exist", "inexistent_log_stream") }
                for (k, v) in body { stream[k] = v == .null ? nil : v }
                logStreams[id] = stream
                return .ok(.object(stream))
            case "DELETE":
                logStreams[id] = nil
                return .noContent
            default: throw .unknownRoute
            }
        default: throw .unknownRoute
        }
    }
}
