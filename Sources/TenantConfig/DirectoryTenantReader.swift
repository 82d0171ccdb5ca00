import Foundation

/// Reads a tenant folder in the Deploy CLI's directory format (`tenant.json`, `clients/My SPA.json`,
/// `database-connections/users/database.json`, …) into the document tenant.yaml would be: one mapping of sections,
/// each assembled from its files as its descriptor's `DirectoryLayout` says, every value keeping the file, line and
/// column it came from. Paths to scripts and templates become paths relative to the tenant folder, as tenant.yaml
/// writes them, so `ResourceSectionParser` reads the result exactly as it reads YAML. Keywords are replaced in each
/// JSON file before it is parsed, as in tenant.yaml; every file is read through `TenantFileAccess`.
struct DirectoryTenantReader {
    let tenantDirectory: String
    let fileSystem: any TenantFileSystem
    let loader: TenantLoader
    let replacer: KeywordReplacer
    let folders: [String]

    private(set) var findings: [Finding] = []
    /// Every file read, as shown to users (JSON files and partial templates; scripts and HTML are read later, by
    /// the section parser).
    private(set) var filesRead: [String] = []
    /// The secret keywords the files use.
    private(set) var secretsUsed: Set<String> = []

    init(tenantDirectory: String, fileSystem: any TenantFileSystem, loader: TenantLoader, replacer: KeywordReplacer, folders: [String]) {
        self.tenantDirectory = tenantDirectory
        self.fileSystem = fileSystem
        self.loader = loader
        self.replacer = replacer
        self.folders = folders
    }

    /// The sections found, as one mapping (located at `tenant.json`).
    mutating func read() -> ConfigNode {
        var sections: [ConfigEntry] = []
        for kind in ResourceKind.allCases {
            if let entry = section(kind.type) { sections.append(entry) }
        }
        return ConfigNode(.mapping(sections), at: SourceLocation(file: path("tenant.json")))
    }

    // MARK: - Sections

    private mutating func section(_ type: ResourceType) -> ConfigEntry? {
        var own: ConfigNode?
        var members: [ConfigEntry] = []
        var firstLocation: SourceLocation?
        for piece in type.directory.pieces {
            guard let value = read(piece, of: type) else { continue }
            firstLocation = firstLocation ?? value.location
            if piece.member.isEmpty {
                own = value
            } else {
                members.append(ConfigEntry(key: piece.member, keyLocation: value.location, value: value))
            }
        }
        guard let location = firstLocation else { return nil }
        let value: ConfigNode
        if members.isEmpty, let own {
            value = own
        } else {
            // A singleton from several files: its own fields, then one member per file. Own fields that are not a
            // mapping are left for the section parser to report.
            let ownEntries = own.map { $0.isMapping ? $0.entries : [ConfigEntry(key: "", keyLocation: $0.location, value: $0)] } ?? []
            value = ConfigNode(.mapping(ownEntries.filter { !$0.key.isEmpty } + members), at: own?.location ?? location)
            if let own, !own.isMapping, !own.isNull {
                findings.append(.loader("wrong-type", own.location, "\(own.location.file) must hold a JSON object (the \(type.noun)), found \(own.typeName)"))
            }
        }
        return ConfigEntry(key: type.kind.rawValue, keyLocation: location, value: value)
    }

