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
}
