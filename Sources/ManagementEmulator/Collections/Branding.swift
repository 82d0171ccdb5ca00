import APIJSON

extension SingletonSpec {
    /// `/branding`: always there, `PATCH` merges nested objects (`colors`, `font`) and `null` clears a field, as
    /// tenant settings do (inferred: the recordings only show a `PATCH` with every field). A fresh tenant's branding
    /// is `{}` (inferred).
    static let branding: SingletonSpec = SingletonSpec(
        path: "branding", writes: ["PATCH": .deepMerge],
        fields: [
            .of("object", "colors", nullable: true, description: "Custom color settings."),
            .string("favicon_url", nullable: true, description: "URL for the favicon. Must use HTTPS."),
            .string("logo_url", nullable: true, description: "URL for the logo. Must use HTTPS."),
            .of("object", "font", nullable: true, description: "Custom font settings."),
        ],
        validate: requireSomeProperty,
        initial: initial("branding", .object([:])),
        scope: ScopeRule(resource: "branding"),
        snapshot: .section("branding")
    )

    /// `/branding/templates/universal-login`: 404 until set (the spec's "Template does not exist."; the `errorCode`
    /// is inferred), `{"body": "<html>…"}` once set with `PUT` (see `CustomRoute.setUniversalLoginTemplate`),
    /// `DELETE` 204. Snapshot: `universal_login_template`, `{"body"}` or `null`.
    static let universalLoginTemplate: SingletonSpec = SingletonSpec(
        path: "branding/templates/universal-login", writes: [:], deletion: .noContent,
        notFound: .notFound("Template does not exist.", "inexistent_template"),
        scope: ScopeRule(resource: "branding"),
        snapshot: .section("universal_login_template")
    )
}

extension CustomRoute {
    /// The spec's limit on a universal login template.
    static let universalLoginTemplateLimit = 102_400

    /// `PUT /branding/templates/universal-login`: the body is the template as a JSON string, or
    /// `{"template": "…"}`; 201 when it creates the template, 204 when it replaces it (the spec's statuses), 400 with
    /// the spec's wording beyond 102,400 characters. A `text/html` body is not accepted (the emulator reads JSON).
    static let setUniversalLoginTemplate: CustomRoute = CustomRoute(method: "PUT", path: "branding/templates/universal-login",
                                                                    scope: ScopeRule(resource: "branding"), statuses: [201, 204]) {
        tenant, request, _ throws(APIErrorResponse) in
        let template: String
        switch request.body {
        case .string(let text)?: template = text
        case .object(let object)?:
            try RequestFields.check(object, endpoint: "PUT /branding/templates/universal-login")
            try FieldRule.check(object, [.string("template", required: true, maxLength: universalLoginTemplateLimit)], creating: true)
            template = object["template"]?.stringValue ?? ""
        default:
            throw .invalidBody("Payload validation error: 'Expected type object but found type \(request.body.map(APIRequest.typeName) ?? "null")'.")
        }
        if template.count > universalLoginTemplateLimit {
            throw .invalidBody("Payload content length greater than maximum allowed: \(universalLoginTemplateLimit).")
        }
        let key = SingletonSpec.universalLoginTemplate.path.description
        let existed = tenant.singletons[key] != nil
        tenant.singletons[key] = .object(["body": .string(template)])
        return APIResult(status: existed ? 204 : 201, body: nil)
    }
}
