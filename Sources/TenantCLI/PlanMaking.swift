import ArgumentParser
import Foundation
import TenantConfig
import TenantLint
import TenantPlan

/// What `plan` and `drift` share: load the tenant, refuse it on validation errors, read the live state, plan.
enum PlanMaking {
    struct Made {
        var definition: TenantDefinition
        var reading: LiveStateSource.Reading
        var plan: Plan
    }

    static func plan(_ tenant: String, against: String?, connection: ConnectionOptions, environment: [String: String],
                     quiet: Bool, allowMissingSecrets: Bool) async throws -> Made {
        let definition = OutputGuard.shared.watching(TenantLoader(environment: environment).load(tenant))
        let report = Linter().lint(definition)
        let problems = report.findings.filter { $0.severity == .error }
        if !problems.isEmpty {
            StandardError.write(FindingReporter.render(LintReport(findings: problems, tenants: report.tenants), format: .text, color: TerminalStyle.detect(fileDescriptor: STDERR_FILENO).color))
            StandardError.write("error: \(tenant) has \(problems.count) validation error(s); fix them before planning\n")
            throw ExitCode.failure
        }
        let reading = try await LiveStateSource.current(for: definition, against: against, connection: connection, environment: environment, quiet: quiet)
        let planner = Planner(environment: environment, allowMissingSecrets: allowMissingSecrets)
        do {
            let plan = try planner.plan(definition, against: reading.snapshot, liveSource: reading.description, liveEndpoint: reading.endpoint)
            return Made(definition: definition, reading: reading, plan: plan)
        } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
    }
}
