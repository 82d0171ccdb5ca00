extension SnapshotSection {
    public static let emailProvider: SnapshotSection = "email_provider"
}

extension ResourceType {
    /// The email provider: one object, created when absent; its credentials are write-only.
    static let emailProvider: ResourceType = {
        var type = ResourceType(
            kind: .emailProvider, noun: "email provider", section: .singleton,
            api: APIShape(path: "/emails/provider", listing: .singleton(absentStatus: 404), snapshotSection: .emailProvider),
            lifecycle: Lifecycle(create: "POST", update: "PATCH", delete: .path("/emails/provider")), rank: 90)
        type.secretFields = [SecretField("credentials", onRead: .writeOnly)]
        type.planning = .singleton
        type.example = TypeExample(
            yaml: """
            emailProvider:
              name: smtp
              enabled: true
              default_from_address: no-reply@example.com
              credentials:
                smtp_host: smtp.example.com
                smtp_port: 587
                smtp_user: mailer
                smtp_pass: ##SMTP_PASS##
            """,
            secrets: ["SMTP_PASS": "round-trip-smtp-pass-6e1d"])
        type.directory = .sectionFile("emails/provider.json")
        return type
    }()
}
