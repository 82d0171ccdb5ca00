import Foundation

/// Turns the sections of a tenant document into resources and scripts, as each type's descriptor says: the
/// section's shape and key, the field names the Management API accepts (`FieldCatalog`), the files beside the YAML.
/// Reports what it cannot use.
struct ResourceSectionParser {
    /// Deploy CLI sections tenantctl reads but does not manage yet: reported once, as a note.
    static let unmanagedDeployCLISections: Set<String> = Set([
        "pages", "branding", "themes", "prompts", "emailTemplates", "guardianFactors", "guardianFactorProviders",
        "guardianFactorTemplates", "guardianPolicies", "guardianPhoneFactorSelectedProvider",
        "guardianPhoneFactorMessageTypes", "roles", "organizations", "attackProtection", "customDomains", "hooks",
        "migrations", "tokenExchangeProfiles", "phoneProviders", "phoneTemplates", "actionModules", "forms", "flows",
        "flowVaultConnections", "selfServiceProfiles", "networkACLs", "connectionProfiles", "userAttributeProfiles",
        "riskAssessment", "supplementalSignals", "eventStreams", "rateLimitPolicies", "keys", "userBlocks",
    ]).subtracting(ResourceKind.allCases.map(\.rawValue))

    let tenantDirectory: String
    let fileSystem: any TenantFileSystem
    let catalog: FieldCatalog
    let loader: TenantLoader
    /// Keywords in the files the sections name, replaced as in the tenant file.
    private(set) var keywords: FileKeywordReplacement

    private(set) var resources: [ResourceDefinition] = []
    private(set) var scripts: [ScriptSource] = []
    private(set) var attachedFiles: [AttachedFile] = []
    private(set) var unmanagedSections: [String] = []
    private(set) var unmanagedValues: [String: ConfigNode] = [:]
    private(set) var declaredSections: Set<ResourceKind> = []
    private(set) var findings: [Finding] = []

    init(tenantDirectory: String, fileSystem: any TenantFileSystem, catalog: FieldCatalog, loader: TenantLoader, replacer: KeywordReplacer) {
        self.keywords = FileKeywordReplacement(replacer: replacer)
        self.tenantDirectory = tenantDirectory
        self.fileSystem = fileSystem
        self.catalog = catalog
        self.loader = loader
    }

    mutating func parse(_ root: ConfigNode) {
        var firstUnmanaged: SourceLocation?
        for entry in root.entries {
            if let kind = ResourceKind(rawValue: entry.key) {
                declaredSections.insert(kind)
                parseSection(kind.type, entry)
            } else if Self.unmanagedDeployCLISections.contains(entry.key) {
                unmanagedSections.append(entry.key)
                unmanagedValues[entry.key] = entry.value
                firstUnmanaged = firstUnmanaged ?? entry.keyLocation
            } else {
                let known = ResourceKind.allCases.map(\.rawValue) + Self.unmanagedDeployCLISections
                findings.append(.unknownKey(entry, among: known, in: "the tenant file (a Deploy CLI section name)"))
            }
        }
        if !unmanagedSections.isEmpty {
            findings.append(.loader("unmanaged-section", firstUnmanaged,
                "not managed by tenantctl yet, left untouched on the tenant: \(unmanagedSections.joined(separator: ", "))",
                severity: .note))
        }
    }

    /// A note for each field the files set that tenantctl does not manage (it is never sent): said, never silent.
    private mutating func noteUnmanagedFields(_ type: ResourceType, of owner: String, _ item: ConfigNode) {
        for (field, reason) in type.unmanagedFields.sorted(by: { $0.key < $1.key }) {
            // A nested field (`directory_provisioning_configuration.synchronized_groups`) is found level by level.
            let levels = field.split(separator: ".").map(String.init)
            guard let first = item.entry(levels[0]),
                  let entry = levels.dropFirst().reduce(Optional(first), { found, key in found?.value.entry(key) }) else { continue }
            findings.append(.loader("unmanaged-field", entry.keyLocation,
                "`\(field)` of \(owner) is not managed by tenantctl yet and is left untouched on the tenant: \(reason)", severity: .note))
        }
    }

