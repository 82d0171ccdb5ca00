import APIJSON

extension CollectionSpec {
    /// `/branding/phone/providers`: one GET answering `{providers}` (recorded), filtered by `disabled` (the spec),
    /// ids `pro_` + 22 (recorded), each with the tenant's name and `channel: phone`. `credentials` are taken, read as
    /// `null`, and left out of a write's answer (both recorded). One provider per tenant: another is the spec's 409 "Custom phone provider
    /// conflict." (inferred to apply to any second provider). errorCodes are inferred.
    static let phoneProviders: CollectionSpec = CollectionSpec(
        path: "branding/phone/providers", itemParameter: "id", plural: "providers",
        identifiers: .random(prefix: "pro_", length: 22, alphabet: .alphanumeric),
        listing: .unpaged, filters: ["disabled"],
        createStatus: 201, updates: true, deletion: .noContent, deletingMissing: .notFound,
        notFound: .notFound("Phone provider has not been configured.", "inexistent_phone_provider"),
        createEndpoint: "POST /branding/phone/providers", updateEndpoint: "PATCH /branding/phone/providers/{id}",
        fields: [
            .string("name", required: true, minLength: 1, maxLength: 100, allowed: ["twilio", "custom"], description: "Name of the phone notification provider"),
            .of("boolean", "disabled"),
            .of("object", "configuration"),
            .of("object", "credentials", required: true),
        ],
        defaults: ["disabled": .bool(false), "channel": .string("phone")],
        scope: ScopeRule(resource: "phone_providers"),
        snapshot: .section("phone_providers"),
        stampsTimes: true,
        hooks: CollectionHooks(
            validate: { body, existing, tenant, _ throws(APIErrorResponse) in
                if existing == nil, !tenant.table("branding/phone/providers").all.isEmpty {
                    throw .conflict("Custom phone provider conflict.", "phone_provider_conflict")
                }
            },
            prepare: { row, tenant, _ in row["tenant"] = .string(tenant.name) },
            present: { row, _ in
                var provider = row
                provider["credentials"] = .null
                return provider
            },
            presentWrite: { presented in presented.filter { $0.key != "credentials" } }
        )
    )
}

extension EmulatedTenant {
    /// The tenant's name: the first label of its domain.
    var name: String { String(domain.split(separator: ".").first ?? "") }
}
