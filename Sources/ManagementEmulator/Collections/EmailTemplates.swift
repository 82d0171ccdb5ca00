import APIJSON

extension SingletonSpec {
    /// The spec's `EmailTemplateNameEnum`.
    static let emailTemplateNames = ["verify_email", "verify_email_by_code", "auth_email_by_code", "reset_email", "reset_email_by_code",
                                     "welcome_email", "blocked_account", "stolen_credentials", "enrollment_email", "mfa_oob_code",
                                     "user_invitation", "change_password", "password_reset", "async_approval"]

    /// The fields of a template, as the spec's `SetEmailTemplateRequestContent` describes them (`PUT` and `POST`
    /// require those marked so).
    static let emailTemplateFields: [FieldRule] = [
        .string("template", required: true, allowed: emailTemplateNames),
        .string("body", required: true, nullable: true),
        .string("from", required: true, nullable: true),
        .string("resultUrl", nullable: true),
        .string("subject", required: true, nullable: true),
        .string("syntax", required: true, nullable: true),
        FieldRule(name: "urlLifetimeInSeconds", type: "number", nullable: true, minimum: 0),
        .of("boolean", "includeEmailInRedirect"),
        .of("boolean", "enabled", required: true, nullable: true),
    ]

    /// `/email-templates/{templateName}`: an unset template answers 404 `inexistent_email_template` "The template
    /// does not exist." (recorded); `POST /email-templates` creates one, `PATCH` changes the fields it names and
    /// `PUT` replaces the template. Updating an unset template answers the same 404 (the spec documents a 404 for
    /// both; its wording is inferred from the read's).
    static let emailTemplates: SingletonSpec = SingletonSpec(
        path: "email-templates/{templateName}", keys: ["templateName": emailTemplateNames],
        writes: ["PATCH": .topLevelMerge, "PUT": .replace],
        notFound: .notFound("The template does not exist.", "inexistent_email_template"),
        fields: emailTemplateFields,
        presentedKeys: ["templateName": "template"],
        scope: ScopeRule(resource: "email_templates"),
        snapshot: .items("email_templates", keys: ["templateName": "template"])
    )
}

extension CustomRoute {
    /// `POST /email-templates`: creates the template its body names; 200 as the spec says, 409 when it exists
    /// (the spec's "Template (templateName) already exists.", with the name; the `errorCode` is inferred).
    static let createEmailTemplate: CustomRoute = CustomRoute(method: "POST", path: "email-templates", scope: ScopeRule(resource: "email_templates"),
                                                              statuses: [200]) { tenant, request, _ throws(APIErrorResponse) in
        let spec = SingletonSpec.emailTemplates
        let body = try request.object()
        try RequestFields.check(body, endpoint: "POST /email-templates")
        try FieldRule.check(body, spec.fields, creating: true)
        let name = body["template"]?.stringValue ?? ""
        let key = spec.path.filled(["templateName": name])
        if tenant.singletons[key] != nil { throw .conflict("Template \(name) already exists.", "email_template_conflict") }
        tenant.singletons[key] = .object(EmulatedTenant.withoutKeys(spec, body))
        return .ok(tenant.presented(spec, .object(body), ["templateName": name]))
    }
}
