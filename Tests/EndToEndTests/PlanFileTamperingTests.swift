import APIJSON
import Foundation
import TenantConfig
import TenantPlan
import Testing

/// A plan file is an expectation apply checks, not a script it runs: whoever produced it (a pull request's own
/// workflow run) may have edited it, so apply plans again from the files and the live state and refuses, before any
/// write, a plan file whose steps differ, naming the first difference.
@Suite(.serialized) struct PlanFileTamperingTests {
    let secret = ["LEGACY_API_CLIENT_SECRET": "e2e-known-secret-3f9a1c", "TENANTCTL_DIGEST_KEY": e2eDigestKey]
    static let tail = ". Apply runs only what the files say: a plan file is an expectation it checks, not a script it runs. Plan again and review the new plan"

    /// The edits an attacker makes to acme-dev's plan (1 PATCH API, 2 POST API, 3 PATCH connection, 4 PATCH grant,
    /// 5 PATCH tenant), each with the refusal apply prints.
    enum Edit: String, CaseIterable, CustomTestStringConvertible {
        case path, body, order, added, removed, replacedByABackdoorClient, placeholders

        var testDescription: String { rawValue }

        func apply(to steps: inout [PlanStep]) {
            switch self {
            case .path: steps[0].path = "/resource-servers/someone-elses-api"
            case .body: steps[4].body = .object(["friendly_name": .string("Owned")])
            case .order: steps.swapAt(3, 4)
            case .added: steps.insert(Self.backdoor(steps[1]), at: 0)
            case .removed: steps.remove(at: 2)
            case .replacedByABackdoorClient: steps[1] = Self.backdoor(steps[1])
            // The connection's index pointed at its login script, to send the Management API's secret there.
            case .placeholders: steps[2].placeholders = [StepPlaceholder(at: "/options/customScripts/login", secrets: ["AUTH0_CLIENT_SECRET"])]
            }
            for index in steps.indices { steps[index].number = index + 1 }
        }

        /// The attack: "create the resource server" turned into a machine-to-machine client nobody reviewed.
        static func backdoor(_ step: PlanStep) -> PlanStep {
            var step = step
            step.resource = ResourceAddress(.clients, "Backdoor")
            step.path = "/clients"
            step.body = .object(["name": .string("Backdoor"), "app_type": .string("non_interactive"), "grant_types": .array([.string("client_credentials")])])
            step.produces?.address = "clients/Backdoor"
            step.produces?.field = "client_id"
            step.changes = []
            return step
        }

        var refusal: String {
            let first = switch self {
            case .path:
                "step 1 (resourceServers/https://legacy-users.acme.example/api): the path differs: /resource-servers/someone-elses-api in the plan file, /resource-servers/5f1e2d3c4b5a69788796a5b4 from the files"
            case .body:
                "step 5 (tenant/tenant): the body differs at `friendly_name`"
            case .order:
                "step 4 of the plan file, PATCH /tenants/settings (tenant/tenant), is step 5 in the plan the files make (the order differs)"
            case .added:
                "step 1 of the plan file, POST /clients (clients/Backdoor), is not in the plan the files make (a step was added)"
            case .removed:
                "step 3 of the plan the files make, PATCH /connections/con_7Yb2KqLx9PzW4mNc (databases/legacy-users), is not in the plan file (a step was removed)"
            case .replacedByABackdoorClient:
                "step 2 (resourceServers/https://orders.acme.example/api): the path differs: /clients in the plan file, /resource-servers from the files"
            case .placeholders:
                "step 3 (databases/legacy-users): `placeholders` differs"
            }
            return "error: plan.json does not match the plan the files in dev make against the live tenant: \(first)\(PlanFileTamperingTests.tail)"
        }
    }

    func planned(_ fixture: EmulatorFixture) async throws -> URL {
        _ = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        let planned = try await fixture.run(["plan", "dev", "--out", "plan.json", "-q"], environment: secret)
        #expect(planned.status == 0, "\(planned.stderr)")
        return fixture.directory.appendingPathComponent("plan.json")
    }

    /// `apply plan.json` refused: exit 1, `message` as its last line, and the tenant untouched.
    func expectRefusedWithoutAWrite(_ fixture: EmulatorFixture, _ message: String, environment: [String: String]? = nil) async throws {
        let before = try await state(fixture)
        let applied = try await fixture.run(["apply", "plan.json"], environment: environment ?? secret)
        #expect(applied.status == 1)
        #expect(applied.stderr.split(separator: "\n").last.map(String.init) == message, "\(applied.stderr)")
        #expect(try await fixture.writes() == 0, "no write reached the tenant")
        #expect(try await state(fixture) == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent(".tenantctl/journal").path), "nothing was journaled")
    }

