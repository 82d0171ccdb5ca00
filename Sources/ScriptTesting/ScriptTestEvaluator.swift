import TenantConfig

/// The verdict on one case: each broken platform rule or expectation, named.
public struct ScriptTestOutcome: Sendable {
    public struct Failure: Sendable, Equatable {
        /// The rule of the platform (or the case's expectation) that was broken: `callback-once`, `error-object`, …
        public var rule: String
        public var message: String
        /// Where the failure is, when it is a place in a file rather than the case (an action's wrong export).
        public var location: SourceLocation? = nil
    }

    public var testCase: ScriptTestCase
    public var run: ScriptRun
    public var failures: [Failure]
    public var passed: Bool { failures.isEmpty }
}

/// Checks runs against what Auth0 requires of every script, the cases' own expectations, and what must hold
/// across scripts (login and get_user agree on the profile; no two users share an email).
public enum ScriptTestEvaluator {
    public static func evaluate(_ cases: [ScriptTestCase], _ runs: [ScriptRun], timeoutMilliseconds: Int) -> [ScriptTestOutcome] {
        var outcomes = zip(cases, runs).map { testCase, run in
            ScriptTestOutcome(testCase: testCase, run: run, failures: invariantFailures(testCase, run, timeoutMilliseconds) + expectationFailures(testCase, run))
        }
        crossScriptChecks(&outcomes)
        return outcomes
    }

    static func invariantFailures(_ testCase: ScriptTestCase, _ run: ScriptRun, _ timeout: Int) -> [ScriptTestOutcome.Failure] {
        var failures: [ScriptTestOutcome.Failure] = []
        if let thrown = run.thrown {
            failures.append(.init(rule: "no-throw", message: "the script threw \(thrown.name): \(thrown.message) instead of calling back with an error"))
        }
        if run.calls.isEmpty && run.thrown == nil {
            failures.append(.init(rule: "callback-once", message: run.timedOut
                ? "the script never called back within \(timeout / 1000) s (Auth0 fails the login after 20 s)"
                : "the script returned without calling back"))
        } else if run.calls.count > 1 {
            failures.append(.init(rule: "callback-once", message: "the script called back \(run.calls.count) times; it must call back exactly once"))
        }
        for call in run.calls {
            if let error = call.error, !error.isError {
                failures.append(.init(rule: "error-object", message: "the script called back with a \(error.name) (\(error.message.prefix(80))) instead of an Error object; use new Error(…) or WrongUsernameOrPasswordError/ValidationError"))
            }
        }
        // Import mode: once login succeeds Auth0 keeps the user and never asks the legacy store again, so the store
        // must learn the user moved (or it keeps serving a stale copy to other systems).
        if let marker = testCase.migrationMarker, run.calls.count == 1, let call = run.calls.first, call.error == nil, call.value.objectValue != nil,
           !run.http.contains(where: { marker.matches(method: $0.method, url: $0.url) }) {
            failures.append(.init(rule: "marks-migrated", message: "login succeeded but never called \(marker.method.uppercased()) \(marker.url): in import mode the legacy store must mark the user migrated (`migration:` in tests.yaml)"))
        }
        if !testCase.exchanges.isEmpty {
            for call in run.http where !call.mocked {
                failures.append(.init(rule: "unmocked-request", message: "the script called \(call.method) \(call.url), which the case does not mock (it failed as a network error)"))
            }
        }
        return failures
    }

    static func expectationFailures(_ testCase: ScriptTestCase, _ run: ScriptRun) -> [ScriptTestOutcome.Failure] {
        guard let expectation = testCase.expectation, let call = run.calls.first else { return [] }
        switch expectation {
        case .profile(let fields):
            if let error = call.error {
                return [.init(rule: "expectation", message: "expected a profile, got \(error.name): \(error.message)")]
            }
            guard let profile = call.value.objectValue else {
                return [.init(rule: "expectation", message: "expected a profile, got \(describe(call.value))")]
            }
            return fields.sorted { $0.key < $1.key }.compactMap { key, value in
                profile[key] == value ? nil : .init(rule: "expectation", message: "profile.\(key) is \(profile[key].map(describe) ?? "missing"), expected \(describe(value))")
            }
        case .error(let name):
            guard let error = call.error else { return [.init(rule: "expectation", message: "expected \(name), but the script succeeded with \(describe(call.value))")] }
            return error.name == name ? [] : [.init(rule: "expectation", message: "expected \(name), got \(error.name): \(error.message)")]
        case .result(let value):
            if let error = call.error { return [.init(rule: "expectation", message: "expected \(describe(value)), got \(error.name): \(error.message)")] }
            return call.value == value ? [] : [.init(rule: "expectation", message: "expected \(describe(value)), got \(describe(call.value))")]
        }
    }

    /// login and get_user must return the same profile (keys and user_id) for the same user, and no two
    /// users may share an email: otherwise migration creates duplicate users.
    static func crossScriptChecks(_ outcomes: inout [ScriptTestOutcome]) {
        struct Seen { var index: Int; var profile: [String: JSONValue] }
        var byConnectionAndEmail: [String: [Seen]] = [:]
        for (index, outcome) in outcomes.enumerated() where [.login, .getUser].contains(outcome.testCase.script) {
            guard outcome.run.calls.count == 1, let call = outcome.run.calls.first, call.error == nil,
                  let profile = call.value.objectValue, let email = profile["email"]?.stringValue else { continue }
            byConnectionAndEmail["\(outcome.testCase.connection)|\(email.lowercased())", default: []].append(Seen(index: index, profile: profile))
        }
        for (key, seen) in byConnectionAndEmail.sorted(by: { $0.key < $1.key }) {
            let email = String(key.split(separator: "|", maxSplits: 1).last ?? "")
            let logins = seen.filter { outcomes[$0.index].testCase.script == .login }
            let lookups = seen.filter { outcomes[$0.index].testCase.script == .getUser }
            for login in logins {
                for lookup in lookups {
                    let loginKeys = Set(login.profile.keys), lookupKeys = Set(lookup.profile.keys)
                    if login.profile["user_id"] != lookup.profile["user_id"] {
                        outcomes[lookup.index].failures.append(.init(rule: "profile-consistency",
                            message: "get_user returns user_id \(describe(lookup.profile["user_id"] ?? .null)) for \(email) but login returns \(describe(login.profile["user_id"] ?? .null)) (case `\(outcomes[login.index].testCase.name)`): the same user must have one stable user_id"))
                    } else if loginKeys != lookupKeys {
                        let difference = loginKeys.symmetricDifference(lookupKeys).sorted().joined(separator: ", ")
                        outcomes[lookup.index].failures.append(.init(rule: "profile-consistency",
                            message: "get_user and login build different profiles for \(email) (case `\(outcomes[login.index].testCase.name)`): keys differ in \(difference)"))
                    }
                }
            }
            // Different ids from one script for one email: two legacy users share it.
            for group in [logins, lookups] {
                let ids = Set(group.compactMap { $0.profile["user_id"] })
                guard ids.count > 1, let last = group.last else { continue }
                outcomes[last.index].failures.append(.init(rule: "unique-email",
                    message: "\(ids.count) different users (\(ids.map(describe).sorted().joined(separator: ", "))) share the email \(email)"))
            }
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "nothing"
        case .string(let s): "\"\(s)\""
        default: String(decoding: value.encoded(), as: UTF8.self)
        }
    }
}
