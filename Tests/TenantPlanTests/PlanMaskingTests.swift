import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// What a plan shows of a value: a connection's configuration and every declared secret field masked, other fields
/// named `…configuration` shown as they are.
@Suite struct PlanMaskingTests {
    typealias F = PlanFixtures

    @Test func aConnectionsConfigurationIsMaskedAndAClientsJWTConfigurationIsShown() throws {
        let yaml = """
        clients:
          - name: Web
            jwt_configuration: {alg: RS256, lifetime_in_seconds: 36000}
        databases:
          - name: legacy
            options:
              configuration: {API_URL: https://legacy.example, API_KEY: clear-api-key-81}
        """
        let plan = try F.plan(F.tenant(yaml), F.snapshot([:]))
        let client = try #require(plan.steps.first { $0.resource == ResourceAddress(.clients, "Web") })
        #expect(client.changes.first { $0.path == "jwt_configuration" }?.after == F.object(#"{"alg":"RS256","lifetime_in_seconds":36000}"#))
        let text = TextPlanRenderer(color: false).render(plan)
        #expect(!text.contains("clear-api-key-81") && !text.contains("https://legacy.example"))
        #expect(text.contains("(sensitive)"))
    }
}
