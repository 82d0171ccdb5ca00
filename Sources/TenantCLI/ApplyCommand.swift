import ArgumentParser
import Foundation
import ManagementAPI
import TenantConfig
import TenantLint
import TenantPlan

/// `tenantctl apply`: execute exactly the reviewed plan, one call at a time, then verify.
public struct ApplyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Execute a reviewed plan on the live tenant, one call at a time.",
        discussion: """
        With a plan file, executes exactly its steps (no prompt: the plan was reviewed). With a tenant folder, \
        plans against the live tenant, shows the plan and asks for `yes` on a terminal (--auto-approve in \
        pipelines). Before the first write it re-reads the tenant and refuses a stale plan, naming what drifted \
        (with --auto-approve on a tenant folder, the read the plan was just made from is that check). \
        Every step's outcome is journaled (fsync) in .tenantctl/journal/ before the next; the live state the plan \
        touches is saved in .tenantctl/snapshots/ first. After the last step it re-reads what the steps can have \
        changed, re-plans and reports whether the tenant now matches its files. Rollback: redeploy an earlier commit (git checkout <commit> -- tenants/x, then \
        plan and apply), or `tenantctl rollback --to SNAPSHOT`.

        Examples:
          tenantctl apply plan.json
          tenantctl apply tenants/acme-dev --auto-approve
          tenantctl apply --all --auto-approve
        """
    )

    @Argument(help: "A plan file (from `tenantctl plan --out`) or a tenant folder.")
    public var target: String?

    @Flag(help: "Plan and apply every tenant under tenants/ (needs --auto-approve), several at once, each strictly serial.")
    public var all = false

    @Option(help: "With --all: the folder holding the tenants.")
    public var root = TenantDirectories.defaultRoot

    @Flag(help: "Apply a tenant folder's plan without asking.")
    public var autoApprove = false

    @Option(help: "Where journals and pre-apply snapshots go.")
    public var stateDirectory = ".tenantctl"

    @Option(help: "Output format of the result: text or json.")
    public var format: SummaryFormat = .text

    @Flag(name: .shortAndLong, help: "No progress output.")
    public var quiet = false

    @OptionGroup public var connection: ConnectionOptions

    public init() {}

    public func validate() throws {
        guard all || root == TenantDirectories.defaultRoot else { throw ValidationError("--root goes with --all") }
        if all {
            guard target == nil else { throw ValidationError("give a plan file, a tenant folder, or --all; not both") }
            guard autoApprove else { throw ValidationError("--all applies many tenants, so nobody can confirm each one: add --auto-approve, or apply reviewed plan files one by one") }
            guard connection.domain == nil else { throw ValidationError("--domain is per tenant: with --all each tenant's settings (or AUTH0_DOMAIN) name it") }
        } else if target == nil {
            throw ValidationError("give a plan file (tenantctl plan --out) or a tenant folder, or --all --auto-approve")
        }
    }

    public func run() async throws {
        guard let target else { return try await applyAll() }
        let environment = ProcessInfo.processInfo.environment
        let progress = ProgressReporter(enabled: !quiet)
        let (plan, definition, planRead) = try await loadPlan(target: target, environment: environment)
        if plan.isEmpty {
            try emit(["result": .string("no changes"), "applied": .number(0)], text: "No changes. Nothing to apply.")
            return
        }
        // The domain comes from the files (or --domain, AUTH0_DOMAIN), never from the plan file: a plan file naming
        // another host would otherwise receive the credentials with the token request.
        let client = try connection.client(settingsDomain: definition.settings.domain, environment: environment, events: progress.clientEvent)
        // The plan goes only to the tenant it was made against.
        let planned = plan.liveEndpoint ?? ManagementEndpoint.defaultBaseURL(forDomain: plan.domain)
        guard client.endpoint.baseURL == planned else {
            await client.shutdown()
            StandardError.write("error: \(PlanExecutor.Failure.wrongTenant(planned: planned, connected: client.endpoint.baseURL)); pass --domain or AUTH0_DOMAIN for the tenant the plan was made against, or plan again\n")
            throw ExitCode.failure
        }
        // Secret fields written in clear in the files are sent from the files, never from the plan file.
        var executor = PlanExecutor(client: client, environment: environment.merging(DesiredState.literalSecrets(of: definition)) { set, _ in set })
        let interactive = progress.interactive
        executor.willSend = { step, total in
            let line = "[\(step.number)/\(total)] \(step.action.symbol) \(step.resource)  \(step.method) \(step.path)"
            interactive ? progress.status(line) : progress.line(line)
        }
        do {
            progress.line(planRead == nil ? "Checking that the tenant has not changed since the plan was made…" : "Checking the plan's secrets (the plan's read of the tenant is current)…")
            let before = try await executor.checkFreshness(of: plan, domain: plan.domain, read: planRead)
            // A plan made here from these files against this very read is the files' plan: nothing to compare.
            if planRead == nil { try refuseIfStepsDiffer(plan, from: target, definition: definition, live: before, environment: environment) }
            let snapshotPath = "\(stateDirectory)/snapshots/\(plan.tenant)-\(Self.stamp()).json"
            try OutputGuard.shared.write(before.encoded(), to: snapshotPath, as: .preApplySnapshot(snapshotPath))
            let journal = try ApplyJournal(directory: "\(stateDirectory)/journal", tenant: plan.tenant, screen: OutputGuard.shared.journalScreen)
            progress.line("Pre-apply snapshot: \(snapshotPath)\nJournal: \(journal.path)")
            let outcomes = try await executor.execute(plan, journal: journal)
            if interactive { progress.line("") }
            let verification = await verify(plan: plan, environment: environment, before: before)
            await client.shutdown()
            let created: [String: JSONValue] = Dictionary(uniqueKeysWithValues: outcomes.compactMap { o in o.createdID.map { ("\(o.number)", .string($0)) } })
            let verdict: String = switch verification {
            case .some(let remaining) where remaining.isEmpty: "Verified: the tenant now matches its files (No changes)."
            case .some(let remaining): "Verification found \(remaining.count) remaining change(s): run `tenantctl plan` to see them."
            case nil: "Not verified: the tenant folder \(plan.directory) could not be re-planned."
            }
            try emit([
                "result": .string("applied"), "applied": .number(Double(outcomes.count)), "journal": .string(journal.path),
                "snapshot": .string(snapshotPath), "verified": verification.map { .bool($0.isEmpty) } ?? .null,
                "steps_digest": .string(plan.stepsDigest), "created": .object(created),
            ], text: "Applied \(outcomes.count) of \(plan.steps.count) steps. " + verdict)
            if let remaining = verification, !remaining.isEmpty { throw ExitCode.failure }
        } catch let failure as PlanExecutor.Failure {
            await client.shutdown()
            if interactive { progress.line("") }
            StandardError.write("error: \(failure)\n")
            if case .stepFailed(let number, _, let outcomes) = failure {
                let done = outcomes.filter(\.succeeded).map { "\($0.number)" }
                StandardError.write("Done: steps \(done.isEmpty ? "none" : done.joined(separator: ", ")). Not done: steps \(number)–\(plan.steps.count).\n")
                StandardError.write("The journal records what happened. Re-plan (`tenantctl plan \(plan.directory)`) and apply again: the new plan starts from where this one stopped.\n")
            }
            throw ExitCode.failure
        } catch let exit as ExitCode {
            await client.shutdown()
            throw exit
        } catch {
            await client.shutdown()
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
    }

    /// The plan and the tenant it is for: read from a plan file (its tenant folder must be here, to check it
    /// against), or made now from a tenant folder (then shown and confirmed). The live state the plan was made from
    /// comes back when it is as fresh as a new read would be (no person was asked, so nothing waited between them);
    /// the stale check then compares with it instead of reading the tenant again.
    private func loadPlan(target: String, environment: [String: String]) async throws -> (Plan, TenantDefinition, TenantSnapshot?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            StandardError.write("error: \(target) does not exist; give a plan file (tenantctl plan --out) or a tenant folder\n")
            throw ExitCode.failure
        }
        if !isDirectory.boolValue {
            guard let data = FileManager.default.contents(atPath: target) else {
                StandardError.write("error: cannot read \(target)\n")
                throw ExitCode.failure
            }
            let plan: Plan
            do { plan = try PlanFile.decode(data) } catch {
                StandardError.write("error: \(target): \(error)\n")
                throw ExitCode.failure
            }
            var folder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: plan.directory, isDirectory: &folder), folder.boolValue else {
                StandardError.write("error: \(target) was made from the tenant folder \(plan.directory), which is not here: apply checks every step of a plan file against what the files say, so it needs them. Run apply where `plan` ran (the same commit, from the same directory), or apply the folder itself: `tenantctl apply \(plan.directory)`\n")
                throw ExitCode.failure
            }
            OutputGuard.shared.watch(plan.secrets.map(\.name) + plan.unresolvedSecrets)
            let definition = try loadValid(plan.directory, environment: environment)
            try refuseIfFilesChanged(since: plan, definition: definition, environment: environment)
            return (plan, definition, nil)
        }
        let definition = try loadValid(target, environment: environment)
        let reading = try await LiveStateSource.read(definition: definition, connection: connection, environment: environment, quiet: quiet)
        let plan: Plan
        do { plan = try Planner(environment: environment).plan(definition, against: reading.snapshot, liveSource: reading.description, liveEndpoint: reading.endpoint) } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
        if !quiet || !autoApprove {
            try OutputGuard.shared.print(TextPlanRenderer(color: TerminalStyle.detect().color).render(plan), what: "the plan, as text")
        }
        if !plan.isEmpty && !autoApprove {
            guard TerminalStyle.detect(fileDescriptor: STDIN_FILENO).interactive else {
                StandardError.write("error: not a terminal, so nobody can confirm: pass --auto-approve, or apply a reviewed plan file\n")
                throw ExitCode.failure
            }
            try OutputGuard.shared.print("Apply these \(plan.steps.count) calls to \(plan.domain)? Only `yes` is accepted: ", what: "the confirmation question")
            guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
                try OutputGuard.shared.print("Apply cancelled.\n", what: "the apply result")
                throw ExitCode.failure
            }
            // A person took their time: the tenant is read again before the first write.
            return (plan, definition, nil)
        }
        return (plan, definition, reading.snapshot)
    }

    /// The tenant folder, loaded; validation errors refuse it.
    private func loadValid(_ folder: String, environment: [String: String]) throws -> TenantDefinition {
        let definition = OutputGuard.shared.watching(TenantLoader(environment: environment).load(folder))
        let errors = Linter().lint(definition).findings.filter { $0.severity == .error }
        guard errors.isEmpty else {
            StandardError.write(FindingReporter.render(LintReport(findings: errors, tenants: [definition.name]), format: .text))
            StandardError.write("error: \(folder) has validation errors; fix them before applying\n")
            throw ExitCode.failure
        }
        return definition
    }

    /// A plan file is applied only while its tenant folder still describes what was reviewed: a plan made on one
    /// commit must not be applied after the files moved on.
    private func refuseIfFilesChanged(since plan: Plan, definition: TenantDefinition, environment: [String: String]) throws {
        let digest = Planner(environment: environment, allowMissingSecrets: true).desiredDigest(of: definition)
        guard digest == plan.desiredDigest else {
            StandardError.write("error: the files in \(plan.directory) changed since the plan was made (their digest is \(digest.prefix(19))…, the plan's \(plan.desiredDigest.prefix(19))…); plan again and review the new plan\n")
            throw ExitCode.failure
        }
    }

    /// Plans again from the files against the live state the stale check just read, and refuses a plan whose steps
    /// are not exactly those: apply runs only what the files say, whoever wrote the plan file.
    private func refuseIfStepsDiffer(_ plan: Plan, from target: String, definition: TenantDefinition, live: TenantSnapshot, environment: [String: String]) throws {
        let expected: Plan
        do {
            expected = try Planner(environment: environment).plan(definition, against: live, liveSource: plan.liveSource, liveEndpoint: plan.liveEndpoint)
        } catch {
            throw ApplyRefusal("the files in \(plan.directory) cannot be planned against the live tenant to check the plan: \(error)")
        }
        if let difference = PlanComparison.firstDifference(planFile: plan.steps, recordedDigest: plan.stepsDigest, files: expected.steps) {
            throw ApplyRefusal("\(target) does not match the plan the files in \(plan.directory) make against the live tenant: \(difference). Apply runs only what the files say: a plan file is an expectation it checks, not a script it runs. Plan again and review the new plan")
        }
    }

    /// Re-plans from the tenant folder against the live tenant; nil when it cannot. Reads again only the sections the
    /// steps can have changed (`VerificationScope`); the others come from `before`, the read the stale check
    /// compared, where nothing had moved.
    private func verify(plan: Plan, environment: [String: String], before: TenantSnapshot) async -> [PlanStep]? {
        let definition = TenantLoader(environment: environment).load(plan.directory)
        guard !definition.findings.contains(where: { $0.severity == .error }) else { return nil }
        guard let reading = try? await LiveStateSource.read(definition: definition, connection: connection, environment: environment, quiet: true,
                                                            only: VerificationScope.sections(touchedBy: plan.steps), reusing: before) else { return nil }
        return (try? Planner(environment: environment).plan(definition, against: reading.snapshot, liveSource: reading.description))?.steps
    }

    private func emit(_ json: [String: JSONValue], text: String) throws {
        switch format {
        case .json: try OutputGuard.shared.print(String(decoding: JSONValue.object(json).encoded(pretty: true), as: UTF8.self) + "\n", what: "the apply result, as json")
        case .text: try OutputGuard.shared.print(text + "\n", what: "the apply result")
        }
    }

    static func stamp() -> String {
        ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
    }

    /// Every tenant under tenants/, each by its own `tenantctl apply` process, then a combined summary.
    private func applyAll() async throws {
        let directories = try TenantDirectories.forAll(under: root)
        let quiet = quiet, stateDirectory = stateDirectory, maxRps = connection.maxRps
        let outcomes = await TenantFanOut().run(directories) { directory in
            var arguments = ["apply", directory, "--auto-approve", "--state-directory", stateDirectory]
            if quiet { arguments.append("-q") }
            if let maxRps { arguments += ["--max-rps", String(maxRps)] }
            return arguments
        }
        var text = TenantFanOutOutput.sections(outcomes) + "Summary:\n"
        for outcome in outcomes {
            text += "  \(outcome.tenantName): \(outcome.status == 0 ? "applied" : "failed (exit \(outcome.status))")\n"
        }
        try OutputGuard.shared.print(text, what: "the apply results")
        if outcomes.contains(where: { $0.status != 0 }) { throw ExitCode.failure }
    }
}
