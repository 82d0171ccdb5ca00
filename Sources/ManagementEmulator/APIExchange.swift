import APIJSON

/// One Management API request as the endpoints see it (path relative to `/api/v2`).
struct APIRequest: Sendable {
    var method: String
    var segments: [String]
    var query: [String: String]
    var body: JSONValue?

    var isWrite: Bool { method != "GET" }

    /// The body as an object, or the API's 400.
    func object() throws(APIErrorResponse) -> [String: JSONValue] {
        guard let body, case .object(let object) = body else { throw .invalidBody("Payload validation error: 'Expected type object but found type \(body.map(Self.typeName) ?? "null")'.") }
        return object
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// What an endpoint answers: a status and an optional JSON body.
struct APIResult: Sendable {
    var status: Int
    var body: JSONValue?

    static func ok(_ body: JSONValue) -> APIResult { APIResult(status: 200, body: body) }
    static func created(_ body: JSONValue) -> APIResult { APIResult(status: 201, body: body) }
    static let noContent = APIResult(status: 204, body: nil)
}

/// Field type checks shared by the endpoints.
enum FieldCheck {
    static func string(_ object: [String: JSONValue], _ key: String, required: Bool = false) throws(APIErrorResponse) -> String? {
        guard let value = object[key] else {
            if required { throw .invalidBody("Payload validation error: 'Missing required property: \(key)'.") }
            return nil
        }
        guard case .string(let s) = value else {
            throw .invalidBody("Payload validation error: 'Expected type string but found type \(APIRequest.typeName(value))' on property \(key).")
        }
        return s
    }

    static func types(_ object: [String: JSONValue], _ expected: [String: String]) throws(APIErrorResponse) {
        for (key, type) in expected {
            guard let value = object[key], value != .null else { continue }
            let actual = APIRequest.typeName(value)
            if actual != type && !(type == "integer" && actual == "number") {
                throw .invalidBody("Payload validation error: 'Expected type \(type) but found type \(actual)' on property \(key).")
            }
        }
    }
}
