import APIJSON

extension EmulatedTenant {
    /// `/resource-servers`: identifier unique (409), immutable on update.
    mutating func resourceServersRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let s = request.segments
        switch (request.method, s.count) {
        case ("GET", 1):
            return .ok(try ListPagination(query: request.query).page(resourceServers.all.map(JSONValue.object), plural: "resource_servers"))
        case ("POST", 1):
            var body = try request.object()
            try RequestFields.check(body, endpoint: "POST /resource-servers")
            guard let identifier = try FieldCheck.string(body, "identifier", required: true) else { throw .invalidBody("identifier is required") }
            try FieldCheck.types(body, ["scopes": "array", "token_lifetime": "integer"])
            if resourceServers.first(where: { $0["identifier"]?.stringValue == identifier }) != nil || identifier == managementAudience {
                throw .conflict("A resource server with the same identifier already exists", "resource_server_conflict")
            }
            let id = Identifiers.hex(24)
            body["id"] = .string(id)
            body["signing_alg"] = body["signing_alg"] ?? .string("RS256")
            body["token_lifetime"] = body["token_lifetime"] ?? .number(86400)
            body["allow_offline_access"] = body["allow_offline_access"] ?? .bool(false)
            body["skip_consent_for_verifiable_first_party_clients"] = body["skip_consent_for_verifiable_first_party_clients"] ?? .bool(false)
            body["scopes"] = body["scopes"] ?? .array([])
            resourceServers[id] = body
            return .created(.object(body))
        case (_, 2):
            let id = s[1]
            let found = resourceServers[id] ?? resourceServers.first { $0["identifier"]?.stringValue == id }
            switch request.method {
            case "GET":
                guard let found else { throw .notFound("The resource server does not exist", "inexistent_resource_server") }
                return .ok(.object(found))
            case "PATCH":
                let body = try request.object()
                try RequestFields.check(body, endpoint: "PATCH /resource-servers/{id}")
                guard var server = found, let key = server["id"]?.stringValue else { throw .notFound("The resource server does not exist", "inexistent_resource_server") }
                for (k, v) in body { server[k] = v == .null ? nil : v }
                resourceServers[key] = server
                return .ok(.object(server))
            case "DELETE":
                if let key = found?["id"]?.stringValue { resourceServers[key] = nil }
                return .noContent
            default: throw .unknownRoute
            }
        default: throw .unknownRoute
        }
    }

    var managementAudience: String { "https://\(domain)/api/v2/" }

    /// `/client-grants`: the client must exist, the audience must be an API of the tenant, one grant per pair.
    mutating func grantsRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let s = request.segments
        switch (request.method, s.count) {
        case ("GET", 1):
            var items = grants.all
            if let audience = request.query["audience"] { items = items.filter { $0["audience"]?.stringValue == audience } }
            if let clientID = request.query["client_id"] { items = items.filter { $0["client_id"]?.stringValue == clientID } }
            return .ok(try ListPagination(query: request.query).page(items.map(JSONValue.object), plural: "client_grants"))
        case ("POST", 1):
            var body = try request.object()
            try RequestFields.check(body, endpoint: "POST /client-grants")
            guard let clientID = try FieldCheck.string(body, "client_id", required: true),
                  let audience = try FieldCheck.string(body, "audience", required: true) else { throw .invalidBody("client_id and audience are required") }
            try FieldCheck.types(body, ["scope": "array"])
            guard clients[clientID] != nil else { throw .notFound("Client not found", "inexistent_client") }
            guard audience == managementAudience || resourceServers.first(where: { $0["identifier"]?.stringValue == audience }) != nil else {
                throw .notFound("No resource server found by specified identifier", "inexistent_resource_server")
            }
            if grants.first(where: { $0["client_id"]?.stringValue == clientID && $0["audience"]?.stringValue == audience }) != nil {
                throw .conflict("A client grant for this client and audience already exists", "client_grant_conflict")
            }
            let id = Identifiers.prefixed("cgr_")
            body["id"] = .string(id)
            body["scope"] = body["scope"] ?? .array([])
            grants[id] = body
            return .created(.object(body))
        case (_, 2):
            let id = s[1]
            switch request.method {
            case "GET":
                guard let grant = grants[id] else { throw .notFound("The client grant does not exist", "inexistent_client_grant") }
                return .ok(.object(grant))
            case "PATCH":
                let body = try request.object()
                try RequestFields.check(body, endpoint: "PATCH /client-grants/{id}")
                guard var grant = grants[id] else { throw .notFound("The client grant does not exist", "inexistent_client_grant") }
                for (k, v) in body { grant[k] = v == .null ? nil : v }
                grants[id] = grant
                return .ok(.object(grant))
            case "DELETE":
                grants[id] = nil
                return .noContent
            default: throw .unknownRoute
            }
        default: throw .unknownRoute
        }
    }
}
