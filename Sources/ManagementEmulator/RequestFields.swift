import APIJSON
import Foundation

/// The top-level fields each write endpoint accepts, derived from the OpenAPI spec by
/// `scripts/derive-api-fields.py`; anything else is the API's 400 "Additional properties not allowed".
enum RequestFields {
    static let allowed: [String: Set<String>] = {
        guard let url = Bundle.module.url(forResource: "request-fields", withExtension: "json"),
              let data = try? Data(contentsOf: url), let json = try? JSONValue.parse(data), let object = json.objectValue
        else { return [:] }
        return object.mapValues { Set($0.arrayValue?.compactMap(\.stringValue) ?? []) }
    }()

    /// Throws the API's validation error when `body` has keys the endpoint does not accept.
    static func check(_ body: [String: JSONValue], endpoint: String) throws(APIErrorResponse) {
        guard let allowed = allowed[endpoint] else { return }
        let extra = body.keys.filter { !allowed.contains($0) }.sorted()
        if !extra.isEmpty { throw .additionalProperties(extra) }
    }
}
