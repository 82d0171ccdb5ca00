import APIJSON
import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// Fields the Deploy CLI's files write in a form the API does not take as is: a former field name, a fractional
/// session lifetime, flags only Auth0 sets, a log stream's status on create.
@Suite struct DeployCLIFieldFormsTests {
    typealias F = PlanFixtures

    // MARK: - A client's `cross_origin_auth`

    @Test func aFormerFieldNameIsSentUnderItsCurrentName() throws {
        let tenant = F.tenant("clients:\n  - name: Web\n    app_type: spa\n    cross_origin_auth: true\n")
        let note = try #require(tenant.findings.first { $0.rule == "former-field-name" })
        #expect(note.severity == .note && note.location?.line == 4)
        #expect(note.message == "`cross_origin_auth` of client `Web` is the former name of `cross_origin_authentication`: tenantctl sends it as `cross_origin_authentication`; rename it in the file when convenient")
        let plan = try F.plan(tenant, F.snapshot([:]))
        #expect(plan.steps.first?.body?["cross_origin_authentication"] == .bool(true))
        #expect(plan.steps.first?.body?["cross_origin_auth"] == nil)
    }

    @Test func bothNamesAgreeingIsNoteOnlyDisagreeingIsAnError() throws {
        let agreeing = F.tenant("clients:\n  - name: Web\n    cross_origin_auth: false\n    cross_origin_authentication: false\n")
        #expect(agreeing.findings.filter { $0.severity == .error }.isEmpty)
        let disagreeing = F.tenant("clients:\n  - name: Web\n    cross_origin_auth: true\n    cross_origin_authentication: false\n")
        let error = try #require(disagreeing.findings.first { $0.rule == "conflicting-fields" })
        #expect(error.severity == .error && error.location?.line == 3)
    }

    @Test func theLiveFormerFieldIsNeverADifference() throws {
        let live = F.snapshot([.clients: F.object(#"[{"client_id":"c1","name":"Web","cross_origin_auth":true,"cross_origin_authentication":true}]"#)])
        #expect(try F.plan(F.tenant("clients:\n  - name: Web\n    cross_origin_auth: true\n"), live).isEmpty)
        let plan = try F.plan(F.tenant("clients:\n  - name: Web\n    cross_origin_authentication: false\n"), live)
        #expect(plan.steps.map { $0.body } == [F.object(#"{"cross_origin_authentication":false}"#)])
    }

    // MARK: - Tenant settings

    @Test func aFractionalSessionLifetimeIsSentInMinutes() throws {
        let tenant = F.tenant("tenant:\n  session_lifetime: 3.0166666666666666\n  idle_session_lifetime: 1\n")
        let plan = try F.plan(tenant, F.snapshot([:]))
        #expect(plan.steps.first?.body == F.object(#"{"session_lifetime_in_minutes":181,"idle_session_lifetime":1}"#))
        #expect(plan.steps.first?.changes.map(\.path).sorted() == ["idle_session_lifetime", "session_lifetime"], "the plan shows what the files say")
        let live = F.snapshot([.tenantSettings: F.object(#"{"session_lifetime":3.0166666666666666,"idle_session_lifetime":1}"#)])
        #expect(try F.plan(tenant, live).isEmpty, "the API answers hours")
    }

    @Test func flagsOnlyAuth0SetsAreNeitherSentNorCompared() throws {
        let tenant = F.tenant("tenant:\n  flags:\n    universal_login: true\n    enable_sso: true\n")
        let live = F.snapshot([.tenantSettings: F.object(#"{"flags":{"universal_login":false,"enable_sso":false}}"#)])
        let plan = try F.plan(tenant, live)
        #expect(plan.steps.first?.body == F.object(#"{"flags":{"enable_sso":true}}"#))
        let same = F.snapshot([.tenantSettings: F.object(#"{"flags":{"universal_login":false,"enable_sso":true}}"#)])
        #expect(try F.plan(tenant, same).isEmpty)
    }

    // MARK: - A log stream's status

    @Test func anActiveLogStreamIsCreatedWithoutItsStatus() throws {
        let yaml = "logStreams:\n  - name: Bridge\n    type: eventbridge\n    status: active\n    sink: {awsAccountId: '123456789012', awsRegion: us-east-2}\n"
        let plan = try F.plan(F.tenant(yaml), F.snapshot([:]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /log-streams"])
        #expect(plan.steps[0].body?["status"] == nil)
        #expect(plan.steps[0].changes.contains { $0.path == "status" }, "the plan still shows it")
    }

    @Test func aPausedLogStreamIsSetSoRightAfterItsCreate() throws {
        let yaml = "logStreams:\n  - name: Bridge\n    type: eventbridge\n    status: paused\n    sink: {awsAccountId: '123456789012', awsRegion: us-east-2}\n"
        let plan = try F.plan(F.tenant(yaml), F.snapshot([:]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /log-streams", "PATCH /log-streams/{{ref:logStreams/Bridge}}"])
        #expect(plan.steps[1].body == F.object(#"{"status":"paused"}"#))
        #expect(plan.steps[1].dependsOn == [1])
        #expect(plan.steps[1].notes == ["`status` cannot be given when a log stream is created: set right after."])
    }
}
