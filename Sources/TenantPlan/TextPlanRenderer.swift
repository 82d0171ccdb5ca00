import TenantConfig

/// Terraform-like text: one block per step with `+ ~ -`, field changes, script diffs, notes, the kept and excluded resources,
/// then `Plan: N to add, N to change, N to destroy.` or `No changes.`
public struct TextPlanRenderer: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ plan: Plan) -> String {
        var out: [String] = []
        if !plan.unresolvedSecrets.isEmpty {
            out.append(paint("Warning:", "1;33") + " secrets not set in the environment: \(plan.unresolvedSecrets.joined(separator: ", ")). Configuration that uses them cannot be compared; this plan is a preview and cannot be applied.")
            out.append("")
        }
        for warning in plan.warnings ?? [] {
            out.append(paint("Warning:", "1;33") + " \(warning)")
            out.append("")
        }
        if plan.isEmpty {
            out.append(paint("No changes.", "1;32") + " \(plan.tenant) (\(plan.domain)) matches its files.")
        } else {
            let calls = plan.steps.count == 1 ? "this Management API call" : "these \(plan.steps.count) Management API calls, in this order,"
            out.append("tenantctl will make \(calls) on \(plan.domain):")
            out.append("")
            for step in plan.steps {
                out += renderStep(step)
                out.append("")
            }
        }
        if !plan.kept.isEmpty {
            out.append(paint("Kept (not deleted):", "1;33"))
            for kept in plan.kept { out.append("  ! \(kept.resource): \(kept.reason)") }
            out.append("")
        }
        if let excluded = plan.excluded, !excluded.isEmpty {
            out.append(paint("Excluded (left alone):", "1"))
            for resource in excluded { out.append("  = \(resource.resource): \(resource.reason)") }
            out.append("")
        }
        if let notes = plan.notes, !notes.isEmpty {
            out.append(paint("Not compared:", "1"))
            for note in notes { out.append("  i \(note.resource): \(note.note)") }
            out.append("")
        }
        if !plan.isEmpty {
            out.append(paint("Plan:", "1") + " \(plan.summary.add) to add, \(plan.summary.change) to change, \(plan.summary.destroy) to destroy.")
        }
        return out.joined(separator: "\n") + "\n"
    }

    func renderStep(_ step: PlanStep) -> [String] {
        let color = switch step.action {
        case .create: "32"
        case .update, .deploy: "33"
        case .delete: "31"
        }
        var lines = [paint("\(step.action.symbol) \(step.resource)", color) + "  [\(step.number)] \(step.method) \(step.path)"]
        for change in step.changes {
            if let diff = change.diff, !diff.isEmpty {
                lines.append("    \(change.path):")
                for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
                    let code = line.first == "+" ? "32" : line.first == "-" ? "31" : "2"
                    lines.append("      " + paint(String(line), code))
                }
            } else {
                lines.append("    \(change.path): \(show(change.before)) → \(show(change.after))")
            }
        }
        for note in step.notes { lines.append("    note: \(note)") }
        return lines
    }

    func show(_ value: JSONValue?) -> String {
        guard let value else { return "(none)" }
        if case .string(let s) = value { return s.count > 120 ? "\"\(s.prefix(117))…\"" : "\"\(s)\"" }
        let text = String(decoding: value.encoded(), as: UTF8.self)
        return text.count > 160 ? String(text.prefix(157)) + "…" : text
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
