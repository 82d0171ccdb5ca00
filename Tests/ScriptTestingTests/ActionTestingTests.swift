import Foundation
import Testing
import TenantConfig
@testable import ScriptTesting

/// Actions under test: the cases built from a tenant (generic, written, legacy API checks), the verdicts on runs built
/// by hand (no Node needed), and a few real runs under Node with a short time limit.
@Suite struct ActionTestingTests {
    static let restrict = "exports.onExecutePostLogin = async (event, api) => {\n  if (event.resource_server && event.resource_server.identifier === 'https://legacy.example/api') api.access.deny('no');\n};\n"

    static let tenantYAML = """
    clients:
      - name: Web
        app_type: spa
        grant_types: [authorization_code, refresh_token]
      - name: Worker
        app_type: non_interactive
        grant_types: [client_credentials]
      - name: Other Worker
        app_type: non_interactive
      - name: Both
        grant_types: [password, client_credentials]
    resourceServers:
      - name: Legacy API
        identifier: https://legacy.example/api
    clientGrants:
      - client_id: Worker
        audience: https://legacy.example/api
      - client_id: Both
        audience: https://legacy.example/api
    actions:
      - name: restrict
        code: ./actions/restrict/code.js
        secrets:
          - name: API_KEY
            value: "##API_KEY##"
          - name: REGION
            value: eu
        supported_triggers: [{id: post-login, version: v3}]
      - name: welcome
        code: ./actions/welcome/code.js
        supported_triggers: [{id: post-user-registration, version: v2}]
    triggers:
      post-login:
        - action_name: restrict
          display_name: Restrict
    """

    func load(_ extra: [String: String] = [:], settings: String = "legacy_identity_api:\n  audience: Legacy API\n  allowed_clients: [Worker]\nsecrets: [API_KEY]\n")
        -> (cases: [ActionTestCase], findings: [Finding]) {
        var files = ["tenant.yaml": Self.tenantYAML, "tenantctl.yaml": settings, "actions/restrict/code.js": Self.restrict,
                     "actions/welcome/code.js": "exports.onExecutePostUserRegistration = async () => {};\n"]
        files.merge(extra) { $1 }
        let fileSystem = InMemoryFileSystem(root: "t", textFiles: files)
        let tenant = TenantLoader(fileSystem: fileSystem, environment: [:]).load("t")
        #expect(tenant.findings.filter { $0.severity == .error }.isEmpty, "\(tenant.findings)")
        return ActionTestSuiteLoader(fileSystem: fileSystem).cases(for: tenant)
    }

    // MARK: - Cases

    @Test func eachRunnableActionGetsAGenericCaseWithItsSecretsAsPlaceholders() throws {
        let loaded = load()
        let generic = loaded.cases.filter { $0.kind == .generic }
        #expect(generic.map(\.subject) == ["restrict"])
        #expect(generic.first?.handler == "onExecutePostLogin")
        #expect(generic.first?.actions.first?.secrets == ["API_KEY": .string("test-placeholder-for-API_KEY"), "REGION": .string("eu")])
        #expect(loaded.findings.map(\.message) == ["action `welcome` is not run: test-scripts runs post-login and credentials-exchange actions, and it supports `post-user-registration`"])
    }

