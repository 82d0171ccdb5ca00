import APIJSON

extension CollectionSpec {
    /// `/branding/phone/templates`: one GET answering `{templates}` (recorded), filtered by `disabled` (the spec),
    /// ids `tem_` + 22 (recorded), one template per notification `type` (the spec's 409 "Phone template already
    /// configured for tenant"). `content` is merged on PATCH, which does not take `content.syntax` (recorded: a
    /// PATCH without `syntax` reads `syntax: liquid` back); a new template's syntax is `liquid`. errorCodes are
    /// inferred.
    static let phoneTemplates: CollectionSpec = CollectionSpec(
        path: "branding/phone/templates", itemParameter: "id", plural: "templates",
        identifiers: .random(prefix: "tem_", length: 22, alphabet: .alphanumeric),
        listing: .unpaged, filters: ["disabled"],
        createStatus: 201, updates: true, deletion: .noContent, deletingMissing: .notFound,
        notFound: .notFound("Phone template does not exist", "inexistent_phone_template"),
        createEndpoint: "POST /branding/phone/templates", updateEndpoint: "PATCH /branding/phone/templates/{id}",
        fields: [
            .string("type", maxLength: 255, allowed: ["otp_verify", "otp_enroll", "change_password", "blocked_account", "password_breach"]),
            .of("boolean", "disabled"),
            .of("object", "content"),
        ],
        unique: [UniqueConstraint(fields: ["type"], conflict: .conflict("Phone template already configured for tenant", "phone_template_conflict"))],
        defaults: ["disabled": .bool(false), "channel": .string("phone")],
        scope: ScopeRule(resource: "phone_templates"),
        snapshot: .section("phone_templates"),
        stampsTimes: true,
        hooks: CollectionHooks(
            validate: { body, existing, _, _ throws(APIErrorResponse) in
                // The PATCH's content is the spec's `PartialPhoneTemplateContent`: `from` and `body` only.
                guard existing != nil, let content = body["content"]?.objectValue else { return }
                let extra = content.keys.filter { !["from", "body"].contains($0) }.sorted()
                if !extra.isEmpty {
                    throw .invalidBody("Payload validation error: 'Additional properties not allowed: \(extra.joined(separator: ","))' on property content.")
                }
            },
            prepare: { row, tenant, _ in
                row["tenant"] = .string(tenant.name)
                var content = row["content"]?.objectValue ?? [:]
                if content["syntax"] == nil { content["syntax"] = .string("liquid") }
                row["content"] = .object(content)
            },
            update: { row, previous, body in
                guard let patch = body["content"]?.objectValue else { return }
                row["content"] = .object(EmulatedTenant.merge(previous["content"]?.objectValue ?? [:], patch))
            }
        )
    )
}