    private mutating func read(_ piece: DirectoryPiece, of type: ResourceType) -> ConfigNode? {
        let full = path(piece.path)
        switch piece.form {
        case .file, .promptPartials:
            guard fileSystem.size(of: full) != nil || fileSystem.isDirectory(full) else { return nil }
            guard !fileSystem.isDirectory(full) else {
                findings.append(.loader("wrong-type", SourceLocation(file: full), "\(full) is a folder; the Deploy CLI's directory format keeps the \(type.noun) in a file there"))
                return nil
            }
            guard var node = parseFile(full) else { return nil }
            if piece.form == .promptPartials { node = partials(node, folder: folderOf(piece.path)) }
            if piece.member.isEmpty, case .list = type.section {
                node = ConfigNode(.sequence(node.items.map { resolveFiles(in: $0, of: type, piece: piece, itemFile: piece.path) }), at: node.location)
                    .keeping(node)
            }
            return node
        case .filePerItem:
            guard let names = folderEntries(full, for: type) else { return nil }
            var items: [ConfigNode] = []
            for name in names where name.hasSuffix(".json") && !piece.skipping.contains(name) {
                let relative = piece.path + "/" + name
                guard !fileSystem.isDirectory(path(relative)), let node = parseFile(path(relative)) else { continue }
                items.append(resolveFiles(in: node, of: type, piece: piece, itemFile: relative))
            }
            return ConfigNode(.sequence(items), at: SourceLocation(file: full))
        case .nestedFilePerItem(let levels):
            guard let names = folderEntries(full, for: type) else { return nil }
            var items: [ConfigNode] = []
            for name in names where name.hasSuffix(".json") {
                let relative = piece.path + "/" + name
                guard !fileSystem.isDirectory(path(relative)), let node = parseFile(path(relative)) else { continue }
                let keys = levels.map { node[$0]?.string }
                guard keys.allSatisfy({ $0 != nil }) else {
                    findings.append(.loader("missing-field", node.location,
                        "\(path(relative)) needs \(levels.map { "`\($0)`" }.joined(separator: " and ")): the \(type.noun) value it holds is named by them"))
                    continue
                }
                // `{prompt: {screen: the file's value}}`, one list item per file, as tenant.yaml writes it.
                let nested = keys.reversed().reduce(node) { inner, key in
                    ConfigNode(.mapping([ConfigEntry(key: key!, keyLocation: node.location, value: inner)]), at: node.location)
                }
                items.append(nested)
            }
            return ConfigNode(.sequence(items), at: SourceLocation(file: full))
        case .folderPerItem(let file):
            guard let names = folderEntries(full, for: type) else { return nil }
            var items: [ConfigNode] = []
            for name in names where fileSystem.isDirectory(path(piece.path + "/" + name)) {
                let relative = piece.path + "/" + name + "/" + file
                guard fileSystem.size(of: path(relative)) != nil else {
                    findings.append(.loader("missing-file", SourceLocation(file: path(piece.path + "/" + name)),
                        "\(path(piece.path + "/" + name)) has no \(file); each \(type.noun) is a folder holding \(file) and the files it names"))
                    continue
                }
                guard let node = parseFile(path(relative)) else { continue }
                items.append(resolveFiles(in: node, of: type, piece: piece, itemFile: relative))
            }
            return ConfigNode(.sequence(items), at: SourceLocation(file: full))
        }
    }

    /// The sorted entries of a piece's folder; nil when there is none (a file there is reported).
    private mutating func folderEntries(_ full: String, for type: ResourceType) -> [String]? {
        guard fileSystem.isDirectory(full) else {
            if fileSystem.size(of: full) != nil {
                findings.append(.loader("wrong-type", SourceLocation(file: full), "\(full) is a file; the Deploy CLI's directory format keeps each \(type.noun) in a file of its own in the folder \(full)/"))
            }
            return nil
        }
        return fileSystem.entries(of: full).filter { !$0.hasPrefix(".") }
    }

    // MARK: - Files

    /// A JSON file, keywords replaced, parsed with locations; nil (and a finding) when it cannot be.
    private mutating func parseFile(_ full: String) -> ConfigNode? {
        filesRead.append(full)
        guard let text = loader.readText(full, limit: TenantLoader.maximumDocumentBytes, findings: &findings, within: folders) else { return nil }
        let replaced = replacer.replace(in: text)
        for problem in replaced.problems {
            findings.append(.loader("unresolved-keyword", SourceLocation(file: full, line: problem.line, column: problem.column), problem.message))
        }
        secretsUsed.formUnion(replaced.secretsUsed)
        do {
            return try JSONDocument.parse(replaced.text, file: full)
        } catch {
            findings.append(Self.finding(for: error, file: full))
            return nil
        }
    }

