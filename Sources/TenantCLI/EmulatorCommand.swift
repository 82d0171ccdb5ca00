import APIJSON
import ArgumentParser
import Foundation
import ManagementEmulator

/// `tenantctl emulator`: a local Management API to rehearse deploys and run tests against.
public struct EmulatorCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run a local Auth0 Management API v2 emulator on 127.0.0.1.",
        discussion: """
        Serves /oauth/token (client credentials), the /api/v2 endpoints tenantctl uses (clients, connections, \
        resource servers, client grants, rules, rules configs, actions and trigger bindings, tenant settings, email \
        provider, log streams) with the real API's status codes, error bodies, pagination and rate limit, and an \
        admin channel at /__emulator (stats, reset, snapshot). Stops on SIGINT or SIGTERM. See docs/emulator.md.

        Examples:
          tenantctl emulator --port 8443 --seed tenants/acme-dev/snapshot.json
          tenantctl emulator --port 0 --rate 1000 --burst 1000 \\
            --state /tmp/tenant.json
          tenantctl emulator --fault-rate 0.2 --fault-seed 7
          tenantctl emulator \\
            --web-document https://mcp.example.com/client.json=client.json
        """
    )

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).") public var port = 0
    @Option(help: "A snapshot to start from (the format `tenantctl export --snapshot` writes).") public var seed: String?
    @Option(help: "A file the state is saved to after every change and loaded from at start.") public var state: String?
    @Option(help: "The tenant domain it stands for.") public var domain = "tenantctl-emulator.local"
    @Option(help: "Requests per second refilling the rate-limit bucket.") public var rate: Double = 2
    @Option(help: "Rate-limit bucket size.") public var burst = 10
    @Option(help: "Fraction of API requests answered with a fault (429, 500, 503, dropped connection, slow response).") public var faultRate: Double = 0
    @Option(help: "Seed of the fault sequence.") public var faultSeed: UInt64 = 0
    @Option(help: "Latency added to every API response, in milliseconds.") public var latencyMs = 0
    @Option(help: "Client id accepted at /oauth/token.") public var clientId = "emulator"
    @Option(help: "Client secret accepted at /oauth/token.") public var clientSecret = "emulator-secret"
    @Option(name: .customLong("web-document"),
            help: "URL=FILE: a JSON document the emulated Auth0 fetches at URL (a CIMD client's metadata document); repeatable. It has no network otherwise.")
    public var webDocuments: [String] = []

    public init() {}

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard rate > 0, burst > 0 else { throw ValidationError("--rate and --burst must be positive") }
        guard (0...1).contains(faultRate) else { throw ValidationError("--fault-rate is a fraction between 0 and 1") }
        for document in webDocuments where document.split(separator: "=", maxSplits: 1).count != 2 {
            throw ValidationError("--web-document takes URL=FILE (the URL Auth0 would fetch, the JSON file to answer), found `\(document)`")
        }
    }

    public func run() async throws {
        var configuration = EmulatorConfiguration()
        configuration.port = port
        configuration.domain = domain
        configuration.rate = rate
        configuration.burst = burst
        configuration.faultRate = faultRate
        configuration.faultSeed = faultSeed
        configuration.latencyMilliseconds = latencyMs
        configuration.clientID = clientId
        configuration.clientSecret = clientSecret
        configuration.stateFile = state
        if let seed {
            guard let data = FileManager.default.contents(atPath: seed) else {
                StandardError.write("error: cannot read the seed snapshot \(seed)\n")
                throw ExitCode.failure
            }
            configuration.seed = data
        }
        for document in webDocuments {
            let parts = document.split(separator: "=", maxSplits: 1).map(String.init)
            guard let data = FileManager.default.contents(atPath: parts[1]) else {
                StandardError.write("error: --web-document \(parts[0]): cannot read the file \(parts[1])\n")
                throw ExitCode.failure
            }
            guard let document = try? JSONValue.parse(data) else {
                StandardError.write("error: --web-document \(parts[0]): \(parts[1]) is not valid JSON (a metadata document is a JSON object)\n")
                throw ExitCode.failure
            }
            configuration.web[parts[0]] = document
        }
        let clientID = clientId, clientSecret = clientSecret
        do {
            try await ManagementEmulator.run(configuration) { port in
                // Written unbuffered: scripts wait for this line to know the port.
                FileHandle.standardOutput.write(Data("""
                listening on http://127.0.0.1:\(port)
                client credentials: AUTH0_CLIENT_ID=\(clientID) AUTH0_CLIENT_SECRET=\(clientSecret) AUTH0_DOMAIN=http://127.0.0.1:\(port)

                """.utf8))
            }
        } catch {
            StandardError.write("error: the emulator could not run: \(error)\n")
            throw ExitCode.failure
        }
    }
}
