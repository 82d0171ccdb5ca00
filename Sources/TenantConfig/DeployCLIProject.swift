import Foundation

/// A Deploy CLI project (a YAML file and the files it names, or a folder in the directory format) as `tenantctl
/// init` copies it into a tenant folder: which files go where so that every script and template path keeps working,
/// and what cannot be copied. Pure: the loaded tenant says what was read; the caller reads and writes.
public struct DeployCLIProject: Sendable, Equatable {
    /// Where the project's resources are: a YAML file, or a directory-format folder.
    public var layout: TenantLayout
    /// The file to load (the YAML file, or the folder).
    public var path: String
    /// The folder the project's relative paths start from.
    public var root: String

    /// Why a path names no Deploy CLI project.
    public struct NotAProject: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The project at `path`: a folder holding tenant.json (directory format) or tenant.yaml, or a YAML file.
    public static func locate(_ path: String, fileSystem: any TenantFileSystem) throws(NotAProject) -> DeployCLIProject {
        let path = TenantPath.normalize(path)
        if fileSystem.isDirectory(path) {
            let hasJSON = fileSystem.size(of: TenantPath.join(path, TenantLayout.directoryMarker)) != nil
            let yaml = TenantLoader.documentNames.map { TenantPath.join(path, $0) }.first { fileSystem.size(of: $0) != nil }
            switch (hasJSON, yaml) {
            case (true, nil): return DeployCLIProject(layout: .directory, path: path, root: path)
            case (false, let yaml?): return DeployCLIProject(layout: .yaml, path: yaml, root: path)
            case (true, _?):
                throw NotAProject(description: "\(path) holds both tenant.yaml and tenant.json; name the one to start from: \(path)/tenant.yaml (the YAML format), or move it away to start from the directory format")
            case (false, nil):
                throw NotAProject(description: "\(path) holds neither tenant.json (the Deploy CLI's directory format) nor tenant.yaml; name the Deploy CLI's YAML file (`--from-deploy-cli path/to/tenant.yaml`) or its directory-format folder")
            }
        }
        guard fileSystem.size(of: path) != nil else {
            throw NotAProject(description: "\(path) does not exist; --from-deploy-cli names the Deploy CLI's YAML file or its directory-format folder")
        }
        guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else {
            throw NotAProject(description: "\(path) is neither a YAML file (.yaml, .yml) nor a folder; --from-deploy-cli names the Deploy CLI's YAML file or its directory-format folder")
        }
        let parent = (path as NSString).deletingLastPathComponent
        return DeployCLIProject(layout: .yaml, path: path, root: parent.isEmpty ? "." : parent)
    }

    /// Loading problems that make a project unfit to copy: it would not load from the new folder either.
    public static let refusingRules: Set<String> = ["yaml-syntax", "yaml-too-large", "json-syntax", "json-too-large", "duplicate-name", "two-layouts"]

    /// What the copy is: each target path (relative to the new tenant folder) with the file it comes from, and each
    /// file read that cannot be copied with why.
    public struct Copy: Sendable, Equatable {
        public var files: [(target: String, source: String)]
        public var notCopied: [(file: String, reason: String)]

        public static func == (a: Copy, b: Copy) -> Bool {
            a.files.map { "\($0.target)\u{0}\($0.source)" } == b.files.map { "\($0.target)\u{0}\($0.source)" }
                && a.notCopied.map { "\($0.file)\u{0}\($0.reason)" } == b.notCopied.map { "\($0.file)\u{0}\($0.reason)" }
        }
    }

    /// The files of `tenant` (loaded from this project) to copy. The YAML file becomes tenant.yaml; every other file
    /// keeps its path relative to the project's folder, so the paths the files write resolve as before.
    public func copy(of tenant: TenantDefinition) -> Copy {
        var copy = Copy(files: [], notCopied: [])
        var seen: Set<String> = []
        let read = (layout == .yaml ? [path] : []) + tenant.sourceFiles
        for file in read where seen.insert(TenantPath.normalize(file)).inserted {
            let normalized = TenantPath.normalize(file)
            if layout == .yaml && normalized == TenantPath.normalize(path) {
                copy.files.append(("tenant.yaml", normalized))
                continue
            }
            guard let relative = Self.relative(normalized, to: root) else {
                copy.notCopied.append((normalized, "it is outside \(root), and a tenant folder's files stay inside it: copy it in and change the path that names it"))
                continue
            }
            // A YAML project's JSON or YAML files beside it are copied as they are; only the document is renamed.
            copy.files.append((relative, normalized))
        }
        copy.files.sort { $0.target < $1.target }
        return copy
    }

    /// What differs between the project as loaded and the new folder's files loaded back the same way (the new
    /// folder's tenantctl.yaml included): a resource or script lost, a setting that does not read back. Empty when
    /// the copy is faithful; anything else is a bug of the copy, and nothing may be written.
    public static func differences(between source: TenantDefinition, and files: [String: Data], environment: [String: String]) -> [String] {
        let root = "new-tenant"
        var memory = InMemoryFileSystem(files: [:])
        for (path, data) in files { memory.files[TenantPath.join(root, path)] = data }
        let copy = TenantLoader(fileSystem: memory, environment: environment).load(root)
        var differences: [String] = []
        let settingsErrors = copy.findings.filter { $0.severity == .error && $0.location?.file == TenantPath.join(root, TenantLoader.settingsName) }
        differences += settingsErrors.map { "tenantctl.yaml does not read back: \($0.message)" }
        let names = { (tenant: TenantDefinition) in tenant.resources.map { "\($0.kind.rawValue)/\($0.key)" } }
        if names(copy) != names(source) {
            differences.append("the resources differ: \(Set(names(source)).symmetricDifference(names(copy)).sorted().joined(separator: ", "))")
        }
        // Each script and file by what it belongs to, with what it holds: the same text, wherever it now lives.
        let read = { (tenant: TenantDefinition) -> [String: JSONValue] in
            var read: [String: JSONValue] = [:]
            for script in tenant.scripts {
                let name = switch script.kind {
                case .databaseScript(let name): "the \(name.rawValue) script of \(script.owner)"
                case .rule: "rule \(script.owner)"
                case .action: "the code of action \(script.owner)"
                }
                read[name] = .string(script.text)
            }
            for file in tenant.attachedFiles { read["\(file.kind.rawValue)/\(file.owner).\(file.field)"] = file.value }
            return read
        }
        let (before, after) = (read(source), read(copy))
        let differing = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        if !differing.isEmpty {
            differences.append("the scripts and files read differ: \(differing.joined(separator: ", "))")
        }
        return differences
    }

    /// `file` relative to `folder`, or nil when it is not inside it.
    static func relative(_ file: String, to folder: String) -> String? {
        let folder = TenantPath.normalize(folder)
        if folder == "." { return TenantPath.escapes(file) || file.hasPrefix("/") ? nil : file }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        guard file.hasPrefix(prefix) else { return nil }
        return String(file.dropFirst(prefix.count))
    }
}
