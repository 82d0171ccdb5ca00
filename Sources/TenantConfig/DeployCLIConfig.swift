import Foundation

/// The Deploy CLI's `config.json`, translated into tenantctl.yaml for `tenantctl init`: the domain, the keyword
/// mappings (those that look secret become `secrets:`, their values never written), deletes, the managed types, the
/// exclusions and the props. What has no counterpart is listed with the reason. Pure: the caller reads and writes.
public struct DeployCLIConfig: Sendable {
    /// A setting of config.json that did not carry over, and why.
    public struct Dropped: Sendable, Equatable {
        public var setting: String
        public var location: SourceLocation
        public var reason: String
    }

    /// Why config.json cannot be translated: each names the file, line and column.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notJSON(JSONDocument.ParseError, file: String)
        case wrongType(setting: String, location: SourceLocation, expected: String, found: String)
        case mappingNotJSON(keyword: String, location: SourceLocation, reason: String)
        case mappingValue(keyword: String, location: SourceLocation, found: String)

        public var description: String {
            switch self {
            case .notJSON(let error, let file):
                switch error {
                case .syntax(let message, let line, let column): "\(file):\(line):\(column): \(file) is not JSON: \(message)"
                case .tooDeep(let limit, let line, let column): "\(file):\(line):\(column): \(file) nests values more than \(limit) levels deep"
                case .tooManyNodes(let limit): "\(file): \(file) holds more than \(limit) values"
                }
            case .wrongType(let setting, let location, let expected, let found):
                "\(location): `\(setting)` must be \(expected), found \(found)"
            case .mappingNotJSON(let keyword, let location, let reason):
                "\(location): AUTH0_KEYWORD_REPLACE_MAPPINGS is a string, so it must hold the mappings as JSON (as an environment variable does), and it does not\(keyword.isEmpty ? "" : " (at `\(keyword)`)"): \(reason)"
            case .mappingValue(let keyword, let location, let found):
                "\(location): the keyword `\(keyword)` maps to \(found), which is neither a string (for ##\(keyword)##) nor a JSON value a keyword can insert (a number, true or false, a list, an object, for @@\(keyword)@@)"
            }
        }
    }

    /// config.json's keyword mappings, secret or not.
    public var keywords: [String: KeywordValue] = [:]
    /// The keywords written under `secrets:` (named or valued like a secret), values not kept here.
    public var secretKeywords: Set<String> = []
    public var domain: String?
    public var allowDeletes: Bool?
    public var managed: Set<ResourceKind>?
    public var exclusions: [ResourceExclusion] = []
    /// Ignored fields, with the config.json setting each came from.
    public var ignoredFields: [(field: IgnoredField, from: String)] = []
    public var dropped: [Dropped] = []
    /// The secret values config.json holds (credentials, secret keywords' values or their secret-looking parts), by
    /// the name they are reported under: only so that `init` can check nothing it writes holds one. Never written.
    public var secretValues: [String: String] = [:]
    /// The file as the user named it.
    public var file: String

    /// Settings with no tenantctl counterpart, and why.
    static let noCounterpart: [String: String] = [
        "AUTH0_CLIENT_ID": "credentials are read from the environment (AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or AUTH0_ACCESS_TOKEN), never from files",
        "AUTH0_CLIENT_SECRET": "credentials are read from the environment (AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or AUTH0_ACCESS_TOKEN), never from files; its value is not copied anywhere",
        "AUTH0_ACCESS_TOKEN": "credentials are read from the environment (AUTH0_ACCESS_TOKEN), never from files; its value is not copied anywhere",
        "AUTH0_CLIENT_SIGNING_KEY_PATH": "tenantctl authenticates with a client secret or an access token; private key JWT is not supported",
        "AUTH0_CLIENT_SIGNING_ALGORITHM": "tenantctl authenticates with a client secret or an access token; private key JWT is not supported",
        "AUTH0_AUDIENCE": "tenantctl always asks for the tenant's Management API audience (https://<domain>/api/v2/)",
        "INCLUDED_PROPS": "tenantctl never exports secrets: `client_secret` and signing keys are Auth0's and never leave the tenant",
        "AUTH0_EXCLUDED_DEFAULTS": "tenantctl writes no placeholder defaults: the email provider's credentials become a secret keyword on export",
        "AUTH0_INCLUDED_CONNECTIONS": "tenantctl has no include list per type; leave the other connections alone with `exclude.connections` (names or glob patterns)",
        "AUTH0_PRESERVE_KEYWORDS": "`tenantctl export` writes a fresh folder to compare with; keywords in the files are kept by editing them, not by export",
        "AUTH0_EXPORT_IDENTIFIERS": "tenantctl's files never hold ids: resources are named, and the plan resolves names to ids",
        "AUTH0_EXPORT_ORDERED": "`tenantctl export` always writes keys in a stable order",
        "AUTH0_INPUT_FILE": "the tenant folder is tenantctl's argument (`tenantctl plan tenants/<name>`)",
        "AUTH0_OUTPUT_FOLDER": "the tenant folder is tenantctl's argument (`tenantctl export --tenant tenants/<name>`)",
        "AUTH0_BASE_PATH": "the tenant folder is tenantctl's argument; scripts live inside it",
        "AUTH0_API_MAX_RETRIES": "tenantctl retries on its own (429 and 5xx, with backoff) and limits its rate with `--max-rps`",
        "AUTH0_MAX_RETRIES": "tenantctl retries on its own (429 and 5xx, with backoff) and limits its rate with `--max-rps`",
        "AUTH0_CONCURRENT_CALLS": "tenantctl sends one call at a time, in the order the plan lists them",
        "AUTH0_DRY_RUN": "`tenantctl plan` is the dry run: apply runs exactly the reviewed plan",
        "AUTH0_DEBUG": "tenantctl has no debug setting; `--format json` shows everything a plan holds",
        "AUTH0_LOG_LEVEL": "tenantctl has no log level; `-q` silences progress",
    ]

    /// The Deploy CLI's per-type exclusion settings and the section each names.
    static let exclusionSettings: [(setting: String, kind: ResourceKind)] = [
        ("AUTH0_EXCLUDED_RULES", .rules), ("AUTH0_EXCLUDED_CLIENTS", .clients), ("AUTH0_EXCLUDED_DATABASES", .databases),
        ("AUTH0_EXCLUDED_CONNECTIONS", .connections), ("AUTH0_EXCLUDED_RESOURCE_SERVERS", .resourceServers),
    ]

    /// An empty translation of `file` (nothing read yet).
    public init(file: String) { self.file = file }

    /// Reads config.json. Throws on what cannot be translated; records what has no counterpart.
    public static func parse(_ text: String, file: String) throws(Problem) -> DeployCLIConfig {
        let root: ConfigNode
        do { root = try JSONDocument.parse(text, file: file) } catch { throw .notJSON(error, file: file) }
        guard root.isMapping else {
            throw .wrongType(setting: file, location: root.location, expected: "a JSON object of settings (AUTH0_DOMAIN, AUTH0_KEYWORD_REPLACE_MAPPINGS, …)", found: root.typeName)
        }
        var config = DeployCLIConfig(file: file)
        var included: Set<ResourceKind>?
        var excludedTypes: Set<ResourceKind> = []
        for entry in root.entries {
            let value = entry.value
            switch entry.key {
            case "AUTH0_DOMAIN":
                guard let domain = value.string else { throw .wrongType(setting: entry.key, location: value.location, expected: "a string", found: value.typeName) }
                if domain.contains("<") || domain.contains(">") || domain.contains(" ") || domain.isEmpty {
                    config.drop(entry, "`\(domain)` is a placeholder; set `domain:` in tenantctl.yaml (or AUTH0_DOMAIN in the environment)")
                } else {
                    config.domain = domain
                }
            case "AUTH0_KEYWORD_REPLACE_MAPPINGS":
                try config.readMappings(entry)
            case "AUTH0_ALLOW_DELETE":
                switch value.value {
                case .bool(let allow): config.allowDeletes = allow
                case .string("true"): config.allowDeletes = true
                case .string("false"): config.allowDeletes = false
                default: throw .wrongType(setting: entry.key, location: value.location, expected: "true or false", found: value.typeName)
                }
            case "AUTH0_INCLUDED_ONLY", "AUTH0_EXCLUDED":
                var kinds: Set<ResourceKind> = []
                for (name, location) in try names(entry) {
                    if let kind = ResourceKind(rawValue: name) { kinds.insert(kind) } else {
                        config.dropped.append(Dropped(setting: "\(entry.key): \(name)", location: location,
                            reason: "`\(name)` is not a resource type tenantctl manages (known: \(ResourceKind.allCases.map(\.rawValue).joined(separator: ", ")))"))
                    }
                }
                if entry.key == "AUTH0_INCLUDED_ONLY" { included = kinds } else { excludedTypes = kinds }
            case "EXCLUDED_PROPS", "AUTH0_IGNORE_DRY_RUN_FIELDS":
                try config.readProps(entry)
            default:
                if let kind = exclusionSettings.first(where: { $0.setting == entry.key })?.kind {
                    for (name, location) in try names(entry) {
                        config.exclusions.append(ResourceExclusion(kind: kind, pattern: .exactly(name),
                            reason: "\(entry.key) in the Deploy CLI's config.json", location: location))
                    }
                } else if let reason = noCounterpart[entry.key] {
                    if SecretCanaries.credentialNames.contains(entry.key), let value = value.string { config.secretValues[entry.key] = value }
                    config.drop(entry, reason)
                } else {
                    config.drop(entry, "not a Deploy CLI setting tenantctl knows; left out")
                }
            }
        }
        if included != nil || !excludedTypes.isEmpty {
            config.managed = (included ?? DeploySettings.defaultManaged).subtracting(excludedTypes)
        }
        return config
    }

    private mutating func drop(_ entry: ConfigEntry, _ reason: String) {
        dropped.append(Dropped(setting: entry.key, location: entry.keyLocation, reason: reason))
    }

    /// A list of names: a JSON list of strings, or a string holding one (as an environment variable does).
    private static func names(_ entry: ConfigEntry) throws(Problem) -> [(String, SourceLocation)] {
        var value = entry.value
        if let text = value.string {
            do { value = try JSONDocument.parse(text, file: value.location.file) } catch {
                throw .wrongType(setting: entry.key, location: entry.value.location, expected: "a list of names (or a string holding one as JSON)", found: "a string that is not JSON")
            }
            value = ConfigNode(value.value, at: entry.value.location)
        }
        guard value.isSequence else { throw .wrongType(setting: entry.key, location: value.location, expected: "a list of names", found: value.typeName) }
        var names: [(String, SourceLocation)] = []
        for item in value.items {
            guard let name = item.string, !name.isEmpty else {
                throw .wrongType(setting: entry.key, location: item.location, expected: "a list of names (strings)", found: item.typeName)
            }
            names.append((name, item.location))
        }
        return names
    }

    private mutating func readMappings(_ entry: ConfigEntry) throws(Problem) {
        var mappings = entry.value
        if let text = mappings.string {
            do { mappings = try JSONDocument.parse(text, file: file) } catch {
                throw .mappingNotJSON(keyword: "", location: entry.value.location, reason: error.description)
            }
            // The string's own place: positions inside it would not be the file's.
            mappings = Self.relocated(mappings, to: entry.value.location)
        }
        guard mappings.isMapping else {
            throw .wrongType(setting: entry.key, location: mappings.location, expected: "an object of KEYWORD: value", found: mappings.typeName)
        }
        for mapping in mappings.entries {
            let name = mapping.key
            let value: KeywordValue
            switch mapping.value.value {
            case .string(let text): value = .string(text)
            case .int(let int): value = .json(.number(Double(int)))
            case .double(let double): value = .json(.number(double))
            case .bool(let bool): value = .json(.bool(bool))
            case .sequence, .mapping: value = .json(mapping.value.json)
            case .null: throw .mappingValue(keyword: name, location: mapping.value.location, found: "null")
            }
            guard let first = name.first, first.isLetter || first == "_", name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                dropped.append(Dropped(setting: "AUTH0_KEYWORD_REPLACE_MAPPINGS: \(name)", location: mapping.keyLocation,
                    reason: "not a keyword name tenantctl can replace (letters, digits and _, not starting with a digit)"))
                continue
            }
            if SecretReference.nameLooksSecret(name) || Self.looksSecret(mapping.value.json) {
                secretKeywords.insert(name)
                for (index, secret) in Self.secretParts(of: mapping.value.json, named: SecretReference.nameLooksSecret(name)).enumerated() {
                    secretValues[index == 0 ? name : "\(name) (part \(index + 1))"] = secret
                }
            } else {
                keywords[name] = value
            }
        }
    }

    private mutating func readProps(_ entry: ConfigEntry) throws(Problem) {
        guard entry.value.isMapping else {
            throw .wrongType(setting: entry.key, location: entry.value.location, expected: "an object of resource type to field paths", found: entry.value.typeName)
        }
        for section in entry.value.entries {
            guard let kind = ResourceKind(rawValue: section.key) else {
                dropped.append(Dropped(setting: "\(entry.key): \(section.key)", location: section.keyLocation,
                    reason: "`\(section.key)` is not a resource type tenantctl manages"))
                continue
            }
            for (path, location) in try Self.names(section) {
                if let problem = DeployScopeParser.problem(ignoring: path, of: kind.type) {
                    dropped.append(Dropped(setting: "\(entry.key): \(section.key).\(path)", location: location, reason: problem))
                } else if !ignoredFields.contains(where: { $0.field.kind == kind && $0.field.path == path }) {
                    ignoredFields.append((IgnoredField(kind: kind, path: path, location: location), entry.key))
                }
            }
        }
    }

    /// A value that looks like a credential: an object or list holding a field named like a secret or a value that
    /// looks like one; a PEM block; a JWT; a long random token.
    public static func looksSecret(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members):
            members.contains { SecretReference.nameLooksSecret($0.key) || looksSecret($0.value) }
        case .array(let items):
            items.contains(where: looksSecret)
        case .string(let text):
            looksLikeCredential(text)
        case .null, .bool, .number:
            false
        }
    }

    /// The strings of a secret keyword's value that are secret: all of a string named like a secret; in an object,
    /// the members named or valued like one (a `type: OAUTH_APP` beside a `client_secret` is not).
    static func secretParts(of value: JSONValue, named: Bool) -> [String] {
        switch value {
        case .string(let text): named || looksLikeCredential(text) ? [text] : []
        case .object(let members): members.keys.sorted().flatMap { secretParts(of: members[$0]!, named: named || SecretReference.nameLooksSecret($0)) }
        case .array(let items): items.flatMap { secretParts(of: $0, named: named) }
        case .null, .bool, .number: []
        }
    }

    static func looksLikeCredential(_ text: String) -> Bool {
        if text.contains("-----BEGIN") { return true }
        let parts = text.split(separator: ".")
        if text.hasPrefix("eyJ"), parts.count == 3 { return true }
        // A long run without spaces mixing letters and digits, not a URL or a path: a token or a key.
        guard text.count >= 24, !text.contains(" "), !text.contains("://"), !text.hasPrefix("/") else { return false }
        let letters = text.contains(where: \.isLetter), digits = text.contains(where: \.isNumber)
        return letters && digits && Set(text).count >= 12
    }

    private static func relocated(_ node: ConfigNode, to location: SourceLocation) -> ConfigNode {
        switch node.value {
        case .mapping(let entries):
            ConfigNode(.mapping(entries.map { ConfigEntry(key: $0.key, keyLocation: location, value: relocated($0.value, to: location)) }), at: location)
        case .sequence(let items):
            ConfigNode(.sequence(items.map { relocated($0, to: location) }), at: location)
        default:
            ConfigNode(node.value, at: location)
        }
    }

    /// The settings a Deploy CLI project is loaded with: the keywords (secret ones from the environment, as in a
    /// tenant), so that its files read as they will from the new tenant folder.
    public var settings: DeploySettings {
        var settings = DeploySettings(domain: domain, managed: managed ?? DeploySettings.defaultManaged, allowDeletes: allowDeletes ?? false,
                                      keywords: keywords, secretKeywords: secretKeywords)
        settings.exclusions = exclusions
        settings.ignoredFields = ignoredFields.map(\.field)
        return settings
    }
}
