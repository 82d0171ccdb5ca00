import APIJSON

extension CollectionSpec {
    /// `/custom-domains`: one GET answering a plain array (recorded: `[]`), ids `cd_` + 16 characters (the spec's
    /// example `cd_0000000000000001`) in `custom_domain_id`. A new domain is pending verification (`status`,
    /// `verification.methods` with the TXT record to publish) and not primary; `verification_method` is taken on
    /// create only and never read back; `is_default` (the spec's default, false) is set with `PATCH /custom-domains/default`
    /// (EmulatedTenant+DefaultCustomDomain.swift). Messages are the spec's response descriptions; errorCodes are inferred.
    static let customDomains: CollectionSpec = CollectionSpec(
        path: "custom-domains", itemParameter: "id", plural: "custom_domains", idField: "custom_domain_id",
        identifiers: .random(prefix: "cd_", length: 16, alphabet: .alphanumeric),
        listing: .plainArray,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("Custom domain not found.", "inexistent_custom_domain"),
        createEndpoint: "POST /custom-domains", updateEndpoint: "PATCH /custom-domains/{id}",
        fields: [
            .string("domain", required: true, minLength: 3, maxLength: 255, format: .domainName, description: "Domain name."),
            .string("type", required: true, allowed: ["auth0_managed_certs", "self_managed_certs"]),
            .string("verification_method", allowed: ["txt"]),
            .string("tls_policy", allowed: ["recommended"]),
            .of("object", "domain_metadata"),
            .string("relying_party_identifier", maxLength: 255),
        ],
        unique: [UniqueConstraint(fields: ["domain"], conflict: .conflict("Custom domain already exists.", "custom_domain_conflict"))],
        defaults: ["tls_policy": .string("recommended")],
        scope: ScopeRule(resource: "custom_domains"),
        snapshot: .section("custom_domains"),
        hooks: CollectionHooks(prepare: { row, tenant, _ in
            let domain = row["domain"]?.stringValue ?? ""
            row["verification_method"] = nil
            row["primary"] = .bool(false)
            row["is_default"] = .bool(false)
            row["status"] = .string("pending_verification")
            row["origin_domain_name"] = .string("\(tenant.domain.split(separator: ".").first ?? "")-\(row["custom_domain_id"]?.stringValue ?? "").edge.tenants.auth0.com")
            row["verification"] = .object([
                "methods": .array([.object([
                    "name": .string("txt"), "record": .string("auth0-domain-verification=" + Identifiers.random(32)),
                    "domain": .string("_cf-custom-hostname.\(domain)"),
                ])]),
                "status": .string("pending"),
            ])
        })
    )
}
