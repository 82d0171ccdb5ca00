import ArgumentParser
import Foundation
import TenantPlan

/// Printing a plan in the chosen format and writing the plan file: shared by `plan` and `rollback`. Both outputs
/// pass the output guard before either is written.
enum PlanPresentation {
    static func show(_ plan: Plan, format: PlanFormat, out: String?, quiet: Bool, header: String = "") throws {
        let rendered = switch format {
        case .text: TextPlanRenderer(color: TerminalStyle.detect().color).render(plan)
        case .markdown: MarkdownPlanRenderer().render(plan)
        case .json: String(decoding: PlanFile.encode(plan), as: UTF8.self)
        }
        let text = header + rendered
        // The plan file is encoded only when one is written (a large plan's JSON is megabytes).
        let file = out == nil ? Data() : PlanFile.encode(plan)
        var outputs = [(Data(text.utf8), OutputDestination.standardOutput("the plan, as \(format.rawValue)"))]
        if let out { outputs.append((file, .planFile(out))) }
        try OutputGuard.shared.screen(outputs)
        print(text, terminator: "")
        guard let out else { return }
        do { try file.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
            StandardError.write("error: cannot write \(out): \(error.localizedDescription)\n")
            throw ExitCode.failure
        }
        if !quiet { StandardError.write("Plan written to \(out): apply it with `tenantctl apply \(out)`.\n") }
    }
}
