import APIJSON
import ManagementAPI
import TenantConfig
import Testing

/// Redacts as the live reader does: by the type's descriptor.
private func redact(_ kind: ResourceKind, _ value: JSONValue) -> JSONValue { Redaction.redact(value, as: kind.type) }

/// What `Redaction` drops or masks (from each descriptor's secret fields), and what it must keep (names, non-secret settings).
@Suite struct RedactionTests {
    @Test func aClientLosesItsSecretSigningKeysAndEncryptionKeyAndKeepsTheRest() {
        let client = json("""
            {"client_id":"abc","name":"Acme Web","client_secret":"cs-very-secret","callbacks":["https://a/cb"],
             "signing_keys":[{"cert":"-----BEGIN CERTIFICATE-----","pkcs7":"x","subject":"/CN=acme"}],
             "encryption_key":{"pub":"p","cert":"c"},"jwt_configuration":{"alg":"RS256"}}
            """)
        #expect(redact(.clients, client) == json("""
            {"client_id":"abc","name":"Acme Web","callbacks":["https://a/cb"],"jwt_configuration":{"alg":"RS256"}}
            """))
    }

    @Test func aResourceServerLosesItsSigningSecret() {
        let server = json(#"{"id":"rs1","identifier":"https://orders","signing_alg":"HS256","signing_secret":"rs-signing-secret"}"#)
        #expect(redact(.resourceServers, server) == json(#"{"id":"rs1","identifier":"https://orders","signing_alg":"HS256"}"#))
    }

    @Test func anActionKeepsItsSecretsNamesButNotTheirValues() {
        let action = json("""
            {"id":"a1","name":"audit","code":"exports.x=1","secrets":[
              {"name":"API_KEY","value":"action-secret-1","updated_at":"2026-01-01T00:00:00Z"},
              {"name":"WEBHOOK","value":"action-secret-2"}]}
            """)
        #expect(redact(.actions, action) == json("""
            {"id":"a1","name":"audit","code":"exports.x=1","secrets":[{"name":"API_KEY","updated_at":"2026-01-01T00:00:00Z"},{"name":"WEBHOOK"}]}
            """))
    }

    @Test func anActionWithoutSecretsIsUnchanged() {
        #expect(redact(.actions, json(#"{"name":"audit"}"#)) == json(#"{"name":"audit"}"#))
    }

    @Test func theEmailProviderLosesItsCredentials() {
        let provider = json("""
            {"name":"smtp","enabled":true,"default_from_address":"no-reply@acme.example",
             "credentials":{"smtp_host":"smtp.acme.example","smtp_port":587,"smtp_user":"mailer","smtp_pass":"email-secret"},
             "settings":{"headers":{"X-Tag":"auth"}}}
            """)
        #expect(redact(.emailProvider, provider) == json("""
            {"name":"smtp","enabled":true,"default_from_address":"no-reply@acme.example","settings":{"headers":{"X-Tag":"auth"}}}
            """))
    }

    @Test func aLogStreamSinksKeysTokensSecretsAndAuthorizationAreRedactedAndItsSettingsKept() {
        let datadog = json("""
            {"id":"lst_1","name":"Datadog","type":"datadog","status":"active",
             "sink":{"datadogApiKey":"dd-api-key","datadogRegion":"eu"}}
            """)
        #expect(redact(.logStreams, datadog) == json("""
            {"id":"lst_1","name":"Datadog","type":"datadog","status":"active","sink":{"datadogApiKey":"<redacted>","datadogRegion":"eu"}}
            """))

        let others = json("""
            {"name":"Many","type":"x","sink":{"splunkToken":"t1","splunkDomain":"splunk.acme.example","segmentWriteKey":"k1",
             "mixpanelServiceAccountPassword":"p1","mixpanelServiceAccountUsername":"svc","clientSecret":"s1","httpAuthorization":"Bearer a1"}}
            """)
        #expect(redact(.logStreams, others) == json("""
            {"name":"Many","type":"x","sink":{"splunkToken":"<redacted>","splunkDomain":"splunk.acme.example","segmentWriteKey":"<redacted>",
             "mixpanelServiceAccountPassword":"<redacted>","mixpanelServiceAccountUsername":"svc","clientSecret":"<redacted>","httpAuthorization":"<redacted>"}}
            """))
    }

    @Test func httpCustomHeaderValuesAreRedactedAndTheirNamesKept() {
        let stream = json("""
            {"name":"SIEM","type":"http","sink":{"httpEndpoint":"https://siem.acme.example/ingest","httpContentType":"application/json",
             "httpContentFormat":"JSONLINES","httpAuthorization":"Bearer siem-token",
             "httpCustomHeaders":[{"header":"X-Api-Key","value":"header-secret-1"},{"header":"X-Tenant","value":"acme"}]}}
            """)
        #expect(redact(.logStreams, stream) == json("""
            {"name":"SIEM","type":"http","sink":{"httpEndpoint":"https://siem.acme.example/ingest","httpContentType":"application/json",
             "httpContentFormat":"JSONLINES","httpAuthorization":"<redacted>",
             "httpCustomHeaders":[{"header":"X-Api-Key","value":"<redacted>"},{"header":"X-Tenant","value":"<redacted>"}]}}
            """))
    }

    @Test func aCustomHeaderThatIsNotAnObjectIsRedactedWhole() {
        let stream = json(#"{"name":"S","sink":{"httpCustomHeaders":["X-Api-Key: header-secret",{"header":"X-Empty"}]}}"#)
        #expect(redact(.logStreams, stream) == json(#"{"name":"S","sink":{"httpCustomHeaders":["<redacted>",{"header":"X-Empty"}]}}"#))
    }

    @Test func aSumoLogicSourceAddressHoldsItsTokenAndIsRedacted() {
        let stream = json(#"{"name":"Sumo","type":"sumo","sink":{"sumoSourceAddress":"https://collectors.sumologic.com/receiver/v1/http/ZaVnC4dhaV3-token"}}"#)
        #expect(redact(.logStreams, stream) == json(#"{"name":"Sumo","type":"sumo","sink":{"sumoSourceAddress":"<redacted>"}}"#))
    }

    @Test func aConnectionsIdentityProviderSecretsAreDroppedAndItsSettingsKept() {
        let google = json(#"{"name":"google-oauth2","strategy":"google-oauth2","options":{"client_id":"g-id","client_secret":"g-secret","scope":["email"],"passwordPolicy":"good"}}"#)
        #expect(redact(.connections, google) == json(#"{"name":"google-oauth2","strategy":"google-oauth2","options":{"client_id":"g-id","client_secret":"<redacted>","scope":["email"],"passwordPolicy":"good"}}"#))
        let twitter = json(#"{"name":"twitter","options":{"consumer_key":"k","consumer_secret":"s"}}"#)
        #expect(redact(.connections, twitter) == json(#"{"name":"twitter","options":{"consumer_key":"k","consumer_secret":"<redacted>"}}"#))
        let database = json(#"{"name":"db","options":{"configuration":{"API_KEY":"2.0$ciphertext"}}}"#)
        #expect(redact(.connections, database) == database, "configuration is ciphertext, compared by digest, kept")
    }

    @Test func aLogStreamWithoutASinkIsUnchanged() {
        let stream = json(#"{"name":"S","type":"http","status":"paused"}"#)
        #expect(redact(.logStreams, stream) == stream)
    }

    @Test func valuesThatAreNotObjectsPassThrough() {
        for kind in ResourceKind.allCases {
            #expect(redact(kind, .null) == .null)
            #expect(redact(kind, .string("x")) == .string("x"))
        }
    }
}
