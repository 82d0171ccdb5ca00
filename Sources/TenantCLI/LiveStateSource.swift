import ArgumentParser
import Foundation
import ManagementAPI
import TenantConfig

/// Reading a tenant's live state for plan and apply.
enum LiveStateSource {
    static func read(definition: TenantDefinition, connection: ConnectionOptions, environment: [String: String], quiet: Bool) async throws -> (TenantSnapshot, String) {
        let progress = ProgressReporter(enabled: !quiet)
        let client = try connection.client(settingsDomain: definition.settings.domain, environment: environment, events: progress.clientEvent)
        do {
            // The snapshot names the tenant as its settings do, so a plan is compared with the right domain.
            let domain = definition.settings.domain ?? ConnectionOptions.domainName(of: client)
            let snapshot = try await LiveTenantReader(client: client).read(domain: domain)
            let calls = await client.statistics.total
            await client.shutdown()
            return (snapshot, "the live tenant \(client.endpoint.baseURL) (\(calls) API calls)")
        } catch {
            await client.shutdown()
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
    }
}
