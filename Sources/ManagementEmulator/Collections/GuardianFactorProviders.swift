import APIJSON

extension SingletonSpec {
    /// One provider of a factor at `/guardian/factors/{factor}/providers/{provider}`: `GET` answers `{}` until it is
    /// set (recorded for Twilio and SNS), `PUT` replaces it, `PATCH` (where the spec has one) changes the fields it
    /// names. Credentials are write-only: no read shows them, the admin snapshot neither.
    static func guardianProvider(_ factor: String, _ provider: String, reads: Bool = true, writes: [String: UpdateSemantics],
                                 fields: [FieldRule], writeOnly: [[String]]) -> SingletonSpec {
        SingletonSpec(
            path: PathPattern("guardian/factors/\(factor)/providers/\(provider)"), reads: reads, writes: writes,
            absentReads: .object([:]), fields: fields, writeOnly: writeOnly,
            scope: ScopeRule(resource: "guardian_factors"),
            snapshot: .item("guardian_factor_providers", fields: ["name": factor, "provider": provider])
        )
    }

    /// The spec's Twilio fields (`SetGuardianFactorsProviderPhoneTwilioRequestContent`, the SMS one is the same).
    /// The spec's response schema lists `auth_token` as returned; it is write-only here, as the issue asks.
    static let twilioFields: [FieldRule] = [
        .string("from", nullable: true, maxLength: 64, description: "From number"),
        .string("messaging_service_sid", nullable: true, minLength: 1, maxLength: 1000, description: "Copilot SID"),
        .string("auth_token", nullable: true, minLength: 1, maxLength: 1000, description: "Twilio Authentication token"),
        .string("sid", nullable: true, minLength: 1, maxLength: 1000, description: "Twilio SID"),
    ]

    static let smsTwilio = guardianProvider("sms", "twilio", writes: ["PUT": .replace], fields: twilioFields, writeOnly: [["auth_token"]])
    static let phoneTwilio = guardianProvider("phone", "twilio", writes: ["PUT": .replace], fields: twilioFields, writeOnly: [["auth_token"]])

    /// AWS SNS: the spec's response lists `aws_secret_access_key` as returned; it is write-only here.
    static let pushSNS = guardianProvider("push-notification", "sns", writes: ["PUT": .replace, "PATCH": .topLevelMerge], fields: [
        .string("aws_access_key_id", nullable: true, minLength: 1, maxLength: 1000),
        .string("aws_secret_access_key", nullable: true, minLength: 1, maxLength: 1000),
        .string("aws_region", nullable: true, minLength: 1, maxLength: 1000),
        .string("sns_apns_platform_application_arn", nullable: true, minLength: 1, maxLength: 1000),
        .string("sns_gcm_platform_application_arn", nullable: true, minLength: 1, maxLength: 1000),
    ], writeOnly: [["aws_secret_access_key"]])

    /// APNs: the spec's responses leave `p12` (the certificate) out.
    static let pushAPNS = guardianProvider("push-notification", "apns", writes: ["PUT": .replace, "PATCH": .topLevelMerge], fields: [
        .of("boolean", "sandbox"),
        .string("bundle_id", nullable: true, minLength: 1, maxLength: 1000),
        .string("p12", nullable: true, minLength: 1, maxLength: 10000),
    ], writeOnly: [["p12"]])

    /// FCM and FCM v1: no `GET` in the spec, and writes answer `{}` (the spec's response has no property).
    static let pushFCM = guardianProvider("push-notification", "fcm", reads: false, writes: ["PUT": .replace, "PATCH": .topLevelMerge],
                                          fields: [.string("server_key", nullable: true, minLength: 1, maxLength: 152)], writeOnly: [["server_key"]])
    static let pushFCMv1 = guardianProvider("push-notification", "fcmv1", reads: false, writes: ["PUT": .replace, "PATCH": .topLevelMerge],
                                            fields: [.string("server_credentials", nullable: true, minLength: 1, maxLength: 10000)],
                                            writeOnly: [["server_credentials"]])
}
