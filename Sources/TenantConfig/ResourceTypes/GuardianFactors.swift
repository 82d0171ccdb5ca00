extension SnapshotSection {
    public static let guardianFactors: SnapshotSection = "guardian_factors"
    public static let guardianFactorProviders: SnapshotSection = "guardian_factor_providers"
    public static let guardianFactorTemplates: SnapshotSection = "guardian_factor_templates"
}

extension ResourceType {
    /// MFA factors: every factor always exists on a tenant (`GET /guardian/factors`); the files turn them on or off
    /// (`PUT /guardian/factors/{name}`). Never created or deleted.
    static let guardianFactors: ResourceType = {
        var type = ResourceType(
            kind: .guardianFactors, noun: "MFA factor", section: .list(key: ["name"]),
            api: APIShape(path: "/guardian/factors", listing: .plain, idField: "", snapshotSection: .guardianFactors, sortKey: ["name"],
                          itemPathTemplate: "/guardian/factors/{name}"),
            lifecycle: Lifecycle(create: "PUT", update: "PUT", delete: .never("every MFA factor exists on a tenant; set `enabled: false`")),
            rank: 92)
        type.lifecycle.createsAtItemPath = true
        type.readOnlyFields = ["trial_expired"]
        type.example = TypeExample(yaml: """
            guardianFactors:
              - name: otp
                enabled: true
              - name: email
                enabled: false
            """)
        type.directory = .filePerResource("guardian/factors")
        return type
    }()

    /// The providers a factor sends through (Twilio for SMS and voice, SNS or APNs for push), each at
    /// `/guardian/factors/{name}/providers/{provider}`. Their credentials are write-only.
    static let guardianFactorProviders: ResourceType = {
        var type = ResourceType(
            kind: .guardianFactorProviders, noun: "MFA factor provider", section: .list(key: ["name", "provider"]),
            api: APIShape(path: "/guardian/factors", listing: .keyed(keys: [["sms", "twilio"], ["phone", "twilio"], ["push-notification", "sns"], ["push-notification", "apns"]]),
                          idField: "", snapshotSection: .guardianFactorProviders, sortKey: ["name", "provider"],
                          itemPathTemplate: "/guardian/factors/{name}/providers/{provider}"),
            lifecycle: Lifecycle(create: "PUT", update: "PUT", delete: .never("a factor's provider cannot be deleted, only changed")),
            rank: 92)
        type.lifecycle.createsAtItemPath = true
        type.secretFields = ["auth_token", "aws_secret_access_key", "p12", "server_key", "server_credentials"].map { SecretField($0, onRead: .writeOnly) }
        type.example = TypeExample(
            yaml: """
            guardianFactorProviders:
              - name: sms
                provider: twilio
                sid: ACexample0000000000000000000000000
                from: "+15550000000"
                auth_token: ##GUARDIAN_TWILIO_AUTH_TOKEN##
            """,
            secrets: ["GUARDIAN_TWILIO_AUTH_TOKEN": "round-trip-twilio-token-4c7e"])
        type.directory = .filePerResource("guardian/providers")
        return type
    }()

    /// The messages SMS and voice factors send, at `/guardian/factors/{name}/templates`.
    static let guardianFactorTemplates: ResourceType = {
        var type = ResourceType(
            kind: .guardianFactorTemplates, noun: "MFA factor template", section: .list(key: ["name"]),
            api: APIShape(path: "/guardian/factors", listing: .keyed(keys: [["sms"], ["phone"]]), idField: "",
                          snapshotSection: .guardianFactorTemplates, sortKey: ["name"], itemPathTemplate: "/guardian/factors/{name}/templates"),
            lifecycle: Lifecycle(create: "PUT", update: "PUT", delete: .never("a factor's messages cannot be deleted, only changed")),
            rank: 92)
        type.lifecycle.createsAtItemPath = true
        type.example = TypeExample(yaml: """
            guardianFactorTemplates:
              - name: sms
                enrollment_message: "{{code}} is your enrollment code for {{tenant.friendly_name}}."
                verification_message: "{{code}} is your verification code for {{tenant.friendly_name}}."
            """)
        type.directory = .filePerResource("guardian/templates")
        return type
    }()
}
