import TenantConfig

/// What the harness saw when it ran one action case: every `api` call (and which action made it, and whether its
/// handler had already resolved), the HTTP calls, and how it ended.
public struct ActionRun: Sendable {
    public struct Call: Sendable, Equatable {
        public var action: String
        public var method: String
        public var arguments: [JSONValue]
        /// Made after the action's handler had resolved: Auth0 ignores it.
        public var afterReturn: Bool

        public init(action: String, method: String, arguments: [JSONValue], afterReturn: Bool = false) {
            self.action = action
            self.method = method
            self.arguments = arguments
            self.afterReturn = afterReturn
        }
    }

    /// A handler that threw (or an action whose code threw while loading).
    public struct Thrown: Sendable, Equatable {
        public var action: String
        public var name: String
        public var message: String
        public var whileLoading: Bool
        /// Where in the action's file, from the error's stack (nil when the stack does not say).
        public var line: Int? = nil
        public var column: Int? = nil
    }

    /// An action that does not export the trigger's handler, and what it exports instead.
    public struct MissingHandler: Sendable, Equatable {
        public var action: String
        public var exports: [String]
    }

    public var calls: [Call]
    public var http: [ScriptRun.HTTPCall]
    /// The action whose handler never resolved within the time limit.
    public var timedOut: String?
    public var thrown: Thrown?
    public var missingHandler: MissingHandler?
    public var durationMilliseconds: Int

    public init(calls: [Call] = [], http: [ScriptRun.HTTPCall] = [], timedOut: String? = nil, thrown: Thrown? = nil,
                missingHandler: MissingHandler? = nil, durationMilliseconds: Int = 0) {
        self.calls = calls
        self.http = http
        self.timedOut = timedOut
        self.thrown = thrown
        self.missingHandler = missingHandler
        self.durationMilliseconds = durationMilliseconds
    }

    /// The calls that count: those made before their handler resolved.
    public var effectiveCalls: [Call] { calls.filter { !$0.afterReturn } }

    /// Decodes one result object of the harness's `actionResults`.
    static func decode(_ json: JSONValue) -> ActionRun {
        let calls = (json["calls"]?.arrayValue ?? []).map {
            Call(action: $0["action"]?.stringValue ?? "", method: $0["method"]?.stringValue ?? "",
                 arguments: $0["args"]?.arrayValue ?? [], afterReturn: $0["afterReturn"]?.boolValue ?? false)
        }
        let http = (json["http"]?.arrayValue ?? []).map {
            ScriptRun.HTTPCall(method: $0["method"]?.stringValue ?? "", url: $0["url"]?.stringValue ?? "", mocked: $0["mocked"]?.boolValue ?? false)
        }
        let thrown = json["thrown"].flatMap { value -> Thrown? in
            guard case .object = value else { return nil }
            return Thrown(action: value["action"]?.stringValue ?? "", name: value["name"]?.stringValue ?? "Error",
                          message: value["message"]?.stringValue ?? "", whileLoading: value["loading"]?.boolValue ?? false,
                          line: value["line"]?.numberValue.map { Int($0) }, column: value["column"]?.numberValue.map { Int($0) })
        }
        let missing = json["missingHandler"].flatMap { value -> MissingHandler? in
            guard case .object = value else { return nil }
            return MissingHandler(action: value["action"]?.stringValue ?? "", exports: (value["exports"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
        return ActionRun(calls: calls, http: http, timedOut: json["timedOut"]?.stringValue, thrown: thrown, missingHandler: missing,
                         durationMilliseconds: Int(json["durationMs"]?.numberValue ?? 0))
    }
}
