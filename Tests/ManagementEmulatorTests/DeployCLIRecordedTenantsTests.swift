import APIJSON
import Foundation
import ManagementAPI
import ManagementEmulator
import TenantConfig
import TenantPlan
import Testing

/// The real tenant of each of the Deploy CLI's recordings (the reference folder's `a0deploy/recordings`), rebuilt
/// from its recorded answers (`DeployCLIRecordedTenantSeed`), read and exported as `tenantctl export` does, and the
/// export planned against the tenant read again: No changes.
@Suite struct DeployCLIRecordedTenantsTests {
    static let source = DeployCLIRecordingsTests.source
    static let sourceIsPresent = DeployCLIRecordingsTests.sourceIsPresent

    @Test(.enabled(if: sourceIsPresent, "\(DeployCLIRecordingsTests.absent)"), arguments: sourceIsPresent ? DeployCLIRecordingsTests.names(in: source) : [])
    func theRecordedTenantRoundTrips(_ name: String) async throws {
        let all = try #require(try JSONValue.parse(Data(contentsOf: Self.source.appendingPathComponent(name))).arrayValue)
        let exchanges = all.map { exchange in
            JSONValue.object((exchange.objectValue ?? [:]).filter { ["scope", "method", "path", "body", "status", "response"].contains($0.key) })
        }
        var configuration = EmulatorConfiguration()
        configuration.domain = "auth0-deploy-cli-e2e.us.auth0.com"
        configuration.rate = 10_000
        configuration.burst = 10_000
        let seed = DeployCLIRecordedTenantSeed.seed(exchanges)
        configuration.seed = seed.encoded()
        let emulator = try await ManagementEmulator.start(configuration)
        let client = ManagementClient(endpoint: try ManagementEndpoint(domain: emulator.baseURL),
                                      credentials: .clientCredentials(id: configuration.clientID, secret: configuration.clientSecret))
        do {
            let domain = emulator.baseURL
            let exported = SnapshotExporter().export(try await LiveTenantReader(client: client).read(domain: domain))
            // The secrets the export names come from the environment; any value stands for them here.
            var environment = Dictionary(uniqueKeysWithValues: exported.keywords.map { ($0, "rebuilt-\($0.lowercased())") })
            environment[DigestKey.variable] = "rebuilt-digest-key-0123456789abcdef0123456789"
            let tenant = TenantLoader(fileSystem: InMemoryFileSystem(root: "out", textFiles: exported.files), environment: environment).load("out")
            #expect(tenant.findings.filter { $0.severity == .error }.map(\.message) == [], "\(name)")
            let live = try await LiveTenantReader(client: client).read(domain: domain)
            let plan = try Planner(environment: environment).plan(tenant, against: live, liveSource: "the rebuilt tenant")
            #expect(plan.steps.isEmpty, "\(name): \(plan.steps.map { "\($0.method) \($0.path) \($0.changes.map(\.path))" })")
            // The rebuilt tenant is the recorded one: every named object the recording read is in the export (the
            // tenant's own, Auth0's, are not: the global client and the Management API).
            let yaml = exported.files["tenant.yaml", default: ""]
            var named = 0
            for case .array(let objects) in (seed.objectValue ?? [:]).values {
                for object in objects where object["global"]?.boolValue != true && object["is_system"]?.boolValue != true {
                    guard let itemName = object["name"]?.stringValue else { continue }
                    named += 1
                    #expect(yaml.contains(itemName), "\(name): \(itemName) was read but not exported")
                }
            }
            #expect(named > 0, "\(name): nothing named was rebuilt")
        } catch {
            await client.shutdown()
            await emulator.stop()
            throw error
        }
        await client.shutdown()
        await emulator.stop()
    }
}