    private mutating func parseSection(_ type: ResourceType, _ entry: ConfigEntry) {
        let kind = type.kind
        switch type.section {
        case .singleton:
            guard entry.value.isMapping || entry.value.isNull else {
                findings.append(.wrongType(entry, expected: "a mapping"))
                return
            }
            // An empty `emailProvider: {}` (as exports write it) declares nothing.
            guard !entry.value.entries.isEmpty else { return }
            checkFields(entry.value, against: catalog.sections[kind.rawValue], path: kind.rawValue)
            checkFormerNames(type, key: kind.rawValue, entry.value)
            noteUnmanagedFields(type, of: type.noun, entry.value)
            findings += Self.nestedListFindings(type, entry.value)
            readFiles(type, key: kind.rawValue, entry.value)
            resources.append(ResourceDefinition(kind: kind, key: kind.rawValue, body: entry.value))
        case .map(let shape):
            parseMap(type, shape, entry)
        case .list(let keyFields):
            guard entry.value.isSequence || entry.value.isNull else {
                findings.append(.wrongType(entry, expected: "a list of \(type.noun)s"))
                return
            }
            var seen: [String: SourceLocation] = [:]
            for item in entry.value.items {
                guard item.isMapping else {
                    findings.append(.loader("wrong-type", item.location, "each entry of `\(kind.rawValue)` is a mapping, found \(item.typeName)"))
                    continue
                }
                guard let key = naturalKey(type, keyFields, item) else { continue }
                if let first = seen[key] {
                    // In the directory format the first may be another file: then it is named.
                    let place = first.file == item.location.file ? "line \(first.line)" : "\(first)"
                    findings.append(.loader("duplicate-name", item.location,
                        "\(type.noun) `\(key)` is declared twice (first at \(place)); names must be unique"))
                    continue
                }
                seen[key] = item.location
                checkFields(item, against: catalog.sections[kind.rawValue], path: kind.rawValue)
                findings += Self.valueLimitFindings(type, item)
                checkFormerNames(type, key: key, item)
                noteUnmanagedFields(type, of: "\(type.noun) `\(key)`", item)
                readFiles(type, key: key, item)
                resources.append(ResourceDefinition(kind: kind, key: key, body: item))
            }
        }
    }

    /// Fields written under a former name: a note naming the field they stand for, an error when both are written
    /// and disagree.
    private mutating func checkFormerNames(_ type: ResourceType, key: String, _ node: ConfigNode) {
        for (former, current) in type.formerNames.sorted(by: { $0.key < $1.key }) {
            guard let entry = node.entry(former) else { continue }
            if let written = node.entry(current), written.value.json != entry.value.json {
                findings.append(.loader("conflicting-fields", entry.keyLocation,
                    "\(type.noun) `\(key)` writes both `\(former)` (the former name of `\(current)`) and `\(current)` (line \(written.keyLocation.line)), with different values; keep `\(current)` only"))
            } else {
                findings.append(.loader("former-field-name", entry.keyLocation,
                    "`\(former)` of \(type.noun) `\(key)` is the former name of `\(current)`: tenantctl sends it as `\(current)`; rename it in the file when convenient", severity: .note))
            }
        }
    }

    /// The name users know a resource by; reports a missing one.
    private mutating func naturalKey(_ type: ResourceType, _ keyFields: [String], _ item: ConfigNode) -> String? {
        var values: [String] = []
        for field in keyFields {
            if let value = item[field]?.keyText, !value.isEmpty {
                values.append(value)
            } else {
                findings.append(.loader("missing-field", item.location, "this \(type.noun) has no `\(field)`; add one"))
            }
        }
        return values.count == keyFields.count ? ResourceType.joinKey(values) : nil
    }

