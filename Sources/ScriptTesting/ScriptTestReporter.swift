import Foundation
import TenantConfig

/// Output formats of `test-scripts`.
public enum ScriptTestFormat: String, CaseIterable, Sendable {
    case text, json, junit
}

/// Renders outcomes as text for people, JSON for machines, JUnit XML for CI test reports.
public enum ScriptTestReporter {
    public static func render(_ outcomes: [ScriptTestOutcome], tenant: String, format: ScriptTestFormat) -> String {
        switch format {
        case .text: text(outcomes, tenant: tenant)
        case .json: json(outcomes, tenant: tenant)
        case .junit: junit(outcomes, tenant: tenant)
        }
    }

    static func text(_ outcomes: [ScriptTestOutcome], tenant: String) -> String {
        var lines: [String] = []
        for outcome in outcomes {
            let c = outcome.testCase
            lines.append("\(outcome.passed ? "ok  " : "FAIL") \(c.connection)/\(c.script.rawValue): \(c.name) (\(outcome.run.durationMilliseconds) ms)")
            for failure in outcome.failures {
                lines.append("     \(c.location.map { "\($0): " } ?? "\(c.file): ")[\(failure.rule)] \(failure.message)")
            }
        }
        let failed = outcomes.count { !$0.passed }
        lines.append("\(tenant): \(outcomes.count - failed) passed, \(failed) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ outcomes: [ScriptTestOutcome], tenant: String) -> String {
        let cases: [JSONValue] = outcomes.map { outcome in
            .object([
                "connection": .string(outcome.testCase.connection),
                "script": .string(outcome.testCase.script.rawValue),
                "name": .string(outcome.testCase.name),
                "file": .string(outcome.testCase.file),
                "passed": .bool(outcome.passed),
                "duration_ms": .number(Double(outcome.run.durationMilliseconds)),
                "failures": .array(outcome.failures.map { .object(["rule": .string($0.rule), "message": .string($0.message)]) }),
            ])
        }
        let failed = outcomes.count { !$0.passed }
        return String(decoding: JSONValue.object([
            "tenant": .string(tenant), "cases": .array(cases),
            "passed": .number(Double(outcomes.count - failed)), "failed": .number(Double(failed)),
        ]).encoded(pretty: true), as: UTF8.self) + "\n"
    }

    static func junit(_ outcomes: [ScriptTestOutcome], tenant: String) -> String {
        let failed = outcomes.count { !$0.passed }
        let seconds = Double(outcomes.reduce(0) { $0 + $1.run.durationMilliseconds }) / 1000
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"tenantctl test-scripts\" tests=\"\(outcomes.count)\" failures=\"\(failed)\" time=\"\(seconds)\">\n"
        xml += "  <testsuite name=\"\(escape(tenant))\" tests=\"\(outcomes.count)\" failures=\"\(failed)\" time=\"\(seconds)\">\n"
        for outcome in outcomes {
            let c = outcome.testCase
            xml += "    <testcase classname=\"\(escape(tenant)).\(escape(c.connection)).\(c.script.rawValue)\" name=\"\(escape(c.name))\" file=\"\(escape(c.file))\" time=\"\(Double(outcome.run.durationMilliseconds) / 1000)\""
            if outcome.passed {
                xml += "/>\n"
            } else {
                xml += ">\n"
                for failure in outcome.failures {
                    xml += "      <failure type=\"\(escape(failure.rule))\" message=\"\(escape(failure.message))\"/>\n"
                }
                xml += "    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
