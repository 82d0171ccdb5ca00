import ArgumentParser
import Foundation
import ManagementAPI
import TenantConfig
import TenantLint
import TenantPlan

/// `tenantctl rollback`: a plan that takes the tenant back to a snapshot (a pre-apply snapshot, or any export).
public struct RollbackCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Plan the calls that take a tenant back to a snapshot.",
        discussion: """
        Turns the snapshot into a tenant folder (scripts included) under .tenantctl/rollback/, with the tenant's own \
        deploy settings and its configuration keywords (snapshots never hold secrets, so connection configuration \
        comes from the environment as usual), and plans it against the live tenant. Review the plan, then apply the \
        plan file: apply checks it like any other. Resources created after the snapshot are deleted only when \
        `allow_deletes: true`; resources deleted since are created again (with new ids).

        The other way to roll back needs no snapshot: redeploy an earlier commit \
        (git checkout <commit> -- tenants/x, then plan and apply).

        Examples:
          tenantctl rollback tenants/acme-dev --out rollback.json \\
            --to .tenantctl/snapshots/acme-dev-2026-11-22T101500Z.json
          tenantctl apply rollback.json
        """
    )

    @Argument(help: "The tenant folder (its settings, keywords and secrets are used).")
    public var tenant: String

    @Option(help: "The snapshot to go back to (from .tenantctl/snapshots/ or `tenantctl export --snapshot`).")
    public var to: String

    @Option(help: "Write the plan file (JSON) for `tenantctl apply`.")
    public var out: String?

    @Option(help: "Output format: text, markdown or json.")
    public var format: PlanFormat = .text

    @Option(help: "Where the restored tenant folder is written.")
    public var stateDirectory = ".tenantctl"

    @Flag(help: "Exit 2 when there are changes (0 none, 1 error).")
    public var detailedExitcode = false

    @Flag(name: .shortAndLong, help: "Print only the plan.")
    public var quiet = false

    @OptionGroup public var connection: ConnectionOptions

    public init() {}

    public func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let current = OutputGuard.shared.watching(TenantLoader(environment: environment).load(tenant))
        if let problem = current.findings.first(where: { $0.severity == .error }) {
            StandardError.write("error: \(tenant) does not load: \(problem.location.map { "\($0): " } ?? "")\(problem.message)\n")
            throw ExitCode.failure
        }
        let target: TenantSnapshot
        do { target = try TenantSnapshot.read(from: URL(fileURLWithPath: to), displayPath: to) } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
        if let domain = current.settings.domain, domain != target.domain {
            StandardError.write("error: \(to) is a snapshot of \(target.domain), but \(tenant) is \(domain); roll back with a snapshot of this tenant\n")
            throw ExitCode.failure
        }
        let folder = "\(stateDirectory)/rollback/\(current.name)-\(ApplyCommand.stamp())"
        let export = SnapshotExporter().export(target, configuration: Self.configurationKeywords(of: current))
        var files = export.files.mapValues { Data($0.utf8) }
        let settingsPath = TenantPath.join(tenant, TenantLoader.settingsName)
        if FileManager.default.fileExists(atPath: settingsPath) {
            do {
                files[TenantLoader.settingsName] = try TenantFileAccess(fileSystem: DiskFileSystem(), folders: current.folders)
                    .read(settingsPath, limit: TenantLoader.maximumDocumentBytes)
            } catch {
                StandardError.write("error: \(error)\n")
                throw ExitCode.failure
            }
        }
        try OutputGuard.shared.screen(files.sorted { $0.key < $1.key }.map { ($0.value, .restoredFile(folder, $0.key)) })
        do {
            for (path, data) in files { try AtomicFiles.write(data, to: "\(folder)/\(path)") }
        } catch {
            StandardError.write("error: cannot write \(folder): \(error.localizedDescription)\n")
            throw ExitCode.failure
        }
        let restored = TenantLoader(environment: environment).load(folder)
        if let problem = restored.findings.first(where: { $0.severity == .error }) {
            StandardError.write("error: the snapshot does not make a loadable tenant: \(problem.location.map { "\($0): " } ?? "")\(problem.message)\n")
            throw ExitCode.failure
        }
        let reading = try await LiveStateSource.current(for: current, against: nil, connection: connection, environment: environment, quiet: quiet)
        var plan: Plan
        do {
            plan = try Planner(environment: environment, allowMissingSecrets: out == nil)
                .plan(restored, against: reading.snapshot, liveSource: reading.description, liveEndpoint: reading.endpoint)
        } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
        plan.tenant = current.name
        var header = ""
        if !quiet && format == .text {
            header += "Rolling \(current.name) back to \(to) (taken \(target.exportedAt)), against \(reading.description).\n"
            header += "The restored files are in \(folder).\n"
            let fresh = export.keywords.filter { environment[$0] == nil }
            if !fresh.isEmpty { header += "Connections the files no longer have need these set in the environment: \(fresh.joined(separator: ", ")).\n" }
            header += "\n"
        }
        try PlanPresentation.show(plan, format: format, out: out, quiet: quiet, header: header)
        if detailedExitcode && !plan.isEmpty { throw ExitCode(2) }
    }

    /// The configuration values the tenant's files give each connection, secrets as their keywords
    /// (`##LEGACY_API_CLIENT_SECRET##`), so the restored folder reads them from the same environment.
    static func configurationKeywords(of tenant: TenantDefinition) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for connection in tenant.resources(.databases) + tenant.resources(.connections) {
            guard let entries = connection.body["options"]?["configuration"]?.entries else { continue }
            var values: [String: String] = [:]
            for entry in entries {
                guard let text = entry.value.string else { continue }
                values[entry.key] = SecretReference.substitute(in: text) { "##\($0)##" }
            }
            result[connection.key] = values
        }
        return result
    }
}
