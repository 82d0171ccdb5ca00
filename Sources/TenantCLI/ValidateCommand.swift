import ArgumentParser
import Foundation
import TenantConfig
import TenantLint

extension FindingFormat: ExpressibleByArgument {}

/// `tenantctl validate`: load tenants, run every rule, print every finding.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check tenants against Auth0's custom database best practices.",
        discussion: """
        Loads each tenant folder (tenant.yaml, tenantctl.yaml and the script files), runs every rule and prints \
        every finding with its file, line and column. Exits 0 when there is no error (with --strict: no warning \
        either) and 1 otherwise. With no folder given, validates every tenant under tenants/.

        Examples:
          tenantctl validate tenants/acme-dev
          tenantctl validate --format github   # annotations in Actions logs
          tenantctl validate --format sarif > tenantctl.sarif
        """
    )

    @Argument(help: "Tenant folders (or Deploy CLI YAML files). Default: every tenant under tenants/.")
    public var tenants: [String] = []

    @Option(help: "Output format: text, json, sarif or github.")
    public var format: FindingFormat = .text

    @Flag(help: "Fail on warnings too.")
    public var strict = false

    @Flag(name: .shortAndLong, help: "Print only errors and warnings (no notes, no summary) in text output.")
    public var quiet = false

    public init() {}

    public func run() throws {
        let directories = TenantDirectories.resolve(tenants)
        guard !directories.isEmpty else {
            StandardError.write("error: no tenant folders given and none found under \(TenantDirectories.defaultRoot)/; run `tenantctl validate tenants/<name>`\n")
            throw ExitCode.failure
        }
        let report = Self.validate(directories)
        var shown = report
        if quiet && format == .text {
            shown = LintReport(findings: report.findings.filter { $0.severity > .note }, suppressed: [], tenants: report.tenants)
        }
        let output = FindingReporter.render(shown, format: format, color: TerminalStyle.detect().color, summary: !quiet)
        try OutputGuard.shared.print(output, what: "the findings, as \(format.rawValue)")
        if report.fails(strict: strict) { throw ExitCode.failure }
    }

    /// Loads and lints each tenant folder.
    public static func validate(_ directories: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> LintReport {
        let loader = TenantLoader(environment: environment)
        let linter = Linter()
        return .combined(directories.map { linter.lint(OutputGuard.shared.watching(loader.load($0))) })
    }
}
