import APIJSON

extension SingletonSpec {
    /// The enrollment and verification messages of a phone-type factor at `/guardian/factors/{sms,phone}/templates`:
    /// `PUT` replaces both (both required). A fresh tenant has the spec's `default` of each field.
    static func guardianTemplates(_ factor: String) -> SingletonSpec {
        let path = PathPattern("guardian/factors/\(factor)/templates")
        return SingletonSpec(
            path: path, writes: ["PUT": .replace],
            fields: [
                .string("enrollment_message", required: true, description: "Message sent to the user when they are invited to enroll with a phone number."),
                .string("verification_message", required: true, description: "Message sent to the user when they are prompted to verify their account."),
            ],
            initial: initial(path, .object([
                "enrollment_message": .string("{{code}} is your verification code for {{tenant.friendly_name}}. Please enter this code to verify your enrollment."),
                "verification_message": .string("{{code}} is your verification code for {{tenant.friendly_name}}"),
            ])),
            scope: ScopeRule(resource: "guardian_factors"),
            snapshot: .item("guardian_factor_templates", fields: ["name": factor])
        )
    }

    static let smsTemplates = guardianTemplates("sms")
    static let phoneTemplates = guardianTemplates("phone")
}
