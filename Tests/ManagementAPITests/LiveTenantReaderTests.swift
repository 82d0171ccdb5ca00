import APIJSON
import Foundation
import ManagementAPI
import TenantConfig
import Testing

/// Reading a whole tenant from the emulator: every section, sorted, paginated, and without a secret.
@Suite struct LiveTenantReaderTests {
    static let allScopes: [String] = ["clients", "connections", "resource_servers", "client_grants", "rules", "rules_configs", "actions",
                                      "tenant_settings", "email_provider", "log_streams", "directory_provisionings"].flatMap { r in ["read", "create", "update", "delete"].map { "\($0):\(r)" } }

    /// Records the reader's progress reports.
    final class Progress: Sendable {
        let reports = Locked<[String]>([])
        var sink: @Sendable (String, Int) -> Void { { [reports] section, count in reports.withLock { $0.append("\(section): \(count)") } } }
    }

    static func without(_ key: String, inOptionsOf connection: JSONValue) -> JSONValue {
        guard var object = connection.objectValue, var options = object["options"]?.objectValue else { return connection }
        options[key] = nil
        object["options"] = .object(options)
        return .object(object)
    }

    /// What reading a tenant costs besides clients and connections (one page each here), for a tenant with no
    /// enabled locale (no custom text to read): 27 other lists and objects of one page (tenant settings, resource
    /// servers, grants, rules, rules configs, actions, email provider, log streams, organizations, roles, hooks, MFA
    /// factors, the theme, and the 14 collections of custom domains to phone templates), 6 triggers' bindings, 13
    /// email templates, 4 MFA providers, 2 MFA templates, 3 MFA settings, 6 attack protection parts, 2 risk
    /// assessment parts, supplemental signals, the prompts' settings, 9 prompts' partials and the one list of screen
    /// render settings, branding with its template, and the one list of every connection's directory provisioning.
    static let otherReads = 27 + 6 + 13 + 4 + 2 + 3 + 6 + 2 + 1 + 1 + 9 + 1 + 2 + 1

    @Test func everySectionOfTheSeededTenantIsReadAsTheSnapshotHoldsIt() async throws {
        let seedData = try TestFiles.acmeDevSnapshot
        let seed = try JSONValue.parse(seedData)
        let progress = Progress()
        let snapshot = try await withEmulator(seed: seedData) { _, client in
            try await LiveTenantReader(client: client, progress: progress.sink).read(domain: "acme-dev.eu.auth0.com")
        }
        #expect(snapshot.domain == "acme-dev.eu.auth0.com")
        #expect(Set(snapshot.sections.keys) == Set(SnapshotSection.allCases))
        // The tenant's global client ("All Applications") is kept beside the seed's: it holds the login page.
        #expect(snapshot.sections[.clients]?.arrayValue?.filter { $0["global"]?.boolValue != true } == seed["clients"]?.arrayValue)
        #expect(snapshot.sections[.clients]?.arrayValue?.filter { $0["global"]?.boolValue == true }.count == 1)
        #expect(snapshot.sections[.resourceServers] == seed["resource_servers"])
        #expect(snapshot.sections[.clientGrants] == seed["client_grants"])
        #expect(snapshot.sections[.rules] == .array([]))
        #expect(snapshot.sections[.rulesConfigs] == .array([]))
        #expect(snapshot.sections[.actions] == seed["actions"])
        #expect(snapshot.sections[.tenantSettings] == seed["tenant_settings"])
        #expect(snapshot.sections[.emailProvider] == .null, "no provider: the API's 404 is read as none")
        #expect(snapshot.sections[.logStreams] == .array([]))

        // Bindings for every trigger tenantctl manages, empty ones included.
        let bindings = try #require(snapshot.sections[.triggerBindings]?.objectValue)
        #expect(bindings.keys.sorted() == LiveTenantReader.triggers.sorted())
        #expect(bindings["post-login"] == seed["trigger_bindings"]?["post-login"])
        #expect(LiveTenantReader.triggers.filter { $0 != "post-login" }.allSatisfy { bindings[$0] == .array([]) })

        // The connection, with its enabled clients from /connections/{id}/clients; configuration values are the
        // API's ciphertext, so only their keys can be compared.
        let connections = try #require(snapshot.sections[.connections]?.arrayValue)
        let seedConnection = try #require(seed["connections"]?.arrayValue?.first)
        #expect(connections.count == 1)
        #expect(connections.first.map { Self.without("configuration", inOptionsOf: $0) } == Self.without("configuration", inOptionsOf: seedConnection))
        #expect(connections.first?["enabled_clients"] == .array([.string("Xk2mWq9PZtR4vLb7NcY1hJd3sFgA0eUo")]))
        #expect(connections.first?["options"]?["configuration"]?.objectValue?.keys.sorted()
            == ["CLIENT_ID", "CLIENT_SECRET", "LEGACY_API_AUDIENCE", "LEGACY_API_BASE_URL", "TOKEN_URL"])

