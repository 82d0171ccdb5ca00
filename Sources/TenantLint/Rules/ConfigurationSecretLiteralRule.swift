import Foundation
import TenantConfig

/// Secrets never live in YAML: an `options.configuration` value (or rules-config value) that is a secret must be a
/// keyword fed from the environment, never a literal.
public struct ConfigurationSecretLiteralRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "configuration-secret-literal",
        name: "Configuration secret literal",
        rationale: "A secret written in tenant.yaml is in every clone, fork and CI log of the repository; it must come from the environment through a keyword.",
        severity: .error,
        documentation: "https://auth0.com/docs/authenticate/database-connections/custom-db/create-db-connection#add-configuration-parameters",
        triggeringExamples: [
            RuleExample(label: "a client secret written in clear", files: ["tenant.yaml": configuration("CLIENT_SECRET: 9f8e7d6c5b4a39281706f5e4d3c2b1a0")],
                        expectedMessage: "`CLIENT_SECRET`"),
            RuleExample(label: "a value that looks like a token under an innocent key", files: [
                "tenant.yaml": configuration("AUTH_HEADER: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
            ], expectedMessage: "looks like a secret"),
            RuleExample(label: "a URL with a password in it", files: [
                "tenant.yaml": configuration("DATABASE_URL: postgres://app:hunter2@db.acme.internal/users"),
            ], expectedMessage: "URL with credentials"),
            RuleExample(label: "a rules-config value in clear", files: ["tenant.yaml": "rulesConfigs:\n  - key: SLACK_TOKEN\n    value: xoxb-123456789012-abcdefABCDEF\n"],
                        expectedMessage: "SLACK_TOKEN"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "secrets from keywords, plain settings literal", files: [
                "tenant.yaml": configuration("CLIENT_SECRET: ##LEGACY_API_CLIENT_SECRET##\n        API_URL: https://legacy.acme.example/api\n        TIMEOUT_MS: 5000"),
            ]),
            RuleExample(label: "identifiers and URLs that look random or name a token", files: [
                "tenant.yaml": configuration("CLIENT_ID: mH3kR9tLw2VbQ8nZ4xYc1uJd6fAe0sPo\n        TOKEN_URL: https://acme.eu.auth0.com/oauth/token"),
            ]),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for kind in [ResourceKind.databases, .connections] {
            for connection in context.tenant.resources(kind) {
                for entry in connection.body["options"]?["configuration"]?.entries ?? [] {
                    if let reason = Self.literalSecret(key: entry.key, value: entry.value) {
                        findings.append(finding(entry, reason: reason, owner: "connection `\(connection.key)`"))
                    }
                }
            }
        }
        for config in context.tenant.resources(.rulesConfigs) {
            if let value = config.body.entry("value"), let reason = Self.literalSecret(key: config.key, value: value.value, everyValueIsSecret: true) {
                findings.append(finding(value, reason: reason, owner: "rules config `\(config.key)`"))
            }
        }
        return findings
    }

    private func finding(_ entry: ConfigEntry, reason: String, owner: String) -> Finding {
        let keyword = entry.key.uppercased().replacingOccurrences(of: "-", with: "_")
        return Finding(rule: Self.description.identifier, severity: .error, location: entry.value.location,
            message: "`\(entry.key)` of \(owner) \(reason) and is written in clear in YAML; write `##\(keyword)##` and provide \(keyword) from the environment (CI secret store)")
    }

    /// Why a value is a literal secret, or nil when it is fine (a keyword reference, or plain data).
    static func literalSecret(key: String, value: ConfigNode, everyValueIsSecret: Bool = false) -> String? {
        guard let text = value.string, !text.isEmpty, !SecretReference.contains(text) else { return nil }
        if everyValueIsSecret { return "holds a secret" }
        if let url = URLComponents(string: text), url.scheme != nil, url.host != nil {
            // URLs are plain settings, unless they carry credentials.
            return url.password != nil || url.user != nil ? "is a URL with credentials in it" : nil
        }
        if SecretReference.nameLooksSecret(key) && !namesPlainSetting(key) { return "names a secret" }
        if looksLikeSecret(text) && !namesPlainSetting(key) { return "looks like a secret" }
        return nil
    }

    /// Keys that name identifiers and addresses, which may look random but are not secret (`CLIENT_ID`, `TOKEN_URL`).
    static func namesPlainSetting(_ key: String) -> Bool {
        let upper = key.uppercased()
        return ["_ID", "_URL", "_URI", "_ENDPOINT", "_HOST", "_DOMAIN", "_AUDIENCE", "_NAME", "_ISSUER"].contains { upper.hasSuffix($0) }
            || ["ID", "URL", "URI", "DOMAIN", "AUDIENCE", "ISSUER"].contains(upper)
    }

    /// JWTs, bearer tokens, private keys, and long random-looking strings with no spaces.
    static func looksLikeSecret(_ text: String) -> Bool {
        if text.contains("PRIVATE KEY") || text.hasPrefix("Bearer ") || text.hasPrefix("Basic ") { return true }
        if text.split(separator: ".").count == 3 && text.hasPrefix("eyJ") { return true }
        guard text.count >= 24, !text.contains(" "), !text.contains("://"), !text.contains("/") else { return false }
        let classes = [text.contains { $0.isLowercase }, text.contains { $0.isUppercase }, text.contains { $0.isNumber }].count { $0 }
        return classes >= 2 && Set(text).count >= 12
    }

    private static func configuration(_ body: String) -> String {
        """
        databases:
          - name: legacy-users
            strategy: auth0
            options:
              configuration:
                \(body)
        """
    }
}
