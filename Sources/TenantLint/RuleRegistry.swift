/// Every rule tenantctl runs. Adding a rule is adding its file and its line here.
public enum RuleRegistry {
    public static let tenantRules: [any Rule.Type] = [
        ScriptNamedRule.self,
        ScriptSizeRule.self,
        ScriptTemplateSavedRule.self,
        ScriptSyntaxRule.self,
        ScriptNodeSyntaxRule.self,
        ScriptCallbackRule.self,
        ScriptErrorObjectRule.self,
        ScriptDirectDatabaseRule.self,
        ScriptHardcodedSecretRule.self,
        ScriptGlobalStateRule.self,
        ProfileConsistencyRule.self,
        ScriptsCompleteRule.self,
        LegacyAPIAudienceRestrictedRule.self,
        RulesEndOfLifeRule.self,
        HooksEndOfLifeRule.self,
        MigrateRulesTodoRule.self,
        ManagementAPIPerLoginRule.self,
        EmailProviderProductionRule.self,
        LogStreamProductionRule.self,
        SecretLiteralRule.self,
        ReferencesResolveRule.self,
        FlagOnOneResourceRule.self,
    ]

    public static var all: [any Rule.Type] { tenantRules }

    /// Former identifiers `lint.disable` still accepts, with a note: old name to new.
    public static let renamed = ["configuration-secret-literal": "secret-literal"]

    public static var identifiers: [String] { all.map { $0.description.identifier } }

    /// The rule with this identifier.
    public static func rule(_ identifier: String) -> (any Rule.Type)? {
        all.first { $0.description.identifier == identifier }
    }
}
