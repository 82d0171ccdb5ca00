import APIJSON

extension EmulatedTenant {
    /// `GET|PATCH /custom-domains/default`: the tenant's default domain. It answers the default custom domain, or
    /// `{"domain"}` (the canonical domain) while none is. `PATCH {"domain"}` makes a custom domain the default (its
    /// `is_default` true, every other one's false) or, given the canonical domain, none. Only a verified domain
    /// (`status: ready`) can be the default, and the domain must be one of the tenant's: the spec documents a 400 for
    /// an invalid body with a message that varies; the wording here is inferred.
    mutating func defaultCustomDomainRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        switch request.method {
        case "GET":
            return .ok(defaultCustomDomain())
        case "PATCH":
            guard case .object(let body)? = request.body else { throw .invalidBody("Payload validation error: 'Expected type object but found type null'.") }
            let unknown = body.keys.filter { $0 != "domain" }.sorted()
            guard unknown.isEmpty else { throw .additionalProperties(unknown) }
            guard case .string(let domain)? = body["domain"] else {
                throw .invalidBody("Payload validation error: 'Missing required property: domain'.")
            }
            var table = tables["custom-domains", default: RecordTable()]
            let canonical = domain == self.domain
            let chosen = table.all.first { $0["domain"]?.stringValue == domain }
            guard canonical || chosen != nil else { throw .invalidBody("The domain \(domain) is not a custom domain of this tenant.") }
            if let chosen, chosen["status"]?.stringValue != "ready" {
                throw .invalidBody("The custom domain \(domain) must be verified (status ready) before it can be the default.")
            }
            for row in table.all {
                guard let id = row["custom_domain_id"]?.stringValue else { continue }
                var updated = row
                updated["is_default"] = .bool(row["domain"]?.stringValue == domain)
                table[id] = updated
            }
            tables["custom-domains"] = table
            return .ok(defaultCustomDomain())
        default:
            throw .unknownRoute
        }
    }

    private func defaultCustomDomain() -> JSONValue {
        if let row = table("custom-domains").all.first(where: { $0["is_default"]?.boolValue == true }) { return .object(row) }
        return .object(["domain": .string(domain)])
    }
}
