import ArgumentParser
import Foundation
import TenantConfig

/// `tenantctl init`: start a tenant folder, from a Deploy CLI project (its YAML file or directory-format folder, and
/// its config.json) or from scratch. Everything is checked before anything is written: bad input is an error naming
/// the file, and the target folder is left as it was.
public struct InitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a tenant folder: from a Deploy CLI project in one command, or from scratch.",
        discussion: """
        With --from-deploy-cli PATH (the Deploy CLI's YAML file, or its directory-format folder), copies the files \
        the project uses into DIR, keeping every script and template path working, and writes tenantctl.yaml from \
        --config config.json: AUTH0_DOMAIN → domain, AUTH0_KEYWORD_REPLACE_MAPPINGS → keywords (a value that looks \
        secret, or is named like one, → secrets:, its value never written), AUTH0_ALLOW_DELETE → allow_deletes, \
        AUTH0_INCLUDED_ONLY and AUTH0_EXCLUDED → managed, AUTH0_EXCLUDED_RULES/CLIENTS/DATABASES/CONNECTIONS/\
        RESOURCE_SERVERS → exclude, EXCLUDED_PROPS and AUTH0_IGNORE_DRY_RUN_FIELDS → ignore_fields. It prints what \
        did not carry over, and why. Without --from-deploy-cli, starts an empty tenant with commented settings.

        Examples:
          tenantctl init tenants/acme-prod --from-deploy-cli ../auth0/tenant.yaml \\
            --config ../auth0/config.json
          tenantctl init tenants/acme-dev --from-deploy-cli ../auth0-directory
          tenantctl init tenants/acme-dev --domain acme-dev.eu.auth0.com
        """
    )

    @Argument(help: "The tenant folder to make (tenants/<name>).")
    public var folder: String

    @Option(name: .customLong("from-deploy-cli"), help: "The Deploy CLI project to start from: its YAML file, or its directory-format folder (holding tenant.json).")
    public var project: String?

    @Option(help: "The Deploy CLI's config.json, translated into tenantctl.yaml (with --from-deploy-cli).")
    public var config: String?

    @Option(help: "The tenant's domain, for tenantctl.yaml (overrides config.json's AUTH0_DOMAIN).")
    public var domain: String?

    @Flag(help: "Replace the files of an existing folder.")
    public var force = false

    public init() {}

    public func run() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw failure("\(folder) is a file; name a folder for the new tenant") }
            guard force else { throw failure("\(folder) already exists; pass --force to replace its files, or choose a new folder") }
        }
        if config != nil && project == nil { throw failure("--config names the Deploy CLI's config.json, which goes with --from-deploy-cli PATH") }

        var files: [String: Data] = [:]
        var report: String
        var configSecrets = SecretCanaries(environment: [:])
        if let project {
            let made = try fromDeployCLI(project)
            files = made.files
            report = made.report
            configSecrets = made.secrets
        } else {
            files["tenantctl.yaml"] = Data(NewTenantFiles.settings(domain: domain).utf8)
            files["tenant.yaml"] = Data(NewTenantFiles.document.utf8)
            report = "Made \(folder): tenant.yaml (no resources yet) and tenantctl.yaml (\(domain.map { "domain \($0), " } ?? "")every other setting commented).\n"
                + "Next: add resources to \(folder)/tenant.yaml, then `tenantctl validate \(folder)` and `tenantctl plan \(folder)`.\n"
        }
        // Nothing init writes holds a secret: neither the environment's nor config.json's.
        let outputs = files.sorted { $0.key < $1.key }.map { ($0.value, OutputDestination.initFile(folder, $0.key)) }
            + [(Data(report.utf8), OutputDestination.standardOutput("the init report"))]
        for (data, destination) in outputs {
            if let name = configSecrets.firstLeak(in: data) { throw failure("\(destination.name) would hold the value of \(name) from config.json; nothing was written") }
        }
        try OutputGuard.shared.screen(outputs)
        do {
            try AtomicFiles.replaceFolderContents(folder, with: files)
        } catch {
            throw failure("\(error)")
        }
        try OutputGuard.shared.print(report, what: "the init report")
    }

    /// The files of the new folder made from a Deploy CLI project, what to say, and config.json's secrets.
    private func fromDeployCLI(_ path: String) throws -> (files: [String: Data], report: String, secrets: SecretCanaries) {
        let fileSystem = DiskFileSystem()
        let environment = ProcessInfo.processInfo.environment
        var deployConfig: DeployCLIConfig?
        if let config {
            guard let data = FileManager.default.contents(atPath: config) else { throw failure("\(config) cannot be read; --config names the Deploy CLI's config.json") }
            do {
                deployConfig = try DeployCLIConfig.parse(String(decoding: data, as: UTF8.self), file: config)
            } catch {
                throw failure(error.description)
            }
        }
        let located: DeployCLIProject
        do { located = try DeployCLIProject.locate(path, fileSystem: fileSystem) } catch { throw failure(error.description) }
        let settings = deployConfig?.settings ?? DeploySettings(domain: domain)
        let tenant = OutputGuard.shared.watching(TenantLoader(fileSystem: fileSystem, environment: environment).load(located.path, settings: settings))
        let refusing = tenant.findings.filter { DeployCLIProject.refusingRules.contains($0.rule) && $0.severity == .error }
        if !refusing.isEmpty {
            let lines = refusing.map { "\($0.location.map { "\($0): " } ?? "")\($0.message)" }
            throw failure("\(path) cannot be read as it is, so nothing was copied:\n" + lines.map { "  \($0)" }.joined(separator: "\n"))
        }
        let copy = located.copy(of: tenant)
        var files: [String: Data] = [:]
        for file in copy.files {
            guard let data = FileManager.default.contents(atPath: file.source) else { throw failure("\(file.source) cannot be read; nothing was written") }
            files[file.target] = data
        }
        let settingsText = deployConfig?.settingsYAML(domain: domain) ?? NewTenantFiles.settings(domain: domain)
        files["tenantctl.yaml"] = Data(settingsText.utf8)
        // The new folder must read back as the project did: the same resources, scripts and files, and settings that load.
        let differences = DeployCLIProject.differences(between: tenant, and: files, environment: environment)
        if !differences.isEmpty {
            throw failure("the copy of \(path) would not load as the project does, so nothing was written:\n" + differences.map { "  \($0)" }.joined(separator: "\n"))
        }

        var report = "Made \(folder) from \(path) (\(located.layout == .directory ? "the Deploy CLI's directory format" : "the Deploy CLI's YAML format")): "
            + "\(copy.files.count) file\(copy.files.count == 1 ? "" : "s") copied, tenantctl.yaml written\(config.map { " from \($0)" } ?? " with every setting commented (no --config)").\n"
        var notCarried = (deployConfig?.dropped ?? []).map { "  \($0.location): \($0.setting): \($0.reason)" }
        notCarried += copy.notCopied.map { "  \($0.file): not copied: \($0.reason)" }
        // Files the project names that are not there, or not inside it: nothing to copy, the new folder says so too.
        notCarried += tenant.findings.filter { ["missing-file", "path-escapes-tenant", "not-a-regular-file"].contains($0.rule) }.map { "  \($0.location.map { "\($0): " } ?? "")not copied: \($0.message)" }
        if !notCarried.isEmpty {
            report += "\nDid not carry over:\n" + notCarried.joined(separator: "\n") + "\n"
        }
        if let deployConfig, !deployConfig.secretKeywords.isEmpty {
            report += "\nSecrets (under `secrets:`, values not written): set each in the environment before plan or apply: "
                + deployConfig.secretKeywords.sorted().joined(separator: ", ")
                + "; and the tenant's digest key TENANTCTL_DIGEST_KEY, which plans compare secrets with (once per tenant: `openssl rand -base64 32`; docs/secrets.md).\n"
        }
        report += "\nNext: `tenantctl validate \(folder)`, then `tenantctl plan \(folder)`.\n"
        let secrets = SecretCanaries(environment: deployConfig?.secretValues ?? [:], secretKeywords: (deployConfig?.secretValues ?? [:]).keys)
        return (files, report, secrets)
    }

    /// The error said, and the exit code to throw.
    private func failure(_ message: String) -> ExitCode {
        StandardError.write("error: \(message)\n")
        return ExitCode.failure
    }
}
