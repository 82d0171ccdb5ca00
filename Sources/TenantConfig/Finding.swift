/// How bad a finding is. `error` fails `validate`; `warning` fails it only with `--strict`;
/// `note` is information (for example a Deploy CLI section tenantctl does not manage yet).
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One thing a check found: which rule, how bad, where, and what to do about it.
/// Loading (parsing) and validation (rules) both produce findings, so one run reports everything.
public struct Finding: Hashable, Codable, Sendable {
    /// The rule identifier (`script-named`) or, for loading problems, a loader identifier (`yaml-syntax`, `unknown-key`).
    public var rule: String
    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(rule: String, severity: Severity, location: SourceLocation?, message: String) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
    }
}

extension Finding {
    /// The compiler-style line editors and terminals link: `file:line:column: error: message [rule]`.
    /// `label` stands in for the severity word (a coloured one, say).
    public func compilerStyleLine(label: String? = nil) -> String {
        "\(location.map { "\($0): " } ?? "")\(label ?? severity.rawValue + ":") \(message) [\(rule)]"
    }
}
