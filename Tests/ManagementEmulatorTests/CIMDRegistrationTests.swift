import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// `POST /clients/cimd/register`: a client from a Client ID Metadata Document the emulator "fetches" from its
/// configured `web`, created once (201) and updated by the same URL after (200).
@Suite struct CIMDRegistrationTests {
    let j = EmulatorHTTP.json
    static let url = "https://mcp.example.com/.well-known/client.json"

    func start() async throws -> EmulatorHTTP {
        try await EmulatorHTTP.start { configuration in
            configuration.web[Self.url] = .object(["client_id": .string(Self.url), "client_name": .string("MCP Server"),
                                                   "redirect_uris": .array([.string("https://mcp.example.com/callback")]),
                                                   "grant_types": .array([.string("authorization_code")]), "token_endpoint_auth_method": .string("none")])
            configuration.web["https://shared.example.com/client.json"] = .object(["client_id": .string("https://shared.example.com/client.json"),
                                                                                   "token_endpoint_auth_method": .string("client_secret_basic")])
            configuration.web["https://elsewhere.example.com/client.json"] = .object(["client_id": .string("https://other.example.com/client.json")])
        }
    }

    @Test func aDocumentIsRegisteredOnceAndUpdatedByItsURL() async throws {
        let http = try await start()
        defer { Task { await http.stop() } }
        let created = try await http.api("POST", "clients/cimd/register", body: j(#"{"external_client_id":"\#(Self.url)"}"#))
        #expect(created.status == 201)
        let id = try #require(created.body?["client_id"]?.stringValue)
        #expect(created.body?["mapped_fields"]?["name"] == .string("MCP Server"))
        #expect(created.body?["validation"]?["valid"] == .bool(true))
        let client = try await http.api("GET", "clients/\(id)").body
        #expect(client?["external_client_id"] == .string(Self.url))
        #expect(client?["callbacks"] == j(#"["https://mcp.example.com/callback"]"#))
        #expect(client?["app_type"] == .string("native"))
        let again = try await http.api("POST", "clients/cimd/register", body: j(#"{"external_client_id":"\#(Self.url)"}"#))
        #expect(again.status == 200 && again.body?["client_id"] == .string(id), "the URL is the upsert key")
        let listed = try await http.api("GET", "clients").body
        #expect((listed?["clients"]?.arrayValue ?? listed?.arrayValue ?? []).filter { $0["external_client_id"] != nil }.count == 1)
    }

    @Test func aDocumentThatCannotBeFetchedOrBreaksCIMDsRulesIsA400() async throws {
        let http = try await start()
        defer { Task { await http.stop() } }
        for (url, message) in [("https://missing.example.com/client.json", "The Client ID Metadata Document could not be retrieved from https://missing.example.com/client.json."),
                               ("https://shared.example.com/client.json", "The Client ID Metadata Document is invalid: token_endpoint_auth_method client_secret_basic uses a shared secret, which CIMD clients cannot."),
                               ("https://elsewhere.example.com/client.json", "The Client ID Metadata Document is invalid: client_id must be the document's URL (https://elsewhere.example.com/client.json)."),
                               ("http://insecure.example.com/client.json", "Payload validation error: 'Object didn't pass validation for format absolute-https-uri-or-empty: http://insecure.example.com/client.json' on property external_client_id.")] {
            let refused = try await http.api("POST", "clients/cimd/register", body: j(#"{"external_client_id":"\#(url)"}"#))
            #expect(refused.status == 400 && refused.body?["message"] == .string(message), "\(url): \(String(describing: refused.body))")
        }
        let extra = try await http.api("POST", "clients/cimd/register", body: j(#"{"external_client_id":"\#(Self.url)","name":"x"}"#))
        #expect(extra.status == 400 && extra.body?["message"] == .string("Payload validation error: 'Additional properties not allowed: name'."))
    }
}