    static func finding(for error: JSONDocument.ParseError, file: String) -> Finding {
        switch error {
        case .syntax(let message, let line, let column):
            .loader("json-syntax", SourceLocation(file: file, line: line, column: column), "JSON syntax error: \(message)")
        case .tooDeep(let limit, let line, let column):
            .loader("json-syntax", SourceLocation(file: file, line: line, column: column), "\(file) nests values more than \(limit) levels deep; tenantctl refuses it")
        case .tooManyNodes(let limit):
            .loader("json-too-large", SourceLocation(file: file), "\(file) holds more than \(limit) values; tenantctl refuses it")
        }
    }

    /// Partials as the Deploy CLI's `partials.json` writes them, turned into tenant.yaml's shape: each template
    /// file's text, trimmed (as the Deploy CLI trims it), at `prompt.screen.name`.
    private mutating func partials(_ node: ConfigNode, folder: String) -> ConfigNode {
        guard node.isMapping else { return node }
        var prompts: [ConfigEntry] = []
        for prompt in node.entries {
            // `{screen: [{name, template}]}`, written as a one-item list of such mappings.
            let screenMaps = prompt.value.isSequence ? prompt.value.items : [prompt.value]
            var screens: [ConfigEntry] = []
            for screenMap in screenMaps {
                guard screenMap.isMapping else {
                    findings.append(.loader("wrong-type", screenMap.location, "each prompt of partials.json holds a mapping of screen to a list of {name, template}, found \(screenMap.typeName)"))
                    continue
                }
                for screen in screenMap.entries {
                    var insertions: [ConfigEntry] = []
                    for item in screen.value.items {
                        guard let name = item["name"]?.string, let template = item["template"]?.string else {
                            findings.append(.loader("missing-field", item.location, "each partial of `\(prompt.key).\(screen.key)` needs `name` (the insertion point) and `template` (its .liquid file)"))
                            continue
                        }
                        let file = path(TenantPath.join(folder, template))
                        filesRead.append(file)
                        guard let text = loader.readText(file, limit: TenantLoader.maximumScriptBytes, findings: &findings,
                                                         reference: item["template"]?.location, within: folders) else { continue }
                        let replaced = replacer.replace(in: text)
                        for problem in replaced.problems {
                            findings.append(.loader("unresolved-keyword", SourceLocation(file: file, line: problem.line, column: problem.column), problem.message))
                        }
                        secretsUsed.formUnion(replaced.secretsUsed)
                        let value = ConfigNode(.string(replaced.text.trimmingCharacters(in: .whitespacesAndNewlines)), at: SourceLocation(file: file))
                        insertions.append(ConfigEntry(key: name, keyLocation: item.location, value: value))
                    }
                    screens.append(ConfigEntry(key: screen.key, keyLocation: screen.keyLocation, value: ConfigNode(.mapping(insertions), at: screen.value.location)))
                }
            }
            prompts.append(ConfigEntry(key: prompt.key, keyLocation: prompt.keyLocation, value: ConfigNode(.mapping(screens), at: prompt.value.location)))
        }
        return ConfigNode(.mapping(prompts), at: node.location)
    }

    // MARK: - File fields

    /// The item with every file path its type's file fields name made relative to the tenant folder.
    private func resolveFiles(in item: ConfigNode, of type: ResourceType, piece: DirectoryPiece, itemFile: String) -> ConfigNode {
        guard item.isMapping else { return item }
        var result = item
        for field in type.files {
            guard let placement = type.directory.files[field.pattern.description] else { continue }
            var segments = field.pattern.segments[...]
            if !piece.member.isEmpty {
                // A member's items (`templates[]`): the rest of the pattern applies to each of them.
                guard let first = segments.first, first.glob == piece.member, first.intoItems else { continue }
                segments = segments.dropFirst()
            }
            result = resolve(placement, pattern: Array(segments), in: result, itemFile: itemFile)
        }
        return result
    }

