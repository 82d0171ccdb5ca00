import TenantConfig

/// Makes two API objects comparable: arrays the API treats as sets are sorted, so that order alone never shows
/// as a change; and equality is "every field the files set has the live value" (fields the files leave out keep
/// whatever default the API gave them), except where the API replaces a whole object on update.
public enum JSONNormalizer {
    /// Keys whose arrays are unordered sets in the API (grant types, scopes, URLs, locales, clients).
    public static let unorderedKeys: Set<String> = [
        "grant_types", "callbacks", "allowed_origins", "web_origins", "allowed_logout_urls", "allowed_clients",
        "client_aliases", "scope", "scopes", "enabled_locales", "realms", "enabled_clients", "supported_triggers",
        "dependencies", "filters", "domain_aliases", "acr_values_supported", "secrets", "authorization_details_types",
    ]

    /// The value with set-like arrays sorted (recursively).
    public static func normalize(_ value: JSONValue, key: String? = nil) -> JSONValue {
        switch value {
        case .array(let items):
            let normalized = items.map { normalize($0) }
            guard let key, unorderedKeys.contains(key) else { return .array(normalized) }
            return .array(normalized.sorted { sortKey($0) < sortKey($1) })
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (k, v) in members { out[k] = normalize(v, key: k) }
            return .object(out)
        default:
            return value
        }
    }

    private static func sortKey(_ value: JSONValue) -> String { String(decoding: value.encoded(), as: UTF8.self) }

    /// Whether `live` has every value `desired` sets (objects compared on desired's keys, recursively).
    /// A write-only secret the live tenant hides (`<redacted>`) against a secret from the environment: it cannot be
    /// compared, so it is not a change on its own; any other change to its object sends it.
    public static func hiddenSecret(_ live: JSONValue?, _ desired: JSONValue) -> Bool {
        guard case .string(SecretReference.redacted)? = live, case .string(let wanted) = desired else { return false }
        return SecretReference.contains(wanted)
    }

    public static func satisfies(_ live: JSONValue?, _ desired: JSONValue, key: String? = nil) -> Bool {
        let desired = normalize(desired, key: key)
        guard let live else { return desired == .null }
        let normalizedLive = normalize(live, key: key)
        switch (normalizedLive, desired) {
        case (.object(let l), .object(let d)):
            return d.allSatisfy { k, v in satisfies(l[k], v, key: k) }
        case (.string, .string) where hiddenSecret(live, desired):
            return true
        default:
            return normalizedLive == desired
        }
    }
}
