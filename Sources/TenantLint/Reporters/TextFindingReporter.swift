import TenantConfig

/// Compiler-style lines (`file:line:column: error: message [rule]`) that editors and terminals link,
/// then the rules turned off and a summary line.
struct TextFindingReporter {
    var color: Bool
    /// Whether to end with the rules turned off and the summary line (quiet mode leaves them out).
    var summary: Bool = true

    func render(_ report: LintReport) -> String {
        var lines: [String] = []
        for finding in report.findings {
            lines.append(finding.compilerStyleLine(label: paint(finding.severity.rawValue + ":", finding.severity)))
        }
        guard summary else { return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }
        for suppressed in report.suppressed {
            let scope = suppressed.scripts.isEmpty ? "" : " for \(suppressed.scripts.joined(separator: ", "))"
            lines.append("note: \(suppressed.tenant): rule \(suppressed.rule) is turned off\(scope): \(suppressed.reason) (\(suppressed.hiddenFindings) finding\(suppressed.hiddenFindings == 1 ? "" : "s") hidden)")
        }
        let tenants = report.tenants.count == 1 ? report.tenants[0] : "\(report.tenants.count) tenants"
        let summary = report.errorCount == 0 && report.warningCount == 0
            ? "\(tenants): no problems found."
            : "\(tenants): \(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning"))."
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard color else { return text }
        let code = switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
