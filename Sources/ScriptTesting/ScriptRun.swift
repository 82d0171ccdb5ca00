import TenantConfig

/// What the harness saw when it ran one case: every callback call, the HTTP calls, and how it ended.
public struct ScriptRun: Sendable {
    public struct Call: Sendable {
        /// The error argument: nil for `callback(null, …)`.
        public var error: ErrorValue?
        public var value: JSONValue
        public var atMilliseconds: Int
    }

    public struct ErrorValue: Sendable {
        /// Whether it was an `Error` object (as the platform requires), not a string or plain object.
        public var isError: Bool
        public var name: String
        public var message: String
    }

    public struct HTTPCall: Sendable {
        public var method: String
        public var url: String
        public var mocked: Bool
    }

    public var calls: [Call]
    public var http: [HTTPCall]
    public var unusedMocks: [String]
    public var timedOut: Bool
    /// An exception thrown synchronously by the script, if any.
    public var thrown: ErrorValue?
    public var durationMilliseconds: Int

    /// Decodes one result object of the harness's output.
    static func decode(_ json: JSONValue) -> ScriptRun {
        func errorValue(_ value: JSONValue?) -> ErrorValue? {
            guard let value, case .object = value else { return nil }
            return ErrorValue(isError: value["isError"]?.boolValue ?? true, name: value["name"]?.stringValue ?? "Error", message: value["message"]?.stringValue ?? "")
        }
        let calls = (json["calls"]?.arrayValue ?? []).map {
            Call(error: errorValue($0["error"]), value: $0["value"] ?? .null, atMilliseconds: Int($0["atMs"]?.numberValue ?? 0))
        }
        let http = (json["http"]?.arrayValue ?? []).map {
            HTTPCall(method: $0["method"]?.stringValue ?? "", url: $0["url"]?.stringValue ?? "", mocked: $0["mocked"]?.boolValue ?? false)
        }
        return ScriptRun(
            calls: calls, http: http,
            unusedMocks: (json["unusedMocks"]?.arrayValue ?? []).compactMap(\.stringValue),
            timedOut: json["timedOut"]?.boolValue ?? false,
            thrown: errorValue(json["thrown"]).map { ErrorValue(isError: true, name: $0.name, message: $0.message) },
            durationMilliseconds: Int(json["durationMs"]?.numberValue ?? 0)
        )
    }
}
