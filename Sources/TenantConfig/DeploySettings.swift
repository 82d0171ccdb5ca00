/// How tenantctl deploys one tenant, read from `tenants/<name>/tenantctl.yaml` (see docs/settings.md).
/// Everything here is about the deploy, not the tenant's resources (those live in `tenant.yaml`).
public struct DeploySettings: Sendable, Hashable {
    /// The tenant's domain (`acme-dev.eu.auth0.com`); `--domain` and `AUTH0_DOMAIN` override it.
    public var domain: String?
    /// Resource types tenantctl manages for this tenant; others are read but never changed.
    public var managed: Set<ResourceKind>
    /// Whether the plan may delete live resources of managed types that the YAML does not declare.
    public var allowDeletes: Bool
    /// Keyword values for `##KEY##` / `@@KEY@@` (non-secret only; secrets come from the environment).
    public var keywords: [String: KeywordValue]
    /// Keywords that hold secrets: they must come from the environment and are never printed.
    public var secretKeywords: Set<String>
    /// The legacy identity API the custom database scripts call, if any.
    public var legacyIdentityAPI: LegacyIdentityAPI?
    /// Rules turned off for this tenant or for some scripts, each with the reason the output shows.
    public var disabledRules: [DisabledRule]
    /// The snapshot `plan` uses when no credentials are set (relative to the tenant folder).
    public var snapshot: String
    /// Who answers for this tenant (teams, people, a channel): named when it drifts or a deploy fails.
    public var owners: [String] = []
    /// What the tenant is for; nil when `environment:` is not set (rules for production then warn, naming the setting).
    public var environment: TenantEnvironment?
    /// Where `environment` is written, for findings about it.
    public var environmentLocation: SourceLocation?
    /// A folder whose tenant.yaml and scripts this tenant deploys (relative to the tenant folder), so dev, staging
    /// and prod share one description and differ only in their settings and keywords.
    public var base: String?
    /// Where `base` is written, for findings about it.
    public var baseLocation: SourceLocation?
    /// Where the settings were read from (nil when the tenant has no settings file).
    public var location: SourceLocation?
    /// Resources of managed types that plan, drift and apply leave alone (`exclude:`): never created, changed or
    /// deleted, never reported as drift.
    public var exclusions: [ResourceExclusion] = []
    /// Field paths per type that plan, drift and apply leave alone (`ignore_fields:`): the live value is kept.
    public var ignoredFields: [IgnoredField] = []

    public init(
        domain: String? = nil,
        managed: Set<ResourceKind> = DeploySettings.defaultManaged,
        allowDeletes: Bool = false,
        keywords: [String: KeywordValue] = [:],
        secretKeywords: Set<String> = [],
        legacyIdentityAPI: LegacyIdentityAPI? = nil,
        disabledRules: [DisabledRule] = [],
        snapshot: String = "snapshot.json",
        location: SourceLocation? = nil
    ) {
        self.domain = domain
        self.managed = managed
        self.allowDeletes = allowDeletes
        self.keywords = keywords
        self.secretKeywords = secretKeywords
        self.legacyIdentityAPI = legacyIdentityAPI
        self.disabledRules = disabledRules
        self.snapshot = snapshot
        self.location = location
    }

    /// Every resource type tenantctl knows how to manage.
    public static let defaultManaged: Set<ResourceKind> = Set(ResourceKind.allCases)
}

/// A keyword's value: a string for `##KEY##`, any JSON value for `@@KEY@@`.
public enum KeywordValue: Sendable, Hashable {
    case string(String)
    case json(JSONValue)
}

/// The API that fronts the legacy identity store; tokens for its audience must be restricted.
public struct LegacyIdentityAPI: Sendable, Hashable {
    /// The resource server's identifier (audience) or name.
    public var audience: String
    /// Client names allowed to get tokens for it; nil means "the clients holding a grant for it".
    public var allowedClients: [String]?
    public var location: SourceLocation?

    public init(audience: String, allowedClients: [String]? = nil, location: SourceLocation? = nil) {
        self.audience = audience
        self.allowedClients = allowedClients
        self.location = location
    }
}

/// A rule turned off, for the whole tenant or for some script files, with a reason.
public struct DisabledRule: Sendable, Hashable {
    public var rule: String
    public var reason: String
    /// Script paths (relative to the tenant folder) the rule is off for; empty means the whole tenant.
    public var scripts: [String]
    public var location: SourceLocation?

    public init(rule: String, reason: String, scripts: [String] = [], location: SourceLocation? = nil) {
        self.rule = rule
        self.reason = reason
        self.scripts = scripts
        self.location = location
    }
}

/// One entry of `exclude:`: resources of a type named exactly or by a glob pattern (a client grant by
/// `client → audience`), with the reason plans show.
public struct ResourceExclusion: Sendable, Hashable {
    public var kind: ResourceKind
    public var pattern: NamePattern
    /// Why, as the settings say; nil when they do not.
    public var reason: String?
    public var location: SourceLocation?

    public init(kind: ResourceKind, pattern: NamePattern, reason: String? = nil, location: SourceLocation? = nil) {
        self.kind = kind
        self.pattern = pattern
        self.reason = reason
        self.location = location
    }

    /// What a plan says about a resource this entry excludes.
    public var explanation: String {
        let entry = "`exclude.\(kind.rawValue)` (`\(pattern)`) in tenantctl.yaml"
        return reason.map { "\($0) (\(entry))" } ?? "listed in \(entry)"
    }
}

/// One entry of `ignore_fields:`: a field path of a type's resources (`callbacks`, `client_metadata.owner`).
public struct IgnoredField: Sendable, Hashable {
    public var kind: ResourceKind
    /// The path, dotted.
    public var path: String
    public var location: SourceLocation?

    public init(kind: ResourceKind, path: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.path = path
        self.location = location
    }

    public var components: [String] { path.split(separator: ".").map(String.init) }
}
