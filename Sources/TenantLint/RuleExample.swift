import TenantConfig

/// A small tenant that a rule must (triggering) or must not (non-triggering) report.
/// `files` maps paths relative to the tenant folder to their content; `tenant.yaml` is the resource document
/// and `tenantctl.yaml` the optional deploy settings.
public struct RuleExample: Sendable, CustomStringConvertible {
    public var files: [String: String]
    /// A fragment the rule's message must contain (triggering examples only).
    public var expectedMessage: String?
    /// A one-line label for test output.
    public var label: String

    public init(label: String, files: [String: String], expectedMessage: String? = nil) {
        self.label = label
        self.files = files
        self.expectedMessage = expectedMessage
    }

    public var description: String { label }
}
