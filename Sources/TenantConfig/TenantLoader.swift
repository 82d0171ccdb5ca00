import Foundation

/// Loads a tenant folder (`tenants/<name>/` with `tenant.yaml` and optional `tenantctl.yaml`) or a bare
/// Deploy CLI YAML file into a `TenantDefinition`. Loading never throws: every problem becomes a finding with
/// file, line and column, so one run reports them all.
public struct TenantLoader: Sendable {
    /// Tenant files larger than this are refused before parsing.
    public static let maximumDocumentBytes = 10 * 1024 * 1024
    /// Script files larger than this are not read (the script-size rule reports anything over 100 KB).
    public static let maximumScriptBytes = 5 * 1024 * 1024
    /// File names tried for the resource document, in order.
    public static let documentNames = ["tenant.yaml", "tenant.yml"]
    public static let settingsName = "tenantctl.yaml"

    public var fileSystem: any TenantFileSystem
    public var environment: [String: String]
    public var catalog: FieldCatalog

    public init(
        fileSystem: any TenantFileSystem = DiskFileSystem(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        catalog: FieldCatalog = .bundled
    ) {
        self.fileSystem = fileSystem
        self.environment = environment
        self.catalog = catalog
    }

    /// Loads the tenant at `path`: a tenant folder, or a YAML file (its folder then holds the script files).
    public func load(_ path: String) -> TenantDefinition {
        let path = TenantPath.normalize(path)
        let isDirectory = fileSystem.isDirectory(path)
        let isYAMLFile = !isDirectory && (path.hasSuffix(".yaml") || path.hasSuffix(".yml") || fileSystem.size(of: path) != nil)
        let directory: String
        var documentPath: String
        if isYAMLFile {
            documentPath = path
            let parent = (path as NSString).deletingLastPathComponent
            directory = parent.isEmpty ? "." : parent
        } else {
            directory = path
            documentPath = Self.documentNames.map { TenantPath.join(path, $0) }.first { fileSystem.size(of: $0) != nil }
                ?? TenantPath.join(path, Self.documentNames[0])
        }
        let name = directory == "." ? "tenant" : (directory as NSString).lastPathComponent
        var tenant = TenantDefinition(name: name, directory: directory, documentPath: documentPath)

        tenant.folders = [directory]
        if !isYAMLFile || fileSystem.size(of: TenantPath.join(directory, Self.settingsName)) != nil {
            tenant.settings = loadSettings(directory: directory, findings: &tenant.findings)
        }
        // A tenant with a `base` deploys the base's tenant.yaml and scripts with its own settings and keywords.
        var resourceDirectory = directory
        if !isYAMLFile, let base = tenant.settings.base {
            let baseDirectory = TenantPath.normalize(TenantPath.join(directory, base))
            guard fileSystem.size(of: documentPath) == nil else {
                tenant.findings.append(.loader("base-and-document", tenant.settings.baseLocation ?? SourceLocation(file: documentPath),
                    "\(directory) has its own tenant.yaml and a `base`; keep one: the base's tenant.yaml, or this folder's"))
                return tenant
            }
            guard let baseDocument = Self.documentNames.map({ TenantPath.join(baseDirectory, $0) }).first(where: { fileSystem.size(of: $0) != nil }) else {
                tenant.findings.append(.loader("missing-file", tenant.settings.baseLocation ?? SourceLocation(file: directory),
                    "the base \(baseDirectory) has no tenant.yaml; `base` names a folder holding the shared tenant.yaml and scripts"))
                return tenant
            }
            resourceDirectory = baseDirectory
            tenant.folders.append(baseDirectory)
            documentPath = baseDocument
            tenant.documentPath = baseDocument
        }
        guard fileSystem.size(of: documentPath) != nil else {
            let what = if isYAMLFile {
                "\(documentPath) does not exist"
            } else if isDirectory {
                "no tenant.yaml in \(directory): a tenant folder holds tenant.yaml (resources) and tenantctl.yaml (deploy settings)"
            } else {
                "tenant folder \(directory) does not exist; tenants live in tenants/<name>/ (try `ls tenants`)"
            }
            tenant.findings.append(.loader("missing-file", SourceLocation(file: isDirectory || isYAMLFile ? documentPath : directory), what))
            return tenant
        }
        guard let text = readText(documentPath, limit: Self.maximumDocumentBytes, findings: &tenant.findings, within: tenant.folders) else { return tenant }

        let replacer = KeywordReplacer(keywords: tenant.settings.keywords, secretKeywords: tenant.settings.secretKeywords, environment: environment)
        let replaced = replacer.replace(in: text)
        for problem in replaced.problems {
            tenant.findings.append(.loader("unresolved-keyword", SourceLocation(file: documentPath, line: problem.line, column: problem.column), problem.message))
        }
        let unset = replaced.secretsUsed.sorted().filter { environment[$0] == nil }
        if !unset.isEmpty {
            tenant.findings.append(.loader("secret-not-set", SourceLocation(file: documentPath),
                "secret keywords not set in the environment: \(unset.joined(separator: ", ")); validate goes on without them, plan and apply need them",
                severity: .note))
        }

        let root: ConfigNode?
        do {
            root = try YAMLDocument.parse(replaced.text, file: documentPath)
        } catch {
            tenant.findings.append(Self.finding(for: error, file: documentPath))
            return tenant
        }
        guard let root, root.isMapping else {
            if let root, !root.isNull {
                tenant.findings.append(.loader("wrong-type", root.location, "a tenant file is a mapping of sections (clients, databases, …), found \(root.typeName)"))
            }
            return tenant
        }
        var sections = ResourceSectionParser(tenantDirectory: resourceDirectory, fileSystem: fileSystem, catalog: catalog, loader: self)
        sections.parse(root)
        tenant.resources = sections.resources
        tenant.scripts = sections.scripts
        tenant.attachedFiles = sections.attachedFiles
        tenant.unmanagedSections = sections.unmanagedSections
        tenant.unmanagedSectionValues = sections.unmanagedValues
        tenant.declaredSections = sections.declaredSections
        tenant.findings += sections.findings
        return tenant
    }

    private func loadSettings(directory: String, findings: inout [Finding]) -> DeploySettings {
        let path = TenantPath.join(directory, Self.settingsName)
        guard fileSystem.size(of: path) != nil else { return DeploySettings() }
        guard let text = readText(path, limit: Self.maximumDocumentBytes, findings: &findings, within: [directory]) else { return DeploySettings() }
        do {
            guard let root = try YAMLDocument.parse(text, file: path) else { return DeploySettings(location: SourceLocation(file: path)) }
            return DeploySettingsParser.parse(root, findings: &findings)
        } catch {
            findings.append(Self.finding(for: error, file: path))
            return DeploySettings()
        }
    }

    /// Reads a file as UTF-8 text through `TenantFileAccess` (only regular files inside `folders`, symlinks
    /// resolved; no NUL byte), reporting every problem as a loading finding.
    func readText(_ path: String, limit: Int, findings: inout [Finding], reference: SourceLocation? = nil, within folders: [String]) -> String? {
        do {
            return try TenantFileAccess(fileSystem: fileSystem, folders: folders).readText(path, limit: limit)
        } catch {
            findings.append(error.finding(reference: reference))
            return nil
        }
    }

    static func finding(for error: YAMLDocument.ParseError, file: String) -> Finding {
        switch error {
        case .syntax(let message, let line, let column):
            .loader("yaml-syntax", SourceLocation(file: file, line: line, column: column), "YAML syntax error: \(message)")
        case .tooManyNodes(let limit):
            .loader("yaml-too-large", SourceLocation(file: file),
                "\(file) expands to more than \(limit) values (an alias bomb, or aliases nested too deeply); tenantctl refuses it")
        case .nonStringKey(let line, let column):
            .loader("yaml-syntax", SourceLocation(file: file, line: line, column: column), "mapping keys must be plain strings")
        }
    }
}

/// Human-readable byte counts: `102,401 bytes`, `50.0 MB`.
public enum ByteCount {
    public static func format(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.usesGroupingSeparator = true
        return "\(formatter.string(from: NSNumber(value: bytes)) ?? String(bytes)) bytes"
    }
}
