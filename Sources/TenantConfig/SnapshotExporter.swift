/// Turns a snapshot (API objects with ids) into the files people write by hand: `tenant.yaml` in the Deploy CLI
/// format with names instead of ids, one file per script, rule and action, secrets replaced by keywords, and
/// `tenantctl.yaml` naming the secrets to provide. Every type is exported as its descriptor says. Pure: the
/// caller writes the files.
public struct SnapshotExporter: Sendable {
    public init() {}

    /// The files of a tenant folder, by path relative to it, and the keywords the user must provide.
    public struct Export: Sendable {
        public var files: [String: String]
        public var keywords: [String]
        /// tenant.yaml's sections as values, by section name (file fields hold paths relative to the tenant folder),
        /// for `DirectoryLayoutWriter`.
        public var sections: [String: JSONValue] = [:]
    }

    /// - Parameter configuration: values to write for connections' `options.configuration` keys, by connection
    ///   name and key (a rollback keeps the keywords the current files use); other keys get a new keyword.
    public func export(_ snapshot: TenantSnapshot, configuration overrides: [String: [String: String]] = [:]) -> Export {
        var files: [String: String] = [:]
        var keywords: [String] = []
        var sections: [(String, JSONValue)] = []
        let names = LiveNames(snapshot)
        for kind in ResourceKind.allCases {
            let type = kind.type
            guard type.planning != .notWritten else { continue }
            let section = snapshot.sections[type.api.snapshotSection]
            switch type.section {
            case .singleton:
                let value: JSONValue? = if case .parts = type.api.listing { type.assembled(from: snapshot.sections) } else { section }
                guard let object = value?.objectValue else { continue }
                var context = Context(type: type, owner: kind.rawValue, names: names, overrides: overrides[kind.rawValue] ?? [:])
                sections.append((kind.rawValue, .object(context.export(object))))
                files.merge(context.files) { $1 }
                keywords += context.keywords
            case .map:
                var entries: [String: JSONValue] = [:]
                for (name, list) in section?.objectValue ?? [:] {
                    let items = list.arrayValue ?? []
                    guard !items.isEmpty else { continue }
                    entries[name] = .array(items.map { Self.mapEntry($0, of: type) })
                }
                sections.append((kind.rawValue, .object(entries)))
            case .list:
                let listed: [[String: JSONValue]] = if case .pages = type.api.listing { ResourceType.livePages(in: snapshot.sections) } else { snapshot.objects(type.api.snapshotSection) }
                let objects = listed.filter(type.api.isManaged)
                sections.append((kind.rawValue, .array(objects.map { object in
                    let owner = type.keyFields.compactMap { object[$0]?.keyText }.first ?? type.noun
                    var context = Context(type: type, owner: owner, names: names, overrides: overrides[owner] ?? [:])
                    let exported = context.export(object)
                    files.merge(context.files) { $1 }
                    keywords += context.keywords
                    return .object(exported)
                })))
            }
        }
        files["tenant.yaml"] = "# Exported from \(snapshot.domain) by `tenantctl export` at \(snapshot.exportedAt).\n"
            + sections.map { TenantYAMLWriter.yaml(.object([$0.0: $0.1])) }.joined(separator: "\n")
        keywords.sort()
        files["tenantctl.yaml"] = settings(domain: snapshot.domain, keywords: keywords)
        return Export(files: files, keywords: keywords, sections: Dictionary(sections, uniquingKeysWith: { _, last in last }))
    }

    /// A live entry of a map section as the files write it (a trigger binding names its action).
    private static func mapEntry(_ live: JSONValue, of type: ResourceType) -> JSONValue {
        switch type.planning {
        case .triggerBindings:
            .object(["action_name": live["action"]?["name"] ?? .null, "display_name": live["display_name"] ?? .null])
        case .standard, .connection, .action, .actionModule, .mergedSingleton, .singleton, .notWritten, .parts, .pages:
            live
        }
    }

    /// Exports one live object: read-only fields and unreadable secrets dropped, ids turned into names, files
    /// written beside the YAML, secrets turned into keywords.
    private struct Context {
        let type: ResourceType
        let owner: String
        let names: LiveNames
        let overrides: [String: String]
        var files: [String: String] = [:]
        var keywords: [String] = []

