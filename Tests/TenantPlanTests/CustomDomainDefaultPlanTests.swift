import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// A custom domain's `is_default`: the tenant's default domain is set with `PATCH /custom-domains/default` naming
/// it, once it is verified; never in the domain's own body. Until it can be set, and when the files clear it (no call
/// clears it), the plan says so in a note.
@Suite struct CustomDomainDefaultPlanTests {
    typealias F = PlanFixtures

    static func yaml(_ domains: [(String, Bool)]) -> String {
        "customDomains:\n" + domains.map { "  - domain: \($0.0)\n    type: auth0_managed_certs\n    is_default: \($0.1)\n" }.joined()
    }

    static func live(_ domains: [(domain: String, status: String, isDefault: Bool)]) -> TenantSnapshot {
        let items = domains.enumerated().map { index, domain in
            #"{"custom_domain_id":"cd_\#(index)","domain":"\#(domain.domain)","type":"auth0_managed_certs","tls_policy":"recommended","primary":false,"status":"\#(domain.status)","is_default":\#(domain.isDefault)}"#
        }
        return F.snapshot([.customDomains: F.object("[\(items.joined(separator: ","))]")])
    }

    @Test func aVerifiedDomainIsMadeTheDefaultByNamingIt() throws {
        let plan = try F.plan(F.tenant(Self.yaml([("login.example.com", true)])), Self.live([("login.example.com", "ready", false)]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["PATCH /custom-domains/default"])
        #expect(plan.steps[0].body == F.object(#"{"domain":"login.example.com"}"#))
        #expect(plan.steps[0].changes.map(\.path) == ["is_default"])
        #expect(plan.steps[0].changes.first?.before == .bool(false) && plan.steps[0].changes.first?.after == .bool(true))
        #expect(plan.notes == nil)
    }

    @Test func theDefaultAsTheFilesSayIsNoChange() throws {
        let plan = try F.plan(F.tenant(Self.yaml([("login.example.com", true), ("id.example.com", false)])),
                              Self.live([("login.example.com", "ready", true), ("id.example.com", "ready", false)]))
        #expect(plan.isEmpty)
        #expect(plan.notes == nil)
    }

    @Test func aDomainNotVerifiedYetWaitsInANote() throws {
        let pending = try F.plan(F.tenant(Self.yaml([("login.example.com", true)])), Self.live([("login.example.com", "pending_verification", false)]))
        #expect(pending.isEmpty)
        #expect(pending.notes?.map(\.note) == ["`is_default` waits: it can be set once the custom domain's `status` is ready, and its `status` is pending_verification; publish the TXT record its `verification` names, verify the domain, then plan again."])
        let new = try F.plan(F.tenant(Self.yaml([("login.example.com", true)])), Self.live([]))
        #expect(new.steps.map { "\($0.method) \($0.path)" } == ["POST /custom-domains"])
        #expect(new.steps[0].body?["is_default"] == nil, "the API refuses it in a domain's body")
        #expect(new.notes?.first?.note.contains("this plan creates it") == true, "\(String(describing: new.notes))")
    }

    @Test func clearingTheDefaultIsANoteUnlessAnotherDomainTakesIt() throws {
        let live = Self.live([("login.example.com", "ready", true), ("id.example.com", "ready", false)])
        let cleared = try F.plan(F.tenant(Self.yaml([("login.example.com", false), ("id.example.com", false)])), live)
        #expect(cleared.isEmpty)
        #expect(cleared.notes?.map(\.resource.key) == ["login.example.com"])
        #expect(cleared.notes?.first?.note.hasPrefix("`is_default` stays true: no call clears it; set `is_default: true` on the custom domain") == true)
        let moved = try F.plan(F.tenant(Self.yaml([("login.example.com", false), ("id.example.com", true)])), live)
        #expect(moved.steps.map { "\($0.method) \($0.path) \($0.body?["domain"]?.stringValue ?? "")" } == ["PATCH /custom-domains/default id.example.com"])
        #expect(moved.notes == nil)
    }
}
