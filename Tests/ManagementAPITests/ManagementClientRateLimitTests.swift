import APIJSON
import Foundation
import ManagementAPI
import Testing

private func tooManyRequests(_ headers: [String: String]) -> ScriptedAnswer {
    .apiError(429, "Too Many Requests", "Global limit has been reached", "too_many_requests", headers: headers)
}

/// 429 answers and the client's own pacing, seen from outside: what it waits (its events) and what it sends.
@Suite struct ManagementClientRateLimitTests {
    @Test func a429WaitsTheRetryAfterSecondsThenSucceeds() async throws {
        let events = EventRecorder()
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            number == 0 ? tooManyRequests(["retry-after": "0.03"]) : .ok(json(#"{"friendly_name":"Acme"}"#))
        }
        try await withScriptedAPI(events: events, script: script) { api, client in
            let started = Date()
            let response = try await client.send(APIRequest("GET", "tenants/settings"))
            #expect(Date().timeIntervalSince(started) >= 0.03)
            #expect(response.body == json(#"{"friendly_name":"Acme"}"#))
            #expect(events.rateLimitWaits == [0.03])
            #expect(api.requests.count == 2)
            let statistics = await client.statistics
            #expect(statistics.rateLimitWaits == 1)
            #expect(statistics.retries == 0)
        }
    }

    @Test func a429WithoutRetryAfterWaitsUntilTheResetTheServerNamedPlusAMargin() async throws {
        let events = EventRecorder()
        // A reset already past: nothing left to wait but the 50 ms margin.
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            number == 0 ? tooManyRequests(["x-ratelimit-reset": "1000"]) : .ok(json("{}"))
        }
        try await withScriptedAPI(events: events, script: script) { api, client in
            _ = try await client.send(APIRequest("GET", "clients"))
            #expect(events.rateLimitWaits == [0.05])
            #expect(api.requests.count == 2)
        }
    }

    @Test func aCreateAnswered429IsRepeatedBecauseNothingLanded() async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            number == 0 ? tooManyRequests(["retry-after": "0"]) : .reply(201, json(#"{"client_id":"new-id"}"#))
        }
        try await withScriptedAPI(script: script) { api, client in
            let response = try await client.send(APIRequest("POST", "clients", body: json(#"{"name":"Orders Worker"}"#)))
            #expect(response.status == 201)
            #expect(response.body?["client_id"] == .string("new-id"))
            #expect(api.requests.map(\.method) == ["POST", "POST"])
        }
    }

    @Test func endless429sEndInRateLimitExhaustedAfterTwiceMaxAttempts() async throws {
        try await withScriptedAPI(script: { _, _ in tooManyRequests(["retry-after": "0"]) }) { api, client in
            await #expect(throws: ManagementAPIError.rateLimitExhausted) {
                try await client.send(APIRequest("GET", "clients"))
            }
            #expect(api.requests.count == fastRetries.maxAttempts * 2)
            #expect(await client.statistics.rateLimitWaits == fastRetries.maxAttempts * 2 - 1)
        }
    }

    @Test func anEmptyBucketMakesTheNextRequestWaitOneTokensShareNotTheWholeWindow() async throws {
        let events = EventRecorder()
        // Limit 10, nothing remaining, full again at the next whole second + 1 (1 to 2 s away): one token's share is
        // 0.1 to 0.2 s, the whole window 1 to 2 s.
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            let reset = Int(Date().timeIntervalSince1970.rounded(.up)) + 1
            let headers = number == 0 ? ["x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "\(reset)"]
                                      : ["x-ratelimit-limit": "10", "x-ratelimit-remaining": "9", "x-ratelimit-reset": "\(reset)"]
            return .reply(200, json("{}"), headers: headers)
        }
        try await withScriptedAPI(events: events, script: script) { api, client in
            _ = try await client.send(APIRequest("GET", "clients"))
            #expect(events.rateLimitWaits.isEmpty, "the first request had nothing to wait for")
            _ = try await client.send(APIRequest("GET", "clients"))
            _ = try await client.send(APIRequest("GET", "clients"))
            let waits = events.rateLimitWaits
            #expect(waits.count == 1, "only the request after the empty bucket waits")
            #expect(waits.allSatisfy { $0 > 0 && $0 <= 0.2 }, "waited \(waits)")
            #expect(api.requests.count == 3)
        }
    }

    @Test func maxRequestsPerSecondSpacesRequests() async throws {
        let events = EventRecorder()
        let arrivals = Locked<[Date]>([])
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, _ in
            arrivals.withLock { $0.append(Date()) }
            return .ok(json("{}"))
        }
        try await withScriptedAPI(maxRequestsPerSecond: 2, events: events, script: script) { api, client in
            let started = Date()
            _ = try await client.send(APIRequest("GET", "clients"))
            let firstExchange = Date().timeIntervalSince(started)
            _ = try await client.send(APIRequest("GET", "clients"))
            #expect(Date().timeIntervalSince(started) >= 0.49)
            let times = arrivals.current
            #expect(times.count == 2)
            if times.count == 2 {
                // The budget is about when requests are sent: the second is sent half a second after the first, which
                // was sent after `started`, so it cannot reach the server earlier than that. (The gap between the two
                // arrivals is no measure: on a loaded machine the first one's loopback hop can take a quarter second.)
                #expect(times[1].timeIntervalSince(started) >= 0.5, "the second arrived \(times[1].timeIntervalSince(started)) s after the start")
                #expect(times[0] < times[1])
            }
            // Half a second from when the first was sent, less the time its exchange took: a fast first exchange
            // means one wait; on a loaded machine the exchange itself may have used up the half second.
            let waits = events.rateLimitWaits
            if firstExchange < 0.4 {
                #expect(waits.count == 1, "the first exchange took \(firstExchange) s")
                #expect(await client.statistics.rateLimitWaits == 1)
            }
            #expect(waits.count <= 1)
            #expect(waits.allSatisfy { $0 > 0 && $0 <= 0.5 }, "waited \(waits)")
            #expect(api.requests.count == 2)
        }
    }
}
