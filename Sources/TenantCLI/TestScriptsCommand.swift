import ArgumentParser
import Foundation
import ScriptTesting
import TenantConfig

extension ScriptTestFormat: ExpressibleByArgument {}

/// `tenantctl test-scripts`: runs every custom database script under Node with mocked HTTP.
public struct TestScriptsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "test-scripts",
        abstract: "Run the custom database scripts under Node, with every HTTP call mocked.",
        discussion: """
        Every script runs once with the legacy API unreachable, and must still call back exactly once, within the \
        time limit, with an Error object. Then every case in databases/<connection>/tests.yaml runs with its mocked \
        HTTP exchanges and expected result, and login and get_user must agree on each user's profile and user_id. \
        Needs node on PATH. Exit 1 on any failure. Format of tests.yaml: docs/test-scripts.md.

        Examples:
          tenantctl test-scripts tenants/acme-dev
          tenantctl test-scripts tenants/acme-dev --format junit > script-tests.xml
        """
    )

    @Argument(help: "Tenant folders. Default: every tenant under tenants/.")
    public var tenants: [String] = []

    @Option(help: "Output format: text, json or junit.")
    public var format: ScriptTestFormat = .text

    @Option(help: "Seconds a script may take before it is reported as never calling back.")
    public var timeout: Double = 20

    public init() {}

    public func run() throws {
        guard let node = NodeHarness.findNode() else {
            StandardError.write("error: \(NodeHarness.Failure.nodeNotFound)\n")
            throw ExitCode.failure
        }
        let harness = NodeHarness(node: node, timeoutMilliseconds: Int(timeout * 1000))
        var failed = false
        var output = ""
        for directory in TenantDirectories.resolve(tenants) {
            let tenant = OutputGuard.shared.watching(TenantLoader().load(directory))
            let loadErrors = tenant.findings.filter { $0.severity == .error }
            let suite = ScriptTestSuiteLoader().cases(for: tenant)
            for finding in loadErrors + suite.findings {
                StandardError.write(finding.compilerStyleLine() + "\n")
            }
            if !loadErrors.isEmpty || suite.findings.contains(where: { $0.severity == .error }) { failed = true }
            let runs: [ScriptRun]
            do { runs = try harness.run(suite.cases) } catch {
                StandardError.write("error: \(error)\n")
                throw ExitCode.failure
            }
            let outcomes = ScriptTestEvaluator.evaluate(suite.cases, runs, timeoutMilliseconds: harness.timeoutMilliseconds)
            output += ScriptTestReporter.render(outcomes, tenant: tenant.name, format: format)
            if outcomes.contains(where: { !$0.passed }) { failed = true }
        }
        try OutputGuard.shared.print(output, what: "the script test results, as \(format.rawValue)")
        if failed { throw ExitCode.failure }
    }
}
