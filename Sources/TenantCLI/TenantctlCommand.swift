import ArgumentParser

/// The `tenantctl` root command: Auth0 tenants as code.
public struct TenantctlCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tenantctl",
        abstract: "Manage Auth0 tenants as code: validate, export, plan and apply.",
        version: TenantctlVersion.current,
        subcommands: [
            ValidateCommand.self,
            PlanCommand.self,
            ApplyCommand.self,
            DriftCommand.self,
            RollbackCommand.self,
            TenantsCommand.self,
            TestScriptsCommand.self,
            EmulatorCommand.self,
            ExportCommand.self,
            SchemaCommand.self,
        ]
    )

    public init() {}
}

/// The version `tenantctl --version` prints.
public enum TenantctlVersion {
    public static let current = "0.1.0-dev"
}
