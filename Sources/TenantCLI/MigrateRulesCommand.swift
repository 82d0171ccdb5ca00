import ArgumentParser
import Foundation
import RuleMigration
import TenantConfig

/// `tenantctl migrate-rules TENANT`: the tenant's rules become post-login actions (the conversion is RuleMigration's;
/// this command loads, checks the result by loading it back, writes, and reports).
public struct MigrateRulesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "migrate-rules",
        abstract: "Convert a tenant's rules into post-login actions (Rules stopped running on 2026-11-18).",
        discussion: """
        Each rule becomes an action named after it, its code in actions/<name>/code.js, declared in tenant.yaml and \
        bound to post-login in the rules' order (before any existing binding); rulesConfigs keys become the actions' \
        secrets, fed from the same keywords; the rules and their files are removed. The documented mappings are \
        converted mechanically (user → event.user, callback(new UnauthorizedError(m)) → api.access.deny(m), \
        context.idToken[k] = v → api.idToken.setCustomClaim(k, v), configuration.X → event.secrets.X, …); \
        anything else stays as written behind a // TODO(migrate-rules): comment, listed with file:line, which \
        validate reports as an error until you convert that part and remove the comment. Every other line of \
        tenant.yaml is kept. Nothing is written when a rule cannot be read or two actions would share a name. \
        Then run test-scripts (it proves who can get a token for the legacy identity API) and plan: it creates, \
        deploys and binds each action before deleting the rule it replaces.

        Examples:
          tenantctl migrate-rules tenants/acme-legacy --dry-run
          tenantctl migrate-rules tenants/acme-legacy
        """
    )

    @Argument(help: "The tenant folder.")
    public var tenant: String

    @Flag(help: "Report what would change without writing anything.")
    public var dryRun = false

    public init() {}

    public func run() throws {
        let definition = TenantLoader().load(tenant)
        let loadErrors = definition.findings.filter { $0.severity == .error }
        guard loadErrors.isEmpty else {
            for finding in loadErrors { StandardError.write(finding.compilerStyleLine() + "\n") }
            StandardError.write("error: \(definition.directory) does not load cleanly; fix the errors above, then migrate its rules\n")
            throw ExitCode.failure
        }
        guard !definition.resources(.rules).isEmpty else {
            print("\(definition.directory): no rules to migrate")
            return
        }
        // The migration edits tenant.yaml's text; the directory format's files are not YAML.
        guard definition.layout == .yaml else {
            StandardError.write("error: \(definition.directory) is in the Deploy CLI's directory format, and migrate-rules edits tenant.yaml; export it as tenant.yaml (`tenantctl export --tenant NEW_FOLDER --layout yaml`), migrate that, or convert the rules by hand\n")
            throw ExitCode.failure
        }
        let documentText: String
        do {
            documentText = try String(contentsOfFile: definition.documentPath, encoding: .utf8)
        } catch {
            StandardError.write("error: cannot read \(definition.documentPath): \(error.localizedDescription)\n")
            throw ExitCode.failure
        }
        let plan = RuleMigrator.plan(definition, documentText: documentText.hasPrefix("\u{FEFF}") ? String(documentText.dropFirst()) : documentText,
                                     fileSystem: DiskFileSystem())
        for finding in plan.findings where finding.severity == .error { StandardError.write(finding.compilerStyleLine() + "\n") }
        guard plan.isWritable else { throw ExitCode.failure }

        // The edit was made on text: load the result back and check it says exactly what was meant before writing.
        let migrated = TenantLoader(fileSystem: OverlayFileSystem(base: DiskFileSystem(), written: plan.writes, removed: plan.removals)).load(tenant)
        let problems = RuleMigrationCheck.problems(before: definition, after: migrated, plan: plan)
        guard problems.isEmpty else {
            StandardError.write("error: the migrated tenant.yaml does not load back as intended, so nothing was written:\n")
            for problem in problems { StandardError.write("  \(problem)\n") }
            throw ExitCode.failure
        }
        if !dryRun {
            for path in plan.writes.keys.sorted() { try AtomicFiles.write(Data(plan.writes[path]!.utf8), to: path) }
            for path in plan.removals { try FileManager.default.removeItem(atPath: path) }
        }
        print(Self.report(plan, tenant: definition, dryRun: dryRun), terminator: "")
    }

    static func report(_ plan: RuleMigrationPlan, tenant: TenantDefinition, dryRun: Bool) -> String {
        let count = plan.actions.count
        var lines = ["\(tenant.directory): \(count) rule\(count == 1 ? "" : "s") converted into post-login action\(count == 1 ? "" : "s")\(dryRun ? " (dry run: nothing written)" : "")"]
        for action in plan.actions {
            let secrets = action.secrets.isEmpty ? "" : ", secrets \(action.secrets.map { "`\($0.name)`" }.joined(separator: ", "))"
            let dependencies = action.converted.dependencies.isEmpty ? "" : ", dependencies \(action.converted.dependencies.map { "`\($0.name)@\($0.version)`" }.joined(separator: ", "))"
            lines.append("  rule `\(action.ruleName)` → action `\(action.actionName)` (\(action.codePath)\(secrets)\(dependencies))\(action.bound ? "" : ", not bound: the rule is disabled")")
        }
        lines.append("  \(tenant.documentPath): the rules replaced by `rules: []` (plan deletes the live ones)\(tenant.resources(.rulesConfigs).isEmpty ? "" : ", rulesConfigs removed"); the actions declared and bound to post-login in the rules' order")
        for path in plan.removals { lines.append("  removed \(path)") }
        for finding in plan.findings where finding.severity != .error { lines.append(finding.compilerStyleLine()) }
        let todos = plan.findings.count { $0.severity == .warning }
        if todos > 0 {
            lines.append("\(todos) part\(todos == 1 ? "" : "s") left to convert by hand, each behind a // TODO(migrate-rules): comment; validate reports them until they are removed.")
        }
        lines.append("Next: review the change, run `tenantctl test-scripts \(tenant.directory)`, then `tenantctl plan \(tenant.directory)`: it creates, deploys and binds each action before it deletes the rule it replaces (deletes need `allow_deletes: true`).")
        return lines.joined(separator: "\n") + "\n"
    }
}
