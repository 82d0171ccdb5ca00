import ManagementAPI
import Testing

/// Where the client sends requests, and which credentials it takes from the environment.
@Suite struct ManagementEndpointTests {
    @Test(arguments: [
        ("acme.eu.auth0.com", "https://acme.eu.auth0.com"),
        ("  acme.eu.auth0.com ", "https://acme.eu.auth0.com"),
        ("https://acme.eu.auth0.com/", "https://acme.eu.auth0.com"),
        ("https://acme.eu.auth0.com:8443/api/v2", "https://acme.eu.auth0.com:8443"),
        ("http://127.0.0.1:8443", "http://127.0.0.1:8443"),
        ("http://localhost:9000", "http://localhost:9000"),
        ("http://[::1]:8443", "http://[::1]:8443"),
    ])
    func aDomainBecomesABaseURLWithoutATrailingSlash(domain: String, baseURL: String) throws {
        let endpoint = try ManagementEndpoint(domain: domain)
        #expect(endpoint.baseURL == baseURL)
        #expect(endpoint.audience == baseURL + "/api/v2/")
    }

    @Test func plainHTTPIsOnlyForLoopbackAddresses() {
        #expect(throws: ManagementEndpoint.Problem.insecure("http://acme.eu.auth0.com")) { try ManagementEndpoint(domain: "http://acme.eu.auth0.com") }
        #expect(throws: ManagementEndpoint.Problem.insecure("http://10.0.0.1:8443")) { try ManagementEndpoint(domain: "http://10.0.0.1:8443") }
    }

    @Test func anEmptyOrMalformedDomainIsRefused() {
        #expect(throws: ManagementEndpoint.Problem.empty) { try ManagementEndpoint(domain: "") }
        #expect(throws: ManagementEndpoint.Problem.empty) { try ManagementEndpoint(domain: "   ") }
        #expect(throws: ManagementEndpoint.Problem.malformed("ftp://acme.eu.auth0.com")) { try ManagementEndpoint(domain: "ftp://acme.eu.auth0.com") }
        #expect(throws: ManagementEndpoint.Problem.malformed("https://")) { try ManagementEndpoint(domain: "https://") }
    }

    @Test func aPlansDomainStandsForItsHTTPSBaseURL() {
        #expect(ManagementEndpoint.defaultBaseURL(forDomain: "acme.eu.auth0.com") == "https://acme.eu.auth0.com")
    }

    @Test func credentialsComeFromAnAccessTokenFirstThenTheClientPair() {
        #expect(ManagementCredentials.fromEnvironment(["AUTH0_ACCESS_TOKEN": "tok", "AUTH0_CLIENT_ID": "id", "AUTH0_CLIENT_SECRET": "secret"]) == .accessToken("tok"))
        #expect(ManagementCredentials.fromEnvironment(["AUTH0_ACCESS_TOKEN": "", "AUTH0_CLIENT_ID": "id", "AUTH0_CLIENT_SECRET": "secret"])
            == .clientCredentials(id: "id", secret: "secret"))
        #expect(ManagementCredentials.fromEnvironment(["AUTH0_CLIENT_ID": "id"]) == nil)
        #expect(ManagementCredentials.fromEnvironment(["AUTH0_CLIENT_ID": "id", "AUTH0_CLIENT_SECRET": ""]) == nil)
        #expect(ManagementCredentials.fromEnvironment([:]) == nil)
    }
}
