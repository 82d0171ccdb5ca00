extension SnapshotSection {
    public static let attackProtection: SnapshotSection = "attack_protection"
    public static let riskAssessment: SnapshotSection = "risk_assessment"
    public static let supplementalSignals: SnapshotSection = "supplemental_signals"
}

extension ResourceType {
    /// Attack protection: bot detection, CAPTCHA, breached passwords, brute force and suspicious IP throttling, each at
    /// `/attack-protection/<part>`, merged field by field. CAPTCHA providers' secrets are write-only.
    static let attackProtection: ResourceType = {
        var type = tenantWide(
            .attackProtection, noun: "attack protection",
            parts: [
                SingletonPart("botDetection", path: "/attack-protection/bot-detection", method: "PATCH", snapshot: .member(.attackProtection, "bot_detection")),
                SingletonPart("captcha", path: "/attack-protection/captcha", method: "PATCH", snapshot: .member(.attackProtection, "captcha")),
                SingletonPart("breachedPasswordDetection", path: "/attack-protection/breached-password-detection", method: "PATCH", snapshot: .member(.attackProtection, "breached_password_detection")),
                SingletonPart("bruteForceProtection", path: "/attack-protection/brute-force-protection", method: "PATCH", snapshot: .member(.attackProtection, "brute_force_protection")),
                SingletonPart("suspiciousIpThrottling", path: "/attack-protection/suspicious-ip-throttling", method: "PATCH", snapshot: .member(.attackProtection, "suspicious_ip_throttling")),
                SingletonPart("phoneProviderProtection", path: "/attack-protection/phone-provider-protection", method: "PATCH", snapshot: .member(.attackProtection, "phone_provider_protection")),
            ],
            example: """
            attackProtection:
              bruteForceProtection:
                enabled: true
                shields: [block, user_notification]
                mode: count_per_identifier_and_ip
                max_attempts: 8
              suspiciousIpThrottling:
                enabled: true
                shields: [block, admin_notification]
                allowlist: [10.0.0.0/8]
              captcha:
                active_provider_id: recaptcha_v2
                recaptcha_v2:
                  site_key: round-trip-site-key
                  secret: ##ATTACKPROTECTION_CAPTCHA_RECAPTCHA_V2_SECRET##
            """,
            secrets: ["ATTACKPROTECTION_CAPTCHA_RECAPTCHA_V2_SECRET": "round-trip-recaptcha-secret-1f9b"], rank: 91)
        type.secretFields = [SecretField("captcha.*.secret", onRead: .writeOnly), SecretField("captcha.*.api_key", onRead: .writeOnly)]
        // One file per part, named as the Deploy CLI names them (phone provider protection is tenantctl's own addition).
        type.directory = DirectoryLayout([
            ("botDetection", "bot-detection"), ("captcha", "captcha"), ("breachedPasswordDetection", "breached-password-detection"),
            ("bruteForceProtection", "brute-force-protection"), ("suspiciousIpThrottling", "suspicious-ip-throttling"),
            ("phoneProviderProtection", "phone-provider-protection"),
        ].map { DirectoryPiece($0.0, path: "attack-protection/\($0.1).json", form: .file) })
        return type
    }()

    /// Adaptive MFA's risk assessment: its settings and how long a new device is remembered.
    static let riskAssessment: ResourceType = tenantWide(
        .riskAssessment, noun: "risk assessment",
        parts: [SingletonPart("settings", path: "/risk-assessments/settings", method: "PATCH", snapshot: .member(.riskAssessment, "settings")),
                SingletonPart("new_device", path: "/risk-assessments/settings/new-device", method: "PATCH", snapshot: .member(.riskAssessment, "new_device"))],
        example: "riskAssessment:\n  settings:\n    enabled: true\n  new_device:\n    remember_for: 45\n",
        directory: .sectionFile("risk-assessment/settings.json"))

    /// Akamai supplemental signals (a tenant without the feature answers 403: read as not set).
    static let supplementalSignals: ResourceType = tenantWide(
        .supplementalSignals, noun: "supplemental signals",
        parts: [SingletonPart("", path: "/supplemental-signals", method: "PATCH", snapshot: .section(.supplementalSignals))],
        example: "supplementalSignals:\n  akamai_enabled: true\n")
}
