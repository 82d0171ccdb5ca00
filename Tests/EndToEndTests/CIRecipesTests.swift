import Foundation
import TenantCLI
import TenantConfig
import Testing

/// The CI recipes in examples/ci are valid YAML, and every tenantctl command they run exists with the options
/// they pass, so a recipe cannot rot as the CLI changes.
@Suite struct CIRecipesTests {
    static let recipes = ["examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml", "examples/ci/tenantctl-install/action.yml"]

    @Test(arguments: recipes)
    func isValidYAML(_ path: String) throws {
        let text = try String(contentsOf: CLIProcess.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let document = try #require(try YAMLDocument.parse(text, file: path))
        #expect(document.isMapping)
    }

    @Test func everyCommandTheRecipesRunExistsWithItsOptions() async throws {
        var invocations: [(String, [String])] = []
        for path in Self.recipes {
            let text = try String(contentsOf: CLIProcess.packageRoot.appendingPathComponent(path), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                var rest = Substring(line)
                while let range = rest.range(of: "tenantctl ") {
                    let before = rest[..<range.lowerBound].last
                    rest = rest[range.upperBound...]
                    // `tenantctl-install`, `tenantctl-plan:` markers and `.../tenantctl` paths are not invocations.
                    guard before == nil || before == " " || before == "(" || before == "$" || before == "\"" else { continue }
                    let words = rest.prefix { !";|>&)".contains($0) }.split(separator: " ").map(String.init)
                    guard let command = words.first, command.allSatisfy({ $0.isLowercase || $0 == "-" }) else { continue }
                    invocations.append((command, words.dropFirst().filter { $0.hasPrefix("-") }))
                }
            }
        }
        #expect(invocations.count >= 10, "the recipes run tenantctl: \(invocations.map(\.0))")
        let commands = TenantctlCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        var help: [String: String] = [:]
        for (command, options) in invocations {
            #expect(commands.contains(command), "`tenantctl \(command)` is not a command")
            if help[command] == nil { help[command] = try await CLIProcess.run([command, "--help"]).stdout }
            for option in options {
                #expect(help[command]!.contains(option), "`tenantctl \(command)` has no option \(option)")
            }
        }
    }
}

/// The recipes are safe against a malicious pull request (docs/security.md): the apply plans from the merged commit
/// and trusts nothing a pull request's run produced, and no job a pull request runs gets a credential that writes
/// or a secret keyword.
@Suite struct CIRecipeSafetyTests {
    static func document(_ path: String) throws -> ConfigNode {
        let text = try String(contentsOf: CLIProcess.packageRoot.appendingPathComponent(path), encoding: .utf8)
        return try #require(try YAMLDocument.parse(text, file: path))
    }

    /// The job as one text, to search for the secrets it names.
    static func text(_ job: ConfigNode) -> String { String(decoding: job.json.encoded(), as: UTF8.self) }

    /// Every secret keyword the example tenants declare.
    static var secretKeywords: [String] {
        let root = CLIProcess.packageRoot.appendingPathComponent("tenants")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return folders.flatMap { TenantLoader(environment: [:]).load(root.appendingPathComponent($0).path).settings.secretKeywords }.sorted()
    }

    @Test func theExampleTenantsDeclareSecretKeywords() {
        #expect(Self.secretKeywords == ["ACCOUNTS_API_KEY", "LEGACY_API_CLIENT_SECRET"], "the checks below look for these")
    }

    @Test func gitHubAppliesAPlanMadeFromTheMergedCommitAndDownloadsNoArtifact() throws {
        let apply = try #require(try Self.document("examples/ci/github-actions.yml")["jobs"]?["apply"])
        let steps = apply["steps"]?.items ?? []
        #expect(!Self.text(apply).contains("download-artifact"), "a pull request's artifact is never applied")
        #expect(steps.first?["uses"]?.string == "actions/checkout@v4" && steps.first?["with"]?["ref"]?.string == "${{ github.sha }}")
        let runs = steps.compactMap { $0["run"]?.string }
        let plan = try #require(runs.firstIndex { $0.contains("tenantctl plan ") && $0.contains("--out plan.json") })
        let applied = try #require(runs.firstIndex { $0.contains("tenantctl apply plan.json") })
        #expect(plan < applied)
        #expect(apply["environment"]?.string == "${{ matrix.tenant.name }}", "write credentials live in a per-tenant environment")
    }

