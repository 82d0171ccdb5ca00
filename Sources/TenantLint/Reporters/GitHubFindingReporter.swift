import TenantConfig

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule::message`, shown inline on the diff.
enum GitHubFindingReporter {
    static func render(_ report: LintReport) -> String {
        var lines = report.findings.map { finding -> String in
            let command = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            var properties: [String] = []
            if let location = finding.location {
                properties += ["file=\(escapeProperty(location.file))", "line=\(location.line)", "col=\(location.column)"]
            }
            properties.append("title=\(escapeProperty(finding.rule))")
            return "::\(command) \(properties.joined(separator: ","))::\(escapeData(finding.message))"
        }
        lines.append("\(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning")).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escaping GitHub's runner applies to command data.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping for command properties (also `:` and `,`).
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
