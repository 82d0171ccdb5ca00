import APIJSON

extension SingletonSpec {
    /// `/risk-assessments/settings` `{enabled}` (required on `PATCH`, as the spec says); `{"enabled": false}` on a
    /// fresh tenant (recorded). Scopes `read:`/`update:attack_protection` (the spec's security). In the snapshot:
    /// `risk_assessment.settings`.
    static let riskAssessmentSettings: SingletonSpec = SingletonSpec(
        path: "risk-assessments/settings", writes: ["PATCH": .topLevelMerge],
        fields: [.of("boolean", "enabled", required: true, description: "Whether or not risk assessment is enabled.")], requiredOnUpdate: true,
        initial: initial("risk-assessments/settings", .object(["enabled": .bool(false)])),
        scope: ScopeRule(resource: "attack_protection"),
        snapshot: .member("risk_assessment", key: "settings")
    )

    /// `/risk-assessments/settings/new-device` `{remember_for}` (days, 1–365, required); `{"remember_for": 30}` on a
    /// fresh tenant (recorded). In the snapshot: `risk_assessment.new_device`.
    static let riskAssessmentNewDevice: SingletonSpec = SingletonSpec(
        path: "risk-assessments/settings/new-device", writes: ["PATCH": .topLevelMerge],
        fields: [.integer("remember_for", required: true, minimum: 1, maximum: 365, description: "Length of time to remember devices for, in days.")],
        requiredOnUpdate: true,
        initial: initial("risk-assessments/settings/new-device", .object(["remember_for": .number(30)])),
        scope: ScopeRule(resource: "attack_protection"),
        snapshot: .member("risk_assessment", key: "new_device")
    )
}
