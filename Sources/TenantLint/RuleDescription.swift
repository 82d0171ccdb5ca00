import TenantConfig

/// What a rule is: its identifier, why it exists, how severe its findings are, and the examples that
/// both document it and test it (one parameterised test walks every rule's examples).
public struct RuleDescription: Sendable {
    public var identifier: String
    public var name: String
    /// One line saying why the rule exists.
    public var rationale: String
    /// The severity of the rule's findings (a rule may report some findings at a lower severity).
    public var severity: Severity
    /// Where to read more (Auth0's documentation).
    public var documentation: String?
    public var triggeringExamples: [RuleExample]
    public var nonTriggeringExamples: [RuleExample]

    public init(
        identifier: String,
        name: String,
        rationale: String,
        severity: Severity,
        documentation: String? = nil,
        triggeringExamples: [RuleExample],
        nonTriggeringExamples: [RuleExample]
    ) {
        self.identifier = identifier
        self.name = name
        self.rationale = rationale
        self.severity = severity
        self.documentation = documentation
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}