        mutating func export(_ live: [String: JSONValue]) -> [String: JSONValue] {
            var value = JSONValue.object(live)
            for field in type.readOnlyFields { value = FieldPattern(field).rewrite(value) { _ in nil } }
            for secret in type.secretFields where secret.onRead == .drop || secret.onRead == .writeOnly {
                value = secret.pattern.rewrite(value) { _ in nil }
            }
            var object = value.objectValue ?? [:]
            for reference in type.references where reference.inAPI == .id {
                if let apiField = reference.apiField, let field = reference.path.topLevelField {
                    guard let id = object.removeValue(forKey: apiField)?.stringValue else { continue }
                    object[field] = .string(names.key(of: id, among: reference.targets) ?? id)
                    continue
                }
                object = reference.path.rewrite(.object(object)) { value in
                    guard let id = value.stringValue else { return value }
                    return .string(names.key(of: id, among: reference.targets) ?? id)
                }.objectValue ?? object
            }
            for sub in type.subResources { object[sub.field] = exportItems(live[sub.snapshotField], sub) }
            for list in type.nestedLists { exportNestedList(list, &object) }
            for field in type.files where !type.nestedLists.contains(where: { $0.member == field.pattern.topLevelField }) { exportFiles(field, &object) }
            for secret in type.secretFields where secret.onRead == .ciphertext {
                object = secret.pattern.rewrite(.object(object)) { _ in nil }.objectValue ?? object
                object = keywordsForCiphertext(secret, live: live, into: object)
            }
            object = Self.placeholders(for: .object(object), owner: owner, keywords: &keywords).objectValue ?? object
            if var metadata = object["metadata"]?.objectValue {
                metadata = metadata.filter { !$0.key.hasPrefix("tenantctl_") }
                object["metadata"] = metadata.isEmpty ? nil : .object(metadata)
            }
            type.adjustExport?(live, &object)
            return object
        }

        /// Ciphertext the API returns (`options.configuration`): each key becomes a keyword (or the one the files
        /// already use), never the ciphertext.
        private mutating func keywordsForCiphertext(_ secret: SecretField, live: [String: JSONValue], into object: [String: JSONValue]) -> [String: JSONValue] {
            let parents = secret.pattern.segments.dropLast().map(\.glob)
            guard let container = JSONValue.object(live).value(at: parents)?.objectValue else { return object }
            var placeholders: [String: JSONValue] = [:]
            for key in container.keys {
                if let value = overrides[key] {
                    placeholders[key] = .string(value)
                    continue
                }
                let keyword = SnapshotExporter.keyword(connection: owner, key: key)
                keywords.append(keyword)
                placeholders[key] = .string("##\(keyword)##")
            }
            return JSONValue.object(object).setting(.object(placeholders), at: parents).objectValue ?? object
        }

        /// A sub-resource's live items as the files write them: names instead of ids.
        private func exportItems(_ live: JSONValue?, _ sub: SubResource) -> JSONValue {
            let items = live?.arrayValue ?? []
            return .array(items.compactMap { item in
                if let whole = sub.itemReferences.first(where: { $0.filesField.isEmpty }) {
                    let id = item.stringValue ?? item[whole.apiField]?.stringValue ?? ""
                    return .string(names.key(of: id, among: whole.targets) ?? id)
                }
                guard var object = item.objectValue else { return nil }
                for field in sub.itemReadOnlyFields { object[field] = nil }
                for reference in sub.itemReferences {
                    guard let value = object.removeValue(forKey: reference.apiField)?.stringValue else { continue }
                    let name = reference.inAPI == .id ? names.key(of: value, among: reference.targets) ?? value : value
                    for (field, part) in reference.filesFields(naming: name) { object[field] = .string(part) }
                }
                return .object(object)
            })
        }

        /// A nested list's values become files named by their levels (`<prompt>_<screen>.json`, holding the levels as
        /// fields, as the Deploy CLI writes them); the list names each file.
        private mutating func exportNestedList(_ list: NestedList, _ object: inout [String: JSONValue]) {
            guard let nested = object[list.member] else { return }
            guard let field = type.files.first(where: { $0.pattern.topLevelField == list.member }) else {
                object[list.member] = list.listed(nested)
                return
            }
            var named = nested
            for (levels, value) in list.entries(nested) {
                let entry = SnapshotExporter.fileName(list.levels.compactMap { levels[$0] }.joined(separator: "_"))
                let path = field.exportPath.replacingOccurrences(of: "{entry}", with: entry)
                files[path] = String(decoding: list.withLevels(value, levels).encoded(pretty: true), as: UTF8.self) + "\n"
                named = named.setting(.string("./\(path)"), at: list.levels.compactMap { levels[$0] })
            }
            object[list.member] = list.listed(named)
        }

