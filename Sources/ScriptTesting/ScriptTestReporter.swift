import Foundation
import TenantConfig

/// Output formats of `test-scripts`.
public enum ScriptTestFormat: String, CaseIterable, Sendable {
    case text, json, junit
}

/// Renders outcomes as text for people, JSON for machines, JUnit XML for CI test reports.
public enum ScriptTestReporter {
    public static func render(_ outcomes: [TestReportEntry], tenant: String, format: ScriptTestFormat) -> String {
        switch format {
        case .text: text(outcomes, tenant: tenant)
        case .json: json(outcomes, tenant: tenant)
        case .junit: junit(outcomes, tenant: tenant)
        }
    }

    static func text(_ outcomes: [TestReportEntry], tenant: String) -> String {
        var lines: [String] = []
        for outcome in outcomes {
            lines.append("\(outcome.passed ? "ok  " : "FAIL") \(outcome.label): \(outcome.name) (\(outcome.durationMilliseconds) ms)")
            for failure in outcome.failures {
                lines.append("     \((failure.location ?? outcome.location).map { "\($0): " } ?? "\(outcome.file): ")[\(failure.rule)] \(failure.message)")
            }
        }
        let failed = outcomes.count { !$0.passed }
        lines.append("\(tenant): \(outcomes.count - failed) passed, \(failed) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ outcomes: [TestReportEntry], tenant: String) -> String {
        let cases: [JSONValue] = outcomes.map { outcome in
            var fields: [String: JSONValue] = [
                "name": .string(outcome.name),
                "file": .string(outcome.file),
                "passed": .bool(outcome.passed),
                "duration_ms": .number(Double(outcome.durationMilliseconds)),
                "failures": .array(outcome.failures.map { failure in
                    var object: [String: JSONValue] = ["rule": .string(failure.rule), "message": .string(failure.message)]
                    if let location = failure.location { object["location"] = .string(location.description) }
                    return .object(object)
                }),
            ]
            switch outcome.subject {
            case .databaseScript(let connection, let script):
                fields["connection"] = .string(connection)
                fields["script"] = .string(script)
            case .action(let name, let trigger):
                fields["action"] = .string(name)
                fields["trigger"] = .string(trigger)
            case .legacyAPI(let trigger):
                fields["check"] = .string("legacy-api")
                fields["trigger"] = .string(trigger)
            }
            return .object(fields)
        }
        let failed = outcomes.count { !$0.passed }
        return String(decoding: JSONValue.object([
            "tenant": .string(tenant), "cases": .array(cases),
            "passed": .number(Double(outcomes.count - failed)), "failed": .number(Double(failed)),
        ]).encoded(pretty: true), as: UTF8.self) + "\n"
    }

    static func junit(_ outcomes: [TestReportEntry], tenant: String) -> String {
        let failed = outcomes.count { !$0.passed }
        let seconds = Double(outcomes.reduce(0) { $0 + $1.durationMilliseconds }) / 1000
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"tenantctl test-scripts\" tests=\"\(outcomes.count)\" failures=\"\(failed)\" time=\"\(seconds)\">\n"
        xml += "  <testsuite name=\"\(escape(tenant))\" tests=\"\(outcomes.count)\" failures=\"\(failed)\" time=\"\(seconds)\">\n"
        for outcome in outcomes {
            let group = switch outcome.subject {
            case .databaseScript(let connection, let script): "\(connection).\(script)"
            case .action(let name, let trigger): "actions.\(name).\(trigger)"
            case .legacyAPI(let trigger): "legacy-api.\(trigger)"
            }
            xml += "    <testcase classname=\"\(escape(tenant)).\(escape(group))\" name=\"\(escape(outcome.name))\" file=\"\(escape(outcome.file))\" time=\"\(Double(outcome.durationMilliseconds) / 1000)\""
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
