import Foundation
import TenantConfig

/// Secrets never live in YAML: every field the resource-type table marks secret (email provider credentials, log
/// stream sink keys and tokens, client secrets, action and rules-config secret values, CAPTCHA, MFA and phone
/// provider credentials, vault connection setup, `options.configuration`) must be a keyword fed from the environment,
/// never a literal. In `options.configuration`, where plain settings sit beside secrets, only values that name or look
/// like a secret are reported.
public struct SecretLiteralRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "secret-literal",
        name: "Secret literal",
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
            RuleExample(label: "the email provider's SMTP password in clear (the Deploy CLI's own example)", files: [
                "tenant.yaml": "emailProvider:\n  name: smtp\n  credentials:\n    smtp_host: smtp.example.com\n    smtp_user: mailer\n    smtp_pass: hunter2-mailer\n",
            ], expectedMessage: "`credentials.smtp_pass` of email provider `emailProvider`"),
            RuleExample(label: "a log stream's API key in clear", files: [
                "tenant.yaml": "logStreams:\n  - name: Datadog\n    type: datadog\n    sink:\n      datadogRegion: eu\n      datadogApiKey: 0123456789abcdef0123456789abcdef\n",
            ], expectedMessage: "`sink.datadogApiKey`"),
            RuleExample(label: "an action secret's value in clear", files: [
                "tenant.yaml": "actions:\n  - name: notify\n    code: ./code.js\n    supported_triggers: [{id: post-login, version: v3}]\n    secrets:\n      - name: SLACK_WEBHOOK\n        value: https://hooks.slack.com/services/T000/B000/XXXX\n",
                "code.js": "exports.onExecutePostLogin = async (event, api) => {};\n",
            ], expectedMessage: "`secrets[].value` of action `notify`"),
            RuleExample(label: "a client secret in clear", files: ["tenant.yaml": "clients:\n  - name: Worker\n    client_secret: s3cr3t-value-for-the-worker-client\n"],
                        expectedMessage: "`client_secret` of client `Worker`"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "secrets from keywords, plain settings literal", files: [
                "tenant.yaml": configuration("CLIENT_SECRET: ##LEGACY_API_CLIENT_SECRET##\n        API_URL: https://legacy.acme.example/api\n        TIMEOUT_MS: 5000"),
            ]),
            RuleExample(label: "identifiers and URLs that look random or name a token", files: [
                "tenant.yaml": configuration("CLIENT_ID: mH3kR9tLw2VbQ8nZ4xYc1uJd6fAe0sPo\n        TOKEN_URL: https://acme.eu.auth0.com/oauth/token"),
            ]),
            RuleExample(label: "credentials from keywords, and an unset CAPTCHA secret", files: [
                "tenant.yaml": "emailProvider:\n  name: smtp\n  credentials:\n    smtp_host: smtp.example.com\n    smtp_pass: ##SMTP_PASS##\nattackProtection:\n  captcha:\n    recaptcha_v2:\n      site_key: abc\n      secret: null\n",
            ]),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for resource in context.tenant.resources {
            let type = resource.kind.type
            for secret in type.secretFields {
                for (entry, matched) in secret.pattern.values(in: resource.body) {
                    let key = entry?.key ?? secret.pattern.description
                    // A secret object (`credentials`) is secret in every value it holds.
                    for (path, value) in Self.leaves(matched, path: [Self.concretePath(secret.pattern, key: key)]) {
                        // Configuration, and secret objects such as SMTP `credentials`, hold plain settings (a host, a
                        // user name) beside secrets: only what names or looks like a secret.
                        let leafKey = path.last ?? key
                        let reason = secret.onRead == .ciphertext || matched.isMapping
                            ? Self.literalSecret(key: leafKey, value: value)
                            : Self.literalSecret(key: leafKey, value: value, everyValueIsSecret: true)
                        guard let reason else { continue }
                        let field = secret.onRead == .ciphertext ? key : path.joined(separator: ".")
                        findings.append(finding(field: field, keyword: leafKey, at: value.location, reason: reason, owner: "\(type.noun) `\(resource.key)`"))
                    }
                }
            }
        }
        return findings
    }

    /// The string values in a node, with their paths (the node itself when it is one).
    static func leaves(_ node: ConfigNode, path: [String]) -> [([String], ConfigNode)] {
        if node.isMapping { return node.entries.flatMap { leaves($0.value, path: path + [$0.key]) } }
        if node.isSequence { return node.items.flatMap { leaves($0, path: path) } }
        return [(path, node)]
    }

    /// `sink.datadogApiKey` for `sink.*key*` matched at `datadogApiKey`.
    static func concretePath(_ pattern: FieldPattern, key: String) -> String {
        let parts = pattern.description.split(separator: ".").map(String.init)
        guard let last = parts.last, last.contains("*") else { return pattern.description }
        return (parts.dropLast() + [key]).joined(separator: ".")
    }

    private func finding(field: String, keyword: String, at location: SourceLocation, reason: String, owner: String) -> Finding {
        let name = keyword.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.map(String.init).joined()
        return Finding(rule: Self.description.identifier, severity: .error, location: location,
            message: "`\(field)` of \(owner) \(reason) and is written in clear in YAML; write `##\(name)##` and provide \(name) from the environment (CI secret store)")
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
