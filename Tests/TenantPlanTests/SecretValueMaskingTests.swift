import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

private typealias F = PlanFixtures

/// A secret keyword in a field the API returns in clear (the Deploy CLI's example writes a captcha provider's public
/// `site_key` as `##CAPTCHA_…_SITE_KEY##`, a name that makes it a secret): the live value is compared as the
/// keyword, so the same value is no change and a diff never prints it.
@Suite struct SecretValueMaskingTests {
    let live = F.snapshot([.connections: F.object(#"""
        [{"id":"con_g","name":"google-oauth2","strategy":"google-oauth2","enabled_clients":[],
          "options":{"client_id":"g-client-5f3a","scope":["email"]}}]
        """#)])

    func tenant(_ value: String) -> TenantDefinition {
        F.tenant("""
        connections:
          - name: google-oauth2
            strategy: google-oauth2
            options: {client_id: "##GOOGLE_CLIENT_KEY##", scope: [email]}
        """, environment: ["GOOGLE_CLIENT_KEY": value])
    }

    @Test func theSameValueIsNoChange() throws {
        let plan = try F.plan(tenant("g-client-5f3a"), live, environment: ["GOOGLE_CLIENT_KEY": "g-client-5f3a"])
        #expect(plan.steps.isEmpty, "\(plan.steps.map(\.changes))")
    }

    @Test func anotherValueIsAChangeThatNeverShowsIt() throws {
        let plan = try F.plan(tenant("g-client-new-9e1d"), live, environment: ["GOOGLE_CLIENT_KEY": "g-client-new-9e1d"])
        #expect(plan.steps.first?.changes.map(\.path) == ["options.client_id"])
        let encoded = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        #expect(!encoded.contains("g-client-new-9e1d"))
        #expect(encoded.contains("GOOGLE_CLIENT_KEY"))
    }

    @Test func onlyWholeValuesAreMasked() {
        let snapshot = F.snapshot([.tenantSettings: F.object(#"{"friendly_name":"abc","support_url":"https://abc.example"}"#)])
        let masked = snapshot.maskingSecretValues(["SITE_KEY": "abc", "EMPTY_KEY": ""])
        #expect(masked.sections[.tenantSettings] == F.object(#"{"friendly_name":"⟦secret:SITE_KEY⟧","support_url":"https://abc.example"}"#))
    }
}

extension SecretValueMaskingTests {
    /// A secret field's value written in clear (a custom database's `options.configuration`) is no keyword: the same
    /// text elsewhere on the tenant (an API's identifier) is left as it is and still names its resource.
    @Test func aLiteralInASecretFieldMasksNothing() throws {
        let live = F.snapshot([.resourceServers: F.object(#"[{"id":"rs_1","name":"Legacy","identifier":"https://legacy.example/api"}]"#)])
        let tenant = F.tenant("""
        resourceServers:
          - name: Legacy
            identifier: https://legacy.example/api
        databases:
          - name: users
            options:
              configuration:
                AUDIENCE: https://legacy.example/api
        """)
        let plan = try F.plan(tenant, live)
        #expect(!plan.steps.contains { $0.resource.kind == .resourceServers }, "\(plan.steps.map(\.resource))")
    }
}
