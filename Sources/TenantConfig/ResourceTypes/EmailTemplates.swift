extension SnapshotSection {
    public static let emailTemplates: SnapshotSection = "email_templates"
}

extension ResourceType {
    /// The templates Auth0 sends email from, as the Management API names them.
    public static let emailTemplateNames = ["verify_email", "verify_email_by_code", "reset_email", "reset_email_by_code", "welcome_email",
                                            "blocked_account", "stolen_credentials", "enrollment_email", "mfa_oob_code", "user_invitation",
                                            "change_password", "password_reset", "async_approval"]

    /// Email templates: one object per template at `/email-templates/{template}`, its body an HTML file beside the
    /// YAML. An unset template answers 404: it is created with POST, then changed with PATCH. A template cannot be
    /// deleted (set `enabled: false`).
    static let emailTemplates: ResourceType = {
        var type = ResourceType(
            kind: .emailTemplates, noun: "email template", section: .list(key: ["template"]),
            api: APIShape(path: "/email-templates", listing: .keyed(keys: emailTemplateNames.map { [$0] }), idField: "template",
                          snapshotSection: .emailTemplates, sortKey: ["template"], itemPathTemplate: "/email-templates/{template}"),
            lifecycle: Lifecycle(create: "POST", update: "PATCH", delete: .never("an email template cannot be deleted; set `enabled: false`")),
            rank: 95)
        type.files = [FileField("body", content: .text, exportPath: "emailTemplates/{name}.html")]
        // The Deploy CLI keeps templates beside the email provider: `emails/<template>.json` and `.html`.
        type.directory = DirectoryLayout([DirectoryPiece(path: "emails", form: .filePerItem, skipping: ["provider.json"])],
                                         files: ["body": .companion(extension: "html")])
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
            emailTemplates:
              - template: welcome_email
                enabled: true
                syntax: liquid
                from: welcome@example.com
                subject: Welcome to Example
                resultUrl: https://app.example.com/welcome
                urlLifetimeInSeconds: 3600
                body: ./emailTemplates/welcome_email.html
            """,
            files: ["emailTemplates/welcome_email.html": "<html>\n  <body>\n    <h1>Welcome, {{ user.name }}!</h1>\n  </body>\n</html>\n"],
            secrets: ["SMTP_PASS": "round-trip-smtp-pass-6e1d"])
        return type
    }()
}
