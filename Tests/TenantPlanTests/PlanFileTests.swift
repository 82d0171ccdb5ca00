import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// Writing a plan file fails loudly: a plan the encoder refuses is an error naming the value, never a file holding
/// a lone newline.
@Suite struct PlanFileTests {
    typealias F = PlanFixtures

    @Test func aValueJSONCannotHoldIsAnErrorNamingWhereItIs() throws {
        // YAML reads 1e999 as infinity, which JSON has no way to write.
        let tenant = F.tenant("clients:\n  - name: A\n    jwt_configuration:\n      lifetime_in_seconds: 1e999\n")
        let plan = try F.plan(tenant, F.snapshot([:]))
        #expect(throws: PlanFile.WriteError.unencodable("Unable to encode Double.inf directly in JSON. at .steps[0].body.jwt_configuration.lifetime_in_seconds")) {
            try PlanFile.encode(plan)
        }
        #expect(PlanFile.WriteError.unencodable("why").description == "cannot encode the plan as JSON (why); nothing was written")
    }

    @Test func anEncodablePlanEndsWithOneNewline() throws {
        let plan = try F.plan(F.tenant("clients:\n  - name: A\n"), F.snapshot([:]))
        let text = String(decoding: try PlanFile.encode(plan), as: UTF8.self)
        #expect(text.hasPrefix("{\n") && text.hasSuffix("}\n"))
    }
}
