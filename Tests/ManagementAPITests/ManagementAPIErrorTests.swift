import APIJSON
import ManagementAPI
import Testing

/// Error answers `{statusCode, error, message, errorCode}` become `ManagementAPIError`s, and say what to do.
@Suite struct ManagementAPIErrorTests {
    static func failing(_ answer: ScriptedAnswer, _ request: APIRequest = APIRequest("POST", "client-grants", body: json("{}"))) async throws -> ManagementAPIError? {
        try await withScriptedAPI(script: { _, _ in answer }) { _, client in
            await #expect(throws: ManagementAPIError.self) { try await client.send(request) }
        }
    }

    @Test func anErrorBodyIsMappedFieldByField() async throws {
        let error = try await Self.failing(.apiError(409, "Conflict", "A client grant for this client and audience already exists", "client_grant_conflict"))
        #expect(error == .http(status: 409, error: "Conflict", message: "A client grant for this client and audience already exists", errorCode: "client_grant_conflict"))
        #expect(error?.description == "the Management API answered 409 Conflict: A client grant for this client and audience already exists (client_grant_conflict)")
    }

    @Test func anErrorBodyWithoutAnErrorCodeHasNone() async throws {
        let error = try await Self.failing(.apiError(400, "Bad Request", "Payload validation error: 'Additional properties not allowed: colour'."),
                                           APIRequest("PATCH", "clients/abc", body: json(#"{"colour":"red"}"#)))
        #expect(error == .http(status: 400, error: "Bad Request", message: "Payload validation error: 'Additional properties not allowed: colour'.", errorCode: nil))
        #expect(error?.description == "the Management API answered 400 Bad Request: Payload validation error: 'Additional properties not allowed: colour'.")
    }

    @Test func anErrorWithoutABodyIsNamedByItsStatus() async throws {
        let error = try await Self.failing(.reply(418, nil), APIRequest("GET", "clients"))
        #expect(error == .http(status: 418, error: "HTTP 418", message: "", errorCode: nil))
    }

    @Test func insufficientScopeBecomesTheListOfScopesToGrant() async throws {
        let error = try await Self.failing(.apiError(403, "Forbidden", "Insufficient scope, expected any of: create:client_grants, update:client_grants", "insufficient_scope"))
        #expect(error == .missingScopes(["create:client_grants", "update:client_grants"]))
        #expect(error?.description == "the token lacks the scopes create:client_grants, update:client_grants; grant them to tenantctl's machine-to-machine client on the Auth0 Management API")
    }

    @Test func aForbiddenAnswerThatIsNotAboutScopesStaysAnHTTPError() async throws {
        let error = try await Self.failing(.apiError(403, "Forbidden", "You cannot delete the Management API", "operation_not_supported"),
                                           APIRequest("DELETE", "resource-servers/x"))
        #expect(error == .http(status: 403, error: "Forbidden", message: "You cannot delete the Management API", errorCode: "operation_not_supported"))
    }

    @Test func aMissingSingleScopeIsNamedInTheSingular() {
        #expect(ManagementAPIError.missingScopes(["read:clients"]).description
            == "the token lacks the scope read:clients; grant it to tenantctl's machine-to-machine client on the Auth0 Management API")
    }

    @Test func theOtherErrorsSayWhatToDo() {
        #expect(ManagementAPIError.outcomeUnknown("POST clients").description
            == "the outcome of POST clients is unknown (the connection dropped or the server failed mid-write)")
        #expect(ManagementAPIError.refusedCredentials("Unauthorized").description
            == "the tenant refused tenantctl's credentials (Unauthorized); check AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or AUTH0_ACCESS_TOKEN")
        #expect(ManagementAPIError.rateLimitExhausted.description.contains("--max-rps"))
    }
}
