import ArgumentParser
import Foundation
import ScriptTesting
import TenantConfig

extension ScriptTestFormat: ExpressibleByArgument {}

/// `tenantctl test-scripts`: runs every custom database script and every post-login and credentials-exchange action
/// under Node with mocked HTTP, and proves who can get a token for the legacy identity API.
public struct TestScriptsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "test-scripts",
        abstract: "Run the custom database scripts and the actions under Node, with every HTTP call mocked.",
        discussion: """
        Every script runs once with the legacy API unreachable, and must still call back exactly once, within the \
        time limit, with an Error object. Then every case in databases/<connection>/tests.yaml runs with its mocked \
        HTTP exchanges and expected result, and login and get_user must agree on each user's profile and user_id. \
        Every post-login and credentials-exchange action runs once with a default event (its handler must be \
        exported, resolve in time and not throw), then the cases in actions/<name>/tests.yaml (an event in, the \
        api calls expected). With legacy_identity_api set, a token request for that audience by each client runs \
        the bound actions: denied unless the client is allowed, allowed if it is. \
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

    @Option(help: "Seconds a script may take before it is reported as never calling back (an action, as never resolving).")
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
            let scripts = ScriptTestSuiteLoader().cases(for: tenant)
            let actions = ActionTestSuiteLoader().cases(for: tenant)
            for finding in loadErrors + scripts.findings + actions.findings {
                StandardError.write(finding.compilerStyleLine() + "\n")
            }
            if !loadErrors.isEmpty || (scripts.findings + actions.findings).contains(where: { $0.severity == .error }) { failed = true }
            let scriptRuns: [ScriptRun], actionRuns: [ActionRun]
            do {
                scriptRuns = try harness.run(scripts.cases)
                actionRuns = try harness.run(actions: actions.cases)
            } catch {
                StandardError.write("error: \(error)\n")
                throw ExitCode.failure
            }
            let entries = ScriptTestEvaluator.evaluate(scripts.cases, scriptRuns, timeoutMilliseconds: harness.timeoutMilliseconds).map(\.reportEntry)
                + ActionTestEvaluator.evaluate(actions.cases, actionRuns, timeoutMilliseconds: harness.timeoutMilliseconds).map(\.reportEntry)
            output += ScriptTestReporter.render(entries, tenant: tenant.name, format: format)
            if entries.contains(where: { !$0.passed }) { failed = true }
        }
        try OutputGuard.shared.print(output, what: "the script test results, as \(format.rawValue)")
        if failed { throw ExitCode.failure }
    }
}
