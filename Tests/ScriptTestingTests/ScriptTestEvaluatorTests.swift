import Testing
import TenantConfig
@testable import ScriptTesting

/// The platform's rules, checked on runs built by hand (no Node needed).
@Suite struct ScriptTestEvaluatorTests {
    func testCase(_ script: DatabaseScriptName = .login, name: String = "case", expectation: ScriptExpectation? = nil, mocked: Bool = false) -> ScriptTestCase {
        ScriptTestCase(name: name, connection: "db", script: script, file: "login.js", code: "", arguments: [], configuration: [:],
                       exchanges: mocked ? [.object(["request": .object(["url": .string("https://x")])])] : [], expectation: expectation)
    }

    func run(_ calls: [ScriptRun.Call], timedOut: Bool = false, http: [ScriptRun.HTTPCall] = []) -> ScriptRun {
        ScriptRun(calls: calls, http: http, unusedMocks: [], timedOut: timedOut, thrown: nil, durationMilliseconds: 5)
    }

    func success(_ value: JSONValue) -> ScriptRun.Call { .init(error: nil, value: value, atMilliseconds: 1) }
    func failure(_ name: String, isError: Bool = true) -> ScriptRun.Call {
        .init(error: .init(isError: isError, name: name, message: "m"), value: .null, atMilliseconds: 1)
    }

    func rules(_ c: ScriptTestCase, _ r: ScriptRun) -> [String] {
        ScriptTestEvaluator.evaluate([c], [r], timeoutMilliseconds: 20_000).first?.failures.map(\.rule) ?? []
    }

    @Test func exactlyOneCallbackWithAnErrorObjectPasses() {
        #expect(rules(testCase(), run([failure("Error")])) == [])
    }

    @Test func neverCallingBackIsReportedWithTheLimit() {
        let outcome = ScriptTestEvaluator.evaluate([testCase()], [run([], timedOut: true)], timeoutMilliseconds: 20_000)[0]
        #expect(outcome.failures == [.init(rule: "callback-once", message: "the script never called back within 20 s (Auth0 fails the login after 20 s)")])
    }

    @Test func callingBackTwiceFails() {
        #expect(rules(testCase(), run([failure("Error"), success(.null)])) == ["callback-once"])
    }

    @Test func aStringErrorFails() {
        #expect(rules(testCase(), run([failure("string", isError: false)])) == ["error-object"])
    }

    @Test func anUnmockedCallFailsOnlyInCasesThatMock() {
        let call = ScriptRun.HTTPCall(method: "GET", url: "https://other", mocked: false)
        #expect(rules(testCase(mocked: true), run([failure("Error")], http: [call])) == ["unmocked-request"])
        #expect(rules(testCase(mocked: false), run([failure("Error")], http: [call])) == [])
    }

    @Test func expectationsCompareProfileFieldsErrorsAndResults() {
        let profile = JSONValue.object(["user_id": .string("legacy|1"), "email": .string("a@b")])
        #expect(rules(testCase(expectation: .profile(["user_id": .string("legacy|1")])), run([success(profile)])) == [])
        #expect(rules(testCase(expectation: .profile(["user_id": .string("legacy|2")])), run([success(profile)])) == ["expectation"])
        #expect(rules(testCase(expectation: .error("WrongUsernameOrPasswordError")), run([failure("WrongUsernameOrPasswordError")])) == [])
        #expect(rules(testCase(expectation: .error("WrongUsernameOrPasswordError")), run([success(profile)])) == ["expectation"])
        #expect(rules(testCase(expectation: .result(.bool(true))), run([success(.bool(false))])) == ["expectation"])
    }

    @Test func loginAndGetUserMustAgreeOnTheUser() {
        let login = testCase(.login, name: "login")
        let lookup = testCase(.getUser, name: "lookup")
        let same = JSONValue.object(["user_id": .string("legacy|1"), "email": .string("a@b")])
        let otherID = JSONValue.object(["user_id": .string("legacy|a@b"), "email": .string("a@b")])
        let otherKeys = JSONValue.object(["user_id": .string("legacy|1"), "email": .string("a@b"), "name": .string("A")])
        func lookupRules(_ lookupProfile: JSONValue) -> [String] {
            ScriptTestEvaluator.evaluate([login, lookup], [run([success(same)]), run([success(lookupProfile)])], timeoutMilliseconds: 1000)[1].failures.map(\.rule)
        }
        #expect(lookupRules(same) == [])
        #expect(lookupRules(otherID) == ["profile-consistency"])
        #expect(lookupRules(otherKeys) == ["profile-consistency"])
    }

