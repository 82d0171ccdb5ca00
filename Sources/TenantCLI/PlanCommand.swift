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
          tenantctl plan tenants/acme-dev --format markdown > plan.md       # a pull-request comment
          tenantctl plan tenants/acme-dev --out plan.json --detailed-exitcode
        """
    )

    @Argument(help: "The tenant folder.")
    public var tenant: String

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

    public func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let definition = TenantLoader(environment: environment).load(tenant)
        let report = Linter().lint(definition)
        let problems = report.findings.filter { $0.severity == .error }
        if !problems.isEmpty {
            StandardError.write(FindingReporter.render(LintReport(findings: problems, tenants: report.tenants), format: .text, color: TerminalStyle.detect(fileDescriptor: STDERR_FILENO).color))
            StandardError.write("error: \(tenant) has \(problems.count) validation error(s); fix them before planning\n")
            throw ExitCode.failure
        }
        let reading = try await LiveStateSource.current(for: definition, against: against, connection: connection, environment: environment, quiet: quiet)
        let planner = Planner(environment: environment, allowMissingSecrets: out == nil)
        let plan: Plan
        do { plan = try planner.plan(definition, against: reading.snapshot, liveSource: reading.description, liveEndpoint: reading.endpoint) } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
        if !quiet && format == .text {
            print("Planning \(definition.name) against \(reading.description) (read \(reading.snapshot.exportedAt.isEmpty ? "at an unknown time" : reading.snapshot.exportedAt)).")
            print("")
        }
        try PlanPresentation.show(plan, format: format, out: out, quiet: quiet)
        if detailedExitcode && !plan.isEmpty { throw ExitCode(2) }
    }
}
