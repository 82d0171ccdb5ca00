import ArgumentParser
import Foundation
import TenantConfig
import TenantPlan

/// `tenantctl drift`: for scheduled checks, whether the live tenant still matches its files, and if not, what
/// drifted and who can fix it.
public struct DriftCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Check whether live tenants still match their files; name what drifted and who can fix it.",
        discussion: """
        Reads the live tenant (or the committed snapshot when no credentials are set) and plans, as `plan` does, \
        then reports per resource what differs: changed fields, resources missing from the tenant, resources the \
        files would delete, and the resources left alone. The owners come from `owners:` in tenantctl.yaml. \
        Exit codes: 0 no drift, 2 drift, 1 error (as `plan --detailed-exitcode`). Nothing is ever written.

        Examples:
          tenantctl drift tenants/acme-prod
          # a scheduled job opens an issue from drift.md on exit 2:
          tenantctl drift --all --format markdown > drift.md
          tenantctl drift tenants/acme-prod --format json
        """
    )

    @Argument(help: "The tenant folder (tenants/acme-prod).")
    public var tenant: String?

    @Flag(help: "Check every tenant under tenants/, several at once.")
    public var all = false

    @Option(help: "With --all: the folder holding the tenants.")
    public var root = TenantDirectories.defaultRoot

    @Option(help: "Output format: text, markdown or json.")
    public var format: PlanFormat = .text

    @Option(help: "Compare with this snapshot file instead of the live tenant.")
    public var against: String?

    @Flag(name: .shortAndLong, help: "No progress output.")
    public var quiet = false

    @OptionGroup public var connection: ConnectionOptions

    public init() {}

    public func validate() throws {
        guard all || root == TenantDirectories.defaultRoot else { throw ValidationError("--root goes with --all") }
        if all {
            guard tenant == nil, against == nil, connection.domain == nil else {
                throw ValidationError("with --all, give no tenant folder, --against or --domain: each tenant's settings or AUTH0_DOMAIN name its domain")
            }
        } else if tenant == nil {
            throw ValidationError("give a tenant folder (tenants/acme-prod), or --all for every tenant under tenants/")
        }
    }

    public func run() async throws {
        guard let tenant else { return try await checkAll() }
        let environment = ProcessInfo.processInfo.environment
        let made = try await PlanMaking.plan(tenant, against: against, connection: connection, environment: environment, quiet: quiet, allowMissingSecrets: true)
        let report = DriftReport(plan: made.plan, owners: made.definition.settings.owners)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            try OutputGuard.shared.print(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n", what: "the drift report, as json")
        case .text, .markdown:
            let color = format == .text && TerminalStyle.detect(fileDescriptor: STDOUT_FILENO).color
            try OutputGuard.shared.print(DriftRenderer(format: format == .markdown ? .markdown : .text, color: color).render(report), what: "the drift report, as \(format.rawValue)")
        }
        if report.hasDrift { throw ExitCode(2) }
    }

    /// Every tenant, each by its own `tenantctl drift` process; exit 1 if any failed, else 2 if any drifted.
    private func checkAll() async throws {
        let directories = try TenantDirectories.forAll(under: root)
        let format = format, maxRps = connection.maxRps
        let outcomes = await TenantFanOut().run(directories) { directory in
            var arguments = ["drift", directory, "--format", format.rawValue, "-q"]
            if let maxRps { arguments += ["--max-rps", String(maxRps)] }
            return arguments
        }
        if format == .json {
            try OutputGuard.shared.print(TenantFanOutOutput.json(outcomes), what: "the drift reports, as json")
        } else {
            try OutputGuard.shared.print(TenantFanOutOutput.sections(outcomes, markdown: format == .markdown), what: "the drift reports, as \(format.rawValue)")
        }
        if outcomes.contains(where: { $0.status != 0 && $0.status != 2 }) { throw ExitCode.failure }
        if outcomes.contains(where: { $0.status == 2 }) { throw ExitCode(2) }
    }
}