        #expect(progress.reports.current == [
            "tenant settings: 1", "clients: 4", "connections: 1", "resource servers: 1", "client grants: 1", "rules: 0", "rules configs: 0",
            "actions: 1", "trigger bindings: 1", "email provider: 0", "log streams: 0", "organizations: 0", "roles: 0", "hooks: 0",
            "email templates: 0", "guardian factors: 8", "guardian factor providers: 0", "guardian factor templates: 2", "MFA policies: 1",
            "MFA phone provider: 1", "MFA phone message types: 1", "attack protection: 1", "risk assessment: 1", "supplemental signals: 1",
            "prompts: 1", "branding: 1", "branding themes: 0",
            "custom domains: 0", "token exchange profiles: 0", "action modules: 0", "event streams: 0", "flow vault connections: 0", "flows: 0",
            "forms: 0", "self service profiles: 0", "network acls: 0", "connection profiles: 0", "user attribute profiles: 0",
            "rate limit policies: 0", "phone providers: 0", "phone templates: 0",
        ])
    }

    @Test func noSecretTheTenantHoldsIsInWhatTheReaderReturns() async throws {
        let secrets = ["rs-signing-secret-value", "action-secret-value", "email-secret-value", "log-stream-token-value",
                       "custom-header-secret-value", "datadog-key-value", "rules-config-secret-value"]
        let (snapshot, clientSecret) = try await withEmulator(seed: try TestFiles.acmeDevSnapshot) { _, client in
            let created = try await client.send(APIRequest("POST", "clients", body: json(#"{"name":"Orders Worker","app_type":"non_interactive"}"#)))
            _ = try await client.send(APIRequest("POST", "resource-servers", body: json("""
                {"name":"Orders API","identifier":"https://orders.acme.example/api","signing_alg":"HS256","signing_secret":"rs-signing-secret-value"}
                """)))
            _ = try await client.send(APIRequest("POST", "actions/actions", body: json("""
                {"name":"audit-logins","code":"exports.onExecutePostLogin = async () => {};","supported_triggers":[{"id":"post-login","version":"v3"}],
                 "secrets":[{"name":"AUDIT_API_KEY","value":"action-secret-value"}]}
                """)))
            _ = try await client.send(APIRequest("POST", "emails/provider", body: json("""
                {"name":"smtp","enabled":true,"default_from_address":"no-reply@acme.example",
                 "credentials":{"smtp_host":"smtp.acme.example","smtp_port":587,"smtp_user":"mailer","smtp_pass":"email-secret-value"}}
                """)))
            _ = try await client.send(APIRequest("POST", "log-streams", body: json("""
                {"name":"SIEM","type":"http","sink":{"httpEndpoint":"https://siem.acme.example/ingest","httpContentType":"application/json",
                 "httpContentFormat":"JSONLINES","httpAuthorization":"Bearer log-stream-token-value",
                 "httpCustomHeaders":[{"header":"X-Api-Key","value":"custom-header-secret-value"}]}}
                """)))
            _ = try await client.send(APIRequest("POST", "log-streams", body: json("""
                {"name":"Datadog","type":"datadog","sink":{"datadogApiKey":"datadog-key-value","datadogRegion":"eu"}}
                """)))
            _ = try await client.send(APIRequest("PUT", "rules-configs/LEGACY_KEY", body: json(#"{"value":"rules-config-secret-value"}"#)))
            let snapshot = try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com")
            return (snapshot, try #require(created.body?["client_secret"]?.stringValue))
        }
        let everything = text(.object(Dictionary(uniqueKeysWithValues: snapshot.sections.map { ($0.key.rawValue, $0.value) })))
        for secret in secrets + [clientSecret] {
            #expect(!everything.contains(secret), "\(secret) was read")
        }
        // What is kept instead: names, and non-secret settings.
        let streams = snapshot.sections[.logStreams]?.arrayValue ?? []
        #expect(streams.allSatisfy { $0["id"]?.stringValue?.hasPrefix("lst_") == true })
        #expect(JSONValue.array(streams.map { $0.objectValue.map { .object($0.filter { $0.key != "id" }) } ?? $0 }) == json("""
            [{"name":"Datadog","type":"datadog","status":"active","sink":{"datadogApiKey":"<redacted>","datadogRegion":"eu"}},
             {"name":"SIEM","type":"http","status":"active",
              "sink":{"httpEndpoint":"https://siem.acme.example/ingest","httpContentType":"application/json","httpContentFormat":"JSONLINES",
                      "httpAuthorization":"<redacted>","httpCustomHeaders":[{"header":"X-Api-Key","value":"<redacted>"}]}}]
            """))
        #expect(snapshot.sections[.emailProvider] == json(#"{"name":"smtp","enabled":true,"default_from_address":"no-reply@acme.example"}"#))
        #expect(snapshot.sections[.rulesConfigs] == json(#"[{"key":"LEGACY_KEY"}]"#))
        let audit = snapshot.sections[.actions]?.arrayValue?.first { $0["name"] == .string("audit-logins") }
        #expect(audit?["secrets"]?.arrayValue?.map { $0["name"] } == [.string("AUDIT_API_KEY")])
        #expect(audit?["secrets"]?.arrayValue?.allSatisfy { $0["value"] == nil } == true, "secret values are write-only")
        let orders = snapshot.sections[.resourceServers]?.arrayValue?.first { $0["identifier"] == .string("https://orders.acme.example/api") }
        #expect(orders?["signing_alg"] == .string("HS256"))
        #expect(orders?["signing_secret"] == nil)
        #expect(snapshot.sections[.clients]?.arrayValue?.map { $0["name"]?.stringValue ?? "" } == ["Acme Web", "All Applications", "Legacy Migration Worker", "Old Admin Tool", "Orders Worker"])
    }

    @Test func everySecretTheAPIMayReturnIsDroppedBeforeTheReaderKeepsIt() async throws {
        // The emulator hides some secrets itself (client_secret, email credentials); the real API returns them to
        // tokens with the scopes for it. A scripted API returns them all.
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { request, _ in
            switch request.path {
            case "clients": .ok(json("""
                {"total":1,"clients":[{"client_id":"c1","name":"Web","client_secret":"secret-1","signing_keys":[{"cert":"secret-2"}],"encryption_key":{"pub":"secret-3"}}]}
                """))
            case "connections": .ok(json(#"{"connections":[{"id":"con_1","name":"db","strategy":"auth0"}]}"#))
            case "connections/con_1/clients": .ok(json(#"{"clients":[{"client_id":"c1"}]}"#))
            case "resource-servers": .ok(json("""
                {"total":2,"resource_servers":[{"id":"rs1","identifier":"https://api.acme.example","signing_secret":"secret-4"},
                                               {"id":"mgmt","identifier":"https://acme-dev.eu.auth0.com/api/v2/","is_system":true}]}
                """))
            case "rules-configs": .ok(json(#"[{"key":"LEGACY_KEY","value":"secret-5"}]"#))
            case "actions/actions": .ok(json(#"{"total":1,"actions":[{"id":"a1","name":"audit","secrets":[{"name":"API_KEY","value":"secret-6"}]}]}"#))
            case "tenants/settings": .ok(json(#"{"friendly_name":"Acme"}"#))
            case "emails/provider": .ok(json(#"{"name":"smtp","enabled":true,"credentials":{"smtp_user":"mailer","smtp_pass":"secret-7"}}"#))
            case "log-streams": .ok(json("""
                [{"id":"lst_1","name":"SIEM","type":"http","sink":{"httpEndpoint":"https://siem.acme.example","httpAuthorization":"secret-8",
                  "httpCustomHeaders":[{"header":"X-Api-Key","value":"secret-9"}]}}]
                """))
            default: .ok(json(#"{"total":0,"client_grants":[],"rules":[],"bindings":[]}"#))
            }
        }
        try await withScriptedAPI(script: script) { api, client in
            let snapshot = try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com")
            let everything = text(.object(Dictionary(uniqueKeysWithValues: snapshot.sections.map { ($0.key.rawValue, $0.value) })))
            #expect((1...9).filter { everything.contains("secret-\($0)") }.isEmpty, "secrets read: \(everything)")
            #expect(snapshot.sections[.clients] == json(#"[{"client_id":"c1","name":"Web"}]"#))
            #expect(snapshot.sections[.connections] == json(#"[{"id":"con_1","name":"db","strategy":"auth0","enabled_clients":["c1"]}]"#))
            #expect(snapshot.sections[.resourceServers] == json(#"[{"id":"rs1","identifier":"https://api.acme.example"}]"#), "the system API is left out")
            #expect(snapshot.sections[.rulesConfigs] == json(#"[{"key":"LEGACY_KEY"}]"#))
            #expect(snapshot.sections[.actions] == json(#"[{"id":"a1","name":"audit","secrets":[{"name":"API_KEY"}]}]"#))
            #expect(snapshot.sections[.emailProvider] == json(#"{"name":"smtp","enabled":true}"#))
            #expect(snapshot.sections[.logStreams] == json("""
                [{"id":"lst_1","name":"SIEM","type":"http","sink":{"httpEndpoint":"https://siem.acme.example","httpAuthorization":"<redacted>",
                  "httpCustomHeaders":[{"header":"X-Api-Key","value":"<redacted>"}]}}]
                """))
            // One call per list (each fits a page), for the one connection's clients, and the rest: the fewest the API allows.
            #expect(api.requests.count == 1 + 1 + 1 + Self.otherReads)
        }
    }

    @Test func aSocialConnectionsClientSecretIsNotInWhatTheReaderReturns() async throws {
        let snapshot = try await withEmulator(seed: try TestFiles.acmeDevSnapshot) { _, client in
            _ = try await client.send(APIRequest("POST", "connections", body: json("""
                {"name":"google-oauth2","strategy":"google-oauth2","options":{"client_id":"google-client-id","client_secret":"google-client-secret-value","scope":["email"]}}
                """)))
            return try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com")
        }
        let google = snapshot.sections[.connections]?.arrayValue?.first { $0["name"] == .string("google-oauth2") }
        #expect(google?["options"]?["client_id"] == .string("google-client-id"))
        let secretKept = text(snapshot.sections[.connections] ?? .null).contains("google-client-secret-value")
        #expect(secretKept == false, "options.client_secret of google-oauth2 was read")
    }

    @Test func listsLongerThanAPageAreReadWholeAndSorted() async throws {
        // 230 clients (3 pages of 100) and 120 connections (2 checkpoint pages), created in reverse name order.
        let clients = (0..<230).reversed().map { i in JSONValue.object(["client_id": .string(String(format: "client%03d", i)), "name": .string(String(format: "Client %03d", i))]) }
        let connections = (0..<120).reversed().map { i in
            JSONValue.object(["id": .string(String(format: "con_%03d", i)), "name": .string(String(format: "db-%03d", i)), "strategy": .string("auth0"),
                              "enabled_clients": .array([.string(String(format: "client%03d", i))])])
        }
        let seed = JSONValue.object(["format_version": .number(1), "domain": .string("acme-dev.eu.auth0.com"), "clients": .array(clients),
                                     "connections": .array(connections), "tenant_settings": json(#"{"friendly_name":"Big"}"#)])
        let (snapshot, statistics) = try await withEmulator(seed: seed.encoded()) { _, client in
            (try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com"), await client.statistics)
        }
        #expect(snapshot.sections[.clients]?.arrayValue?.map { $0["name"]?.stringValue ?? "" } == ["All Applications"] + (0..<230).map { String(format: "Client %03d", $0) })
        let read = snapshot.sections[.connections]?.arrayValue ?? []
        #expect(read.map { $0["name"]?.stringValue ?? "" } == (0..<120).map { String(format: "db-%03d", $0) })
        #expect(read.map { $0["enabled_clients"] } == (0..<120).map { .array([.string(String(format: "client%03d", $0))]) })
        // clients 3 pages + connections 2 pages + 120 enabled-client lists + resource servers, grants, rules,
        // rules configs, actions 1 each + 6 triggers + settings, email provider, log streams, organizations, roles,
        // hooks 1 each + the 14 collections of issue 14, 1 each (empty).
        #expect(statistics.requests == ["GET": 3 + 2 + 120 + Self.otherReads])
        #expect(statistics.retries == 0)
    }

    @Test func aMissingScopeStopsTheReadWithTheScopeToGrant() async throws {
        await #expect(throws: ManagementAPIError.missingScopes(["read:log_streams"])) {
            try await withEmulator(seed: try TestFiles.acmeDevSnapshot, configure: { $0.grantedScopes = Self.allScopes.filter { $0 != "read:log_streams" } }) { _, client in
                try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com")
            }
        }
    }

    @Test func onlyA404OnTheEmailProviderMeansNoneOtherErrorsStopTheRead() async throws {
        await #expect(throws: ManagementAPIError.missingScopes(["read:email_provider"])) {
            try await withEmulator(seed: try TestFiles.acmeDevSnapshot, configure: { $0.grantedScopes = Self.allScopes.filter { $0 != "read:email_provider" } }) { _, client in
                try await LiveTenantReader(client: client).read(domain: "acme-dev.eu.auth0.com")
            }
        }
    }
}
