import ArgumentParser
import Foundation
import TenantPlan

/// Printing a plan in the chosen format and writing the plan file: shared by `plan` and `rollback`.
enum PlanPresentation {
    static func show(_ plan: Plan, format: PlanFormat, out: String?, quiet: Bool) throws {
        // Encoded before anything is printed, whatever the format: a plan that cannot be saved is an error, never
        // an empty plan file or a review of something apply could not run.
        let encoded: Data
        do { encoded = try PlanFile.encode(plan) } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
        switch format {
        case .text: print(TextPlanRenderer(color: TerminalStyle.detect().color).render(plan), terminator: "")
        case .markdown: print(MarkdownPlanRenderer().render(plan), terminator: "")
        case .json: print(String(decoding: encoded, as: UTF8.self), terminator: "")
        }
        guard let out else { return }
        do { try encoded.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
            StandardError.write("error: cannot write \(out): \(error.localizedDescription)\n")
            throw ExitCode.failure
        }
        if !quiet { StandardError.write("Plan written to \(out): apply it with `tenantctl apply \(out)`.\n") }
    }
}
