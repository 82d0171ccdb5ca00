import ArgumentParser
import Foundation
import ManagementAPI
import TenantConfig

/// Reading a tenant's live state for plan and apply.
enum LiveStateSource {
    /// The largest committed snapshot read (a tenant with tens of thousands of resources stays well below).
    static let maximumCommittedSnapshotBytes = 512 * 1024 * 1024

    /// What was read, a description for the plan's first line, and the API base URL it came from.
    struct Reading {
        var snapshot: TenantSnapshot
        var description: String
        var endpoint: String?
    }

    /// Reads the live tenant; with `earlier`, only `sections` again (the others are taken from it).
    static func read(definition: TenantDefinition, connection: ConnectionOptions, environment: [String: String], quiet: Bool,
                     only sections: Set<SnapshotSection>? = nil, reusing earlier: TenantSnapshot? = nil) async throws -> Reading {
        let progress = ProgressReporter(enabled: !quiet)
        let client = try connection.client(settingsDomain: definition.settings.domain, environment: environment, events: progress.clientEvent)
        do {
            // The snapshot names the tenant as its settings do, so a plan is compared with the right domain.
            let domain = definition.settings.domain ?? ConnectionOptions.domainName(of: client)
            let snapshot = try await LiveTenantReader(client: client).read(domain: domain, only: sections, reusing: earlier)
            let calls = await client.statistics.total
            await client.shutdown()
            return Reading(snapshot: snapshot, description: "the live tenant \(client.endpoint.baseURL) (\(calls) API calls)", endpoint: client.endpoint.baseURL)
        } catch {
            await client.shutdown()
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
    }

    /// The live state: `--against`, or the committed snapshot when no credentials are set.
    static func current(for definition: TenantDefinition, against: String?, connection: ConnectionOptions, environment: [String: String], quiet: Bool) async throws -> Reading {
        // Empty variables count as unset, as the client treats them.
        let hasCredentials = ManagementCredentials.fromEnvironment(environment) != nil
        let path: String
        let source: String
        if let against {
            path = against
            source = "snapshot \(against)"
        } else if !hasCredentials {
            path = TenantPath.join(definition.directory, definition.settings.snapshot)
            source = "the committed snapshot \(path) (no credentials set: AUTH0_ACCESS_TOKEN or AUTH0_CLIENT_ID/AUTH0_CLIENT_SECRET)"
        } else {
            return try await read(definition: definition, connection: connection, environment: environment, quiet: quiet)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            let how = against != nil
                ? "check the path"
                : "set AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (or AUTH0_ACCESS_TOKEN) to read the live tenant, or write one with `tenantctl export --snapshot \(path)`"
            StandardError.write("error: no snapshot at \(path): \(how)\n")
            throw ExitCode.failure
        }
        do {
            guard against == nil else {
                return Reading(snapshot: try TenantSnapshot.read(from: URL(fileURLWithPath: path), displayPath: path), description: source, endpoint: nil)
            }
            // The committed snapshot is named by tenantctl.yaml, so it is read like the tenant's other files.
            let data = try TenantFileAccess(fileSystem: DiskFileSystem(), folders: definition.folders).read(path, limit: maximumCommittedSnapshotBytes)
            return Reading(snapshot: try TenantSnapshot.decode(data, file: path), description: source, endpoint: nil)
        } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
    }
}
