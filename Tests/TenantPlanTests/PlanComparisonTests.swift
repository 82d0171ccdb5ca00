import Crypto
import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// apply compares a plan file's steps with the plan the files make now and names the first difference.
@Suite struct PlanComparisonTests {
    typealias F = PlanFixtures

    /// Five steps: an API, a client, a connection, its enabled clients, a grant.
    static func made() throws -> Plan {
        let tenant = F.tenant("""
        clientGrants:
          - client_id: Worker
            audience: https://api.acme
            scope: [read:x]
        clients:
          - name: Worker
            app_type: non_interactive
            grant_types: [client_credentials]
        resourceServers:
          - identifier: https://api.acme
            name: API
            scopes: [{value: "read:x"}, {value: "write:x"}]
        databases:
          - name: users
            enabled_clients: [Worker]
        """)
        return try F.plan(tenant, F.snapshot([:]))
    }

    /// The plan as apply reads it back from its file.
    static func readBack(_ plan: Plan) throws -> Plan { try PlanFile.decode(PlanFile.encode(plan)) }

    func difference(_ edit: (inout [PlanStep]) -> Void, keepDigest: Bool = false) throws -> PlanDifference? {
        let plan = try Self.made()
        var file = try Self.readBack(plan)
        edit(&file.steps)
        // An attacker who knows the format records the digest of the edited steps; the steps still differ.
        let digest = keepDigest ? file.stepsDigest : PlanComparison.digest(file.steps)
        return PlanComparison.firstDifference(planFile: file.steps, recordedDigest: digest, files: plan.steps)
    }

    /// The steps digest as it was first defined: JSONEncoder (sorted keys) over the steps written and read back.
    static func digestAsDefined(_ steps: [PlanStep]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let readBack = try JSONDecoder().decode([PlanStep].self, from: encoder.encode(steps))
        return "sha256:" + SHA256.hash(data: try encoder.encode(readBack)).map { String(format: "%02x", $0) }.joined()
    }

    @Test func theStepsDigestIsTheDigestOfTheStepsAsThePlanFileWritesThem() throws {
        let plan = try Self.made()
        #expect(PlanComparison.digest(plan.steps) == (try Self.digestAsDefined(plan.steps)))
        // Nulls where a file may leave a value out, scripts, secrets, escapes: still the same text.
        var steps = plan.steps
        steps[0].body = .null
        steps[1].changes.append(FieldChange(path: "x", before: .null, after: .string("a \"b\"\n/c"), diff: "+line\n-line"))
        steps[2].body = .object(["options": .object(["customScripts": .object(["login": .string("function login() {\n\treturn '/a';\n}\n")])]),
                                 "n": .number(0.25), "list": .array([.null, .bool(true), .number(36000)])])
        #expect(PlanComparison.digest(steps) == (try Self.digestAsDefined(steps)))
        #expect(PlanComparison.asWritten(steps) == (try JSONDecoder().decode([PlanStep].self, from: JSONEncoder().encode(steps))))
    }

    @Test func aPlanFileReadBackIsThePlanTheFilesMake() throws {
        let plan = try Self.made()
        let file = try Self.readBack(plan)
        #expect(file.stepsDigest == plan.stepsDigest)
        #expect(plan.stepsDigest.hasPrefix("sha256:") && plan.stepsDigest.count == 71)
        #expect(PlanComparison.firstDifference(planFile: file.steps, recordedDigest: file.stepsDigest, files: plan.steps) == nil)
    }

    @Test func anEditedPathIsNamed() throws {
        let found = try difference { $0[0].path = "/clients" }
        #expect(found?.description == "step 1 (resourceServers/https://api.acme): the path differs: /clients in the plan file, /resource-servers from the files")
    }

    @Test func anEditedMethodIsNamed() throws {
        let found = try difference { $0[3].method = "PUT" }
        #expect(found?.description == "step 4 (databases/users): the method differs: PUT in the plan file, PATCH from the files")
    }