    private func resolve(_ placement: FilePlacement, pattern: [FieldPattern.Segment], in item: ConfigNode, itemFile: String) -> ConfigNode {
        let itemFolder = folderOf(itemFile)
        switch placement {
        case .itemIsFile:
            return item
        case .besideItem:
            return Self.rewriteStrings(in: item, pattern[...]) { Self.tenantRelative(TenantPath.join(itemFolder, $0)) }
        case .inTenantFolder:
            return Self.rewriteStrings(in: item, pattern[...]) { written in findInTenantFolder(written) }
        case .companion(let ext):
            let companion = String(itemFile.dropLast(".json".count)) + "." + ext
            guard pattern.count == 1, !pattern[0].intoItems else { return item }
            let field = pattern[0].glob
            guard fileSystem.size(of: path(companion)) != nil else {
                return Self.rewriteStrings(in: item, pattern[...]) { Self.tenantRelative(TenantPath.join(itemFolder, $0)) }
            }
            var entries = item.entries
            let written = "./" + companion
            if let index = entries.firstIndex(where: { $0.key == field }) {
                entries[index].value = ConfigNode(.string(written), at: entries[index].value.location)
            } else {
                entries.append(ConfigEntry(key: field, keyLocation: item.location, value: ConfigNode(.string(written), at: item.location)))
            }
            return ConfigNode(.mapping(entries), at: item.location)
        }
    }

    /// A path written relative to the tenant folder, or, when nothing is there, the longest tail of it that names a
    /// file in the tenant folder (the Deploy CLI wrote `directory/actions/x/code.js` relative to where it ran).
    private func findInTenantFolder(_ written: String) -> String {
        if !TenantPath.escapes(written), fileSystem.size(of: path(written)) != nil { return written }
        let parts = TenantPath.normalize(written).split(separator: "/").filter { $0 != ".." && $0 != "." }
        for start in parts.indices.dropFirst() {
            let tail = parts[start...].joined(separator: "/")
            if fileSystem.size(of: path(tail)) != nil { return "./" + tail }
        }
        return written
    }

    /// `./x` for a path relative to the tenant folder (as tenant.yaml writes them); a path that leaves it as is.
    static func tenantRelative(_ relative: String) -> String {
        let normalized = TenantPath.normalize(relative)
        return TenantPath.escapes(normalized) ? normalized : "./" + normalized
    }

    /// The node with each string the pattern reaches replaced (locations kept).
    static func rewriteStrings(in node: ConfigNode, _ pattern: ArraySlice<FieldPattern.Segment>, _ transform: (String) -> String) -> ConfigNode {
        guard let segment = pattern.first else {
            guard let text = node.string else { return node }
            return ConfigNode(.string(transform(text)), at: node.location)
        }
        let rest = pattern.dropFirst()
        if segment.glob.isEmpty && segment.intoItems {
            return ConfigNode(.sequence(node.items.map { rewriteStrings(in: $0, rest, transform) }), at: node.location).keeping(node)
        }
        guard node.isMapping else { return node }
        let entries = node.entries.map { entry -> ConfigEntry in
            guard FieldPattern.glob(segment.glob, matches: entry.key) else { return entry }
            var entry = entry
            entry.value = segment.intoItems
                ? ConfigNode(.sequence(entry.value.items.map { rewriteStrings(in: $0, rest, transform) }), at: entry.value.location).keeping(entry.value)
                : rewriteStrings(in: entry.value, rest, transform)
            return entry
        }
        return ConfigNode(.mapping(entries), at: node.location)
    }

    private func path(_ relative: String) -> String { TenantPath.join(tenantDirectory, relative) }

    private func folderOf(_ relative: String) -> String {
        let parent = (relative as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }
}

private extension ConfigNode {
    /// A rebuilt list, or the original node when it was not a list (its wrong type is the parser's to report).
    func keeping(_ original: ConfigNode) -> ConfigNode {
        original.isSequence ? self : original
    }
}
