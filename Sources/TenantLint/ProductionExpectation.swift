import TenantConfig

/// How the rules from Auth0's operations best practices report, by the tenant's `environment:` setting: as the rule
/// says for production, as a warning naming the setting when it is not set, not at all for staging or development.
struct ProductionExpectation {
    /// The severity of a finding on this tenant, or nil when the rule stays silent.
    let severity: Severity?
    /// Appended to messages when the setting is missing, so the reader knows how to settle the question.
    let settingNote: String
    /// Where tenant-wide findings point: the `environment` setting, the settings file, or the tenant file.
    let location: SourceLocation

    init(_ tenant: TenantDefinition, production: Severity) {
        let settings = tenant.settings
        switch settings.environment {
        case .production: severity = production
        case nil: severity = .warning
        case .staging, .development: severity = nil
        }
        settingNote = settings.environment == nil
            ? " `environment:` is not set in tenantctl.yaml: set it to `production` (\(production == .error ? "this then becomes an error" : "this warning then stays")), or to `staging` or `development` (this check then stays silent)."
            : ""
        location = settings.environmentLocation ?? settings.location ?? SourceLocation(file: tenant.documentPath)
    }

}
