import ArgumentParser
import Foundation
import ManagementAPI
import TenantConfig
import TenantPlan

/// `tenantctl export`: read a live tenant into the files people write by hand, or into a snapshot.
public struct ExportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Read a live tenant into a tenant folder or a snapshot file.",
        discussion: """
        Reads every resource type tenantctl manages through the Management API (paginated, rate-limited). \
        --tenant DIR writes tenant.yaml, tenantctl.yaml, one file per script, rule and action, and snapshot.json \
        (with --layout directory, the Deploy CLI's directory format instead of tenant.yaml: tenant.json, clients/, …); \
        configuration values (which the API only returns encrypted) become ##KEYWORD## placeholders, listed for you \
        to set in the environment. --snapshot FILE writes the machine snapshot only. Nothing is written until \
        everything was read: no partial files. No secret is ever written.

        Examples:
          export AUTH0_DOMAIN=acme-dev.eu.auth0.com
          export AUTH0_CLIENT_ID=… AUTH0_CLIENT_SECRET=…
          tenantctl export --tenant tenants/acme-dev
          tenantctl export --tenant tenants/acme-dev --layout directory
          tenantctl export --snapshot tenants/acme-dev/snapshot.json
        """
    )

    @OptionGroup public var connection: ConnectionOptions

    @Option(help: "Write a tenant folder (tenant.yaml, tenantctl.yaml, scripts, snapshot.json).")
    public var tenant: String?

    @Option(help: "Write the snapshot file.")
    public var snapshot: String?

    @Flag(help: "Replace an existing tenant folder's files.")
    public var force = false

    @Option(help: "With --tenant: yaml (tenant.yaml and scripts) or directory (the Deploy CLI's directory format: tenant.json, clients/<name>.json, …).")
    public var layout: TenantLayout = .yaml

    @Option(help: "Output format of the summary: text or json.")
    public var format: SummaryFormat = .text

    @Flag(name: .shortAndLong, help: "No progress output.")
    public var quiet = false

    public init() {}

    public func validate() throws {
        guard tenant != nil || snapshot != nil else { throw ValidationError("give --tenant DIR, --snapshot FILE, or both") }
    }

    public func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var settingsDomain: String?
        if let tenant, FileManager.default.fileExists(atPath: TenantPath.join(tenant, TenantLoader.settingsName)) {
            let settings = OutputGuard.shared.watching(TenantLoader(environment: environment).load(tenant)).settings
            settingsDomain = settings.domain
            if let base = settings.base {
                StandardError.write("error: \(tenant) deploys the shared base \(base); exporting tenant.yaml into it would shadow the base. Export with --snapshot FILE, or --tenant into a new folder and compare\n")
                throw ExitCode.failure
            }
            if let existing = ["tenant.yaml", TenantLayout.directoryMarker].first(where: { FileManager.default.fileExists(atPath: TenantPath.join(tenant, $0)) }), !force {
                StandardError.write("error: \(tenant) already holds a \(existing); pass --force to replace its files, or export to a new folder\n")
                throw ExitCode.failure
            }
        }
        let progress = ProgressReporter(enabled: !quiet)
        let client = try connection.client(settingsDomain: settingsDomain, environment: environment, events: progress.clientEvent)
        let reader = LiveTenantReader(client: client) { section, count in progress.line("read \(count) \(section)") }
        let state: TenantSnapshot
        do {
            state = try await reader.read(domain: ConnectionOptions.domainName(of: client))
        } catch {
            await client.shutdown()
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
        let statistics = await client.statistics
        await client.shutdown()
        // Everything export writes is made and checked first: the snapshot, every file of the folder, the summary.
        let snapshotData = state.encoded()
        var folderFiles: [String: Data] = [:]
        var keywords: [String] = []
        if tenant != nil {
            let export = SnapshotExporter().export(state)
            let files = switch layout {
            case .yaml: export.files
            case .directory: DirectoryLayoutWriter.files(sections: export.sections, files: export.files)
            }
            folderFiles = files.mapValues { Data($0.utf8) }
            folderFiles["snapshot.json"] = snapshotData
            keywords = export.keywords
        }
        let written = [snapshot, tenant].compactMap { $0 }
        let summary = summary(of: state, written: written, keywords: keywords, calls: statistics.total)
        var outputs: [(Data, OutputDestination)] = [(Data(summary.utf8), .standardOutput("the export summary"))]
        if let snapshot { outputs.append((snapshotData, .exportedSnapshot(snapshot))) }
        if let tenant { outputs += folderFiles.sorted { $0.key < $1.key }.map { ($0.value, .exportedFile(tenant, $0.key)) } }
        try OutputGuard.shared.screen(outputs)
        do {
            if let snapshot { try AtomicFiles.write(snapshotData, to: snapshot) }
            if let tenant { try AtomicFiles.replaceFolderContents(tenant, with: folderFiles) }
        } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode.failure
        }
        try OutputGuard.shared.print(summary, what: "the export summary")
    }

    /// What export says it did: the counts read, what it wrote, the keywords to set.
    private func summary(of state: TenantSnapshot, written: [String], keywords: [String], calls: Int) -> String {
        // What tenantctl manages, by section of the files (the global client and system APIs are not counted).
        let live = LiveState(snapshot: state)
        let counts = ResourceKind.allCases.compactMap { kind -> (String, Int)? in
            guard case .list = kind.type.section else { return nil }
            return (kind.rawValue, live.resources(kind).count)
        }
        switch format {
        case .json:
            let json = JSONValue.object([
                "domain": .string(state.domain), "written": .array(written.map(JSONValue.string)),
                "resources": .object(Dictionary(uniqueKeysWithValues: counts.map { ($0.0, .number(Double($0.1))) })),
                "keywords_to_set": .array(keywords.map(JSONValue.string)), "api_calls": .number(Double(calls)),
            ])
            return String(decoding: json.encoded(pretty: true), as: UTF8.self) + "\n"
        case .text:
            var text = "Exported \(state.domain) to \(written.joined(separator: " and ")) in \(calls) API calls: " + counts.filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }.joined(separator: ", ") + ".\n"
            if !keywords.isEmpty {
                text += "Set these in the environment before plan or apply (the API never returns configuration values):\n"
                for keyword in keywords { text += "  \(keyword)\n" }
            }
            return text
        }
    }
}

extension TenantLayout: ExpressibleByArgument {}

/// Output formats of command summaries.
public enum SummaryFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text, json
}

/// Writes that never leave a half-written file or folder behind.
enum AtomicFiles {
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    /// Writes every file into a temporary folder beside `folder`, then swaps it in.
    static func replaceFolderContents(_ folder: String, with files: [String: Data]) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder)
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).tenantctl-export-\(UUID().uuidString)")
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for (path, data) in files {
                let url = staging.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            if manager.fileExists(atPath: target.path) {
                // Keep what export does not write (.tenantctl/, notes) by moving it into the new folder first.
                for name in try manager.contentsOfDirectory(atPath: target.path) where files.keys.allSatisfy({ !$0.hasPrefix(name) }) && !TenantLayout.resourceNames.contains(name) {
                    try manager.moveItem(at: target.appendingPathComponent(name), to: staging.appendingPathComponent(name))
                }
                // `replaceItemAt` refuses a non-empty folder on Linux: the old folder is moved aside, the new one in,
                // and the old one is put back if that fails.
                let aside = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + "-old")
                try manager.moveItem(at: target, to: aside)
                do {
                    try manager.moveItem(at: staging, to: target)
                } catch {
                    try manager.moveItem(at: aside, to: target)
                    throw error
                }
                try manager.removeItem(at: aside)
            } else {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }
}
