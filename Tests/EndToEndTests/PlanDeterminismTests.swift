import Foundation
import Testing

/// A plan is byte-identical when made twice from the same files and live state, by two processes: Swift seeds its
/// hashing per process, so dictionary order differs between them, and any output that follows it shows here. (Two
/// plans in one process share the seed and would agree even then.)
@Suite struct PlanDeterminismTests {
    let secrets = ["LEGACY_API_CLIENT_SECRET": "dev-only-test-secret", "ACCOUNTS_API_KEY": "dev-only-test-key", "TENANTCTL_DIGEST_KEY": e2eDigestKey]

    /// acme-dev with forty more clients and APIs, each with nested objects, so the plan has many steps and maps.
    func largeTenant(in directory: URL) throws -> URL {
        let tenant = directory.appendingPathComponent("acme-dev")
        try FileManager.default.copyItem(at: CLIProcess.packageRoot.appendingPathComponent("tenants/acme-dev"), to: tenant)
        let file = tenant.appendingPathComponent("tenant.yaml")
        var yaml = try String(contentsOf: file, encoding: .utf8)
        let clients = (1...40).map { n in
            """
              - name: Generated \(n)
                app_type: \(n.isMultiple(of: 2) ? "spa" : "regular_web")
                grant_types: [authorization_code, refresh_token]
                callbacks: ["https://app\(n).acme.example/callback"]
                client_metadata: {team: t\(n % 7), tier: "\(n % 3)", owner: o\(n)}
                jwt_configuration: {alg: RS256, lifetime_in_seconds: \(3600 + n)}

            """
        }.joined()
        let apis = (1...40).map { n in
            """
              - name: Generated API \(n)
                identifier: https://api\(n).acme.example
                scopes: [{value: "read:\(n)", description: read}, {value: "write:\(n)", description: write}]

            """
        }.joined()
        yaml = yaml.replacingOccurrences(of: "\nclients:\n", with: "\nclients:\n" + clients)
        yaml = yaml.replacingOccurrences(of: "\nresourceServers:\n", with: "\nresourceServers:\n" + apis)
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return tenant
    }

    @Test func twoProcessesWriteTheSamePlanByteForByte() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantctl-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try largeTenant(in: directory)
        var outputs: [(stdout: String, file: Data)] = []
        for run in ["a", "b"] {
            // CLIProcess starts from a clean environment: SWIFT_DETERMINISTIC_HASHING is never set.
            let result = try await CLIProcess.run(["plan", "acme-dev", "--format", "text", "--out", "\(run).json", "-q"], in: directory, environment: secrets)
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append((result.stdout, try Data(contentsOf: directory.appendingPathComponent("\(run).json"))))
        }
        #expect(outputs[0].stdout.contains("Plan: 81 to add"), "the generated resources are planned: \(outputs[0].stdout.suffix(200))")
        #expect(outputs[0].stdout == outputs[1].stdout, "the text plans differ between two runs")
        #expect(outputs[0].file == outputs[1].file, "the plan files differ between two runs")
    }
}
