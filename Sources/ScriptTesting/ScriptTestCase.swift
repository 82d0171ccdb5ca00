import TenantConfig

/// One run of one custom database script: its arguments, the legacy API's mocked answers, and what the
/// callback must receive. Generic cases (no expectations) check only the platform's invariants.
public struct ScriptTestCase: Sendable {
    public var name: String
    public var connection: String
    public var script: DatabaseScriptName
    public var file: String
    public var code: String
    public var arguments: [JSONValue]
    public var configuration: [String: JSONValue]
    /// Mocked HTTP exchanges: `{request: {method, url}, response: {status, body, headers}}`.
    public var exchanges: [JSONValue]
    public var expectation: ScriptExpectation?
    /// Import mode: the request that marks a legacy user as migrated, which a successful login must make.
    public var migrationMarker: MigrationMarker?
    /// Where the case is written (nil for generic cases).
    public var location: SourceLocation?

    public init(name: String, connection: String, script: DatabaseScriptName, file: String, code: String, arguments: [JSONValue],
                configuration: [String: JSONValue], exchanges: [JSONValue] = [], expectation: ScriptExpectation? = nil,
                migrationMarker: MigrationMarker? = nil, location: SourceLocation? = nil) {
        self.name = name
        self.connection = connection
        self.script = script
        self.file = file
        self.code = code
        self.arguments = arguments
        self.configuration = configuration
        self.exchanges = exchanges
        self.expectation = expectation
        self.migrationMarker = migrationMarker
        self.location = location
    }

    /// Arguments for a generic run of a script, in its documented order (the callback comes last).
    public static func genericArguments(for script: DatabaseScriptName) -> [JSONValue] {
        let email = JSONValue.string("harness.user@example.com")
        return switch script {
        case .login: [email, .string("harness-password")]
        case .getUser, .verify: [email]
        case .create: [.object(["email": email, "password": .string("harness-password"), "tenant": .string("harness"), "client_id": .string("harness")])]
        case .changePassword: [email, .string("new-harness-password")]
        case .delete: [.string("legacy|harness")]
        case .changeEmail: [email, .string("new.harness.user@example.com"), .bool(true)]
        }
    }
}

/// What a test case expects of the callback.
public enum ScriptExpectation: Sendable, Equatable {
    /// `callback(null, profile)` where the profile holds at least these fields with these values.
    case profile([String: JSONValue])
    /// `callback(error)` with an error of this type name (`WrongUsernameOrPasswordError`, `ValidationError`, `Error`).
    case error(String)
    /// `callback(null, value)` with exactly this value (`true`, `false`, or nothing: `null`).
    case result(JSONValue)
}

/// The request a connection in import mode makes to mark a legacy user as migrated (declared as `migration:` in
/// tests.yaml): `url` may hold `*` for any run of characters (`https://legacy.example/users/*/migrated`).
public struct MigrationMarker: Sendable, Equatable {
    public var method: String
    public var url: String

    public init(method: String, url: String) {
        self.method = method
        self.url = url
    }

    /// Whether a request the script made is this one (method ignoring case, query ignored).
    public func matches(method: String, url: String) -> Bool {
        guard method.uppercased() == self.method.uppercased() else { return false }
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        return Self.glob(Array(self.url.utf8), Array(path.utf8))
    }

    private static func glob(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count && pattern[p] == UInt8(ascii: "*") {
                star = p; mark = t; p += 1
            } else if p < pattern.count && pattern[p] == text[t] {
                p += 1; t += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
