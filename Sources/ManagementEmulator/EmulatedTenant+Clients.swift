import APIJSON

extension EmulatedTenant {
    /// `/clients`: list, get, create (201, generated `client_id` and `client_secret`), update, delete (204).
    mutating func clientsRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let s = request.segments
        switch (request.method, s.count) {
        case ("GET", 1):
            var items = clients.all
            if let global = request.query["is_global"].flatMap(Bool.init) { items = items.filter { ($0["global"]?.boolValue == true) == global } }
            return .ok(try ListPagination(query: request.query).page(items.map { .object(Self.presentClient($0)) }, plural: "clients"))
        case ("POST", 1):
            var body = try request.object()
            try RequestFields.check(body, endpoint: "POST /clients")
            guard let name = try FieldCheck.string(body, "name", required: true), !name.isEmpty else {
                throw .invalidBody("Payload validation error: 'String is too short (0 chars), minimum 1' on property name (The name of the client).")
            }
            try FieldCheck.types(body, ["callbacks": "array", "grant_types": "array", "app_type": "string", "jwt_configuration": "object"])
            let id = Identifiers.clientID()
            body["client_id"] = .string(id)
            body["client_secret"] = .string(Identifiers.secret())
            body["tenant"] = .string(domain.split(separator: ".").first.map(String.init) ?? domain)
            body["global"] = .bool(false)
            body["is_first_party"] = body["is_first_party"] ?? .bool(true)
            body["grant_types"] = body["grant_types"] ?? .array(["authorization_code", "implicit", "refresh_token", "client_credentials"].map(JSONValue.string))
            body["jwt_configuration"] = .object(Self.merge(["alg": .string("RS256"), "lifetime_in_seconds": .number(36000), "secret_encoded": .bool(false)],
                                                           body["jwt_configuration"]?.objectValue ?? [:]))
            clients[id] = body
            return .created(.object(body))
        case ("POST", 3) where s[1] == "cimd" && s[2] == "register":
            return try registerMetadataDocumentClient(try request.object())
        case (_, 2):
            let id = s[1]
            switch request.method {
            case "GET":
                guard let client = clients[id] else { throw .notFound("The client does not exist", "inexistent_client") }
                return .ok(.object(Self.presentClient(client)))
            case "PATCH":
                let body = try request.object()
                try RequestFields.check(body, endpoint: "PATCH /clients/{id}")
                guard var client = clients[id] else { throw .notFound("The client does not exist", "inexistent_client") }
                for (key, value) in body { client[key] = value == .null ? nil : value }
                clients[id] = client
                return .ok(.object(client))
            case "DELETE":
                guard let client = clients[id] else { return .noContent }
                clients[id] = nil
                // Its grants go with it, and with them their organizations' associations.
                removeReferences(to: "clients", client)
                // As on Auth0, a deleted client disappears from every connection's enabled clients.
                for connection in connections.all {
                    guard let connectionID = connection["id"]?.stringValue, let enabled = connection["enabled_clients"]?.arrayValue,
                          enabled.contains(.string(id)) else { continue }
                    var updated = connection
                    updated["enabled_clients"] = .array(enabled.filter { $0 != .string(id) })
                    connections[connectionID] = updated
                }
                return .noContent
            default: throw .unknownRoute
            }
        default: throw .unknownRoute
        }
    }

    /// Lists and reads never show the secret of a client, as with a token lacking `read:client_keys`.
    static func presentClient(_ client: [String: JSONValue]) -> [String: JSONValue] {
        var c = client
        c["client_secret"] = nil
        return c
    }
}
