import TenantConfig

/// What validating one or more tenants found, in a stable order (file, line, column, rule).
public struct LintReport: Sendable {
    public var findings: [Finding]
    /// Rules the settings turned off, with their reasons (shown so reviewers see what was not checked).
    public var suppressed: [SuppressedRule]
    public var tenants: [String]

    public init(findings: [Finding], suppressed: [SuppressedRule] = [], tenants: [String] = []) {
        self.findings = findings.sorted(by: LintReport.order)
        self.suppressed = suppressed
        self.tenants = tenants
    }

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// Whether `validate` fails: any error, or with `strict` any warning.
    public func fails(strict: Bool) -> Bool { errorCount > 0 || (strict && warningCount > 0) }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        let la = a.location ?? SourceLocation(file: ""), lb = b.location ?? SourceLocation(file: "")
        if la.file != lb.file { return la.file < lb.file }
        if la.line != lb.line { return la.line < lb.line }
        if la.column != lb.column { return la.column < lb.column }
        return a.rule < b.rule
    }
}

/// A rule turned off in a tenant's settings, and how many findings that hid.
public struct SuppressedRule: Sendable, Hashable {
    public var tenant: String
    public var rule: String
    public var reason: String
    public var scripts: [String]
    public var hiddenFindings: Int
}