    @Test func gitHubPullRequestJobsGetOnlyTheReadOnlyClient() throws {
        let jobs = try Self.document("examples/ci/github-actions.yml")["jobs"]?.entries ?? []
        let pullRequestJobs = jobs.filter { $0.value["if"]?.string?.contains("'pull_request'") == true }
        #expect(Set(pullRequestJobs.map(\.key)) == ["check", "plan"])
        for job in pullRequestJobs {
            let text = Self.text(job.value)
            let named = text.components(separatedBy: "secrets.").dropFirst().map { String($0.prefix { $0.isUppercase || $0.isNumber || $0 == "_" }) }
            #expect(Set(named).isSubset(of: ["AUTH0_READ_CLIENT_ID", "AUTH0_READ_CLIENT_SECRET"]), "\(job.key) gets \(named)")
            #expect(job.key != "check" || named.isEmpty, "the job that runs the scripts gets no secret")
            #expect(job.value["environment"] == nil)
        }
    }

    @Test func gitLabAppliesAPlanMadeFromTheMergedCommit() throws {
        let apply = try #require(try Self.document("examples/ci/gitlab-ci.yml")["apply"])
        let script = apply["script"]?.items.compactMap(\.string) ?? []
        #expect(!Self.text(apply).contains("/artifacts/"), "a merge request's artifact is never applied")
        let plan = try #require(script.firstIndex { $0.contains("tenantctl plan ") && $0.contains("--out plan.json") })
        let applied = try #require(script.firstIndex { $0.contains("tenantctl apply plan.json") })
        #expect(plan < applied)
    }

    @Test func gitLabMergeRequestJobsUseOnlyTheReadOnlyClient() throws {
        // Which variables a merge request pipeline sees is GitLab's "protected" flag; the recipe makes sure that even
        // a write credential left unprotected by mistake is not what plan uses, and names no secret keyword.
        let document = try Self.document("examples/ci/gitlab-ci.yml")
        let jobs = document.entries.filter { Self.text($0.value).contains("merge_request_event") }
        #expect(Set(jobs.map(\.key)) == ["validate", "plan"])
        let plan = document["plan"]?["script"]?.items.compactMap(\.string) ?? []
        let readOnly = try #require(plan.firstIndex { $0 == #"export AUTH0_CLIENT_ID="$AUTH0_READ_CLIENT_ID" AUTH0_CLIENT_SECRET="$AUTH0_READ_CLIENT_SECRET""# })
        #expect(readOnly < (plan.firstIndex { $0.contains("tenantctl plan ") } ?? 0))
        let validate = document["validate"]?["script"]?.items.compactMap(\.string) ?? []
        #expect(validate.first == "unset AUTH0_READ_CLIENT_ID AUTH0_READ_CLIENT_SECRET GITLAB_TOKEN", "the job that runs the scripts holds no credential")
        for job in jobs {
            let text = Self.text(job.value)
            for name in ["AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET"] + Self.secretKeywords {
                #expect(!text.contains("$\(name)") && !text.contains("${\(name)}"), "\(job.key) reads \(name)")
            }
        }
    }
}

/// The JSON Schemas kept in schemas/ are what `tenantctl schema` prints today.
@Suite struct SchemaCommandTests {
    @Test(arguments: [("tenant", "schemas/tenant.schema.json"), ("settings", "schemas/tenantctl.schema.json")])
    func theCommittedSchemaIsInSync(document: String, file: String) async throws {
        let result = try await CLIProcess.run(["schema", document])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = try String(contentsOf: CLIProcess.packageRoot.appendingPathComponent(file), encoding: .utf8)
        #expect(result.stdout == committed, "run `swift run tenantctl schema \(document) --out \(file)` and commit it")
    }
}

/// Every command's help ends with examples a user can paste.
@Suite struct HelpTextTests {
    @Test func everyCommandsHelpHasExamples() async throws {
        let root = try await CLIProcess.run(["--help"])
        #expect(root.stdout.contains("Examples:"))
        // Command lines are indented by two spaces; wrapped abstracts by more.
        let subcommands = root.stdout.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0.allSatisfy { $0.isLowercase || $0 == "-" } } ?? []
        #expect(subcommands.count >= 10, "\(subcommands)")
        for command in subcommands where command != "help" {
            let help = try await CLIProcess.run(["help", command])
            let examples = help.stdout.components(separatedBy: "Examples:").dropFirst().joined()
            #expect(examples.contains("tenantctl \(command)"), "tenantctl help \(command) shows examples of itself")
            let wrapped = Self.wrappedExampleLines(help.stdout)
            #expect(wrapped.isEmpty, "tenantctl help \(command): examples wider than 80 columns: \(wrapped)")
        }
        let wrapped = Self.wrappedExampleLines(root.stdout)
        #expect(wrapped.isEmpty, "tenantctl --help: examples wider than 80 columns: \(wrapped)")
    }

    /// The help is wrapped at 80 columns: an example line that long is broken mid-command, and the broken-off part
    /// starts at column 0 instead of under the other examples.
    static func wrappedExampleLines(_ help: String) -> [Substring] {
        let examples = help.components(separatedBy: "Examples:").dropFirst().joined().components(separatedBy: "USAGE:").first ?? ""
        return examples.split(separator: "\n").filter { !$0.hasPrefix("  ") }
    }
}
