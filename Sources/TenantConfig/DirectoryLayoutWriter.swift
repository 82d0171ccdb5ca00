import Foundation

/// Writes a tenant in the Deploy CLI's directory format (`tenant.json`, `clients/<name>.json`, …) from the same
/// sections and files tenant.yaml is written from (`SnapshotExporter.Export`): each section split into its files as
/// its descriptor's `DirectoryLayout` says, each script and template moved where that layout keeps it and named
/// from there. Pure: the caller writes the files. What it writes loads back (`DirectoryTenantReader`) into the same
/// resources as the YAML layout.
public enum DirectoryLayoutWriter {
    /// The files of the tenant folder in the directory format, by path relative to it.
    /// - Parameters:
    ///   - sections: tenant.yaml's sections, by name; file fields hold paths relative to the tenant folder.
    ///   - files: the YAML layout's files (scripts, templates, tenantctl.yaml), by path relative to the tenant folder.
    public static func files(sections: [String: JSONValue], files: [String: String]) -> [String: String] {
        var writer = Writer(yamlFiles: files)
        for kind in ResourceKind.allCases {
            guard let value = sections[kind.rawValue] else { continue }
            writer.write(value, of: kind.type)
        }
        // What the YAML layout has beside its sections (tenantctl.yaml) is kept; tenant.yaml and the moved files are not.
        for (path, text) in files where path != "tenant.yaml" && !writer.consumed.contains(path) { writer.output[path] = text }
        return writer.output
    }

    private struct Writer {
        let yamlFiles: [String: String]
        var output: [String: String] = [:]
        var consumed: Set<String> = []

        init(yamlFiles: [String: String]) { self.yamlFiles = yamlFiles }

        mutating func write(_ value: JSONValue, of type: ResourceType) {
            switch type.section {
            case .singleton:
                var rest = value.objectValue ?? [:]
                for piece in type.directory.pieces where !piece.member.isEmpty {
                    guard let member = rest.removeValue(forKey: piece.member) else { continue }
                    write(member, piece: piece, of: type)
                }
                // A section written in parts only (attack protection) has no file for fields outside its parts.
                if let own = type.directory.pieces.first(where: { $0.member.isEmpty }), !(rest.isEmpty && type.directory.pieces.count > 1) {
                    write(.object(rest), piece: own, of: type)
                }
            case .list, .map:
                guard let piece = type.directory.pieces.first(where: { $0.member.isEmpty }) else { return }
                write(value, piece: piece, of: type)
            }
        }

        mutating func write(_ value: JSONValue, piece: DirectoryPiece, of type: ResourceType) {
            switch piece.form {
            case .file:
                if case .list = type.section, piece.member.isEmpty {
                    let folder = Self.folder(of: piece.path)
                    let items = (value.arrayValue ?? []).map { placeFiles(in: $0, of: type, piece: piece, itemFile: piece.path, folder: folder, name: name(of: $0, piece: piece, type: type)) }
                    output[piece.path] = Self.json(.array(items))
                } else {
                    output[piece.path] = Self.json(value)
                }
            case .filePerItem, .folderPerItem:
                var used: Set<String> = []
                for item in value.arrayValue ?? [] {
                    var base = SnapshotExporter.fileName(name(of: item, piece: piece, type: type))
                    if used.contains(base) {
                        var index = 2
                        while used.contains("\(base) (\(index))") { index += 1 }
                        base = "\(base) (\(index))"
                    }
                    used.insert(base)
                    let itemFile: String
                    if case .folderPerItem(let file) = piece.form {
                        itemFile = "\(piece.path)/\(base)/\(file)"
                    } else {
                        itemFile = "\(piece.path)/\(base).json"
                    }
                    let placed = placeFiles(in: item, of: type, piece: piece, itemFile: itemFile, folder: Self.folder(of: itemFile), name: base)
                    output[itemFile] = Self.json(placed)
                }
            case .nestedFilePerItem(let levels):
                // tenant.yaml names each value's file (`prompts/screenRenderSettings/<prompt>_<screen>.json`), which
                // is where the directory format keeps it: the files stay, the list goes.
                let list = NestedList(piece.member, levels: levels)
                for (_, written) in list.entries(list.nested(value)) {
                    guard let path = written.stringValue.map(TenantPath.normalize), let text = yamlFiles[path] else { continue }
                    output[TenantPath.join(piece.path, (path as NSString).lastPathComponent)] = text
                    consumed.insert(path)
                }
            case .promptPartials:
                // `{prompt: {screen: {name: text}}}` → `{prompt: [{screen: [{name, template}]}]}` and one .liquid file each.
                let folder = Self.folder(of: piece.path)
                var written: [String: JSONValue] = [:]
                for (prompt, screens) in value.objectValue ?? [:] {
                    var byScreen: [String: JSONValue] = [:]
                    for (screen, insertions) in screens.objectValue ?? [:] {
                        byScreen[screen] = .array((insertions.objectValue ?? [:]).keys.sorted().map { name in
                            let template = "partials/\(prompt)/\(screen)/\(name).liquid"
                            output[TenantPath.join(folder, template)] = insertions[name]?.stringValue ?? ""
                            return .object(["name": .string(name), "template": .string(template)])
                        })
                    }
                    written[prompt] = .array([.object(byScreen)])
                }
                output[piece.path] = Self.json(.object(written))
            }
        }