    /// The emulated tenant's resources: the snapshot without its time of reading, and connection configuration
    /// values (fresh ciphertext on every read, as the API sends them) by key only.
    func state(_ fixture: EmulatorFixture) async throws -> [String: JSONValue] {
        var snapshot = try await fixture.snapshot().objectValue ?? [:]
        snapshot["exported_at"] = nil
        snapshot["connections"] = snapshot["connections"]?.arrayValue.map { connections in
            .array(connections.map { connection in
                guard var object = connection.objectValue, var options = object["options"]?.objectValue,
                      let configuration = options["configuration"]?.objectValue else { return connection }
                options["configuration"] = .array(configuration.keys.sorted().map(JSONValue.string))
                object["options"] = .object(options)
                return .object(object)
            })
        }
        return snapshot
    }

    @Test(arguments: Edit.allCases)
    func anEditedPlanFileIsRefusedBeforeAnyWrite(_ edit: Edit) async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let file = try await planned(fixture)
        var plan = try PlanFile.decode(Data(contentsOf: file))
        edit.apply(to: &plan.steps)
        // The attacker knows the format: the digest is recomputed for the edited steps.
        plan.stepsDigest = PlanComparison.digest(plan.steps)
        try PlanFile.encode(plan).write(to: file)
        try await expectRefusedWithoutAWrite(fixture, edit.refusal)
    }

    @Test func aPlanFileWhoseTenantFolderIsAbsentIsRefusedUnread() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        _ = try await planned(fixture)
        try FileManager.default.moveItem(at: fixture.directory.appendingPathComponent("dev"), to: fixture.directory.appendingPathComponent("elsewhere"))
        let reads = try await fixture.statistics()["requests"]?["GET"]
        try await expectRefusedWithoutAWrite(fixture, "error: plan.json was made from the tenant folder dev, which is not here: apply checks every step of a plan file against what the files say, so it needs them. Run apply where `plan` ran (the same commit, from the same directory), or apply the folder itself: `tenantctl apply dev`")
        #expect(try await fixture.statistics()["requests"]?["GET"] == reads, "refused before reading the tenant")
    }

    @Test func aPlanFileOfTheOlderFormatIsRefused() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let file = try await planned(fixture)
        var json = try JSONValue.parse(Data(contentsOf: file)).objectValue ?? [:]
        json["format_version"] = .number(1)
        json["steps_digest"] = nil
        try JSONValue.object(json).encoded(pretty: true).write(to: file)
        try await expectRefusedWithoutAWrite(fixture, "error: plan.json: plan format_version 1 comes from an older tenantctl, whose plan files record no steps_digest and were applied as written; this tenantctl reads 3 and checks every step against the files: plan again with this version and review the new plan")
    }

    @Test func thePlanFilesDomainNeverChoosesWhereTheCredentialsGo() async throws {
        let fixture = try await EmulatorFixture.start()
        defer { Task { await fixture.stop() } }
        let dev = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        // The tenant's own settings name the (emulated) tenant; AUTH0_DOMAIN is not set, as in the CI recipe.
        let settings = dev.appendingPathComponent("tenantctl.yaml")
        try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "domain: acme-dev.eu.auth0.com", with: "domain: \(fixture.emulator.baseURL)")
            .write(to: settings, atomically: true, encoding: .utf8)
        let environment = secret.merging(["AUTH0_DOMAIN": ""]) { _, new in new }
        let planned = try await fixture.run(["plan", "dev", "--out", "plan.json", "-q"], environment: environment)
        #expect(planned.status == 0, "\(planned.stderr)")
        // The artifact now sends the token request, credentials included, to a host of the attacker's.
        let file = fixture.directory.appendingPathComponent("plan.json")
        var plan = try PlanFile.decode(Data(contentsOf: file))
        plan.domain = "collector.attacker.example"
        plan.liveEndpoint = "https://collector.attacker.example"
        try PlanFile.encode(plan).write(to: file)
        try await expectRefusedWithoutAWrite(fixture, "error: the plan is for https://collector.attacker.example but the credentials reach \(fixture.emulator.baseURL); pass --domain or AUTH0_DOMAIN for the tenant the plan was made against, or plan again", environment: environment)
    }
}
