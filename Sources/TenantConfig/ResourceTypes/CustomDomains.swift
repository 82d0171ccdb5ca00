extension SnapshotSection {
    public static let customDomains: SnapshotSection = "custom_domains"
}

extension ResourceType {
    /// Custom domains: `/custom-domains` (one GET answering a plain array), named by `domain`, their id is
    /// `custom_domain_id`. A domain is never renamed: another `domain` is another custom domain, so the old one is
    /// deleted (only with `allow_deletes`, listed loudly) and the new one created. The provisioning `type` cannot
    /// change in place (the API's PATCH does not take it): a change replaces the domain. Verification, certificate
    /// and status are the API's. `is_default` is set with `PATCH /custom-domains/default` once the domain is verified.
    static let customDomains: ResourceType = {
        var type = ResourceType(
            kind: .customDomains, noun: "custom domain", section: .list(key: ["domain"]),
            api: APIShape(path: "/custom-domains", listing: .plain, idField: "custom_domain_id", snapshotSection: .customDomains, sortKey: ["domain"]),
            lifecycle: .standard, rank: 95)
        // `verification_method` is taken on create only, never returned, and has one value (`txt`, the default).
        type.readOnlyFields = ["custom_domain_id", "primary", "status", "origin_domain_name", "verification", "certificate", "verification_method"]
        type.immutableFields = [ImmutableField("type", onChange: .replace)]
        // The tenant's default domain (the one emails and links use) is one at a time, and only a verified one.
        type.flags = [FlagField("is_default", method: "PATCH", path: "/custom-domains/default", namedBy: "domain",
                                requires: FlagRequirement("status", "ready", meanwhile: "publish the TXT record its `verification` names, verify the domain, then plan again"),
                                clearing: "set `is_default: true` on the custom domain that should be the default instead (or make the canonical domain the default in the dashboard)")]
        type.example = TypeExample(yaml: """
            customDomains:
              - domain: login.example.com
                type: auth0_managed_certs
                tls_policy: recommended
                domain_metadata:
                  team: identity
            """)
        // One file holds the list, as the Deploy CLI writes it.
        type.directory = .sectionFile("custom-domains/custom-domains.json")
        return type
    }()
}
