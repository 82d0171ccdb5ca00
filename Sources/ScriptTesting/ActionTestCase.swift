import Foundation
import TenantConfig

/// One run of a trigger's actions under Node: the event, the actions in binding order (the run stops at the first
/// `api.access.deny`, as Auth0's does), the mocked HTTP exchanges, and what the `api` calls must be.
public struct ActionTestCase: Sendable {
    /// Where a case comes from, which decides what it checks beyond the platform's invariants.
    public enum Kind: Sendable, Equatable {
        /// The action alone, with a default event and the network down: the invariants only.
        case generic
        /// A case written in `actions/<name>/tests.yaml`.
        case written
        /// Generated from `legacy_identity_api`: a token request for that audience by one client, which must be
        /// denied unless the client is allowed. `platformDenial` says why Auth0 refuses it before any action runs.
        case legacyAPI(client: String, audience: String, allowed: Bool, allowedClients: [String], platformDenial: String?)
    }

    public var kind: Kind
    public var name: String
    /// What the report names: the action's name, or the legacy API check.
    public var subject: String
    /// `post-login` or `credentials-exchange`.
    public var trigger: String
    public var actions: [ActionCode]
    /// The event, complete (defaults merged in), without `secrets`: each action gets its own.
    public var event: JSONValue
    /// Mocked HTTP exchanges, as in database script cases.
    public var exchanges: [JSONValue]
    /// Exactly these `api` calls, in order (written cases that say `expect: calls:`).
    public var expectedCalls: [ExpectedCall]?
    public var file: String
    public var location: SourceLocation?

    public init(kind: Kind, name: String, subject: String, trigger: String, actions: [ActionCode], event: JSONValue, exchanges: [JSONValue] = [],
                expectedCalls: [ExpectedCall]? = nil, file: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.name = name
        self.subject = subject
        self.trigger = trigger
        self.actions = actions
        self.event = event
        self.exchanges = exchanges
        self.expectedCalls = expectedCalls
        self.file = file
        self.location = location
    }

    /// The export Auth0 calls for the trigger: `post-login` → `onExecutePostLogin`.
    public var handler: String { Self.handler(for: trigger) }

    public static func handler(for trigger: String) -> String {
        "onExecute" + trigger.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The triggers test-scripts runs.
    public static let triggers = ["post-login", "credentials-exchange"]
}

/// An action's code as the harness loads it, with the secrets its event carries and where its export is written.
public struct ActionCode: Sendable {
    public var name: String
    public var file: String
    public var code: String
    public var secrets: [String: JSONValue]

    public init(name: String, file: String, code: String, secrets: [String: JSONValue]) {
        self.name = name
        self.file = file
        self.code = code
        self.secrets = secrets
    }

    /// Where a finding about the handler's export points: the first line assigning to `exports`, else line 1.
    public var exportLocation: SourceLocation {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            if let range = line.range(of: "exports") { return SourceLocation(file: file, line: offset + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1) }
        }
        return SourceLocation(file: file)
    }
}

/// One `api` call a case expects: the method (`access.deny`) and its arguments, or any arguments when nil.
public struct ExpectedCall: Sendable, Equatable, CustomStringConvertible {
    public var method: String
    public var arguments: [JSONValue]?

    public init(method: String, arguments: [JSONValue]?) {
        self.method = method
        self.arguments = arguments
    }

    public var description: String {
        "\(method)(\(arguments.map { $0.map(ScriptTestEvaluator.describe).joined(separator: ", ") } ?? "…"))"
    }
}
