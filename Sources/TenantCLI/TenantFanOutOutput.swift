import Foundation
import TenantConfig

/// How `--all` commands print what their per-tenant processes wrote: each tenant's output under its name
/// (stderr lines prefixed with it), or one JSON object keyed by tenant name.
extension TenantFanOut.Outcome {
    var tenantName: String { URL(fileURLWithPath: directory).lastPathComponent }
}

enum TenantFanOutOutput {
    /// Each tenant's standard output under a heading (`━━ name (dir) ━━`, or `## name` in Markdown); their standard
    /// error goes to standard error at once, each line prefixed with the tenant's name.
    static func sections(_ outcomes: [TenantFanOut.Outcome], markdown: Bool = false) -> String {
        var text = ""
        for outcome in outcomes {
            text += markdown ? "## \(outcome.tenantName)\n\n" : "━━ \(outcome.tenantName) (\(outcome.directory)) ━━\n"
            text += outcome.stdout + (outcome.stdout.hasSuffix("\n") || outcome.stdout.isEmpty ? "" : "\n")
            for line in outcome.stderr.split(separator: "\n") { StandardError.write("[\(outcome.tenantName)] \(line)\n") }
            text += "\n"
        }
        return text
    }

    /// `{"tenants": {name: <its JSON output, or {"error": its stderr}>}}`.
    static func json(_ outcomes: [TenantFanOut.Outcome]) -> String {
        var byName: [String: JSONValue] = [:]
        for outcome in outcomes {
            byName[outcome.tenantName] = (try? JSONValue.parse(Data(outcome.stdout.utf8)))
                ?? .object(["error": .string(outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines))])
        }
        return String(decoding: JSONValue.object(["tenants": .object(byName)]).encoded(pretty: true), as: UTF8.self) + "\n"
    }
}
