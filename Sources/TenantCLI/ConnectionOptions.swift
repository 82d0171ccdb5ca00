import ArgumentParser
import Foundation
import ManagementAPI
import TenantConfig

/// Options of every command that talks to a tenant.
public struct ConnectionOptions: ParsableArguments {
    @Option(help: "The tenant's domain (acme.eu.auth0.com, or http://127.0.0.1:PORT for the emulator). Default: AUTH0_DOMAIN, then `domain` in the tenant settings.")
    public var domain: String?

    @Option(help: "At most this many requests per second, for tenants whose rate limit other tools share.")
    public var maxRps: Double?

    public init() {}

    /// A client for the tenant: domain from --domain, AUTH0_DOMAIN, or the settings; credentials from the environment.
    func client(settingsDomain: String?, environment: [String: String], events: @escaping @Sendable (ClientEvent) -> Void = { _ in }) throws -> ManagementClient {
        guard let credentials = ManagementCredentials.fromEnvironment(environment) else {
            StandardError.write("error: no credentials: export AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (a machine-to-machine client of the Management API), or AUTH0_ACCESS_TOKEN\n")
            throw ExitCode.failure
        }
        let endpoint: ManagementEndpoint
        let environmentDomain = environment["AUTH0_DOMAIN"].flatMap { $0.isEmpty ? nil : $0 }
        do { endpoint = try ManagementEndpoint(domain: domain ?? environmentDomain ?? settingsDomain ?? "") } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
        return ManagementClient(endpoint: endpoint, credentials: credentials, maxRequestsPerSecond: maxRps, events: events)
    }

    /// The domain recorded in snapshots: the host the client talks to.
    static func domainName(of client: ManagementClient) -> String {
        let base = client.endpoint.baseURL
        // https is the default and stays implicit; a loopback emulator keeps its http:// so it resolves back.
        return base.hasPrefix("https://") ? String(base.dropFirst("https://".count)) : base
    }
}
