/// Why a Management API call failed, with what to do about it.
public enum ManagementAPIError: Error, Equatable, CustomStringConvertible {
    /// The API answered with an error body.
    case http(status: Int, error: String, message: String, errorCode: String?)
    /// The token lacks scopes the call needs.
    case missingScopes([String])
    case refusedCredentials(String)
    case unreachable(String)
    /// Still rate limited after every retry.
    case rateLimitExhausted
    /// A write whose outcome is unknown (the connection dropped or the server failed mid-write): read before retrying.
    case outcomeUnknown(String)
    case invalidResponse(String)

    public var description: String {
        switch self {
        case .http(let status, let error, let message, let code):
            "the Management API answered \(status) \(error): \(message)\(code.map { " (\($0))" } ?? "")"
        case .missingScopes(let scopes):
            "the token lacks the scope\(scopes.count == 1 ? "" : "s") \(scopes.joined(separator: ", ")); grant \(scopes.count == 1 ? "it" : "them") to tenantctl's machine-to-machine client on the Auth0 Management API"
        case .refusedCredentials(let why):
            "the tenant refused tenantctl's credentials (\(why)); check AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or AUTH0_ACCESS_TOKEN"
        case .unreachable(let why):
            "the Management API cannot be reached: \(why); check the domain and the network"
        case .rateLimitExhausted:
            "the Management API kept answering 429 Too Many Requests; another tool may be using the tenant's rate limit: try again later or lower --max-rps"
        case .outcomeUnknown(let what):
            "the outcome of \(what) is unknown (the connection dropped or the server failed mid-write)"
        case .invalidResponse(let why):
            "the Management API sent an answer tenantctl cannot read: \(why)"
        }
    }
}
