import APIJSON

extension SingletonSpec {
    /// One part of `/attack-protection/{part}`: always there, `PATCH` merges nested objects (recorded: a
    /// suspicious IP throttling `stage` without `pre-custom-token-exchange` keeps it; breached password detection
    /// without `stage` keeps it). The snapshot keeps every part in the object section `attack_protection`, under the
    /// part's name with underscores (`bot_detection`).
    static func attackProtection(_ part: String, fields: [FieldRule], writeOnly: [[String]] = [], requiredOnUpdate: Bool = false,
                                 initialValue: [String: JSONValue]) -> SingletonSpec {
        let path = PathPattern("attack-protection/\(part)")
        return SingletonSpec(
            path: path, writes: ["PATCH": .deepMerge], fields: fields, requiredOnUpdate: requiredOnUpdate, writeOnly: writeOnly,
            initial: initial(path, .object(initialValue)),
            scope: ScopeRule(resource: "attack_protection"),
            snapshot: .member("attack_protection", key: part.replacingOccurrences(of: "-", with: "_"))
        )
    }

    /// The defaults are the recorded answers of the Deploy CLI's test tenant (which match Auth0's documented
    /// defaults: 10 attempts, block and notify; 100 logins a day per IP).
    static let bruteForceProtection = attackProtection("brute-force-protection", fields: [
        .of("boolean", "enabled"), .of("array", "shields"), .of("array", "allowlist"),
        .string("mode", allowed: ["count_per_identifier_and_ip", "count_per_identifier"]),
        .integer("max_attempts", minimum: 1, maximum: 100, description: "Maximum number of unsuccessful attempts."),
    ], initialValue: [
        "enabled": .bool(true), "shields": .array([.string("block"), .string("user_notification")]),
        "mode": .string("count_per_identifier_and_ip"), "allowlist": .array([]), "max_attempts": .number(10),
    ])

    static let breachedPasswordDetection = attackProtection("breached-password-detection", fields: [
        .of("boolean", "enabled"), .of("array", "shields"), .of("array", "admin_notification_frequency"),
        .string("method", allowed: ["standard", "enhanced"]), .of("object", "stage"),
    ], initialValue: [
        "enabled": .bool(false), "shields": .array([]), "admin_notification_frequency": .array([]), "method": .string("standard"),
        "stage": .object(["pre-user-registration": .object(["shields": .array([])]), "pre-change-password": .object(["shields": .array([])])]),
    ])

    static let suspiciousIPThrottling = attackProtection("suspicious-ip-throttling", fields: [
        .of("boolean", "enabled"), .of("array", "shields"), .of("array", "allowlist"), .of("object", "stage"),
    ], initialValue: [
        "enabled": .bool(true), "shields": .array([.string("admin_notification"), .string("block")]), "allowlist": .array([]),
        "stage": .object([
            "pre-login": .object(["max_attempts": .number(100), "rate": .number(864000)]),
            "pre-user-registration": .object(["max_attempts": .number(50), "rate": .number(1200)]),
            "pre-custom-token-exchange": .object(["max_attempts": .number(10), "rate": .number(600000)]),
        ]),
    ])

    static let botDetection = attackProtection("bot-detection", fields: [
        .string("bot_detection_level", allowed: ["low", "medium", "high"]),
        .string("challenge_password_policy", allowed: ["never", "when_risky", "always"]),
        .string("challenge_passwordless_policy", allowed: ["never", "when_risky", "always"]),
        .string("challenge_password_reset_policy", allowed: ["never", "when_risky", "always"]),
        .of("array", "allowlist"), .of("boolean", "monitoring_mode_enabled"),
    ], initialValue: [
        "challenge_password_policy": .string("never"), "challenge_passwordless_policy": .string("never"),
        "challenge_password_reset_policy": .string("never"), "allowlist": .array([]), "bot_detection_level": .string("medium"),
        "monitoring_mode_enabled": .bool(false),
    ])

    /// Each provider's secret (`secret`, reCAPTCHA Enterprise's `api_key`) is write-only: the spec's response
    /// schemas leave them out.
    static let captcha = attackProtection("captcha", fields: [
        .string("active_provider_id", maxLength: 36,
                allowed: ["arkose", "auth_challenge", "friendly_captcha", "hcaptcha", "recaptcha_v2", "recaptcha_enterprise", "simple_captcha"]),
        .of("object", "arkose"), .of("object", "auth_challenge"), .of("object", "hcaptcha"), .of("object", "friendly_captcha"),
        .of("object", "recaptcha_enterprise"), .of("object", "recaptcha_v2"), .of("object", "simple_captcha"),
    ], writeOnly: [["arkose", "secret"], ["hcaptcha", "secret"], ["friendly_captcha", "secret"], ["recaptcha_v2", "secret"],
                   ["recaptcha_enterprise", "api_key"]],
    initialValue: [
        "active_provider_id": .string("auth_challenge"), "simple_captcha": .object([:]), "auth_challenge": .object(["fail_open": .bool(false)]),
        "recaptcha_v2": .object(["site_key": .string("")]), "recaptcha_enterprise": .object(["site_key": .string(""), "project_id": .string("")]),
        "hcaptcha": .object(["site_key": .string("")]), "friendly_captcha": .object(["site_key": .string("")]),
        "arkose": .object(["site_key": .string(""), "client_subdomain": .string("client-api"), "verify_subdomain": .string("verify-api"),
                           "fail_open": .bool(false)]),
    ])

    /// Not recorded: the default `{"type": "none"}` is inferred (the spec's enum is `exponential`, `none`). `PATCH`
    /// requires `type`, as the spec says.
    static let phoneProviderProtection = attackProtection("phone-provider-protection", fields: [
        .string("type", required: true, allowed: ["exponential", "none"], description: "The type of backoff strategy to use."),
    ], requiredOnUpdate: true, initialValue: ["type": .string("none")])
}
