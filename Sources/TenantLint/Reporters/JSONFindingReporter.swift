import TenantConfig

/// `{"findings":[{"rule","severity","file","line","column","message"}],"errors":N,"warnings":N}` for machines.
enum JSONFindingReporter {
    static func render(_ report: LintReport) -> String {
        let findings: [JSONValue] = report.findings.map { finding in
            var object: [String: JSONValue] = [
                "rule": .string(finding.rule),
                "severity": .string(finding.severity.rawValue),
                "message": .string(finding.message),
            ]
            if let location = finding.location {
                object["file"] = .string(location.file)
                object["line"] = .number(Double(location.line))
                object["column"] = .number(Double(location.column))
            }
            return .object(object)
        }
        let suppressed: [JSONValue] = report.suppressed.map {
            .object(["tenant": .string($0.tenant), "rule": .string($0.rule), "reason": .string($0.reason),
                     "scripts": .array($0.scripts.map(JSONValue.string)), "hidden_findings": .number(Double($0.hiddenFindings))])
        }
        let root = JSONValue.object([
            "findings": .array(findings),
            "errors": .number(Double(report.errorCount)),
            "warnings": .number(Double(report.warningCount)),
            "suppressed": .array(suppressed),
        ])
        return String(decoding: root.encoded(pretty: true), as: UTF8.self) + "\n"
    }
}
