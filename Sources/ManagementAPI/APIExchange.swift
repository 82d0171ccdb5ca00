import APIJSON

/// One Management API call: method, path under `/api/v2`, query, body, and whether repeating it is safe.
public struct APIRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [(String, String)]
    public var body: JSONValue?
    /// GET, PUT, PATCH and DELETE are safe to repeat; a POST that creates is not.
    public var isIdempotent: Bool

    public init(_ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil, isIdempotent: Bool? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.isIdempotent = isIdempotent ?? (method != "POST")
    }
}

/// What came back.
public struct APIResponse: Sendable {
    public var status: Int
    public var body: JSONValue?
    public var headers: [String: String]
}