    /// A mapping of names to lists of entries (trigger id to bindings): one resource per name.
    private mutating func parseMap(_ type: ResourceType, _ shape: MapEntryShape, _ entry: ConfigEntry) {
        guard entry.value.isMapping || entry.value.isNull else {
            findings.append(.wrongType(entry, expected: "a mapping of name to a list of \(shape.noun)s"))
            return
        }
        for named in entry.value.entries {
            guard named.value.isSequence || named.value.isNull else {
                findings.append(.wrongType(named, expected: "a list of \(shape.noun)s (\(shape.fields.map { "`\($0)`" }.joined(separator: ", ")))"))
                continue
            }
            for item in named.value.items {
                for field in item.entries where !shape.fields.contains(field.key) {
                    findings.append(.unknownKey(field, among: shape.fields, in: "a \(shape.noun)"))
                }
                for (field, what) in shape.required.sorted(by: { $0.key < $1.key }) where item[field]?.string == nil {
                    findings.append(.loader("missing-field", item.location, "a \(shape.noun) needs `\(field)`: \(what)"))
                }
            }
            resources.append(ResourceDefinition(kind: type.kind, key: named.key, body: named.value))
        }
    }

    /// Reads the files a resource names (custom database scripts, a rule's script, an action's code).
    private mutating func readFiles(_ type: ResourceType, key: String, _ item: ConfigNode) {
        for field in type.files {
            switch field.content {
            case .databaseScripts:
                // `options.customScripts.*`: the mapping of script name to file.
                let parent = FieldPattern(field.pattern.segments.dropLast().map(\.glob).joined(separator: "."))
                for match in parent.values(in: item) {
                    guard let mapping = match.entry else { continue }
                    guard mapping.value.isMapping else {
                        findings.append(.wrongType(mapping, expected: "a mapping of script name (login, get_user, …) to a file path"))
                        continue
                    }
                    for script in mapping.value.entries {
                        guard let name = DatabaseScriptName(rawValue: script.key) else {
                            findings.append(.unknownKey(script, among: DatabaseScriptName.allCases.map(\.rawValue), in: "options.customScripts"))
                            continue
                        }
                        readScript(script.value, kind: .databaseScript(name), owner: key)
                    }
                }
            case .rule:
                for match in field.pattern.values(in: item) { readScript(match.value, kind: .rule, owner: key) }
            case .action:
                for match in field.pattern.values(in: item) { readScript(match.value, kind: .action, owner: key) }
            case .text, .json, .jsonSpread:
                for match in field.pattern.values(in: item) {
                    guard let entry = match.entry else { continue }
                    // A value of a nested list may be written in place (the directory format reads each file there).
                    if field.content == .json, type.nestedLists.contains(where: { $0.member == field.pattern.topLevelField }), entry.value.isMapping { continue }
                    readAttachment(entry, kind: type.kind, content: field.content, owner: key)
                }
            }
        }
    }

    /// An HTML template or a JSON document a resource's field names, read through the same checks as scripts.
    private mutating func readAttachment(_ entry: ConfigEntry, kind: ResourceKind, content: FileContent, owner: String) {
        let reference = entry.value
        let what = content == .text ? "text" : "JSON"
        guard let relative = reference.string, !relative.isEmpty else {
            findings.append(.loader("wrong-type", reference.location, "expected the path of a \(what) file relative to the tenant file, found \(reference.typeName)"))
            return
        }
        guard !TenantPath.escapes(relative) else {
            findings.append(.loader("path-escapes-tenant", reference.location,
                "file path `\(relative)` leaves the tenant folder \(tenantDirectory); keep the file inside it"))
            return
        }
        let path = TenantPath.join(tenantDirectory, relative)
        guard fileSystem.size(of: path) != nil else {
            findings.append(.loader("missing-file", reference.location, "\(what) file \(path) does not exist; create it or fix the path"))
            return
        }
        var local: [Finding] = []
        let read = loader.readText(path, limit: TenantLoader.maximumScriptBytes, findings: &local, reference: reference.location, within: [tenantDirectory])
        findings += local
        guard let read else { return }
        let text = keywords.attachment(read, file: path, findings: &findings)
        let value: JSONValue
        switch content {
        case .json, .jsonSpread:
            do { value = try JSONValue.parse(Data(text.utf8)) } catch {
                findings.append(.loader("json-syntax", SourceLocation(file: path), "\(path) is not valid JSON; fix it (a form or flow is the JSON the Management API takes)"))
                return
            }
            if content == .jsonSpread, value.objectValue == nil {
                findings.append(.loader("wrong-type", SourceLocation(file: path), "\(path) must hold a JSON object: the \(kind.noun) itself"))
                return
            }
        case .text, .databaseScripts, .rule, .action:
            value = .string(text)
        }
        attachedFiles.append(AttachedFile(kind: kind, owner: owner, field: entry.key, path: path, written: relative, value: value, reference: reference.location))
    }

