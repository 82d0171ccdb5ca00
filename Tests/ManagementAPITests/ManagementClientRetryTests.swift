import APIJSON
import ManagementAPI
import Testing

private let unavailable = ScriptedAnswer.apiError(503, "Service Unavailable", "Service Unavailable")
private let notFound = ScriptedAnswer.apiError(404, "Not Found", "The client does not exist", "inexistent_client")

/// 5xx answers and lost answers: repeated when the request is safe to repeat, `outcomeUnknown` for a create,
/// a bounded number of attempts, and a DELETE whose first attempt landed.
@Suite struct ManagementClientRetryTests {
    @Test(arguments: ["GET", "PATCH", "PUT", "DELETE"])
    func aTransientFailureOfAnIdempotentRequestIsRetriedUntilItSucceeds(method: String) async throws {
        let events = EventRecorder()
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            switch number {
            case 0: unavailable
            case 1: .apiError(502, "Bad Gateway", "Bad Gateway")
            default: .ok(json(#"{"client_id":"abc","name":"Acme Web"}"#))
            }
        }
        try await withScriptedAPI(events: events, script: script) { api, client in
            let body: JSONValue? = method == "GET" || method == "DELETE" ? nil : json(#"{"name":"Acme Web"}"#)
            let response = try await client.send(APIRequest(method, "clients/abc", body: body))
            #expect(response.status == 200)
            #expect(response.body == json(#"{"client_id":"abc","name":"Acme Web"}"#))
            #expect(api.requests.count == 3)
            #expect(api.requests.allSatisfy { $0.method == method && $0.path == "clients/abc" && $0.body == body })
            #expect(events.retries == ["\(method) clients/abc #1 503", "\(method) clients/abc #2 502"])
            let statistics = await client.statistics
            #expect(statistics.retries == 2)
            #expect(statistics.requests == [method: 3])
        }
    }

    @Test func aGETWhoseAnswerIsLostIsRetried() async throws {
        let events = EventRecorder()
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            number == 0 ? .drop : .ok(json(#"{"clients":[],"total":0}"#))
        }
        try await withScriptedAPI(events: events, script: script) { api, client in
            let response = try await client.send(APIRequest("GET", "clients"))
            #expect(response.body == json(#"{"clients":[],"total":0}"#))
            #expect(api.requests.count == 2)
            #expect(events.retries == ["GET clients #1 no answer"])
        }
    }

    @Test(arguments: [500, 502, 503, 504])
    func aCreateAnswered5xxIsNeverRepeatedAndItsOutcomeIsUnknown(status: Int) async throws {
        try await withScriptedAPI(script: { _, _ in .apiError(status, "Error", "failed") }) { api, client in
            await #expect(throws: ManagementAPIError.outcomeUnknown("POST clients (answered \(status))")) {
                try await client.send(APIRequest("POST", "clients", body: json(#"{"name":"Orders Worker"}"#)))
            }
            #expect(api.requests.count == 1)
            #expect(await client.statistics.retries == 0)
        }
    }

    @Test func aCreateWhoseAnswerIsLostIsNeverRepeatedAndItsOutcomeIsUnknown() async throws {
        try await withScriptedAPI(script: { _, _ in .drop }) { api, client in
            await #expect(throws: ManagementAPIError.outcomeUnknown("POST clients")) {
                try await client.send(APIRequest("POST", "clients", body: json(#"{"name":"Orders Worker"}"#)))
            }
            #expect(api.requests.count == 1)
        }
    }

    @Test func aPOSTMarkedIdempotentSuchAsAnActionDeployIsRetried() async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            number == 0 ? .apiError(500, "Internal Server Error", "Internal Server Error") : .ok(json(#"{"number":2}"#))
        }
        try await withScriptedAPI(script: script) { api, client in
            let response = try await client.send(APIRequest("POST", "actions/actions/act-1/deploy", isIdempotent: true))
            #expect(response.body == json(#"{"number":2}"#))
            #expect(api.requests.map(\.method) == ["POST", "POST"])
        }
    }

    @Test func requestsDefaultToIdempotentForEveryMethodButPOST() {
        #expect(["GET", "PUT", "PATCH", "DELETE"].allSatisfy { APIRequest($0, "x").isIdempotent })
        #expect(!APIRequest("POST", "x").isIdempotent)
        #expect(APIRequest("POST", "x", isIdempotent: true).isIdempotent)
    }

    @Test func whenEveryAttemptFails5xxTheLastAnswerIsThrownAfterMaxAttempts() async throws {
        try await withScriptedAPI(script: { _, _ in unavailable }) { api, client in
            await #expect(throws: ManagementAPIError.http(status: 503, error: "Service Unavailable", message: "Service Unavailable", errorCode: nil)) {
                try await client.send(APIRequest("GET", "clients"))
            }
            #expect(api.requests.count == fastRetries.maxAttempts)
            #expect(await client.statistics.retries == fastRetries.maxAttempts - 1)
        }
    }

    @Test func whenNoAttemptIsAnsweredTheAPIIsUnreachableAfterMaxAttempts() async throws {
        try await withScriptedAPI(script: { _, _ in .drop }) { api, client in
            let error = await #expect(throws: ManagementAPIError.self) { try await client.send(APIRequest("DELETE", "rules/rul_1")) }
            guard case .unreachable? = error else {
                Issue.record("expected .unreachable, got \(String(describing: error))")
                return
            }
            #expect(api.requests.count == fastRetries.maxAttempts)
        }
    }

    // MARK: - DELETE and 404

    @Test func aDELETERetriedAfterA500WhoseFirstAttemptLandedCountsAsDone() async throws {
        // The first DELETE removes the client but its answer is a 500; the retry finds nothing left.
        let exists = Locked(true)
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, _ in
            let existed = exists.withLock { value in defer { value = false }; return value }
            return existed ? .apiError(500, "Internal Server Error", "Internal Server Error") : notFound
        }
        let events = EventRecorder()
        try await withScriptedAPI(events: events, script: script) { api, client in
            let response = try await client.send(APIRequest("DELETE", "clients/abc"))
            #expect(response.status == 404)
            #expect(api.requests.map { "\($0.method) \($0.path)" } == ["DELETE clients/abc", "DELETE clients/abc"])
            #expect(events.retries == ["DELETE clients/abc #1 500"])
        }
    }

    @Test func aDELETERetriedAfterALostAnswerWhoseFirstAttemptLandedCountsAsDone() async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in number == 0 ? .drop : notFound }
        try await withScriptedAPI(script: script) { api, client in
            let response = try await client.send(APIRequest("DELETE", "clients/abc"))
            #expect(response.status == 404)
            #expect(api.requests.count == 2)
        }
    }

    @Test func aDELETEAnswered404OnItsFirstAttemptIsAnError() async throws {
        try await withScriptedAPI(script: { _, _ in notFound }) { api, client in
            await #expect(throws: ManagementAPIError.http(status: 404, error: "Not Found", message: "The client does not exist", errorCode: "inexistent_client")) {
                try await client.send(APIRequest("DELETE", "clients/abc"))
            }
            #expect(api.requests.count == 1)
        }
    }

    @Test func aDELETEAnswered404AfterA429IsAnErrorBecauseA429MeansNothingLanded() async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            number == 0 ? .apiError(429, "Too Many Requests", "Global limit has been reached", "too_many_requests", headers: ["retry-after": "0"]) : notFound
        }
        try await withScriptedAPI(script: script) { api, client in
            await #expect(throws: ManagementAPIError.http(status: 404, error: "Not Found", message: "The client does not exist", errorCode: "inexistent_client")) {
                try await client.send(APIRequest("DELETE", "clients/abc"))
            }
            #expect(api.requests.count == 2)
        }
    }

    @Test(arguments: ["GET", "PATCH"])
    func onlyADELETEIsForgivenA404AfterARetry(method: String) async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            number == 0 ? .apiError(500, "Internal Server Error", "Internal Server Error") : notFound
        }
        try await withScriptedAPI(script: script) { api, client in
            await #expect(throws: ManagementAPIError.http(status: 404, error: "Not Found", message: "The client does not exist", errorCode: "inexistent_client")) {
                try await client.send(APIRequest(method, "clients/abc", body: method == "PATCH" ? json("{}") : nil))
            }
            #expect(api.requests.count == 2)
        }
    }
}