        /// What names an item's file: the piece's naming fields, else the type's key fields.
        func name(of item: JSONValue, piece: DirectoryPiece, type: ResourceType) -> String {
            let values = { (fields: [String]) in fields.compactMap { item[$0].flatMap { $0.stringValue ?? ($0.numberValue.map { String(Int($0)) }) } } }
            // An item without its naming fields (an API without a name) is named by its key.
            let named = piece.naming.isEmpty ? [] : values(piece.naming)
            let keyed = named.isEmpty ? values(type.keyFields) : named
            return keyed.isEmpty ? type.noun : keyed.joined(separator: "_")
        }

        /// The item with the files its file fields name moved where the layout keeps them, and the paths rewritten.
        mutating func placeFiles(in item: JSONValue, of type: ResourceType, piece: DirectoryPiece, itemFile: String, folder: String, name: String) -> JSONValue {
            var item = item
            for field in type.files {
                guard let placement = type.directory.files[field.pattern.description] else { continue }
                var segments = field.pattern.segments[...]
                if !piece.member.isEmpty {
                    guard let first = segments.first, first.glob == piece.member, first.intoItems else { continue }
                    segments = segments.dropFirst()
                }
                let pattern = FieldPattern(segments.map { $0.glob + ($0.intoItems ? "[]" : "") }.joined(separator: "."))
                switch placement {
                case .itemIsFile:
                    // The YAML layout keeps the resource in a file its field names: that file becomes the item.
                    guard let key = pattern.topLevelField, let path = item[key]?.stringValue.map(TenantPath.normalize), let text = yamlFiles[path] else { continue }
                    do {
                        let whole = try JSONValue.parse(Data(text.utf8))
                        guard whole.objectValue != nil else { continue }
                        consumed.insert(path)
                        item = whole
                    } catch {
                        // Not JSON: the item keeps naming the file, which is written where it was, for the loader to report.
                        continue
                    }
                case .besideItem(let template):
                    item = pattern.rewrite(item) { (path: [String], value: JSONValue) in
                        let target = template.replacingOccurrences(of: "{name}", with: name)
                            .replacingOccurrences(of: "{entry}", with: SnapshotExporter.fileName(path.last ?? ""))
                        return move(value, to: TenantPath.join(folder, target), writtenAs: "./" + target)
                    }
                case .companion(let ext):
                    let target = String(itemFile.dropLast(".json".count)) + "." + ext
                    item = pattern.rewrite(item) { value in move(value, to: target, writtenAs: "./" + (target as NSString).lastPathComponent) }
                case .inTenantFolder(let template):
                    let target = template.replacingOccurrences(of: "{name}", with: name)
                    item = pattern.rewrite(item) { value in move(value, to: target, writtenAs: "./" + target) }
                }
            }
            return item
        }

        /// The file a value names, moved to `target`; the value the JSON then writes.
        mutating func move(_ value: JSONValue, to target: String, writtenAs written: String) -> JSONValue {
            guard let path = value.stringValue.map(TenantPath.normalize), let text = yamlFiles[path] else { return value }
            consumed.insert(path)
            output[TenantPath.normalize(target)] = text
            return .string(written)
        }

        static func folder(of path: String) -> String {
            let parent = (path as NSString).deletingLastPathComponent
            return parent.isEmpty ? "." : parent
        }

        static func json(_ value: JSONValue) -> String {
            String(decoding: value.encoded(pretty: true), as: UTF8.self) + "\n"
        }
    }
}
