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

    /// Loads the tenant at `path`: a tenant folder (tenant.yaml, or tenant.json and the folders of the Deploy CLI's
    /// directory format), or a YAML file (its folder then holds the script files). `settings`, when given, stands for
    /// the folder's tenantctl.yaml (`init` reads a Deploy CLI project with the settings its config.json makes).
    public func load(_ path: String, settings given: DeploySettings? = nil) -> TenantDefinition {
        var path = TenantPath.normalize(path)
        // `tenants/x/tenant.json` names the directory-format tenant around it.
        if !fileSystem.isDirectory(path), (path as NSString).lastPathComponent == TenantLayout.directoryMarker {
            let parent = (path as NSString).deletingLastPathComponent
            path = parent.isEmpty ? "." : parent
        }
        let isDirectory = fileSystem.isDirectory(path)
        let isYAMLFile = !isDirectory && (path.hasSuffix(".yaml") || path.hasSuffix(".yml") || fileSystem.size(of: path) != nil)
        let directory: String
        var documentPath: String
        var layout = TenantLayout.yaml
        if isYAMLFile {
            documentPath = path
            let parent = (path as NSString).deletingLastPathComponent
            directory = parent.isEmpty ? "." : parent
        } else {
            directory = path
            (documentPath, layout) = document(in: path)
        }
        let name = directory == "." ? "tenant" : (directory as NSString).lastPathComponent
        var tenant = TenantDefinition(name: name, directory: directory, documentPath: documentPath)
        tenant.layout = layout

        tenant.folders = [directory]
        if let given {
            tenant.settings = given
        } else if !isYAMLFile || fileSystem.size(of: TenantPath.join(directory, Self.settingsName)) != nil {
            tenant.settings = loadSettings(directory: directory, findings: &tenant.findings)
        }
        if !isYAMLFile, bothLayouts(in: directory) {
            tenant.findings.append(.loader("two-layouts", SourceLocation(file: TenantPath.join(directory, TenantLayout.directoryMarker)),
                "\(directory) holds both tenant.yaml and tenant.json; keep one: tenant.yaml (the YAML format) or tenant.json with the section folders (the Deploy CLI's directory format)"))
            return tenant
        }
        // A tenant with a `base` deploys the base's tenant.yaml and scripts with its own settings and keywords.
        var resourceDirectory = directory
        if !isYAMLFile, let base = tenant.settings.base {
            let baseDirectory = TenantPath.normalize(TenantPath.join(directory, base))
            guard fileSystem.size(of: documentPath) == nil else {
                tenant.findings.append(.loader("base-and-document", tenant.settings.baseLocation ?? SourceLocation(file: documentPath),
                    "\(directory) has its own \((documentPath as NSString).lastPathComponent) and a `base`; keep one: the base's resources, or this folder's"))
                return tenant
            }
            let (baseDocument, baseLayout) = document(in: baseDirectory)
            guard fileSystem.size(of: baseDocument) != nil, !bothLayouts(in: baseDirectory) else {
                tenant.findings.append(.loader("missing-file", tenant.settings.baseLocation ?? SourceLocation(file: directory),
                    "the base \(baseDirectory) has \(bothLayouts(in: baseDirectory) ? "both tenant.yaml and tenant.json" : "no tenant.yaml (nor tenant.json)"); `base` names a folder holding the shared tenant.yaml and scripts, or the shared files of the directory format"))
                return tenant
            }
            resourceDirectory = baseDirectory
            tenant.folders.append(baseDirectory)
            documentPath = baseDocument
            tenant.documentPath = baseDocument
            tenant.layout = baseLayout
        }
        guard fileSystem.size(of: documentPath) != nil else {
            let what = if isYAMLFile {
                "\(documentPath) does not exist"
            } else if isDirectory {
                "no tenant.yaml in \(directory): a tenant folder holds tenant.yaml (resources) and tenantctl.yaml (deploy settings), or tenant.json and the folders of the Deploy CLI's directory format"
            } else {
                "tenant folder \(directory) does not exist; tenants live in tenants/<name>/ (try `ls tenants`)"
            }
            tenant.findings.append(.loader("missing-file", SourceLocation(file: isDirectory || isYAMLFile ? documentPath : directory), what))
            return tenant
        }

        let replacer = KeywordReplacer(keywords: tenant.settings.keywords, secretKeywords: tenant.settings.secretKeywords, environment: environment)
        let root: ConfigNode
        var secretsUsed: Set<String> = []
        switch tenant.layout {
        case .directory:
            var reader = DirectoryTenantReader(tenantDirectory: resourceDirectory, fileSystem: fileSystem, loader: self, replacer: replacer, folders: tenant.folders)
            root = reader.read()
            tenant.findings += reader.findings
            tenant.sourceFiles = reader.filesRead
            secretsUsed = reader.secretsUsed
        case .yaml:
            guard let text = readText(documentPath, limit: Self.maximumDocumentBytes, findings: &tenant.findings, within: tenant.folders) else { return tenant }
            tenant.sourceFiles = [documentPath]
            let replaced = replacer.replace(in: text)
            for problem in replaced.problems {
                tenant.findings.append(.loader("unresolved-keyword", SourceLocation(file: documentPath, line: problem.line, column: problem.column), problem.message))
            }
            secretsUsed = replaced.secretsUsed
            let parsed: ConfigNode?
            do {
                parsed = try YAMLDocument.parse(replaced.text, file: documentPath)
            } catch {
                tenant.findings.append(Self.finding(for: error, file: documentPath))
                return tenant
            }
            guard let parsed, parsed.isMapping else {
                if let parsed, !parsed.isNull {
                    tenant.findings.append(.loader("wrong-type", parsed.location, "a tenant file is a mapping of sections (clients, databases, …), found \(parsed.typeName)"))
                } else {
                    tenant.findings += Self.managesNothing(tenant)
                }
                return tenant
            }
            root = parsed
        }
        var sections = ResourceSectionParser(tenantDirectory: resourceDirectory, fileSystem: fileSystem, catalog: catalog, loader: self, replacer: replacer)
        sections.parse(root)
        // The secrets the files beside the tenant file use count too.
        let unset = secretsUsed.union(sections.keywords.secretsUsed).sorted().filter { environment[$0] == nil }
        if !unset.isEmpty {
            tenant.findings.append(.loader("secret-not-set", SourceLocation(file: documentPath),
                "secret keywords not set in the environment: \(unset.joined(separator: ", ")); validate goes on without them, plan and apply need them",
                severity: .note))
        }
        tenant.resources = sections.resources
        tenant.scripts = sections.scripts
        tenant.attachedFiles = sections.attachedFiles
        tenant.unmanagedSections = sections.unmanagedSections
        tenant.unmanagedSectionValues = sections.unmanagedValues
        tenant.declaredSections = sections.declaredSections
        tenant.findings += sections.findings
        tenant.sourceFiles += tenant.scripts.map(\.path) + tenant.attachedFiles.map(\.path)
        tenant.findings += Self.managesNothing(tenant)
        return tenant
    }

    /// A document that declares no resource (empty, or every section empty) most often is a file cut short by
    /// mistake: never "no problems found". Saying `managed: []` in tenantctl.yaml means it.
    static func managesNothing(_ tenant: TenantDefinition) -> [Finding] {
        guard tenant.resources.isEmpty, !tenant.settings.managed.isEmpty,
              !tenant.findings.contains(where: { $0.severity == .error && $0.location?.file == tenant.documentPath }) else { return [] }
        let what = tenant.layout == .directory
            ? "\(tenant.directory) declares no resources (tenant.json and the section folders hold none)"
            : "\(tenant.documentPath) declares no resources (it is empty, or every section in it is empty)"
        return [.loader("manages-nothing", SourceLocation(file: tenant.documentPath),
            "\(what), so the tenant manages nothing. If the file was cut short by mistake, restore it; if the tenant is meant to manage nothing, say `managed: []` in tenantctl.yaml", severity: .warning)]
    }

    /// The resource document of a folder and its layout: tenant.yaml (or tenant.yml), else tenant.json.
    private func document(in folder: String) -> (String, TenantLayout) {
        if let yaml = Self.documentNames.map({ TenantPath.join(folder, $0) }).first(where: { fileSystem.size(of: $0) != nil }) { return (yaml, .yaml) }
        let json = TenantPath.join(folder, TenantLayout.directoryMarker)
        if fileSystem.size(of: json) != nil { return (json, .directory) }
        return (TenantPath.join(folder, Self.documentNames[0]), .yaml)
    }

    private func bothLayouts(in folder: String) -> Bool {
        fileSystem.size(of: TenantPath.join(folder, TenantLayout.directoryMarker)) != nil
            && Self.documentNames.contains { fileSystem.size(of: TenantPath.join(folder, $0)) != nil }
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
