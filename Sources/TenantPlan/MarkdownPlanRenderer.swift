import TenantConfig

/// Markdown for pull-request comments: the summary first, a banner when anything is deleted, one `<details>` per
/// step, scripts as ```diff blocks, and never more than GitHub's 65,536-character comment limit.
public struct MarkdownPlanRenderer: Sendable {
    /// GitHub's limit for one comment, less room for the truncation notice.
    public static let characterLimit = 65_536
    /// Where the full plan can be found when the comment is cut (a CI artifact, for example).
    public var fullPlanPointer: String

    public init(fullPlanPointer: String = "the full plan in the job's artifacts (`tenantctl plan --out plan.json`)") {
        self.fullPlanPointer = fullPlanPointer
    }

    public func render(_ plan: Plan) -> String {
        var head = "### tenantctl plan: `\(plan.tenant)` (\(plan.domain))\n\n"
        if plan.isEmpty {
            head += "**No changes.** The tenant matches its files.\n"
        } else {
            head += "**Plan: \(plan.summary.add) to add, \(plan.summary.change) to change, \(plan.summary.destroy) to destroy** in \(plan.steps.count) API calls, applied in this order.\n"
        }
        if !plan.unresolvedSecrets.isEmpty {
            head += "\n> [!WARNING]\n> Secrets not set: \(plan.unresolvedSecrets.map { "`\($0)`" }.joined(separator: ", ")). Configuration that uses them was not compared; this plan is a preview.\n"
        }
        if plan.summary.destroy > 0 {
            let deleted = plan.steps.filter { $0.action == .delete }.map { "`\($0.resource)`" }.joined(separator: ", ")
            head += "\n> [!CAUTION]\n> This plan **deletes** \(plan.summary.destroy) resource(s): \(deleted).\n"
        }
        if !plan.kept.isEmpty {
            head += "\n> [!WARNING]\n> \(plan.kept.count) live resource(s) are not in the files and are **kept**: "
                + plan.kept.map { "`\($0.resource)`" }.joined(separator: ", ") + ".\n"
        }
        for warning in plan.warnings ?? [] {
            head += "\n> [!WARNING]\n> \(warning)\n"
        }
        if let excluded = plan.excluded, !excluded.isEmpty {
            head += "\n> [!NOTE]\n> Excluded by `exclude:` in tenantctl.yaml (left alone): " + excluded.map { "`\($0.resource)` (\($0.reason))" }.joined(separator: ", ") + ".\n"
        }
        if let notes = plan.notes, !notes.isEmpty {
            head += "\n> [!NOTE]\n" + notes.map { "> `\($0.resource)`: \($0.note)\n" }.joined()
        }
        head += "\nLive state: \(plan.liveSource), read \(plan.liveReadAt).\n\n"
        var body = ""
        var shown = 0
        let tail = "\n<sub>Desired files digest `\(plan.desiredDigest.prefix(19))…`. Apply exactly this plan with `tenantctl apply plan.json`.</sub>\n"
        for step in plan.steps {
            let block = renderStep(step)
            if head.count + body.count + block.count + tail.count + 400 > Self.characterLimit {
                body += "\n**\(plan.steps.count - shown) more step(s) are not shown here** (the comment would exceed GitHub's limit): see \(fullPlanPointer).\n"
                break
            }
            body += block
            shown += 1
        }
        return head + body + tail
    }

    func renderStep(_ step: PlanStep) -> String {
        let verb = switch step.action {
        case .create: "create"
        case .update: "update"
        case .deploy: "deploy"
        case .delete: "**delete**"
        }
        var text = "<details><summary>\(step.number). \(step.action.symbol) \(verb) <code>\(escape(step.resource.description))</code>: <code>\(step.method) \(escape(step.path))</code></summary>\n\n"
        for note in step.notes { text += "> \(note)\n\n" }
        let plain = step.changes.filter { ($0.diff ?? "").isEmpty }
        if !plain.isEmpty {
            text += "| field | before | after |\n| --- | --- | --- |\n"
            for change in plain {
                text += "| `\(change.path)` | \(cell(change.before)) | \(cell(change.after)) |\n"
            }
            text += "\n"
        }
        for change in step.changes where !(change.diff ?? "").isEmpty {
            text += "`\(change.path)`\n\n```diff\n\(change.diff!.replacingOccurrences(of: "```", with: "``\u{200B}`"))\n```\n\n"
        }
        return text + "</details>\n"
    }

    private func cell(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        let text: String = if case .string(let s) = value { s } else { String(decoding: value.encoded(), as: UTF8.self) }
        let short = text.count > 200 ? String(text.prefix(197)) + "…" : text
        return "`" + short.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ") + "`"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
