/// The files `tenantctl init` writes for a tenant started from scratch: a tenantctl.yaml whose every setting is
/// shown, commented, with what it does (docs/settings.md), and a tenant.yaml that says where resources go.
public enum NewTenantFiles {
    /// tenantctl.yaml for a new tenant; `domain` set when given, else commented.
    public static func settings(domain: String?) -> String {
        let domainLine = domain.map { "domain: \(DeployCLIConfig.scalar($0))\n" }
            ?? "# domain: acme-dev.eu.auth0.com   # or --domain / AUTH0_DOMAIN when you run tenantctl\n"
        return """
        # Deploy settings for this tenant (every key: docs/settings.md). Made by `tenantctl init`.
        \(domainLine)# What the tenant is for: production, staging or development (production makes the operations checks errors).
        # environment: development
        # Who answers for this tenant: `tenantctl drift` names them when the live tenant no longer matches the files.
        # owners: ["@acme/identity-team"]
        # Live resources the files do not declare are kept (and listed loudly in the plan) unless this is true.
        allow_deletes: false
        # The resource types tenantctl changes (default: every type); the others are read, never written.
        # managed: [tenant, clients, databases, connections, resourceServers, clientGrants, actions, triggers]
        # Values for keywords in the tenant's files: ##KEY## inserts the text, @@KEY@@ the JSON value. Never secrets.
        # keywords:
        #   WEB_APP_URL: https://app.acme.example
        # Keywords whose values come from the environment only (a CI secret).
        # secrets:
        #   - LEGACY_API_CLIENT_SECRET
        # Resources another team or tool owns: never created, changed or deleted, never drift.
        # exclude:
        #   clients:
        #     - name: "tf-*"
        #       reason: managed by Terraform
        # Fields the dashboard owns: plan and drift keep their live value.
        # ignore_fields:
        #   clients: [callbacks]

        """
    }

    /// tenant.yaml for a new tenant: no resources yet (validate says the tenant manages nothing until some are added).
    public static let document = """
        # The tenant's resources, in the Auth0 Deploy CLI's YAML format (sections: docs/resource-types.md).
        # Write them here, or read a live tenant's with `tenantctl export --tenant <another folder>` and copy them over:
        #
        # clients:
        #   - name: Acme Web
        #     app_type: spa
        #     callbacks: [https://app.acme.example/callback]

        """
}
