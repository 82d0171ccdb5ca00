import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

private typealias F = PlanFixtures

/// Drift is read from the plan that would repair it: one entry per resource, with the fields that differ.
@Suite struct DriftReportTests {
    @Test func noStepsIsNoDrift() throws {
        let plan = try F.plan(F.tenant("clients:\n  - name: Web\n    app_type: spa\n"), F.snapshot([.clients: F.object(#"[{"client_id":"c1","name":"Web","app_type":"spa"}]"#)]))
        let report = DriftReport(plan: plan, owners: ["@acme/identity"])
        #expect(!report.hasDrift)
        #expect(DriftRenderer(format: .text).render(report) == "No drift: acme-test.eu.auth0.com matches acme-test.\n")
    }

    @Test func eachResourceIsOneEntryWithItsKindAndFields() throws {
        let tenant = F.tenant("""
        clients:
          - name: Web
            app_type: spa
            callbacks: [https://a.example/callback]
        actions:
          - name: restrict
            code: ./code.js
            supported_triggers: [{id: post-login, version: v3}]
        """, files: ["code.js": "exports.onExecutePostLogin = async (event, api) => {};\n"],
        settings: "domain: acme-test.eu.auth0.com\nallow_deletes: true\nmanaged: [clients, actions]\n")
        let live = F.snapshot([.clients: F.object(#"""
            [{"client_id":"c1","name":"Web","app_type":"regular_web","callbacks":["https://b.example/callback"]},
             {"client_id":"c2","name":"Dashboard Made"}]
            """#)])
        let plan = try F.plan(tenant, live)
        let report = DriftReport(plan: plan, owners: ["@acme/identity"])
        #expect(report.entries.map(\.resource.description).sorted() == ["actions/restrict", "clients/Dashboard Made", "clients/Web"])
        let byName = Dictionary(uniqueKeysWithValues: report.entries.map { ($0.resource.key, $0) })
        #expect(byName["Web"]?.kind == .changed)
        #expect(Set(byName["Web"]?.fields ?? []) == ["app_type", "callbacks"])
        #expect(byName["restrict"]?.kind == .missing, "a create and its deploy are one missing action")
        #expect(byName["restrict"]?.fields == [])
        #expect(byName["Dashboard Made"]?.kind == .extra)
    }

    @Test func theMessageNamesWhatDriftedWhoCanFixItAndHow() throws {
        let plan = try F.plan(F.tenant("clients:\n  - name: Web\n    callbacks: [https://a.example/cb]\n"),
                              F.snapshot([.clients: F.object(#"[{"client_id":"c1","name":"Web","callbacks":["https://evil.example/cb"]},{"client_id":"c2","name":"Other"}]"#)]))
        let text = DriftRenderer(format: .text).render(DriftReport(plan: plan, owners: ["@acme/identity", "oncall@acme.example"]))
        #expect(text.contains("Drift on acme-test.eu.auth0.com: 1 resource differs from acme-test (live state: snapshot test, read at 2026-11-22T00:00:00Z)."))
        #expect(text.contains("  ~ clients/Web: changed: callbacks\n"))
        #expect(text.contains("Also on the tenant only, left alone: clients/Other."))
        #expect(text.contains("Who can fix it: @acme/identity, oncall@acme.example (owners in acme-test/tenantctl.yaml)"))
        #expect(text.contains("tenantctl plan acme-test --out plan.json"))
        let unowned = DriftRenderer(format: .markdown).render(DriftReport(plan: plan, owners: []))
        #expect(unowned.contains("| ~ | `clients/Web` | changed: `callbacks` |"))
        #expect(unowned.contains("name the owners with `owners:` in acme-test/tenantctl.yaml"))
    }

    @Test func longFieldListsAreShortened() {
        let entry = DriftReport.Entry(resource: ResourceAddress(.clients, "Web"), kind: .changed, fields: (1...10).map { "f\($0)" })
        var report = DriftReport(plan: Plan.empty, owners: [])
        report.entries = [entry]
        let text = DriftRenderer(format: .text).render(report)
        #expect(text.contains("changed: f1, f2, f3, f4, f5, f6, f7, f8 and 2 more"))
    }
}

extension Plan {
    /// A plan with no steps, for building reports by hand.
    static var empty: Plan {
        Plan(formatVersion: Plan.formatVersion, tenant: "t", directory: "tenants/t", domain: "t.example", liveSource: "snapshot", liveEndpoint: nil,
             managedKinds: nil, liveReadAt: "now", desiredDigest: "", stepsDigest: PlanComparison.digest([]), fingerprints: [:], secrets: [], unresolvedSecrets: [], steps: [], kept: [],
             summary: PlanSummary(add: 0, change: 0, destroy: 0))
    }
}
