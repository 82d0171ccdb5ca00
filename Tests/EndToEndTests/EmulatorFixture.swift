import APIJSON
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ManagementEmulator

/// An emulator started in-process for a test, and the environment that points the CLI at it.
struct EmulatorFixture {
    let emulator: RunningEmulator
    let directory: URL

    static func start(seed: String? = "tenants/acme-dev/snapshot.json", domain: String = "acme-dev.eu.auth0.com",
                      configure: (inout EmulatorConfiguration) -> Void = { _ in }) async throws -> EmulatorFixture {
        var configuration = EmulatorConfiguration()
        configuration.domain = domain
        configuration.rate = 10_000
        configuration.burst = 10_000
        if let seed { configuration.seed = FileManager.default.contents(atPath: CLIProcess.packageRoot.appendingPathComponent(seed).path) }
        configure(&configuration)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantctl-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return EmulatorFixture(emulator: try await ManagementEmulator.start(configuration), directory: directory)
    }

    var environment: [String: String] {
        ["AUTH0_CLIENT_ID": "emulator", "AUTH0_CLIENT_SECRET": "emulator-secret", "AUTH0_DOMAIN": emulator.baseURL]
    }

    /// Copies a tenant folder of the repository into the test's folder.
    func copyTenant(_ path: String, as name: String) throws -> URL {
        let target = directory.appendingPathComponent(name)
        try FileManager.default.copyItem(at: CLIProcess.packageRoot.appendingPathComponent(path), to: target)
        return target
    }

    func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> CLIProcess.Result {
        try await CLIProcess.run(arguments, in: directory, environment: environment.merging(extra) { _, new in new })
    }

    /// The emulator's request counters.
    func statistics() async throws -> JSONValue {
        try await fetch("/__emulator/stats")
    }

    func writes() async throws -> Int {
        let requests = try await statistics()["requests"]
        return ["POST", "PATCH", "PUT", "DELETE"].reduce(0) { $0 + Int(requests?[$1]?.numberValue ?? 0) }
    }

    func snapshot() async throws -> JSONValue {
        try await fetch("/__emulator/snapshot")
    }

    /// Sends a request to the emulator's admin channel (scheduling a fault, say).
    func admin(_ method: String, _ path: String, body: JSONValue) async throws {
        var request = URLRequest(url: URL(string: "\(emulator.baseURL)\(path)")!)
        request.httpMethod = method
        request.httpBody = body.encoded()
        let (_, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 204 else { throw URLError(.badServerResponse) }
    }

    /// An emulator admin endpoint, fetched without blocking a thread of Swift's cooperative pool: the in-process
    /// emulator's store is an actor on that pool, and a blocking `Data(contentsOf:)` from two tests at once on a
    /// two-core machine left no thread to answer them (both timed out after 60 s in CI).
    private func fetch(_ path: String) async throws -> JSONValue {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "\(emulator.baseURL)\(path)")!)
        return try JSONValue.parse(data)
    }

    /// Every byte the CLI wrote under the test folder, as text.
    func everythingWritten() -> String {
        var text = ""
        if let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) {
            for case let url as URL in files { text += (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
        }
        return text
    }

    func stop() async {
        await emulator.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
