import APIJSON
import Foundation

/// An error answer in the Management API's shape: `{statusCode, error, message, errorCode}`.
struct APIErrorResponse: Error {
    var status: Int
    var message: String
    var errorCode: String?

    var reason: String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 412: "Precondition Failed"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Error"
        }
    }

    var body: JSONValue {
        var object: [String: JSONValue] = ["statusCode": .number(Double(status)), "error": .string(reason), "message": .string(message)]
        if let errorCode { object["errorCode"] = .string(errorCode) }
        return .object(object)
    }

    static func invalidBody(_ message: String) -> APIErrorResponse { .init(status: 400, message: message, errorCode: "invalid_body") }
    static func additionalProperties(_ keys: [String]) -> APIErrorResponse {
        .invalidBody("Payload validation error: 'Additional properties not allowed: \(keys.joined(separator: ","))'.")
    }
    static func notFound(_ message: String, _ code: String?) -> APIErrorResponse { .init(status: 404, message: message, errorCode: code) }
    static func conflict(_ message: String, _ code: String) -> APIErrorResponse { .init(status: 409, message: message, errorCode: code) }
    static let unknownRoute = APIErrorResponse(status: 404, message: "Not Found", errorCode: nil)
    static let tooManyRequests = APIErrorResponse(status: 429, message: "Global limit has been reached", errorCode: "too_many_requests")
}