        /// Scripts become files beside the YAML; the field keeps the file's path.
        private mutating func exportFiles(_ field: FileField, _ object: inout [String: JSONValue]) {
            let name = SnapshotExporter.fileName(owner)
            switch field.content {
            case .databaseScripts:
                let parents = field.pattern.segments.dropLast().map(\.glob)
                guard let scripts = JSONValue.object(object).value(at: parents)?.objectValue else { return }
                var paths: [String: JSONValue] = [:]
                for (script, code) in scripts {
                    let path = field.exportPath.replacingOccurrences(of: "{name}", with: name).replacingOccurrences(of: "{entry}", with: script)
                    files[path] = code.stringValue ?? ""
                    paths[script] = .string("./\(path)")
                }
                object = JSONValue.object(object).setting(.object(paths), at: parents).objectValue ?? object
            case .text where field.pattern.segments.count == 2 && field.pattern.segments[0].intoItems:
                // A field of each item of a list (`templates[].body`): one file per item, named by the item.
                let list = field.pattern.segments[0].glob, member = field.pattern.segments[1].glob
                object[list] = object[list].map { value in
                    .array((value.arrayValue ?? []).enumerated().map { index, item in
                        guard var fields = item.objectValue, let text = fields[member]?.stringValue else { return item }
                        let entry = ["template", "name", "key", "type"].lazy.compactMap { fields[$0]?.stringValue }.first ?? String(index)
                        let path = field.exportPath.replacingOccurrences(of: "{name}", with: name)
                            .replacingOccurrences(of: "{entry}", with: SnapshotExporter.fileName(entry))
                        files[path] = text
                        fields[member] = .string("./\(path)")
                        return .object(fields)
                    })
                }
            case .rule, .action, .text:
                guard let key = field.pattern.topLevelField, object[key] != nil || field.content != .text else { return }
                let path = field.exportPath.replacingOccurrences(of: "{name}", with: name)
                files[path] = object[key]?.stringValue ?? ""
                object[key] = .string("./\(path)")
            case .json:
                guard let key = field.pattern.topLevelField, let value = object[key] else { return }
                let path = field.exportPath.replacingOccurrences(of: "{name}", with: name)
                files[path] = String(decoding: value.encoded(pretty: true), as: UTF8.self) + "\n"
                object[key] = .string("./\(path)")
            case .jsonSpread:
                // The resource goes to the file whole; the YAML keeps its key and the file's path.
                guard let key = field.pattern.topLevelField else { return }
                let path = field.exportPath.replacingOccurrences(of: "{name}", with: name)
                files[path] = String(decoding: JSONValue.object(object).encoded(pretty: true), as: UTF8.self) + "\n"
                var kept = object.filter { type.keyFields.contains($0.key) }
                kept[key] = .string("./\(path)")
                object = kept
            }
        }

        /// Write-only secrets the reader kept as `<redacted>` (a social connection's client secret, a log stream's
        /// token) become secret keywords named after their owner and field (without `options`), never a literal
        /// `<redacted>` that apply would send.
        static func placeholders(for value: JSONValue, owner: String, path: String = "", keywords: inout [String]) -> JSONValue {
            switch value {
            case .string(SecretReference.redacted):
                let keyword = SnapshotExporter.keyword(connection: owner, key: path.isEmpty ? "SECRET" : path)
                keywords.append(keyword)
                return .string("##\(keyword)##")
            case .object(let fields):
                var result: [String: JSONValue] = [:]
                for (key, field) in fields {
                    let childPath = path.isEmpty ? (key == "options" ? "" : key) : "\(path)_\(key)"
                    result[key] = placeholders(for: field, owner: owner, path: childPath, keywords: &keywords)
                }
                return .object(result)
            case .array(let items):
                return .array(items.enumerated().map { index, item in
                    let label = item["header"]?.stringValue ?? String(index)
                    return placeholders(for: item, owner: owner, path: path.isEmpty ? label : "\(path)_\(label)", keywords: &keywords)
                })
            default:
                return value
            }
        }
    }

    private func settings(domain: String, keywords: [String]) -> String {
        var text = "# Deploy settings (docs/settings.md).\ndomain: \(domain)\nallow_deletes: false\n"
        if !keywords.isEmpty {
            text += "# The API never returns configuration values or other secrets: set each of these in the environment before plan or apply.\nsecrets:\n"
            text += keywords.map { "  - \($0)\n" }.joined()
        }
        return text
    }

    /// `LEGACY_USERS_CLIENT_SECRET` from connection `legacy-users` and key `CLIENT_SECRET`.
    static func keyword(connection: String, key: String) -> String {
        let raw = "\(connection)_\(key)".uppercased()
        return String(raw.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func fileName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || "-_. ".contains($0) ? $0 : "_" })
    }
}
