import TenantConfig

/// The verdict on one action case: each broken platform rule, expectation or legacy API restriction, named.
public struct ActionTestOutcome: Sendable {
    public var testCase: ActionTestCase
    public var run: ActionRun
    public var failures: [ScriptTestOutcome.Failure]
    public var passed: Bool { failures.isEmpty }
}

/// Checks action runs against what Auth0 requires of every handler (the database scripts' checks, for actions:
/// exported under the trigger's name, resolves within the time limit, never throws, calls nothing after it has
/// resolved), the cases' expected `api` calls, and the legacy identity API restriction.
public enum ActionTestEvaluator {
    public static func evaluate(_ cases: [ActionTestCase], _ runs: [ActionRun], timeoutMilliseconds: Int) -> [ActionTestOutcome] {
        zip(cases, runs).map { testCase, run in
            ActionTestOutcome(testCase: testCase, run: run,
                              failures: invariantFailures(testCase, run, timeoutMilliseconds) + expectationFailures(testCase, run) + legacyAPIFailures(testCase, run))
        }
    }

    static func invariantFailures(_ testCase: ActionTestCase, _ run: ActionRun, _ timeout: Int) -> [ScriptTestOutcome.Failure] {
        var failures: [ScriptTestOutcome.Failure] = []
        if let missing = run.missingHandler {
            let exports = missing.exports.isEmpty ? "nothing" : missing.exports.map { "`\($0)`" }.joined(separator: ", ")
            let location = testCase.actions.first { $0.name == missing.action }?.exportLocation
            failures.append(.init(rule: "handler-export", message: "action `\(missing.action)` does not export `\(testCase.handler)` (it exports \(exports)): Auth0 runs a \(testCase.trigger) action through `exports.\(testCase.handler) = async (event, api) => { … }`", location: location))
        }
        if let thrown = run.thrown {
            let when = thrown.whileLoading ? "while loading" : "in its handler"
            let file = testCase.actions.first { $0.name == thrown.action }?.file
            let location = file.flatMap { file in thrown.line.map { SourceLocation(file: file, line: $0, column: thrown.column ?? 1) } }
            failures.append(.init(rule: "no-throw", message: "action `\(thrown.action)` threw \(thrown.name) \(when): \(thrown.message). An error a handler throws fails the \(testCase.trigger == "post-login" ? "login" : "token request") with an error; catch what can fail and decide: api.access.deny(…) or carry on", location: location))
        }
        if let action = run.timedOut {
            failures.append(.init(rule: "resolves", message: "action `\(action)`'s handler never resolved within \(duration(timeout)) (Auth0 fails the \(testCase.trigger == "post-login" ? "login" : "token request") after 20 s)"))
        }
        for call in run.calls where call.afterReturn {
            failures.append(.init(rule: "after-return", message: "action `\(call.action)` called api.\(call.method) after its handler had resolved: Auth0 ignores it. Await the asynchronous work before returning"))
        }
        if !testCase.exchanges.isEmpty {
            for call in run.http where !call.mocked {
                failures.append(.init(rule: "unmocked-request", message: "the action called \(call.method) \(call.url), which the case does not mock (it failed as a network error)"))
            }
        }
        return failures
    }

    static func expectationFailures(_ testCase: ActionTestCase, _ run: ActionRun) -> [ScriptTestOutcome.Failure] {
        guard let expected = testCase.expectedCalls, run.missingHandler == nil, run.timedOut == nil else { return [] }
        let actual = run.effectiveCalls
        let matches = actual.count == expected.count && zip(actual, expected).allSatisfy { call, expectation in
            call.method == expectation.method && (expectation.arguments.map { $0 == call.arguments } ?? true)
        }
        guard !matches else { return [] }
        let got = actual.isEmpty ? "none" : actual.map { "\($0.method)(\($0.arguments.map(ScriptTestEvaluator.describe).joined(separator: ", ")))" }.joined(separator: ", ")
        let wanted = expected.isEmpty ? "none" : expected.map(\.description).joined(separator: ", ")
        return [.init(rule: "expectation", message: "expected the api calls \(wanted); got \(got)")]
    }

    static func legacyAPIFailures(_ testCase: ActionTestCase, _ run: ActionRun) -> [ScriptTestOutcome.Failure] {
        guard case .legacyAPI(let client, let audience, let allowed, let allowedClients, let platformDenial) = testCase.kind else { return [] }
        let denial = run.effectiveCalls.first { $0.method == "access.deny" }
        let denied = platformDenial != nil || denial != nil || run.thrown != nil
        let who = allowedClients.isEmpty ? "no client" : allowedClients.map { "`\($0)`" }.joined(separator: ", ")
        if allowed && denied {
            let why = platformDenial ?? denial.map { "action `\($0.action)` calls api.access.deny(\($0.arguments.map(ScriptTestEvaluator.describe).joined(separator: ", ")))" }
                ?? "an action threw"
            return [.init(rule: "legacy-api", message: "`\(client)` may get tokens for the legacy identity API \(audience) (allowed_clients), but its \(testCase.trigger) token request is denied: \(why)")]
        }
        if !allowed && !denied {
            let ran = testCase.actions.isEmpty ? "no action is bound to \(testCase.trigger)" : "the \(testCase.trigger) actions (\(testCase.actions.map { "`\($0.name)`" }.joined(separator: ", "))) let it through"
            return [.init(rule: "legacy-api", message: "`\(client)` gets a token for the legacy identity API \(audience) through \(testCase.trigger): \(ran). Only \(who) may; an action bound to \(testCase.trigger) must call api.access.deny for every other client")]
        }
        return []
    }

    /// `20 s`, or `300 ms` for limits under a second (tests inject short ones).
    static func duration(_ milliseconds: Int) -> String {
        milliseconds >= 1000 && milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }
}
