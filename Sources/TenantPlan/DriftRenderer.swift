import TenantConfig

/// Drift as a message a person acts on: what drifted, who can fix it, and the two ways to fix it.
/// Text for terminals and CI logs, Markdown for an issue opened by a scheduled job.
public struct DriftRenderer: Sendable {
    public enum Format: Sendable { case text, markdown }

    public var format: Format
    public var color: Bool
    /// Field paths listed per resource before "and N more".
    public var maximumFields = 8

    public init(format: Format, color: Bool = false) {
        self.format = format
        self.color = color
    }

    public func render(_ report: DriftReport) -> String {
        var out: [String] = []
        let markdown = format == .markdown
        let excluded = report.excluded.map { list in
            "Not compared, excluded by `exclude:` in tenantctl.yaml: " + list.map { markdown ? "`\($0.resource)`" : "\($0.resource)" }.joined(separator: ", ") + "."
        }
        guard report.hasDrift else {
            return (markdown ? "**No drift.** `\(report.domain)` matches `\(report.directory)`." : paint("No drift:", "32") + " \(report.domain) matches \(report.directory).")
                + (excluded.map { "\n\($0)" } ?? "") + "\n"
        }
        let count = report.entries.count == 1 ? "1 resource differs" : "\(report.entries.count) resources differ"
        out.append(markdown
            ? "**Drift on `\(report.domain)`:** \(count) from `\(report.directory)` (live state: \(report.liveSource), read at \(report.liveReadAt))."
            : paint("Drift on \(report.domain):", "1;33") + " \(count) from \(report.directory) (live state: \(report.liveSource), read at \(report.liveReadAt)).")
        out.append("")
        if markdown { out += ["| | resource | on the tenant |", "| --- | --- | --- |"] }
        for entry in report.entries {
            let what = describe(entry)
            out.append(markdown ? "| \(symbol(entry.kind)) | `\(entry.resource)` | \(what) |" : "  \(paint(symbol(entry.kind), code(entry.kind))) \(entry.resource): \(what)")
        }
        if !report.kept.isEmpty {
            out.append("")
            let names = report.kept.map { markdown ? "`\($0.resource)`" : "\($0.resource)" }.joined(separator: ", ")
            out.append("Also on the tenant only, left alone: \(names).")
        }
        if let excluded {
            out.append("")
            out.append(excluded)
        }
        if !report.unresolvedSecrets.isEmpty {
            out.append("")
            out.append("Not compared (secrets not set): configuration using \(report.unresolvedSecrets.joined(separator: ", ")).")
        }
        out.append("")
        let owners = report.owners.isEmpty
            ? "anyone holding \(report.domain)'s Management API credentials (name the owners with `owners:` in \(report.directory)/tenantctl.yaml)"
            : "\(report.owners.joined(separator: ", ")) (owners in \(report.directory)/tenantctl.yaml)"
        out.append((markdown ? "**Who can fix it:** " : paint("Who can fix it:", "1") + " ") + owners)
        let keep = "to keep the live change, export it (`tenantctl export --snapshot live.json`, or `--tenant` into a scratch folder) and bring it into \(report.directory) with a pull request;"
        let undo = "to undo it, re-apply the files: `tenantctl plan \(report.directory) --out plan.json`, review, `tenantctl apply plan.json`."
        out.append(markdown ? "- \(keep)\n- \(undo)" : "  \(keep)\n  \(undo)")
        return out.joined(separator: "\n") + "\n"
    }

    private func describe(_ entry: DriftReport.Entry) -> String {
        switch entry.kind {
        case .missing: return "missing (the files declare it)"
        case .extra: return "present, not in the files (the files delete it)"
        case .changed:
            guard !entry.fields.isEmpty else { return "changed" }
            let shown = entry.fields.prefix(maximumFields).map { format == .markdown ? "`\($0)`" : $0 }
            let more = entry.fields.count > maximumFields ? " and \(entry.fields.count - maximumFields) more" : ""
            return "changed: \(shown.joined(separator: ", "))\(more)"
        }
    }

    private func symbol(_ kind: DriftReport.Kind) -> String {
        switch kind {
        case .changed: "~"
        case .missing: "+"
        case .extra: "-"
        }
    }

    private func code(_ kind: DriftReport.Kind) -> String {
        switch kind {
        case .changed: "33"
        case .missing: "32"
        case .extra: "31"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