    @Test func twoUsersSharingAnEmailFail() {
        let a = testCase(.getUser, name: "a"), b = testCase(.getUser, name: "b")
        let outcomes = ScriptTestEvaluator.evaluate([a, b], [
            run([success(.object(["user_id": .string("legacy|1"), "email": .string("a@b")]))]),
            run([success(.object(["user_id": .string("legacy|2"), "email": .string("A@b")]))]),
        ], timeoutMilliseconds: 1000)
        #expect(outcomes[1].failures.map(\.rule) == ["unique-email"])
    }

    @Test func secretsInConfigurationBecomePlaceholders() throws {
        let tenant = TenantLoader(fileSystem: InMemoryFileSystem(root: "t", textFiles: [
            "tenant.yaml": "databases:\n  - name: db\n    options:\n      configuration:\n        URL: https://x\n        SECRET: ##API_SECRET##\n",
        ]), environment: ["API_SECRET": "real-secret"]).load("t")
        let configuration = ScriptTestSuiteLoader.testConfiguration(tenant.resources(.databases).first?.body["options"]?["configuration"])
        #expect(configuration == ["URL": .string("https://x"), "SECRET": .string("test-placeholder-for-API_SECRET")])
    }
}

/// Import mode: a successful login must make the request that marks the legacy user migrated.
@Suite struct MarksMigratedTests {
    let marker = MigrationMarker(method: "patch", url: "https://legacy.example/users/*/migrated")

    func outcome(http: [ScriptRun.HTTPCall], result: ScriptRun.Call) -> [String] {
        let testCase = ScriptTestCase(name: "jane logs in", connection: "db", script: .login, file: "login.js", code: "", arguments: [],
                                      configuration: [:], migrationMarker: marker)
        let run = ScriptRun(calls: [result], http: http, unusedMocks: [], timedOut: false, thrown: nil, durationMilliseconds: 3)
        return ScriptTestEvaluator.evaluate([testCase], [run], timeoutMilliseconds: 20_000)[0].failures.map(\.rule)
    }

    let profile = ScriptRun.Call(error: nil, value: .object(["user_id": .string("legacy|7")]), atMilliseconds: 1)

    @Test func aLoginThatNeverMarksTheUserFails() {
        #expect(outcome(http: [.init(method: "POST", url: "https://legacy.example/authenticate", mocked: true)], result: profile) == ["marks-migrated"])
    }

    @Test func aLoginThatMarksTheUserPasses() {
        let http: [ScriptRun.HTTPCall] = [.init(method: "POST", url: "https://legacy.example/authenticate", mocked: true),
                                          .init(method: "PATCH", url: "https://legacy.example/users/7/migrated?source=auth0", mocked: true)]
        #expect(outcome(http: http, result: profile) == [])
    }

    @Test func aFailedLoginNeedNotMarkAnything() {
        let wrongPassword = ScriptRun.Call(error: .init(isError: true, name: "WrongUsernameOrPasswordError", message: "m"), value: .null, atMilliseconds: 1)
        #expect(outcome(http: [], result: wrongPassword) == [])
    }

    @Test func urlPatternsMatchWholeURLsWithStars() {
        #expect(marker.matches(method: "PATCH", url: "https://legacy.example/users/abc-123/migrated"))
        #expect(!marker.matches(method: "PUT", url: "https://legacy.example/users/7/migrated"))
        #expect(!marker.matches(method: "PATCH", url: "https://legacy.example/users/7/migrated/again"))
        #expect(!marker.matches(method: "PATCH", url: "https://evil.example/users/7/migrated"))
        #expect(MigrationMarker(method: "POST", url: "https://l.example/*").matches(method: "post", url: "https://l.example/"))
    }
}
