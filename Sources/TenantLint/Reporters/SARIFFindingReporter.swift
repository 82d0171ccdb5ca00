import TenantConfig

/// SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning uploads it as is).
enum SARIFFindingReporter {
    static func render(_ report: LintReport) -> String {
        let rules: [JSONValue] = RuleRegistry.all.map { rule in
            let d = rule.description
            var object: [String: JSONValue] = [
                "id": .string(d.identifier),
                "name": .string(d.name),
                "shortDescription": .object(["text": .string(d.name)]),
                "fullDescription": .object(["text": .string(d.rationale)]),
                "defaultConfiguration": .object(["level": .string(level(d.severity))]),
            ]
            if let help = d.documentation { object["helpUri"] = .string(help) }
            return .object(object)
        }
        let results: [JSONValue] = report.findings.map { finding in
            var result: [String: JSONValue] = [
                "ruleId": .string(finding.rule),
                "level": .string(level(finding.severity)),
                "message": .object(["text": .string(finding.message)]),
            ]
            if let location = finding.location {
                result["locations"] = .array([.object(["physicalLocation": .object([
                    "artifactLocation": .object(["uri": .string(location.file)]),
                    "region": .object(["startLine": .number(Double(location.line)), "startColumn": .number(Double(location.column))]),
                ])])])
            }
            return .object(result)
        }
        let root = JSONValue.object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object([
                "tool": .object(["driver": .object([
                    "name": .string("tenantctl"),
                    "informationUri": .string("https://github.com/tenantctl/tenantctl"),
                    "rules": .array(rules),
                ])]),
                "results": .array(results),
            ])]),
        ])
        return String(decoding: root.encoded(pretty: true), as: UTF8.self) + "\n"
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}
