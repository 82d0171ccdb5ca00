import APIJSON
import Foundation

/// The top-level fields each write endpoint accepts, derived from the OpenAPI spec by
/// `scripts/derive-api-fields.py`; anything else is the API's 400 "Additional properties not allowed".
enum RequestFields {
    static let allowed: [String: Set<String>] = {
        // Embedded in the binary. An empty table would accept every body, so a broken build stops here instead.
        let object: [String: JSONValue]
        do {
            guard let parsed = try JSONValue.parse(Data(PackageResources.request_fields_json)).objectValue, !parsed.isEmpty else {
                fatalError("the emulator's request-fields.json is not a table of endpoints: this build is broken")
            }
            object = parsed
        } catch {
            fatalError("the emulator's request-fields.json does not parse (\(error)): this build is broken")
        }
        return object.mapValues { Set($0.arrayValue?.compactMap(\.stringValue) ?? []) }
    }()

    /// Throws the API's validation error when `body` has keys the endpoint does not accept.
    static func check(_ body: [String: JSONValue], endpoint: String) throws(APIErrorResponse) {
        guard let allowed = allowed[endpoint] else { return }
        let extra = body.keys.filter { !allowed.contains($0) }.sorted()
        if !extra.isEmpty { throw .additionalProperties(extra) }
    }
}