    private mutating func readScript(_ reference: ConfigNode, kind: ScriptSource.Kind, owner: String) {
        guard let relative = reference.string, !relative.isEmpty else {
            findings.append(.loader("wrong-type", reference.location, "expected the path of a script file relative to the tenant file, found \(reference.typeName)"))
            return
        }
        guard !TenantPath.escapes(relative) else {
            findings.append(.loader("path-escapes-tenant", reference.location,
                "script path `\(relative)` leaves the tenant folder \(tenantDirectory); keep scripts inside it (for example ./databases/<connection>/login.js)"))
            return
        }
        let path = TenantPath.join(tenantDirectory, relative)
        guard fileSystem.size(of: path) != nil else {
            findings.append(.loader("missing-file", reference.location, "script file \(path) does not exist; create it or fix the path"))
            return
        }
        var local: [Finding] = []
        let read = loader.readText(path, limit: TenantLoader.maximumScriptBytes, findings: &local, reference: reference.location, within: [tenantDirectory])
        findings += local
        guard let read else { return }
        let text = keywords.script(read, kind: kind, file: path, findings: &findings)
        // Auth0 counts what it is sent: the file's size unless keywords changed it.
        var script = ScriptSource(kind: kind, owner: owner, path: path, text: text, byteCount: text == read ? fileSystem.size(of: path) : nil, reference: reference.location)
        if text != read { script.asWritten = read }
        scripts.append(script)
    }

    /// Reports keys the API does not know. In closed objects every unknown key is an error; in open ones
    /// (free-form maps) only a near miss of a known key is reported, as a warning.
    private mutating func checkFields(_ node: ConfigNode, against catalogNode: FieldCatalog.Node?, path: String) {
        guard let catalogNode, node.isMapping else { return }
        for entry in node.entries {
            // A resource's own fields only: nested limits (connection options) merge every strategy's, which disagree.
            if !path.contains("."), let limit = catalogNode.limits[entry.key], let text = entry.value.string, !SecretReference.contains(text),
               let problem = StringLimitCheck.problem(text, limit) {
                findings.append(.loader("api-limit", entry.value.location, "`\(entry.key)` in `\(path)` \(problem)"))
            }
            if catalogNode.keys.keys.contains(entry.key) {
                if let child = catalogNode.child(entry.key), !(path.hasSuffix("options") && entry.key == "customScripts") {
                    let childPath = path + "." + entry.key
                    if entry.value.isMapping {
                        checkFields(entry.value, against: child, path: childPath)
                    } else if entry.value.isSequence {
                        for item in entry.value.items where item.isMapping { checkFields(item, against: child, path: childPath) }
                    }
                }
            } else if !catalogNode.open && !path.contains(".") {
                findings.append(.unknownKey(entry, among: Array(catalogNode.keys.keys), in: "`\(path)` (not a field the Management API accepts)"))
            } else if !catalogNode.open {
                // Nested objects evolve faster than the published spec (tenant flags, for one): a warning, not an error.
                findings.append(.unknownKey(entry, among: Array(catalogNode.keys.keys),
                    in: "`\(path)` (not in the Management API's published schema; the API may refuse it)", severity: .warning))
            } else if !catalogNode.keys.isEmpty, let near = NearestKey.suggestion(for: entry.key, among: catalogNode.keys.keys), near != entry.key {
                findings.append(.loader("unknown-key", entry.keyLocation,
                    "unknown key `\(entry.key)` in `\(path)`. Did you mean `\(near)`?", severity: .warning))
            }
        }
    }
}
