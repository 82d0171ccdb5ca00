import APIJSON
import Foundation

extension EmulatedTenant {
    /// `/connections` and `/connections/{id}/clients`. PATCH replaces `options` whole; DELETE answers 202;
    /// configuration values are returned as fresh ciphertext.
    mutating func connectionsRoute(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let s = request.segments
        switch (request.method, s.count) {
        case ("GET", 1):
            var items = connections.all
            if let strategy = request.query["strategy"] { items = items.filter { $0["strategy"]?.stringValue == strategy } }
            if let name = request.query["name"] { items = items.filter { $0["name"]?.stringValue == name } }
            let page = try ListPagination(query: request.query).page(items.map { .object(Ciphertext.presented(DirectoryProvisioning.withoutConfiguration($0))) }, plural: "connections")
            return .ok(ListPagination(query: request.query).project(page))
        case ("POST", 1):
            var body = try request.object()
            try RequestFields.check(body, endpoint: "POST /connections")
            guard let name = try FieldCheck.string(body, "name", required: true) else { throw .invalidBody("name is required") }
            _ = try FieldCheck.string(body, "strategy", required: true)
            try FieldCheck.types(body, ["options": "object", "enabled_clients": "array", "metadata": "object"])
            try Self.checkOptions(body["options"])
            if connections.first(where: { $0["name"]?.stringValue == name }) != nil {
                throw .conflict("A connection with the same name already exists", "connection_conflict")
            }
            let id = Identifiers.prefixed("con_")
            body["id"] = .string(id)
            body["realms"] = body["realms"] ?? .array([.string(name)])
            body["enabled_clients"] = body["enabled_clients"] ?? .array([])
            body["is_domain_connection"] = body["is_domain_connection"] ?? .bool(false)
            body["options"] = body["options"] ?? .object([:])
            connections[id] = body
            return .created(.object(Ciphertext.presented(DirectoryProvisioning.withoutConfiguration(body))))
        case (_, 2):
            let id = s[1]
            switch request.method {
            case "GET":
                guard let connection = connections[id] else { throw .notFound("The connection does not exist", "inexistent_connection") }
                return .ok(ListPagination(query: request.query).project(.object(Ciphertext.presented(DirectoryProvisioning.withoutConfiguration(connection)))))
            case "PATCH":
                let body = try request.object()
                try RequestFields.check(body, endpoint: "PATCH /connections/{id}")
                try FieldCheck.types(body, ["options": "object", "enabled_clients": "array", "metadata": "object"])
                try Self.checkOptions(body["options"])
                guard var connection = connections[id] else { throw .notFound("The connection does not exist", "inexistent_connection") }
                // Every field given replaces the stored one whole, options included.
                for (key, value) in body { connection[key] = value == .null ? nil : value }
                connections[id] = connection
                return .ok(.object(Ciphertext.presented(DirectoryProvisioning.withoutConfiguration(connection))))
            case "DELETE":
                guard let connection = connections[id] else { return .noContent }
                connections[id] = nil
                // As on Auth0, a deleted connection leaves every organization.
                removeReferences(to: "connections", connection)
                return APIResult(status: 202, body: .object(["deleted_at": .string(ISO8601DateFormatter().string(from: Date()))]))
            default: throw .unknownRoute
            }
        case (_, 3) where s[2] == "clients":
            guard var connection = connections[s[1]] else { throw .notFound("The connection does not exist", "inexistent_connection") }
            let enabled = connection["enabled_clients"]?.arrayValue?.compactMap(\.stringValue) ?? []
            switch request.method {
            case "GET":
                let items = enabled.map { JSONValue.object(["client_id": .string($0)]) }
                var query = request.query
                if query["take"] == nil && query["from"] == nil { query["take"] = "50" }
                return .ok(try ListPagination(query: query).page(items, plural: "clients", maxTake: 1000))
            case "PATCH":
                guard case .array(let items)? = request.body, (1...50).contains(items.count) else {
                    throw .invalidBody("Payload validation error: 'Expected an array of 1 to 50 items of {client_id, status}'.")
                }
                var set = enabled
                for item in items {
                    guard let clientID = item["client_id"]?.stringValue, let status = item["status"]?.boolValue else {
                        throw .invalidBody("Payload validation error: 'Missing required property: client_id or status'.")
                    }
                    guard clients[clientID] != nil else { throw .notFound("The client does not exist", "inexistent_client") }
                    if status { if !set.contains(clientID) { set.append(clientID) } } else { set.removeAll { $0 == clientID } }
                }
                connection["enabled_clients"] = .array(set.map(JSONValue.string))
                connections[s[1]] = connection
                return .noContent
            default: throw .unknownRoute
            }
        default: throw .unknownRoute
        }
    }

    /// Option combinations the API refuses.
    static func checkOptions(_ options: JSONValue?) throws(APIErrorResponse) {
        if options?["attributes"] != nil && options?["validation"] != nil {
            throw .invalidBody("Cannot set both options.attributes and options.validation")
        }
    }
}
