import ArgumentParser

/// The `tenantctl` root command: Auth0 tenants as code.
public struct TenantctlCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tenantctl",
        abstract: "Manage Auth0 tenants as code: validate, export, plan and apply.",
        discussion: """
        Tenants live in tenants/<name>/ (tenant.yaml in the Deploy CLI's format, tenantctl.yaml, scripts beside \
        them). Credentials come from AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (or AUTH0_ACCESS_TOKEN); without them \
        plan reads the tenant's committed snapshot. Guide: docs/guide.md.

        Examples:
          tenantctl validate                               # every tenant in tenants/
          tenantctl plan tenants/acme-dev --out plan.json  # review it, then:
          tenantctl apply plan.json
          tenantctl drift --all                            # exit 2 on drift
          tenantctl --generate-completion-script zsh > ~/.zfunc/_tenantctl
        """,
        version: TenantctlVersion.current,
        subcommands: [
            InitCommand.self,
            ValidateCommand.self,
            PlanCommand.self,
            ApplyCommand.self,
            DriftCommand.self,
            RollbackCommand.self,
            TenantsCommand.self,
            TestScriptsCommand.self,
            MigrateRulesCommand.self,
            EmulatorCommand.self,
            ExportCommand.self,
            SchemaCommand.self,
        ]
    )

    public init() {}
}
