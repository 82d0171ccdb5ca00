import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

private typealias F = PlanFixtures

/// Secrets the live tenant holds but tenantctl never reads (`<redacted>`): compared with a secret from the
/// environment they are not a change; absent from the files they are a loud removal.
@Suite struct WriteOnlySecretTests {
    let live = F.snapshot([.connections: F.object(#"""
        [{"id":"con_g","name":"google-oauth2","strategy":"google-oauth2","enabled_clients":[],
          "options":{"client_id":"g-id","client_secret":"<redacted>","scope":["email"]}}]
        """#)])

    @Test func aHiddenSecretAgainstASecretKeywordIsNoChange() throws {
        let tenant = F.tenant("""
        connections:
          - name: google-oauth2
            strategy: google-oauth2
            options: {client_id: g-id, client_secret: "##GOOGLE_SECRET##", scope: [email]}
        """, settings: "domain: acme-test.eu.auth0.com\nsecrets: [GOOGLE_SECRET]\n", environment: ["GOOGLE_SECRET": "s3cret"])
        let plan = try F.plan(tenant, live, environment: ["GOOGLE_SECRET": "s3cret"])
        #expect(plan.steps.isEmpty, "\(plan.steps.map(\.changes))")
    }

    @Test func anotherOptionChangeSendsTheSecretFromTheEnvironment() throws {
        let tenant = F.tenant("""
        connections:
          - name: google-oauth2
            strategy: google-oauth2
            options: {client_id: g-id, client_secret: "##GOOGLE_SECRET##", scope: [email, profile]}
        """, settings: "domain: acme-test.eu.auth0.com\nsecrets: [GOOGLE_SECRET]\n", environment: ["GOOGLE_SECRET": "s3cret"])
        let plan = try F.plan(tenant, live, environment: ["GOOGLE_SECRET": "s3cret"])
        #expect(plan.steps.count == 1)
        #expect(plan.steps.first?.changes.map(\.path) == ["options.scope"])
        #expect(plan.steps.first?.body?["options"]?["client_secret"] == .string("{{secret:GOOGLE_SECRET}}"))
    }

    @Test func aHiddenSecretMissingFromTheFilesIsALoudRemoval() throws {
        let tenant = F.tenant("""
        connections:
          - name: google-oauth2
            strategy: google-oauth2
            options: {client_id: g-id, scope: [email]}
        """)
        let plan = try F.plan(tenant, live)
        #expect(plan.steps.first?.changes.map(\.path) == ["options.client_secret"])
        #expect(plan.steps.first?.notes.contains { $0.contains("`client_secret`") && $0.contains("will be removed") } == true)
    }
}
