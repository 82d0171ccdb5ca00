/// Reads `tenantctl.yaml` (already parsed into a `ConfigNode`) into `DeploySettings`, reporting every
/// problem as a finding with its location. The format is documented in docs/settings.md.
enum DeploySettingsParser {
    static let knownKeys = ["domain", "managed", "allow_deletes", "keywords", "secrets", "legacy_identity_api", "lint", "snapshot", "base", "owners", "environment",
                            "exclude", "ignore_fields"]

    static func parse(_ root: ConfigNode, findings: inout [Finding]) -> DeploySettings {
        var settings = DeploySettings(location: root.location)
        guard root.isMapping else {
            if !root.isNull {
                findings.append(.loader("settings-type", root.location, "tenantctl.yaml must be a mapping of settings (domain, managed, allow_deletes, keywords, …), found \(root.typeName)"))
            }
            return settings
        }
        for entry in root.entries {
            let value = entry.value
            switch entry.key {
            case "domain":
                if let s = value.string { settings.domain = s } else { findings.append(.wrongType(entry, expected: "a string such as acme-dev.eu.auth0.com")) }
            case "managed":
                guard value.isSequence else { findings.append(.wrongType(entry, expected: "a list of resource types")); continue }
                var managed: Set<ResourceKind> = []
                for item in value.items {
                    if let name = item.string, let kind = ResourceKind(rawValue: name) {
                        managed.insert(kind)
                    } else {
                        let text = item.string ?? item.typeName
                        let hint = NearestKey.suggestion(for: text, among: ResourceKind.allCases.map(\.rawValue)).map { " Did you mean `\($0)`?" } ?? ""
                        findings.append(.loader("unknown-key", item.location, "`\(text)` is not a resource type tenantctl manages.\(hint) Known: \(ResourceKind.allCases.map(\.rawValue).joined(separator: ", "))"))
                    }
                }
                settings.managed = managed
            case "environment":
                let names = TenantEnvironment.allCases.map(\.rawValue)
                if let text = value.string, let environment = TenantEnvironment(rawValue: text) {
                    settings.environment = environment
                    settings.environmentLocation = value.location
                } else if let text = value.string {
                    let near = names.first { !text.isEmpty && $0.hasPrefix(text.lowercased()) } ?? NearestKey.suggestion(for: text, among: names)
                    let hint = near.map { " Did you mean `\($0)`?" } ?? ""
                    findings.append(.loader("wrong-type", value.location, "`environment` is `\(text)`, which is not one of \(names.joined(separator: ", ")).\(hint)"))
                } else {
                    findings.append(.wrongType(entry, expected: names.joined(separator: ", ")))
                }
            case "allow_deletes":
                if let b = value.bool { settings.allowDeletes = b } else { findings.append(.wrongType(entry, expected: "true or false")) }
            case "owners":
                let names: [String?] = value.isSequence ? value.items.map(\.string) : [value.string]
                if names.allSatisfy({ $0 != nil }) {
                    settings.owners = names.compactMap { $0 }
                } else {
                    findings.append(.wrongType(entry, expected: "a list of owners, such as [\"@acme/identity-team\", identity@acme.example]"))
                }
            case "base":
                if let s = value.string { settings.base = s; settings.baseLocation = value.location } else { findings.append(.wrongType(entry, expected: "a folder path relative to the tenant folder, such as ../../base/acme")) }
            case "snapshot":
                if let s = value.string { settings.snapshot = s } else { findings.append(.wrongType(entry, expected: "a file path relative to the tenant folder")) }
            case "keywords":
                guard value.isMapping else { findings.append(.wrongType(entry, expected: "a mapping of KEYWORD: value")); continue }
                for keyword in value.entries {
                    switch keyword.value.value {
                    case .string(let s): settings.keywords[keyword.key] = .string(s)
                    case .int(let i): settings.keywords[keyword.key] = .string(String(i))
                    case .double(let d): settings.keywords[keyword.key] = .string(String(d))
                    case .bool(let b): settings.keywords[keyword.key] = .string(String(b))
                    default: settings.keywords[keyword.key] = .json(keyword.value.json)
                    }
                }
            case "secrets":
                guard value.isSequence else { findings.append(.wrongType(entry, expected: "a list of keyword names")); continue }
                for item in value.items {
                    if let name = item.string { settings.secretKeywords.insert(name) } else {
                        findings.append(.loader("wrong-type", item.location, "`secrets` lists keyword names (strings), found \(item.typeName)"))
                    }
                }
            case "legacy_identity_api":
                settings.legacyIdentityAPI = parseLegacyAPI(entry, findings: &findings)
            case "lint":
                settings.disabledRules = parseLint(entry, findings: &findings)
            case "exclude":
                settings.exclusions = DeployScopeParser.exclusions(entry, findings: &findings)
            case "ignore_fields":
                settings.ignoredFields = DeployScopeParser.ignoredFields(entry, findings: &findings)
            default:
                findings.append(.unknownKey(entry, among: knownKeys, in: "tenantctl.yaml"))
            }
        }
        return settings
    }