    @Test func everyClientAsksForALegacyAPITokenTheWayItGetsTokens() throws {
        let checks = load().cases.compactMap { testCase -> String? in
            guard case .legacyAPI(let client, _, let allowed, _, let platformDenial) = testCase.kind else { return nil }
            return "\(client) \(testCase.trigger) \(allowed ? "allowed" : "denied") actions:\(testCase.actions.map(\.name)) platform:\(platformDenial != nil)"
        }
        #expect(checks == [
            "Web post-login denied actions:[\"restrict\"] platform:false",
            "Worker credentials-exchange allowed actions:[] platform:false",
            "Other Worker credentials-exchange denied actions:[] platform:true",
            "Both post-login denied actions:[\"restrict\"] platform:false",
            "Both credentials-exchange denied actions:[] platform:false",
        ])
        let web = try #require(load().cases.first { if case .legacyAPI(let client, _, _, _, _) = $0.kind { client == "Web" } else { false } })
        #expect(web.event["resource_server"]?["identifier"] == .string("https://legacy.example/api"))
        #expect(web.event["request"]?["query"]?["audience"] == .string("https://legacy.example/api"))
        #expect(web.event["client"]?["client_id"] == .string("test-client-id-for-web"))
        #expect(web.event["user"]?["user_id"] == .string("auth0|harness"), "the rest of the default event is kept")
    }

    @Test func clientIDsComeFromTheSnapshot() throws {
        let snapshot = """
        {"format_version": 1, "domain": "t.example", "exported_at": "2026-11-21T16:05:00Z", "clients": [{"name": "Web", "client_id": "abc123"}]}
        """
        let web = try #require(load(["snapshot.json": snapshot]).cases.first { if case .legacyAPI(let client, _, _, _, _) = $0.kind { client == "Web" } else { false } })
        #expect(web.event["client"]?["client_id"] == .string("abc123"))
    }

    @Test func writtenCasesMergeTheirEventAndExpectCalls() throws {
        let loaded = load(["actions/restrict/tests.yaml": """
        secrets: {REGION: us}
        cases:
          - name: denied
            event:
              resource_server: {identifier: https://legacy.example/api}
            expect:
              calls:
                - access.deny: [no]
                - idToken.setCustomClaim
        """])
        #expect(loaded.findings.filter { $0.severity == .error }.isEmpty, "\(loaded.findings)")
        let written = try #require(loaded.cases.first { $0.kind == .written })
        #expect(written.location == SourceLocation(file: "t/actions/restrict/tests.yaml", line: 3, column: 5))
        #expect(written.expectedCalls == [ExpectedCall(method: "access.deny", arguments: [.string("no")]), ExpectedCall(method: "idToken.setCustomClaim", arguments: nil)])
        #expect(written.event["resource_server"]?["identifier"] == .string("https://legacy.example/api"))
        #expect(written.event["client"]?["client_id"] == .string("harness-client-id"))
        #expect(written.actions.first?.secrets["REGION"] == .string("us"))
    }

    @Test func aTestFilesSecretsReachTheGeneratedChecks() throws {
        let loaded = load(["actions/restrict/tests.yaml": "secrets: {API_KEY: the-real-value-for-tests}\ncases: []\n"])
        let web = try #require(loaded.cases.first { if case .legacyAPI(let client, _, _, _, _) = $0.kind { client == "Web" } else { false } })
        #expect(web.actions.first?.secrets["API_KEY"] == .string("the-real-value-for-tests"))
    }

    @Test func badTestFilesAreNamedWithTheirPlace() {
        let loaded = load(["actions/restrict/tests.yaml": """
        setup: {}
        cases:
          - name: wrong trigger
            trigger: credentials-exchange
          - event: {}
          - name: bad call
            expect:
              calls:
                - {access.deny: [a], idToken.setCustomClaim: [b, c]}
          - name: no calls
            expect: {denied: true}
        """, "actions/ghost/tests.yaml": "cases: []\n"])
        #expect(loaded.findings.filter { $0.severity == .error }.map { $0.compilerStyleLine() } == [
            "t/actions/restrict/tests.yaml:1:1: error: unknown key `setup` in t/actions/restrict/tests.yaml; an action's test file has secrets and cases [script-test-file]",
            "t/actions/restrict/tests.yaml:4:14: error: test case `wrong trigger` runs trigger `credentials-exchange`, which action `restrict` does not support here (post-login) [script-test-file]",
            "t/actions/restrict/tests.yaml:5:5: error: a test case needs a `name` [script-test-file]",
            "t/actions/restrict/tests.yaml:9:11: error: each expected call is `method: [arguments]` (or just `method` for any arguments), such as `access.deny: [Not allowed]` [script-test-file]",
            "t/actions/restrict/tests.yaml:11:14: error: unknown key `denied` in `expect`; an action's case expects `calls` (the api calls, in order) [script-test-file]",
            "t/actions/restrict/tests.yaml:11:13: error: `expect` of test case `no calls` needs `calls:`, the api calls in order (`- access.deny: [reason]`; `[]` for none) [script-test-file]",
            "t/actions/ghost/tests.yaml:1:1: error: t/actions/ghost/tests.yaml tests an action that t/tenant.yaml does not declare (no action's `code:` is in t/actions/ghost/); declare the action, or move the file beside the code it tests [script-test-file]",
        ])
    }

    // MARK: - Verdicts

    func testCase(_ kind: ActionTestCase.Kind = .generic, expected: [ExpectedCall]? = nil, actions: [String] = ["restrict"]) -> ActionTestCase {
        ActionTestCase(kind: kind, name: "case", subject: "restrict", trigger: "post-login",
                       actions: actions.map { ActionCode(name: $0, file: "t/actions/\($0)/code.js", code: "// \($0)\nexports.onExecutePostLogin = 1;\n", secrets: [:]) },
                       event: .object([:]), expectedCalls: expected, file: "t/actions/restrict/code.js")
    }

    func failures(_ testCase: ActionTestCase, _ run: ActionRun, timeout: Int = 20_000) -> [ScriptTestOutcome.Failure] {
        ActionTestEvaluator.evaluate([testCase], [run], timeoutMilliseconds: timeout)[0].failures
    }

    @Test func aWrongExportIsNamedAtTheLineOfTheExport() {
        #expect(failures(testCase(), ActionRun(missingHandler: .init(action: "restrict", exports: ["onExecutePostlogin"]))) == [
            .init(rule: "handler-export", message: "action `restrict` does not export `onExecutePostLogin` (it exports `onExecutePostlogin`): Auth0 runs a post-login action through `exports.onExecutePostLogin = async (event, api) => { … }`",
                  location: SourceLocation(file: "t/actions/restrict/code.js", line: 2, column: 1)),
        ])
    }

    @Test func aThrowingHandlerANeverResolvingOneAndLateCallsAreReported() {
        let thrown = ActionRun(thrown: .init(action: "restrict", name: "TypeError", message: "x is undefined", whileLoading: false, line: 2, column: 9))
        #expect(failures(testCase(), thrown).map(\.rule) == ["no-throw"])
        #expect(failures(testCase(), thrown).first?.location == SourceLocation(file: "t/actions/restrict/code.js", line: 2, column: 9))
        #expect(failures(testCase(), ActionRun(timedOut: "restrict"), timeout: 300).map(\.message)
                == ["action `restrict`'s handler never resolved within 300 ms (Auth0 fails the login after 20 s)"])
        #expect(failures(testCase(), ActionRun(timedOut: "restrict")).first?.message.contains("within 20 s") == true)
        let late = ActionRun(calls: [.init(action: "restrict", method: "access.deny", arguments: [.string("no")], afterReturn: true)])
        #expect(failures(testCase(), late).map(\.rule) == ["after-return"])
    }

    @Test func expectedCallsAreComparedInOrder() {
        let deny = ActionRun.Call(action: "restrict", method: "access.deny", arguments: [.string("no")])
        let claim = ActionRun.Call(action: "restrict", method: "idToken.setCustomClaim", arguments: [.string("k"), .number(1)])
        let expected = [ExpectedCall(method: "access.deny", arguments: [.string("no")]), ExpectedCall(method: "idToken.setCustomClaim", arguments: nil)]
        #expect(failures(testCase(.written, expected: expected), ActionRun(calls: [deny, claim])).isEmpty)
        #expect(failures(testCase(.written, expected: expected), ActionRun(calls: [claim, deny])).map(\.message)
                == ["expected the api calls access.deny(\"no\"), idToken.setCustomClaim(…); got idToken.setCustomClaim(\"k\", 1), access.deny(\"no\")"])
        #expect(failures(testCase(.written, expected: []), ActionRun(calls: [deny])).map(\.message) == ["expected the api calls none; got access.deny(\"no\")"])
    }

    @Test func theLegacyAPICheckWantsDenialsExactlyForClientsNotAllowed() {
        let deny = ActionRun(calls: [.init(action: "restrict", method: "access.deny", arguments: [.string("no")])])
        func legacy(_ allowed: Bool, platform: String? = nil) -> ActionTestCase {
            testCase(.legacyAPI(client: "Web", audience: "https://legacy.example/api", allowed: allowed, allowedClients: ["Worker"], platformDenial: platform))
        }
        #expect(failures(legacy(false), deny).isEmpty)
        #expect(failures(legacy(true), ActionRun()).isEmpty)
        #expect(failures(legacy(false, platform: "no grant"), ActionRun()).isEmpty)
        #expect(failures(legacy(false), ActionRun()).map(\.message) == [
            "`Web` gets a token for the legacy identity API https://legacy.example/api through post-login: the post-login actions (`restrict`) let it through. Only `Worker` may; an action bound to post-login must call api.access.deny for every other client",
        ])
        #expect(failures(legacy(true), deny).map(\.message) == [
            "`Web` may get tokens for the legacy identity API https://legacy.example/api (allowed_clients), but its post-login token request is denied: action `restrict` calls api.access.deny(\"no\")",
        ])
    }

    // MARK: - Under Node

    static let nodeAvailable = NodeHarness.findNode() != nil

    func runUnderNode(_ codes: [(String, String)], timeout: Int) throws -> ActionRun {
        let harness = NodeHarness(node: try #require(NodeHarness.findNode()), timeoutMilliseconds: timeout)
        let testCase = ActionTestCase(kind: .generic, name: "case", subject: codes[0].0, trigger: "post-login",
                                      actions: codes.map { ActionCode(name: $0.0, file: "\($0.0).js", code: $0.1, secrets: ["K": .string("v")]) },
                                      event: ActionEvent.defaults(for: "post-login"), file: "\(codes[0].0).js")
        return try harness.run(actions: [testCase])[0]
    }

    @Test(.enabled(if: nodeAvailable, "node is not on PATH"))
    func aHandlerThatNeverResolvesIsReportedAtTheInjectedLimit() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let run = try runUnderNode([("stuck", "exports.onExecutePostLogin = () => new Promise(() => {});\n")], timeout: 300)
        #expect(run.timedOut == "stuck")
        #expect(clock.now - start < .seconds(10))
    }

    @Test(.enabled(if: nodeAvailable, "node is not on PATH"))
    func theBoundActionsRunInOrderUntilOneDenies() throws {
        let run = try runUnderNode([
            ("first", "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('k', event.secrets.K); };\n"),
            ("second", "exports.onExecutePostLogin = async (event, api) => { api.access.deny('stop'); };\n"),
            ("third", "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('never', true); };\n"),
        ], timeout: 2000)
        #expect(run.calls == [
            .init(action: "first", method: "idToken.setCustomClaim", arguments: [.string("k"), .string("v")]),
            .init(action: "second", method: "access.deny", arguments: [.string("stop")]),
        ])
    }

    @Test(.enabled(if: nodeAvailable, "node is not on PATH"))
    func aWrongExportAndALoadingErrorAreCaught() throws {
        let wrong = try runUnderNode([("wrong", "module.exports = { onExecutePostlogin: async () => {} };\n")], timeout: 2000)
        #expect(wrong.missingHandler == .init(action: "wrong", exports: ["onExecutePostlogin"]))
        let missingModule = try runUnderNode([("deps", "const sdk = require('acme-sdk');\nexports.onExecutePostLogin = async () => {};\n")], timeout: 2000)
        #expect(missingModule.thrown?.whileLoading == true)
        #expect(missingModule.thrown?.line == 1)
    }
}
