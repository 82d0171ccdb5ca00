import APIJSON
import Foundation
import ManagementAPI
import TenantConfig
import TenantPlan
import Testing

private let orders = "https://orders.acme.example/api"
private let testDigestKey = "executor-test-digest-key-0123456789abcdef"
private let legacyUsersConnection = "con_7Yb2KqLx9PzW4mNc"

/// `METHOD path` of every request, for comparing sequences.
private func calls(_ api: ScriptedAPI) -> [String] { api.requests.map { "\($0.method) \($0.path)" } }

/// Runs a plan and returns how it failed (or records that it did not).
private func runExpectingFailure(_ plan: Plan, _ executor: PlanExecutor, _ journal: ApplyJournal) async -> PlanExecutor.Failure? {
    do {
        let outcomes = try await executor.execute(plan, journal: journal)
        Issue.record("the plan ran to the end: \(outcomes)")
        return nil
    } catch let failure as PlanExecutor.Failure {
        return failure
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

/// A collection behind a scripted API whose creates the tests make fail in chosen ways.
private final class FakeCollection: Sendable {
    enum FirstCreate: Sendable {
        /// Stored, answered 500.
        case landedAnswered500
        /// Stored, connection closed before the answer.
        case landedAnswerLost
        /// Not stored, answered 503.
        case notLanded
        /// Not stored, answered 503, every time.
        case neverLands
    }

    let path: String
    let itemsKey: String
    let idField: String
    let items: Locked<[JSONValue]>
    let creates = Locked(0)

    init(path: String, itemsKey: String, idField: String, items: [JSONValue] = []) {
        self.path = path
        self.itemsKey = itemsKey
        self.idField = idField
        self.items = Locked(items)
    }

    func script(first: FirstCreate) -> @Sendable (ReceivedRequest, Int) -> ScriptedAnswer {
        { [self] request, _ in
            switch (request.method, request.path == path) {
            case ("GET", true):
                let all = items.current
                return .ok(.object([itemsKey: .array(all), "total": .number(Double(all.count))]))
            case ("POST", true):
                let number = creates.withLock { count in count += 1; return count }
                let id = number == 1 ? "\(idField)-landed" : "\(idField)-created-\(number)"
                var item = request.body?.objectValue ?? [:]
                item[idField] = .string(id)
                let store = { self.items.withLock { $0.append(.object(item)) } }
                switch (first, number) {
                case (.neverLands, _), (.notLanded, 1): return .apiError(503, "Service Unavailable", "Service Unavailable")
                case (.landedAnswered500, 1): store(); return .apiError(500, "Internal Server Error", "Internal Server Error")
                case (.landedAnswerLost, 1): store(); return .drop
                default: store(); return .reply(201, .object(item))
                }
            default:
                return .ok(.object(["path": .string(request.path)]))
            }
        }
    }
}

/// Applying a plan: steps in order, ids of creates in later steps, secrets from the environment, a journal line
/// per event, unknown create outcomes resolved by reading, and a stop at the first failure.
@Suite struct PlanExecutorTests {
    // MARK: - Against the emulator

    @Test func stepsRunInOrderWithCreatedIDsFilledInAndEveryStepJournaled() async throws {
        let plan = try TestPlan.make([
            TestPlan.step(1, "create", "clients", "Orders Worker", "POST", "clients",
                          body: json(#"{"name":"Orders Worker","app_type":"non_interactive","grant_types":["client_credentials"]}"#), produces: "client_id"),
            TestPlan.step(2, "create", "resourceServers", orders, "POST", "resource-servers",
                          body: json(#"{"name":"Orders API","identifier":"\#(orders)","scopes":[{"value":"read:orders","description":"Read orders"}]}"#), produces: "id"),
            TestPlan.step(3, "update", "resourceServers", orders, "PATCH", "resource-servers/{{ref:resourceServers/\(orders)}}",
                          body: json(#"{"token_lifetime":1800}"#)),
            TestPlan.step(4, "create", "clientGrants", "Orders Worker|\(orders)", "POST", "client-grants",
                          body: json(#"{"client_id":"{{ref:clients/Orders Worker}}","audience":"\#(orders)","scope":["read:orders"]}"#), produces: "id"),
            TestPlan.step(5, "update", "databases", "legacy-users", "PATCH", "connections/\(legacyUsersConnection)/clients",
                          body: json(#"[{"client_id":"{{ref:clients/Orders Worker}}","status":true}]"#)),
            TestPlan.step(6, "update", "tenant", "settings", "PATCH", "tenants/settings",
                          body: json(#"{"friendly_name":"Acme ({{secret:ACME_LABEL}})"}"#)),
        ])
        let journal = try TestJournal()
        defer { journal.remove() }
        let announced = Locked<[String]>([])
        try await withEmulator(seed: try TestFiles.acmeDevSnapshot) { _, client in
            var executor = PlanExecutor(client: client, environment: ["ACME_LABEL": "label-from-the-environment"])
            executor.willSend = { step, total in announced.withLock { $0.append("\(step.number)/\(total)") } }
            let outcomes = try await executor.execute(plan, journal: journal.journal)

            // What the tenant now holds, and the ids it gave.
            let clients = try await client.listAll("clients", itemsKey: "clients")
            let workerID = try #require(clients.first { $0["name"] == .string("Orders Worker") }?["client_id"]?.stringValue)
            let server = try #require(try await client.listAll("resource-servers", itemsKey: "resource_servers").first { $0["identifier"] == .string(orders) })
            let serverID = try #require(server["id"]?.stringValue)
            #expect(server["token_lifetime"] == .number(1800), "step 3 patched the server step 2 created")
            let grants = try await client.listAll("client-grants", itemsKey: "client_grants").filter { $0["audience"] == .string(orders) }
            #expect(grants.count == 1)
            #expect(grants.first?["client_id"] == .string(workerID), "step 4 used the client step 1 created")
            let grantID = try #require(grants.first?["id"]?.stringValue)
            let enabled = try await client.listAll("connections/\(legacyUsersConnection)/clients", itemsKey: "clients", checkpoint: true)
            #expect(enabled.compactMap { $0["client_id"]?.stringValue }.sorted() == ["Xk2mWq9PZtR4vLb7NcY1hJd3sFgA0eUo", workerID].sorted())
            let settings = try await client.send(APIRequest("GET", "tenants/settings")).body
            #expect(settings?["friendly_name"] == .string("Acme (label-from-the-environment)"))

            #expect(outcomes.map(\.number) == [1, 2, 3, 4, 5, 6])
            #expect(outcomes.allSatisfy { $0.succeeded && $0.message == nil })
            #expect(outcomes.map(\.createdID) == [workerID, serverID, nil, grantID, nil, nil])
            #expect(announced.current == ["1/6", "2/6", "3/6", "4/6", "5/6", "6/6"])

            #expect(journal.entries == [
                json(#"{"event":"start","tenant":"acme-dev","domain":"acme-dev.eu.auth0.com","steps":6,"desired_digest":"sha256:desired","steps_digest":"sha256:steps"}"#),
                json(#"{"event":"send","step":1,"method":"POST","path":"clients"}"#),
                json(#"{"event":"done","step":1,"created_id":"\#(workerID)","resource":"clients/Orders Worker"}"#),
                json(#"{"event":"send","step":2,"method":"POST","path":"resource-servers"}"#),
                json(#"{"event":"done","step":2,"created_id":"\#(serverID)","resource":"resourceServers/\#(orders)"}"#),
                json(#"{"event":"send","step":3,"method":"PATCH","path":"resource-servers/\#(serverID)"}"#),
                json(#"{"event":"done","step":3}"#),
                json(#"{"event":"send","step":4,"method":"POST","path":"client-grants"}"#),
                json(#"{"event":"done","step":4,"created_id":"\#(grantID)","resource":"clientGrants/Orders Worker|\#(orders)"}"#),
                json(#"{"event":"send","step":5,"method":"PATCH","path":"connections/\#(legacyUsersConnection)/clients"}"#),
                json(#"{"event":"done","step":5}"#),
                json(#"{"event":"send","step":6,"method":"PATCH","path":"tenants/settings"}"#),
                json(#"{"event":"done","step":6}"#),
                json(#"{"event":"finished","steps":6}"#),
            ])
            #expect(!journal.text.contains("label-from-the-environment"), "the journal never holds a secret")
        }
        #expect(journal.journal.path.hasPrefix(journal.directory.path + "/acme-dev-"))
        #expect(journal.journal.path.hasSuffix(".jsonl"))
    }

    @Test func aFailingStepStopsTheRunAndTheJournalSaysWhere() async throws {
        let plan = try TestPlan.make([
            TestPlan.step(1, "create", "clients", "Orders Worker", "POST", "clients", body: json(#"{"name":"Orders Worker"}"#), produces: "client_id"),
            TestPlan.step(2, "create", "clientGrants", "Orders Worker|https://nowhere.acme.example", "POST", "client-grants",
                          body: json(#"{"client_id":"{{ref:clients/Orders Worker}}","audience":"https://nowhere.acme.example","scope":[]}"#), produces: "id"),
            TestPlan.step(3, "update", "tenant", "settings", "PATCH", "tenants/settings", body: json(#"{"friendly_name":"never sent"}"#)),
        ])
        let journal = try TestJournal()
        defer { journal.remove() }
        try await withEmulator(seed: try TestFiles.acmeDevSnapshot) { _, client in
            let failure = await runExpectingFailure(plan, PlanExecutor(client: client, environment: [:]), journal.journal)
            let expected = ManagementAPIError.http(status: 404, error: "Not Found", message: "No resource server found by specified identifier", errorCode: "inexistent_resource_server")
            guard case .stepFailed(let number, let error, let outcomes)? = failure else {
                Issue.record("expected stepFailed, got \(String(describing: failure))")
                return
            }
            #expect(number == 2)
            #expect(error == expected)
            #expect(outcomes.map(\.number) == [1, 2])
            #expect(outcomes.map(\.succeeded) == [true, false])
            #expect(outcomes.last?.message == expected.description)
            #expect(failure?.description == "step 2 failed: \(expected.description)")

            let workerID = try #require(outcomes.first?.createdID)
            #expect(journal.entries == [
                json(#"{"event":"start","tenant":"acme-dev","domain":"acme-dev.eu.auth0.com","steps":3,"desired_digest":"sha256:desired","steps_digest":"sha256:steps"}"#),
                json(#"{"event":"send","step":1,"method":"POST","path":"clients"}"#),
                json(#"{"event":"done","step":1,"created_id":"\#(workerID)","resource":"clients/Orders Worker"}"#),
                json(#"{"event":"send","step":2,"method":"POST","path":"client-grants"}"#),
                .object(["event": .string("failed"), "step": .number(2), "error": .string(expected.description)]),
            ])
            // Step 3 was never sent.
            let settings = try await client.send(APIRequest("GET", "tenants/settings")).body
            #expect(settings?["friendly_name"] == .string("Acme (dev)"))
        }
    }

    // MARK: - Creates whose outcome is unknown (scripted)

    @Test func aCreateAnswered500ThatLandedIsFoundByReadingAndNotSentAgain() async throws {
        let clients = FakeCollection(path: "clients", itemsKey: "clients", idField: "client_id",
                                     items: [json(#"{"client_id":"other","name":"Acme Web"}"#)])
        let plan = try TestPlan.make([
            TestPlan.step(1, "create", "clients", "Orders Worker", "POST", "clients", body: json(#"{"name":"Orders Worker"}"#), produces: "client_id"),
            TestPlan.step(2, "update", "clients", "Orders Worker", "PATCH", "clients/{{ref:clients/Orders Worker}}", body: json(#"{"description":"Orders"}"#)),
        ])
        let journal = try TestJournal()
        defer { journal.remove() }
        try await withScriptedAPI(script: clients.script(first: .landedAnswered500)) { api, client in
            let outcomes = try await PlanExecutor(client: client, environment: [:]).execute(plan, journal: journal.journal)
            #expect(calls(api) == ["POST clients", "GET clients", "PATCH clients/client_id-landed"])
            #expect(outcomes.map(\.createdID) == ["client_id-landed", nil])
            #expect(clients.items.current.filter { $0["name"] == .string("Orders Worker") }.count == 1, "no duplicate")
            #expect(journal.entries.dropFirst().prefix(2) == [
                json(#"{"event":"send","step":1,"method":"POST","path":"clients"}"#),
                json(#"{"event":"done","step":1,"created_id":"client_id-landed","resource":"clients/Orders Worker"}"#),
            ])
        }
    }

    @Test func aCreateThatDidNotLandIsSentOnceMoreAfterReading() async throws {
        let clients = FakeCollection(path: "clients", itemsKey: "clients", idField: "client_id")
        let plan = try TestPlan.make([
            TestPlan.step(1, "create", "clients", "Orders Worker", "POST", "clients", body: json(#"{"name":"Orders Worker"}"#), produces: "client_id"),
            TestPlan.step(2, "update", "clients", "Orders Worker", "PATCH", "clients/{{ref:clients/Orders Worker}}", body: json(#"{"description":"Orders"}"#)),
        ])
        let journal = try TestJournal()
        defer { journal.remove() }
        try await withScriptedAPI(script: clients.script(first: .notLanded)) { api, client in
            let outcomes = try await PlanExecutor(client: client, environment: [:]).execute(plan, journal: journal.journal)
            #expect(calls(api) == ["POST clients", "GET clients", "POST clients", "PATCH clients/client_id-created-2"])
            #expect(outcomes.map(\.createdID) == ["client_id-created-2", nil])
            #expect(clients.items.current.count == 1)
        }
    }

    @Test func aCreateThatNeverLandsFailsTheStepAsUnknownAfterReadingTwice() async throws {
        let clients = FakeCollection(path: "clients", itemsKey: "clients", idField: "client_id")
        let plan = try TestPlan.make([
            TestPlan.step(1, "create", "clients", "Orders Worker", "POST", "clients", body: json(#"{"name":"Orders Worker"}"#), produces: "client_id"),
            TestPlan.step(2, "update", "tenant", "settings", "PATCH", "tenants/settings", body: json(#"{"friendly_name":"x"}"#)),
        ])
        let journal = try TestJournal()
        defer { journal.remove() }
        try await withScriptedAPI(script: clients.script(first: .neverLands)) { api, client in
            let failure = await runExpectingFailure(plan, PlanExecutor(client: client, environment: [:]), journal.journal)
            let expected = ManagementAPIError.outcomeUnknown("POST clients (answered 503)")
            guard case .stepFailed(1, expected, _)? = failure else {
                Issue.record("expected step 1 to fail as \(expected), got \(String(describing: failure))")
                return
            }
            #expect(calls(api) == ["POST clients", "GET clients", "POST clients", "GET clients"])
            #expect(journal.entries == [
                json(#"{"event":"start","tenant":"acme-dev","domain":"acme-dev.eu.auth0.com","steps":2,"desired_digest":"sha256:desired","steps_digest":"sha256:steps"}"#),
                json(#"{"event":"send","step":1,"method":"POST","path":"clients"}"#),
                .object(["event": .string("failed"), "step": .number(1), "error": .string(expected.description)]),
            ])
        }
    }

    @Test func aGrantWhoseAnswerWasLostIsFoundByClientAndAudience() async throws {
        // Another client's grant for the same audience must not be taken for ours.
        let grants = FakeCollection(path: "client-grants", itemsKey: "client_grants", idField: "id",
                                    items: [json(#"{"id":"cgr_other","client_id":"someone-else","audience":"\#(orders)","scope":[]}"#)])
        let plan = try TestPlan.make([
            TestPlan.step(1, "create", "clientGrants", "Orders Worker|\(orders)", "POST", "client-grants",
                          body: json(#"{"client_id":"worker-id","audience":"\#(orders)","scope":["read:orders"]}"#), produces: "id"),
        ])
        let journal = try TestJournal()
        defer { journal.remove() }
        try await withScriptedAPI(script: grants.script(first: .landedAnswerLost)) { api, client in
            let outcomes = try await PlanExecutor(client: client, environment: [:]).execute(plan, journal: journal.journal)
            #expect(outcomes.map(\.createdID) == ["id-landed"])
            #expect(calls(api) == ["POST client-grants", "GET client-grants"])
        }
    }

    @Test func aConnectionWhoseAnswerWasLostIsLookedUpWithCheckpointPagination() async throws {
        let connections = FakeCollection(path: "connections", itemsKey: "connections", idField: "id")
        let plan = try TestPlan.make([
            TestPlan.step(1, "create", "databases", "orders-db", "POST", "connections",
                          body: json(#"{"name":"orders-db","strategy":"auth0"}"#), produces: "id"),
        ])
        let journal = try TestJournal()
        defer { journal.remove() }
        try await withScriptedAPI(script: connections.script(first: .landedAnswerLost)) { api, client in
            let outcomes = try await PlanExecutor(client: client, environment: [:]).execute(plan, journal: journal.journal)
            #expect(outcomes.map(\.createdID) == ["id-landed"])
            #expect(calls(api) == ["POST connections", "GET connections"])
            #expect(api.requests.last?.query == ["take=100"])
        }
    }

    // MARK: - Bodies (scripted)

    @Test func secretsAndCreatedIDsAreFilledIntoBodiesAndADeployIsRetriedAsSafe() async throws {
        let deploys = Locked(0)
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { request, _ in
            switch (request.method, request.path) {
            case ("POST", "actions/actions"): return .reply(201, json(#"{"id":"act_1","name":"audit"}"#))
            case ("POST", "actions/actions/act_1/deploy"):
                let number = deploys.withLock { count in count += 1; return count }
                return number == 1 ? .apiError(500, "Internal Server Error", "Internal Server Error") : .ok(json(#"{"number":1}"#))
            default: return .ok(json("{}"))
            }
        }
        let plan = try TestPlan.make([
            TestPlan.step(1, "create", "actions", "audit", "POST", "actions/actions", body: json("""
                {"name":"audit","supported_triggers":[{"id":"post-login","version":"v3"}],"secrets":[{"name":"API_KEY","value":"{{secret:AUDIT_API_KEY}}"}]}
                """), produces: "id"),
            TestPlan.step(2, "deploy", "actions", "audit", "POST", "actions/actions/{{ref:actions/audit}}/deploy"),
            TestPlan.step(3, "update", "triggers", "post-login", "PATCH", "actions/triggers/post-login/bindings", body: json("""
                {"bindings":[{"ref":{"type":"action_id","value":"{{ref:actions/audit}}"},"display_name":"audit"}]}
                """)),
        ])
        let journal = try TestJournal()
        defer { journal.remove() }
        try await withScriptedAPI(script: script) { api, client in
            let outcomes = try await PlanExecutor(client: client, environment: ["AUDIT_API_KEY": "audit-key-from-env"]).execute(plan, journal: journal.journal)
            #expect(outcomes.map(\.createdID) == ["act_1", nil, nil])
            #expect(calls(api) == ["POST actions/actions", "POST actions/actions/act_1/deploy", "POST actions/actions/act_1/deploy",
                                   "PATCH actions/triggers/post-login/bindings"])
            #expect(api.requests.first?.body == json("""
                {"name":"audit","supported_triggers":[{"id":"post-login","version":"v3"}],"secrets":[{"name":"API_KEY","value":"audit-key-from-env"}]}
                """))
            #expect(api.requests.last?.body == json(#"{"bindings":[{"ref":{"type":"action_id","value":"act_1"},"display_name":"audit"}]}"#))
            #expect(!journal.text.contains("audit-key-from-env"))
            #expect(journal.entries.contains(json(#"{"event":"send","step":2,"method":"POST","path":"actions/actions/act_1/deploy"}"#)))
        }
    }

    @Test func onlyThePlaceholdersTheIndexNamesAreFilledInAndOnlyWhereItSays() async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { request, _ in
            request.method == "POST" ? .reply(201, json(#"{"client_id":"cli_1","name":"Worker"}"#)) : .ok(json("{}"))
        }
        let body = json(#"""
            {"options":{"configuration":{"SECRET":"{{secret:DB_SECRET}}"},
                        "customScripts":{"login":"// {{secret:DB_SECRET}} {{secret:AUTH0_CLIENT_SECRET}} {{ref:clients/Worker}}"}},
             "metadata":{"owner":"{{ref:clients/Worker}}"}}
            """#)
        let plan = try TestPlan.make([
            TestPlan.step(1, "create", "clients", "Worker", "POST", "clients", body: json(#"{"name":"Worker"}"#), produces: "client_id"),
            TestPlan.step(2, "update", "databases", "users", "PATCH", "connections/con_1", body: body,
                          placeholders: [StepPlaceholder(at: "/options/configuration/SECRET", secrets: ["DB_SECRET"])]),
        ])
        let journal = try TestJournal()
        defer { journal.remove() }
        try await withScriptedAPI(script: script) { api, client in
            let environment = ["DB_SECRET": "db-secret-value", "AUTH0_CLIENT_SECRET": "management-api-secret"]
            _ = try await PlanExecutor(client: client, environment: environment).execute(plan, journal: journal.journal)
            #expect(api.requests.last?.body == json(#"""
                {"options":{"configuration":{"SECRET":"db-secret-value"},
                            "customScripts":{"login":"// {{secret:DB_SECRET}} {{secret:AUTH0_CLIENT_SECRET}} {{ref:clients/Worker}}"}},
                 "metadata":{"owner":"{{ref:clients/Worker}}"}}
                """#), "the script and the metadata are not in the index: sent as written")
        }
    }

    @Test func anIndexedPlaceholderWithoutAValueStopsTheStepBeforeItIsSent() async throws {
        let plan = try TestPlan.make([
            TestPlan.step(1, "update", "clientGrants", "Worker|api", "PATCH", "client-grants/{{ref:clients/Nobody}}", body: json(#"{"scope":[]}"#),
                          placeholders: [StepPlaceholder(at: "path", refs: ["clients/Nobody"])]),
        ])
        let journal = try TestJournal()
        defer { journal.remove() }
        try await withScriptedAPI(script: { _, _ in .ok(json("{}")) }) { api, client in
            let failure = await runExpectingFailure(plan, PlanExecutor(client: client, environment: [:]), journal.journal)
            #expect(failure?.description == "step 1 needs the id of clients/Nobody, which has no value (no earlier step produced it, or it is not set); nothing was sent for it: re-plan and apply again")
            #expect(api.requests.isEmpty)
            #expect(journal.entries.last?["event"] == .string("failed"))
        }
    }

    // MARK: - Freshness

    @Test func aPreviewPlanIsRefusedBeforeAnyRequest() async throws {
        let plan = try TestPlan.make([], unresolvedSecrets: ["LEGACY_API_CLIENT_SECRET"])
        try await withScriptedAPI(script: { _, _ in .ok(json("{}")) }) { api, client in
            do {
                _ = try await PlanExecutor(client: client, environment: [:]).checkFreshness(of: plan, domain: plan.domain)
                Issue.record("a preview plan was accepted")
            } catch PlanExecutor.Failure.previewPlan(let names) {
                #expect(names == ["LEGACY_API_CLIENT_SECRET"])
            }
            #expect(api.requests.isEmpty)
        }
    }

    @Test func aSecretThatDiffersFromTheReviewedOneIsRefused() async throws {
        let key = try DigestKey(testDigestKey)
        let digest = ConfigurationDigest.secretDigest(name: "LEGACY_API_CLIENT_SECRET", value: "reviewed-value", key: key, domain: "acme-dev.eu.auth0.com")
        let plan = try TestPlan.make([], secrets: [("LEGACY_API_CLIENT_SECRET", digest), ("UNSET_SECRET", digest)])
        try await withScriptedAPI(script: { _, _ in .ok(json("{}")) }) { api, client in
            for (environment, changed) in [(["LEGACY_API_CLIENT_SECRET": "another-value", "UNSET_SECRET": "reviewed-value"], ["LEGACY_API_CLIENT_SECRET", "UNSET_SECRET"]),
                                           (["LEGACY_API_CLIENT_SECRET": "reviewed-value"], ["UNSET_SECRET"])] {
                do {
                    _ = try await PlanExecutor(client: client, environment: environment.merging([DigestKey.variable: testDigestKey]) { a, _ in a })
                        .checkFreshness(of: plan, domain: plan.domain)
                    Issue.record("a changed secret was accepted")
                } catch PlanExecutor.Failure.secretChanged(let names) {
                    #expect(names == changed)
                }
            }
            #expect(api.requests.isEmpty)
        }
    }

    @Test func secretDigestsAreCheckedOnlyWithTheKeyThePlanWasMadeWith() async throws {
        let digest = ConfigurationDigest.secretDigest(name: "LEGACY_API_CLIENT_SECRET", value: "reviewed-value", key: try DigestKey(testDigestKey), domain: "acme-dev.eu.auth0.com")
        let plan = try TestPlan.make([], secrets: [("LEGACY_API_CLIENT_SECRET", digest)])
        try await withScriptedAPI(script: { _, _ in .ok(json("{}")) }) { api, client in
            let cases: [([String: String], String)] = [
                ([:], "TENANTCTL_DIGEST_KEY is not set; apply checks the plan's secret digests with it"),
                ([DigestKey.variable: "short"], "TENANTCTL_DIGEST_KEY has 5 characters; a digest key needs at least 32 random ones. \(DigestKey.howToSet); apply checks the plan's secret digests with it"),
                ([DigestKey.variable: String(testDigestKey.reversed())], "TENANTCTL_DIGEST_KEY is not the digest key the plan was made with; set the tenant's key (or plan again with this one)"),
            ]
            for (environment, message) in cases {
                do {
                    _ = try await PlanExecutor(client: client, environment: environment.merging(["LEGACY_API_CLIENT_SECRET": "reviewed-value"]) { a, _ in a })
                        .checkFreshness(of: plan, domain: plan.domain)
                    Issue.record("accepted without the plan's key: \(environment)")
                } catch let failure as PlanExecutor.Failure {
                    #expect(failure.description == message)
                }
            }
            #expect(api.requests.isEmpty)
        }
    }

    @Test func aPlanIsFreshUntilTheTenantChangesUnderIt() async throws {
        try await withEmulator(seed: try TestFiles.acmeDevSnapshot) { _, client in
            let live = try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com")
            let fingerprints = Planner.fingerprints(LiveState(snapshot: live), managed: [.clients])
            #expect(fingerprints.keys.sorted() == ["clients/Acme Web", "clients/Legacy Migration Worker", "clients/Old Admin Tool"])
            let plan = try TestPlan.make([], fingerprints: fingerprints, managed: ["clients"])
            let executor = PlanExecutor(client: client, environment: [:])

            let fresh = try await executor.checkFreshness(of: plan, domain: plan.domain)
            #expect(fresh.sections[.clients] == live.sections[.clients], "the live state read is returned")

            _ = try await client.send(APIRequest("POST", "clients", body: json(#"{"name":"Intruder"}"#)))
            _ = try await client.send(APIRequest("PATCH", "clients/Qa8sD7fG6hJ5kL4zX3cV2bN1mQwErTyU", body: json(#"{"callbacks":[]}"#)))
            do {
                _ = try await executor.checkFreshness(of: plan, domain: plan.domain)
                Issue.record("a stale plan was accepted")
            } catch PlanExecutor.Failure.stale(let addresses) {
                #expect(addresses == ["clients/Intruder", "clients/Old Admin Tool"])
            }
        }
    }
}