    private static func parseLegacyAPI(_ entry: ConfigEntry, findings: inout [Finding]) -> LegacyIdentityAPI? {
        let value = entry.value
        if let audience = value.string { return LegacyIdentityAPI(audience: audience, location: value.location) }
        guard value.isMapping else {
            findings.append(.wrongType(entry, expected: "a mapping with `audience` and optional `allowed_clients`"))
            return nil
        }
        var api = LegacyIdentityAPI(audience: "", location: value.location)
        for field in value.entries {
            switch field.key {
            case "audience":
                if let s = field.value.string { api.audience = s } else { findings.append(.wrongType(field, expected: "the API's identifier (audience) or name")) }
            case "allowed_clients":
                api.allowedClients = field.value.items.compactMap(\.string)
                if !field.value.isSequence { findings.append(.wrongType(field, expected: "a list of client names")) }
            default:
                findings.append(.unknownKey(field, among: ["audience", "allowed_clients"], in: "legacy_identity_api"))
            }
        }
        if api.audience.isEmpty {
            findings.append(.loader("missing-field", value.location, "`legacy_identity_api` needs `audience`: the identifier of the API in front of the legacy identity store"))
            return nil
        }
        return api
    }

    private static func parseLint(_ entry: ConfigEntry, findings: inout [Finding]) -> [DisabledRule] {
        guard entry.value.isMapping else { findings.append(.wrongType(entry, expected: "a mapping with `disable:`")); return [] }
        var disabled: [DisabledRule] = []
        for field in entry.value.entries {
            guard field.key == "disable" else { findings.append(.unknownKey(field, among: ["disable"], in: "lint")); continue }
            for item in field.value.items {
                guard let rule = item["rule"]?.string else {
                    findings.append(.loader("missing-field", item.location, "each `lint.disable` entry needs `rule:` (a rule identifier) and `reason:`"))
                    continue
                }
                guard let reason = item["reason"]?.string, !reason.isEmpty else {
                    findings.append(.loader("missing-field", item.location, "turning off `\(rule)` needs a `reason:`; the output shows it to reviewers"))
                    continue
                }
                for extra in item.entries where !["rule", "reason", "scripts"].contains(extra.key) {
                    findings.append(.unknownKey(extra, among: ["rule", "reason", "scripts"], in: "lint.disable"))
                }
                disabled.append(DisabledRule(rule: rule, reason: reason, scripts: item["scripts"]?.items.compactMap(\.string) ?? [], location: item.location))
            }
        }
        return disabled
    }
}

extension Finding {
    /// A loading problem (error unless said otherwise).
    static func loader(_ rule: String, _ location: SourceLocation?, _ message: String, severity: Severity = .error) -> Finding {
        Finding(rule: rule, severity: severity, location: location, message: message)
    }

    static func wrongType(_ entry: ConfigEntry, expected: String) -> Finding {
        .loader("wrong-type", entry.value.location, "`\(entry.key)` must be \(expected), found \(entry.value.typeName)")
    }

    static func unknownKey(_ entry: ConfigEntry, among candidates: [String], in context: String, severity: Severity = .error) -> Finding {
        let hint = NearestKey.suggestion(for: entry.key, among: candidates).map { " Did you mean `\($0)`?" } ?? ""
        return .loader("unknown-key", entry.keyLocation, "unknown key `\(entry.key)` in \(context).\(hint)", severity: severity)
    }
}
