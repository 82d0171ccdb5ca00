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
