import APIJSON
import ManagementAPI
import Testing

/// How the client gets, reuses and drops its bearer token, and what a 401 does.
@Suite struct ManagementClientTokenTests {
    @Test func clientCredentialsTokenIsFetchedOnceAndReusedForEveryRequest() async throws {
        try await withScriptedAPI(script: { _, _ in .ok(json(#"{"ok":true}"#)) }) { api, client in
            for _ in 0..<3 { _ = try await client.send(APIRequest("GET", "tenants/settings")) }
            #expect(api.tokenRequests.count == 1)
            let grant = try #require(api.tokenRequests.first)
            #expect(grant.method == "POST")
            #expect(grant.body == .object([
                "grant_type": .string("client_credentials"), "client_id": .string("tenantctl-test"),
                "client_secret": .string("test-secret"), "audience": .string("\(api.baseURL)/api/v2/"),
            ]))
            #expect(api.requests.map(\.authorization) == Array(repeating: "Bearer token-1", count: 3))
        }
    }

    @Test func aTokenWithinAMinuteOfExpiringIsReplacedBeforeTheNextRequest() async throws {
        // 30 s of lifetime is inside the client's 60 s margin: every request needs a fresh token.
        try await withScriptedAPI(tokenLifetime: 30, script: { _, _ in .ok(json("{}")) }) { api, client in
            _ = try await client.send(APIRequest("GET", "tenants/settings"))
            _ = try await client.send(APIRequest("GET", "tenants/settings"))
            #expect(api.tokenRequests.count == 2)
            #expect(api.requests.map(\.authorization) == ["Bearer token-1", "Bearer token-2"])
        }
    }

    @Test func aGivenAccessTokenIsSentAsIsWithoutCallingTheTokenEndpoint() async throws {
        try await withScriptedAPI(credentials: .accessToken("given-token"), script: { _, _ in .ok(json("{}")) }) { api, client in
            _ = try await client.send(APIRequest("GET", "clients"))
            _ = try await client.send(APIRequest("GET", "clients"))
            #expect(api.tokenRequests.isEmpty)
            #expect(api.requests.map(\.authorization) == ["Bearer given-token", "Bearer given-token"])
        }
    }

    @Test func aRefusedClientCredentialsGrantThrowsRefusedCredentialsWithTheReasonAndSendsNothing() async throws {
        let refuse: @Sendable (Int) -> ScriptedAnswer = { _ in
            .reply(401, json(#"{"error":"access_denied","error_description":"Unauthorized client"}"#))
        }
        try await withScriptedAPI(tokenScript: refuse, script: { _, _ in .ok(json("{}")) }) { api, client in
            await #expect(throws: ManagementAPIError.refusedCredentials("Unauthorized client")) {
                try await client.send(APIRequest("GET", "clients"))
            }
            #expect(api.requests.isEmpty)
        }
    }

    @Test func aRefusedGrantIsExplainedByTheErrorThenByTheHTTPStatus() async throws {
        try await withScriptedAPI(tokenScript: { _ in .reply(403, json(#"{"error":"access_denied"}"#)) }, script: { _, _ in .ok(json("{}")) }) { api, client in
            await #expect(throws: ManagementAPIError.refusedCredentials("access_denied")) { try await client.send(APIRequest("GET", "clients")) }
            #expect(api.requests.isEmpty)
        }
        try await withScriptedAPI(tokenScript: { _ in .reply(400, nil) }, script: { _, _ in .ok(json("{}")) }) { api, client in
            await #expect(throws: ManagementAPIError.refusedCredentials("HTTP 400")) { try await client.send(APIRequest("GET", "clients")) }
            #expect(api.requests.isEmpty)
        }
    }

    @Test func aTransientFailureOfTheTokenEndpointIsRetriedLikeAnyIdempotentRequest() async throws {
        let tokenScript: @Sendable (Int) -> ScriptedAnswer = { number in
            number == 0 ? .reply(503, json(#"{"error":"temporarily_unavailable"}"#))
                        : .ok(json(#"{"access_token":"token-after-retry","expires_in":86400}"#))
        }
        try await withScriptedAPI(tokenScript: tokenScript, script: { _, _ in .ok(json(#"{"friendly_name":"Acme"}"#)) }) { api, client in
            let response = try await client.send(APIRequest("GET", "tenants/settings"))
            #expect(response.body == json(#"{"friendly_name":"Acme"}"#))
            #expect(api.tokenRequests.count == 2, "the 503 was retried once")
            #expect(await client.statistics.retries == 1)
        }
    }

    @Test func aTokenEndpointThatStaysDownIsUnreachableNotBadCredentials() async throws {
        try await withScriptedAPI(tokenScript: { _ in .reply(503, nil) }, script: { _, _ in .ok(json("{}")) }) { api, client in
            await #expect(throws: ManagementAPIError.self) { try await client.send(APIRequest("GET", "clients")) }
            do { _ = try await client.send(APIRequest("GET", "clients")) } catch {
                #expect("\(error)".contains("answered 503"), "\(error)")
                #expect(!"\(error)".contains("AUTH0_CLIENT_SECRET"))
            }
            #expect(api.requests.isEmpty)
        }
    }

    @Test func a401StopsAtOnceWithTheAPIsMessageAndTheNextRequestGetsANewToken() async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            number == 0 ? .apiError(401, "Unauthorized", "Invalid token") : .ok(json(#"{"friendly_name":"Acme"}"#))
        }
        try await withScriptedAPI(script: script) { api, client in
            await #expect(throws: ManagementAPIError.refusedCredentials("Invalid token")) {
                try await client.send(APIRequest("GET", "tenants/settings"))
            }
            // Not retried: one request, and no retry counted.
            #expect(api.requests.count == 1)
            #expect(await client.statistics.retries == 0)
            // The refused token was dropped: the next request fetches another.
            let response = try await client.send(APIRequest("GET", "tenants/settings"))
            #expect(response.body == json(#"{"friendly_name":"Acme"}"#))
            #expect(api.tokenRequests.count == 2)
            #expect(api.requests.map(\.authorization) == ["Bearer token-1", "Bearer token-2"])
        }
    }

    @Test func a401WithoutABodyIsReportedAs401Unauthorized() async throws {
        try await withScriptedAPI(script: { _, _ in .reply(401, nil) }) { api, client in
            await #expect(throws: ManagementAPIError.refusedCredentials("401 Unauthorized")) {
                try await client.send(APIRequest("PATCH", "clients/abc", body: json(#"{"name":"x"}"#)))
            }
            #expect(api.requests.count == 1)
        }
    }
}