    @Test func anEditedBodyNamesTheFirstFieldThatDiffers() throws {
        #expect(try difference { $0[1].body = F.object(#"{"name":"Worker","app_type":"non_interactive","grant_types":["client_credentials","password"]}"#) }?.description
            == "step 2 (clients/Worker): the body differs at `grant_types`")
        #expect(try difference { $0[0].body = F.object(#"{"identifier":"https://api.acme","name":"API","scopes":[{"value":"read:x"},{"value":"admin"}]}"#) }?.description
            == "step 1 (resourceServers/https://api.acme): the body differs at `scopes[1].value`")
        #expect(try difference { $0[1].body = nil }?.description == "step 2 (clients/Worker): the body differs as a whole")
    }

    @Test func swappedStepsAreAnOrderDifference() throws {
        let found = try difference { $0.swapAt(0, 1) }
        #expect(found?.description == "step 1 of the plan file, POST /clients (clients/Worker), is step 2 in the plan the files make (the order differs)")
    }

    @Test func anAddedStepIsNamed() throws {
        // The issue's attack: a machine-to-machine client nobody reviewed, slipped in first.
        let found = try difference { steps in
            var evil = steps[1]
            evil.resource = ResourceAddress(.clients, "Backdoor")
            evil.body = F.object(#"{"name":"Backdoor","app_type":"non_interactive","grant_types":["client_credentials"]}"#)
            steps.insert(evil, at: 0)
            for index in steps.indices { steps[index].number = index + 1 }
        }
        #expect(found?.description == "step 1 of the plan file, POST /clients (clients/Backdoor), is not in the plan the files make (a step was added)")
        #expect(try difference { $0.append($0[1]) }?.description == "step 6 of the plan file, POST /clients (clients/Worker), is not in the plan the files make (a step was added)")
    }

    @Test func aRemovedStepIsNamed() throws {
        let found = try difference { $0.remove(at: 2) }
        #expect(found?.description == "step 3 of the plan the files make, POST /connections (databases/users), is not in the plan file (a step was removed)")
        #expect(try difference { $0.removeLast() }?.description == "step 5 of the plan the files make, POST /client-grants (clientGrants/Worker → https://api.acme), is not in the plan file (a step was removed)")
    }

    @Test func aReplacedStepIsNamedByItsFirstDifferingField() throws {
        // Turning "create the API" into "create a client" at the same place: the path is the first field that differs.
        let found = try difference { steps in
            steps[0].path = "/clients"
            steps[0].body = F.object(#"{"name":"Backdoor","app_type":"non_interactive"}"#)
        }
        #expect(found?.description == "step 1 (resourceServers/https://api.acme): the path differs: /clients in the plan file, /resource-servers from the files")
    }

    @Test func otherFieldsAndTheDigestAreChecked() throws {
        #expect(try difference { $0[4].dependsOn = [2] }?.description == "step 5 (clientGrants/Worker → https://api.acme): `depends_on` differs")
        #expect(try difference { $0[1].notes = ["nothing to see here"] }?.description == "step 2 (clients/Worker): `notes` differs")
        let plan = try Self.made()
        let found = PlanComparison.firstDifference(planFile: plan.steps, recordedDigest: "sha256:0000000000000000000000", files: plan.steps)
        #expect(found == .digest(recorded: "sha256:0000000000000000000000", computed: plan.stepsDigest))
        #expect(found?.description.hasSuffix("the file was edited after `tenantctl plan` wrote it") == true)
    }

    @Test func anEditKeepingTheOldDigestIsNamedTheSameWay() throws {
        // Editing without updating the digest is caught the same way: the steps are compared first.
        #expect(try difference({ $0[0].path = "/clients" }, keepDigest: true)?.description.contains("the path differs") == true)
    }

    @Test func olderPlanFilesAreRefusedWithTheReason() throws {
        var json = try JSONValue.parse(PlanFile.encode(try Self.made())).objectValue ?? [:]
        json["format_version"] = .number(1)
        #expect(throws: PlanFile.ReadError.olderVersion(1)) { try PlanFile.decode(JSONValue.object(json).encoded()) }
        #expect(PlanFile.ReadError.olderVersion(1).description == "plan format_version 1 comes from an older tenantctl, whose plan files record no steps_digest and were applied as written; this tenantctl reads 3 and checks every step against the files: plan again with this version and review the new plan")
        json["format_version"] = .number(2)
        #expect(throws: PlanFile.ReadError.olderVersion(2)) { try PlanFile.decode(JSONValue.object(json).encoded()) }
        #expect(PlanFile.ReadError.olderVersion(2).description == "plan format_version 2 comes from an older tenantctl, whose steps do not record where their placeholders sit; this tenantctl reads 3: plan again with this version and review the new plan")
    }
}
