import TenantConfig

/// One case as reports show it, whatever ran: a database script, an action, or a generated legacy API check.
public struct TestReportEntry: Sendable {
    public enum Subject: Sendable, Equatable {
        case databaseScript(connection: String, script: String)
        case action(name: String, trigger: String)
        case legacyAPI(trigger: String)
    }

    public var subject: Subject
    public var name: String
    public var file: String
    public var location: SourceLocation?
    public var durationMilliseconds: Int
    public var failures: [ScriptTestOutcome.Failure]
    public var passed: Bool { failures.isEmpty }

    /// How the text report names the subject: `legacy-users/login`, `actions/restrict (post-login)`, `legacy API (post-login)`.
    var label: String {
        switch subject {
        case .databaseScript(let connection, let script): "\(connection)/\(script)"
        case .action(let name, let trigger): "actions/\(name) (\(trigger))"
        case .legacyAPI(let trigger): "legacy API (\(trigger))"
        }
    }
}

extension ScriptTestOutcome {
    public var reportEntry: TestReportEntry {
        TestReportEntry(subject: .databaseScript(connection: testCase.connection, script: testCase.script.rawValue), name: testCase.name,
                        file: testCase.file, location: testCase.location, durationMilliseconds: run.durationMilliseconds, failures: failures)
    }
}

extension ActionTestOutcome {
    public var reportEntry: TestReportEntry {
        let subject: TestReportEntry.Subject = if case .legacyAPI = testCase.kind {
            .legacyAPI(trigger: testCase.trigger)
        } else {
            .action(name: testCase.subject, trigger: testCase.trigger)
        }
        return TestReportEntry(subject: subject, name: testCase.name, file: testCase.file, location: testCase.location,
                               durationMilliseconds: run.durationMilliseconds, failures: failures)
    }
}
