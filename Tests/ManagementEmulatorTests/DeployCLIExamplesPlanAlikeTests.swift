import APIJSON
import Foundation
import ManagementAPI
import ManagementEmulator
import TenantConfig
@testable import TenantPlan
import Testing

/// The Deploy CLI's two examples, its directory format (`a0deploy/examples-directory`) and its YAML
/// (`a0deploy/examples-yaml.tenant.yaml`), each loaded with the settings `tenantctl init` makes of their
/// `config.json.example`: every resource the two describe alike is planned with the same calls against the same fresh
/// tenant. (Their content differs elsewhere: the examples were written apart.) It sits in this target because the
/// reference folder is located here and in TenantConfigTests only (CI checks so).
@Suite struct DeployCLIExamplesPlanAlikeTests {
    static let a0deploy = RecordedInteractionsTests.referenceRoot.appendingPathComponent("a0deploy")
    static let isPresent = FileManager.default.fileExists(atPath: a0deploy.appendingPathComponent("examples-directory/tenant.json").path)
        && FileManager.default.fileExists(atPath: a0deploy.appendingPathComponent("examples-yaml.tenant.yaml").path)
    static let whyAbsent = RecordedInteractionsTests.absence("the Deploy CLI's two examples in \(a0deploy.path)", then: "CI runs it with them")

    struct StillUnresolved: Error { var leftOut: [ResourceAddress] }

    /// The calls planned for each resource, the tenant planned without what `leftOut` names; a resource naming what
    /// is not there joins `leftOut`, and the plan is made again.
    static func steps(_ given: TenantDefinition, planner: Planner, against fresh: TenantSnapshot, leftOut: inout Set<ResourceAddress>) throws -> [ResourceAddress: [String]] {
        for _ in 0..<50 {
            var tenant = given
            let excluded = leftOut
            tenant.resources = tenant.resources.filter { !excluded.contains(ResourceAddress($0.kind, $0.key)) }
            let plan: Plan
            do {
                plan = try planner.plan(tenant, against: fresh, liveSource: "a fresh tenant")
            } catch {
                guard case .unresolvedReference(let address, _, _, _) = error else { throw error }
                leftOut.insert(address)
                continue
            }
            return Dictionary(grouping: plan.steps, by: \.resource).mapValues { steps in
                steps.map { "\($0.action) \($0.method) \($0.path) \($0.body.map { String(decoding: $0.encoded(), as: UTF8.self) } ?? "-")" }
            }
        }
        throw StillUnresolved(leftOut: leftOut.sorted())
    }

    @Test(.enabled(if: isPresent, "\(whyAbsent)"))
    func resourcesBothExamplesDescribeAlikeArePlannedAlike() async throws {
        let configText = try String(contentsOf: Self.a0deploy.appendingPathComponent("examples-directory/config.json.example"), encoding: .utf8)
        let config = try DeployCLIConfig.parse(configText, file: "config.json.example")
        // Any value stands for a secret here; every keyword either example uses gets one, so both load whole.
        var environment = config.secretValues.mapValues { _ in "example-secret-value" }
        for name in ["ENV", "AUTH0_DOMAIN", "SETUP_CONFIG", "MY_CLIENT_ID", "JWT_SECRET"] where environment[name] == nil {
            environment[name] = "example-\(name.lowercased())"
        }
        environment[DigestKey.variable] = "example-digest-key-0123456789abcdef0123456789"
        let loader = TenantLoader(environment: environment)
        let directory = loader.load(Self.a0deploy.appendingPathComponent("examples-directory").path, settings: config.settings)
        let yaml = loader.load(Self.a0deploy.appendingPathComponent("examples-yaml.tenant.yaml").path, settings: config.settings)

        var configuration = EmulatorConfiguration()
        configuration.rate = 10_000
        configuration.burst = 10_000
        let emulator = try await ManagementEmulator.start(configuration)
        let client = ManagementClient(endpoint: try ManagementEndpoint(domain: emulator.baseURL),
                                      credentials: .clientCredentials(id: configuration.clientID, secret: configuration.clientSecret))
        let fresh: TenantSnapshot
        do { fresh = try await LiveTenantReader(client: client).read(domain: configuration.domain) } catch {
            await client.shutdown()
            await emulator.stop()
            throw error
        }
        await client.shutdown()
        await emulator.stop()

        func described(_ tenant: TenantDefinition) -> [ResourceAddress: JSONValue] {
            let managed = tenant.settings.managed.intersection(tenant.declaredSections)
            return Dictionary(DesiredState.resources(of: tenant).filter { managed.contains($0.address.kind) }.map {
                ($0.address, JSONValue.object(["payload": .object($0.payload), "items": .object($0.subItems.mapValues(JSONValue.array)),
                                          "bindings": .array($0.bindings.map { .string("\($0.action) as \($0.displayName)") })]))
            }, uniquingKeysWith: { first, _ in first })
        }
        let fromDirectory = described(directory), fromYAML = described(yaml)
        var alike = Set(fromDirectory.keys.filter { fromYAML[$0] == fromDirectory[$0] })
        #expect(alike.count >= 20, "the examples share resources: \(alike.sorted())")

        // Neither example plans whole (a grant of the directory example names a client it never declares): a resource
        // naming what its example lacks is left out of both, until each plans.
        let planner = Planner(environment: environment, allowMissingSecrets: true)
        var leftOut: Set<ResourceAddress> = []
        _ = try Self.steps(directory, planner: planner, against: fresh, leftOut: &leftOut)
        _ = try Self.steps(yaml, planner: planner, against: fresh, leftOut: &leftOut)
        alike.subtract(leftOut)
        // Planned again with the same resources left out of both.
        let directorySteps = try Self.steps(directory, planner: planner, against: fresh, leftOut: &leftOut)
        let yamlSteps = try Self.steps(yaml, planner: planner, against: fresh, leftOut: &leftOut)
        #expect(leftOut.count < 10, "\(leftOut.sorted())")
        for address in alike.sorted() {
            #expect(directorySteps[address] == yamlSteps[address], "\(address)")
        }
        #expect(alike.filter { directorySteps[$0] != nil }.count >= 10, "and they are planned: \(alike.sorted())")
    }
}
