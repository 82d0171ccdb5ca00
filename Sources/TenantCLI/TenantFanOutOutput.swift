import Foundation
import TenantConfig

/// How `--all` commands print what their per-tenant processes wrote: each tenant's output under its name
/// (stderr lines prefixed with it), or one JSON object keyed by tenant name.
extension TenantFanOut.Outcome {
    var tenantName: String { URL(fileURLWithPath: directory).lastPathComponent }
}

enum TenantFanOutOutput {
    /// Each tenant's standard output under a heading (`━━ name (dir) ━━`, or `## name` in Markdown).
    static func printSections(_ outcomes: [TenantFanOut.Outcome], markdown: Bool = false) {
        for outcome in outcomes {
            print(markdown ? "## \(outcome.tenantName)\n" : "━━ \(outcome.tenantName) (\(outcome.directory)) ━━")
            print(outcome.stdout, terminator: outcome.stdout.hasSuffix("\n") || outcome.stdout.isEmpty ? "" : "\n")
            for line in outcome.stderr.split(separator: "\n") { StandardError.write("[\(outcome.tenantName)] \(line)\n") }
            print("")
        }
    }

    /// `{"tenants": {name: <its JSON output, or {"error": its stderr}>}}`.
    static func printJSON(_ outcomes: [TenantFanOut.Outcome]) {
        var byName: [String: JSONValue] = [:]
        for outcome in outcomes {
            byName[outcome.tenantName] = (try? JSONValue.parse(Data(outcome.stdout.utf8)))
                ?? .object(["error": .string(outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines))])
        }
        print(String(decoding: JSONValue.object(["tenants": .object(byName)]).encoded(pretty: true), as: UTF8.self))
    }
}
