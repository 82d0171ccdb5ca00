import APIJSON

extension CollectionSpec {
    /// `/organizations/{id}/discovery-domains`: checkpoint lists only (`{domains, next}`), a domain once per
    /// organization, `status` pending unless given. The id (`ord_` + 22 characters), `verification_txt`
    /// (32 hex digits) and `verification_host` (`_ss-verification.<organization id>.<domain>`) look as a
    /// terraform-provider-auth0 recording shows them; `status` defaulting to pending is inferred.
    static let organizationDiscoveryDomains: CollectionSpec = CollectionSpec(
        path: "organizations/{id}/discovery-domains", itemParameter: "discovery_domain_id", plural: "domains",
        identifiers: .random(prefix: "ord_", length: 22, alphabet: .alphanumeric),
        listing: .checkpoint,
        createStatus: 201, updates: true, deletion: .noContent, deletingMissing: .notFound,
        notFound: discoveryDomainNotFound,
        parentNotFound: .notFound("Organization not found.", "inexistent_organization"),
        createEndpoint: "POST /organizations/{id}/discovery-domains",
        updateEndpoint: "PATCH /organizations/{id}/discovery-domains/{discovery_domain_id}",
        fields: [
            .string("domain", required: true, minLength: 3, maxLength: 255, format: .domainName,
                    description: "The domain name to associate with the organization e.g. acme.com."),
            .string("status", allowed: ["pending", "verified"], description: "The verification status of the discovery domain."),
            .of("boolean", "use_for_organization_discovery", description: "Indicates whether this domain should be used for organization discovery."),
        ],
        unique: [UniqueConstraint(fields: ["domain"], conflict: .conflict(
            "An organization discovery domain with this domain is already registered to this organization.", "organization_discovery_domain_conflict"))],
        defaults: ["status": .string("pending")],
        scope: ScopeRule(resource: "organization_discovery_domains"),
        snapshot: .embedded("discovery_domains", inAdminSnapshot: true),
        hooks: CollectionHooks(prepare: { row, _, parameters in
            row["verification_txt"] = .string(Identifiers.hex(32))
            row["verification_host"] = .string("_ss-verification.\(parameters["id"] ?? "").\(row["domain"]?.stringValue ?? "")")
        })
    )

    static let discoveryDomainNotFound = APIErrorResponse.notFound("Organization discovery domain not found.", "inexistent_organization_discovery_domain")
}

extension CustomRoute {
    /// `GET /organizations/{id}/discovery-domains/name/{discovery_domain}`.
    static let discoveryDomainByName: CustomRoute = CustomRoute(
        method: "GET", path: "organizations/{id}/discovery-domains/name/{discovery_domain}",
        scope: ScopeRule(resource: "organization_discovery_domains")
    ) { tenant, _, parameters throws(APIErrorResponse) in
        let spec = CollectionSpec.organizationDiscoveryDomains
        try tenant.requireParent(spec, parameters)
        let domains = tenant.table(EmulatedTenant.tableKey(spec, parameters))
        guard let domain = domains.first(where: { $0["domain"]?.stringValue == parameters["discovery_domain"] }) else {
            throw CollectionSpec.discoveryDomainNotFound
        }
        return .ok(.object(domain))
    }
}
