import ArgumentParser
import Foundation
import TenantConfig

/// `tenantctl tenants`: the tenant folders under `tenants/`, for people and for a CI matrix.
public struct TenantsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tenants",
        abstract: "List the tenants under tenants/ (a CI matrix reads --format json).",
        discussion: """
        Examples:
          tenantctl tenants
          tenantctl tenants --format json     # a CI matrix: [{"name", "domain", ...}]
        """
    )

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable { case text, json }

    @Option(help: "text or json.")
    public var format: Format = .text

    @Option(help: "The folder holding the tenants.")
    public var root = TenantDirectories.defaultRoot

    public init() {}

    public func run() throws {
        let directories = TenantDirectories.all(under: root)
        guard !directories.isEmpty else {
            StandardError.write("error: no tenant under \(root)/ (a tenant is a folder with a tenant.yaml)\n")
            throw ExitCode.failure
        }
        // Keywords are not needed to list tenants: an empty environment keeps secrets out of reach.
        let tenants = directories.map { TenantLoader(environment: [:]).load($0) }
        switch format {
        case .json:
            let list = JSONValue.array(tenants.map { tenant in
                .object([
                    "name": .string(tenant.name),
                    "directory": .string(tenant.directory),
                    "domain": tenant.settings.domain.map(JSONValue.string) ?? .null,
                    "managed": .array(tenant.settings.managed.intersection(tenant.declaredSections).map(\.rawValue).sorted().map(JSONValue.string)),
                    "allow_deletes": .bool(tenant.settings.allowDeletes),
                    "secrets": .array(tenant.settings.secretKeywords.sorted().map(JSONValue.string)),
                    "snapshot": .string(TenantPath.join(tenant.directory, tenant.settings.snapshot)),
                    "owners": .array(tenant.settings.owners.map(JSONValue.string)),
                ])
            })
            try OutputGuard.shared.print(String(decoding: list.encoded(pretty: true), as: UTF8.self) + "\n", what: "the tenant list")
        case .text:
            let nameWidth = tenants.map(\.name.count).max() ?? 0
            let domainWidth = tenants.map { ($0.settings.domain ?? "(no domain)").count }.max() ?? 0
            let lines = tenants.map { tenant in
                let domain = tenant.settings.domain ?? "(no domain)"
                return "\(tenant.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  \(domain.padding(toLength: domainWidth, withPad: " ", startingAt: 0))  \(tenant.directory)\n"
            }
            try OutputGuard.shared.print(lines.joined(), what: "the tenant list")
        }
    }
}
