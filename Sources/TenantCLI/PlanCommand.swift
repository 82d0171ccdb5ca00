import ArgumentParser
import Foundation
import ManagementAPI
import TenantConfig
import TenantLint
import TenantPlan

/// Plan output formats.
public enum PlanFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text, markdown, json
}

/// `tenantctl plan`: the ordered list of Management API calls that makes the tenant match its files.
public struct PlanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the Management API calls that make a tenant match its files.",
        discussion: """
        Validates the tenant, reads its live state (from --against SNAPSHOT, or the snapshot committed in the \
        tenant folder when no credentials are set), and prints the ordered, serial list of calls: what will be \
        created, changed and deleted. Secrets are never printed. Exit codes follow Terraform: 0 success, 1 error; \
        with --detailed-exitcode, 0 no changes, 1 error, 2 changes present (use it for scheduled drift checks).

        Examples:
          tenantctl plan tenants/acme-dev
          # a pull-request comment:
          tenantctl plan tenants/acme-dev --format markdown > plan.md
          tenantctl plan tenants/acme-dev --out plan.json --detailed-exitcode
          # every tenant in tenants/, one plan file each:
          tenantctl plan --all --format markdown --out-directory plans
        """
    )

    @Argument(help: "The tenant folder.")
    public var tenant: String?

    @Flag(help: "Plan every tenant under tenants/, several at once (each strictly serial), with a combined summary.")
    public var all = false

    @Option(help: "With --all: the folder holding the tenants.")
    public var root = TenantDirectories.defaultRoot

    @Option(help: "With --all: write each tenant's plan file into this folder as <tenant>.json.")
    public var outDirectory: String?

    @Option(help: "Plan against this snapshot file instead of the live tenant.")
    public var against: String?

    @Option(help: "Write the plan file (JSON) for `tenantctl apply`.")
    public var out: String?

    @Option(help: "Output format: text, markdown or json.")
    public var format: PlanFormat = .text

    @Flag(help: "Exit 2 when there are changes (0 none, 1 error).")
    public var detailedExitcode = false

    @Flag(name: .shortAndLong, help: "Print only the plan (no source line, no validation notes).")
    public var quiet = false

    @OptionGroup public var connection: ConnectionOptions

    public init() {}

    public func validate() throws {
        guard all || root == TenantDirectories.defaultRoot else { throw ValidationError("--root goes with --all") }
        if all {
            guard tenant == nil else { throw ValidationError("give a tenant folder or --all, not both") }
            guard against == nil, out == nil, connection.domain == nil else {
                throw ValidationError("--against, --out and --domain are per tenant: with --all use --out-directory, and each tenant's settings or AUTH0_DOMAIN")
            }
        } else {
            guard tenant != nil else { throw ValidationError("give a tenant folder (tenants/acme-dev), or --all for every tenant under tenants/") }
            guard outDirectory == nil else { throw ValidationError("--out-directory goes with --all; for one tenant use --out") }
        }
    }

    public func run() async throws {
        guard let tenant else { return try await planAll() }
        let made = try await PlanMaking.plan(tenant, against: against, connection: connection, environment: ProcessInfo.processInfo.environment,
                                             quiet: quiet, allowMissingSecrets: out == nil)
        let (definition, reading, plan) = (made.definition, made.reading, made.plan)
        let header = !quiet && format == .text
            ? "Planning \(definition.name) against \(reading.description) (read \(reading.snapshot.exportedAt.isEmpty ? "at an unknown time" : reading.snapshot.exportedAt)).\n\n"
            : ""
        try PlanPresentation.show(plan, format: format, out: out, quiet: quiet, header: header)
        if detailedExitcode && !plan.isEmpty { throw ExitCode(2) }
    }

    /// Every tenant under tenants/, each by its own `tenantctl plan` process, then a combined summary.
    private func planAll() async throws {
        let directories = try TenantDirectories.forAll(under: root)
        if let outDirectory { try FileManager.default.createDirectory(atPath: outDirectory, withIntermediateDirectories: true) }
        let format = format, quiet = quiet, outDirectory = outDirectory, maxRps = connection.maxRps
        let outcomes = await TenantFanOut().run(directories) { directory in
            var arguments = ["plan", directory, "--format", format.rawValue, "--detailed-exitcode"]
            if quiet { arguments.append("-q") }
            if let outDirectory { arguments += ["--out", TenantPath.join(outDirectory, "\(URL(fileURLWithPath: directory).lastPathComponent).json")] }
            if let maxRps { arguments += ["--max-rps", String(maxRps)] }
            return arguments
        }
        let verdict = { (outcome: TenantFanOut.Outcome) in outcome.status == 0 ? "no changes" : outcome.status == 2 ? "changes" : "error" }
        switch format {
        case .json:
            try OutputGuard.shared.print(TenantFanOutOutput.json(outcomes), what: "the plans, as json")
        case .markdown, .text:
            var text = TenantFanOutOutput.sections(outcomes, markdown: format == .markdown)
            text += format == .markdown ? "| tenant | result |\n| --- | --- |\n" : "Summary:\n"
            for outcome in outcomes {
                text += (format == .markdown ? "| `\(outcome.tenantName)` | \(verdict(outcome)) |" : "  \(outcome.tenantName): \(verdict(outcome))") + "\n"
            }
            try OutputGuard.shared.print(text, what: "the plans, as \(format.rawValue)")
        }
        if outcomes.contains(where: { $0.status != 0 && $0.status != 2 }) { throw ExitCode.failure }
        if detailedExitcode && outcomes.contains(where: { $0.status == 2 }) { throw ExitCode(2) }
    }
}
