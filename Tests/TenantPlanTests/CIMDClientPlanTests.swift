import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// A Client ID Metadata Document (CIMD) client: registered from its document's URL (`POST /clients/cimd/register`,
/// the URL alone), then given what else the files say; the URL is never sent in an update, and another URL is
/// another client.
@Suite struct CIMDClientPlanTests {
    typealias F = PlanFixtures
    static let url = "https://mcp.example.com/.well-known/client.json"
    static let yaml = "clients:\n  - name: MCP Server\n    external_client_id: \(url)\n    app_type: regular_web\n    grant_types: [authorization_code]\n"

    @Test func aNewOneIsRegisteredThenGivenTheRest() throws {
        let plan = try F.plan(F.tenant(Self.yaml), F.snapshot([:]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /clients/cimd/register", "PATCH /clients/{{ref:clients/MCP Server}}"])
        #expect(plan.steps[0].body == .object(["external_client_id": .string(Self.url)]))
        #expect(plan.steps[0].produces?.field == "client_id")
        #expect(plan.steps[1].body == F.object(#"{"name":"MCP Server","app_type":"regular_web","grant_types":["authorization_code"]}"#))
        #expect(plan.steps[1].dependsOn == [1])
        #expect(plan.summary.add == 1 && plan.summary.change == 0)
    }

    @Test func aRegisteredOneIsUpdatedWithoutItsURL() throws {
        let live = F.snapshot([.clients: F.object(#"[{"client_id":"cimd1","name":"MCP Server","external_client_id":"\#(Self.url)","app_type":"regular_web","grant_types":["authorization_code","refresh_token"]}]"#)])
        let plan = try F.plan(F.tenant(Self.yaml), live)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["PATCH /clients/cimd1"])
        #expect(plan.steps[0].body == F.object(#"{"grant_types":["authorization_code"]}"#))
        let same = F.snapshot([.clients: F.object(#"[{"client_id":"cimd1","name":"MCP Server","external_client_id":"\#(Self.url)","app_type":"regular_web","grant_types":["authorization_code"]}]"#)])
        #expect(try F.plan(F.tenant(Self.yaml), same).isEmpty)
    }

    @Test func anotherURLIsAnotherClient() throws {
        let live = F.snapshot([.clients: F.object(#"[{"client_id":"cimd1","name":"MCP Server","external_client_id":"https://old.example.com/client.json","app_type":"regular_web","grant_types":["authorization_code"]}]"#)])
        let plan = try F.plan(F.tenant(Self.yaml), live)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["DELETE /clients/cimd1", "POST /clients/cimd/register", "PATCH /clients/{{ref:clients/MCP Server}}"])
        #expect(plan.steps[0].notes.first?.contains("`external_client_id` cannot change in place") == true, "\(plan.steps[0].notes)")
        #expect(plan.steps[1].body == .object(["external_client_id": .string(Self.url)]))
    }

    @Test func anOrdinaryClientIsCreatedAsBefore() throws {
        let plan = try F.plan(F.tenant("clients:\n  - name: Web\n    app_type: spa\n"), F.snapshot([:]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /clients"])
    }
}
