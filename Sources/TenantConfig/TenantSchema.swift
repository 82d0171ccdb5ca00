/// JSON Schemas (draft 2020-12) for `tenant.yaml` and `tenantctl.yaml`, generated from what the loader accepts:
/// the sections of `ResourceKind`, the Management API field names of `FieldCatalog`, the key fields each resource
/// needs, and the settings keys `DeploySettingsParser` reads. Editors use them to complete and check the files
/// (`tenantctl schema`, docs/settings.md).
///
/// Values stay untyped where keywords may stand in for them: `@@KEY@@` is replaced before the YAML is parsed,
/// so a field holding `"@@ORIGINS@@"` is valid. Unknown nested keys are allowed, as the loader only warns about them,
/// and a nested field's keys apply whether it holds an object or a list of objects.
public enum TenantSchema {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The schema of a tenant document (`tenant.yaml`, the Deploy CLI's format).
    public static func tenantDocument(catalog: FieldCatalog = .bundled) -> JSONValue {
        var sections: [String: JSONValue] = [:]
        var definitions: [String: JSONValue] = [:]
        for kind in ResourceKind.allCases {
            sections[kind.rawValue] = section(kind, catalog: catalog, definitions: &definitions)
        }
        for name in ResourceSectionParser.unmanagedDeployCLISections.sorted() {
            sections[name] = .object(["description": .string("Deploy CLI section tenantctl loads but does not manage yet: left untouched on the tenant.")])
        }
        return .object([
            "$schema": .string(dialect),
            "title": .string("tenantctl tenant.yaml (Auth0 Deploy CLI format)"),
            "type": .string("object"),
            "properties": .object(sections),
            "additionalProperties": .bool(false),
            "$defs": .object(definitions),
        ])
    }

    /// The schema of the deploy settings (`tenantctl.yaml`); `ruleIdentifiers` are the rules `lint.disable` may name.
    public static func settings(ruleIdentifiers: [String]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for key in DeploySettingsParser.knownKeys {
            properties[key] = settingSchema(key, ruleIdentifiers: ruleIdentifiers)
        }
        return .object([
            "$schema": .string(dialect),
            "title": .string("tenantctl deploy settings (tenantctl.yaml)"),
            "type": .string("object"),
            "properties": .object(properties),
            "additionalProperties": .bool(false),
        ])
    }

    private static func section(_ kind: ResourceKind, catalog: FieldCatalog, definitions: inout [String: JSONValue]) -> JSONValue {
        let type = kind.type
        switch type.section {
        case .singleton:
            return described(object(catalog.sections[kind.rawValue], kind: kind, topLevel: true, definitions: &definitions), "The \(type.noun).")
        case .map(let entry):
            let properties = Dictionary(uniqueKeysWithValues: entry.fields.map { field in
                (field, entry.required[field].map { string($0.prefix(1).uppercased() + $0.dropFirst() + ".") } ?? JSONValue.object([:]))
            })
            let item: JSONValue = .object([
                "type": .string("object"),
                "properties": .object(properties),
                "required": .array(entry.required.keys.sorted().map(JSONValue.string)),
                "additionalProperties": .bool(false),
            ])
            return described(.object(["type": .string("object"), "additionalProperties": .object(["type": .string("array"), "items": item])]),
                             "Name to its ordered \(entry.noun)s.")
        case .list(let keyFields):
            var item = object(catalog.sections[kind.rawValue], kind: kind, topLevel: true, definitions: &definitions)
            if case .object(var fields) = item {
                fields["required"] = .array(keyFields.map(JSONValue.string))
                item = .object(fields)
            }
            return described(.object(["type": .string("array"), "items": item]), "A list of \(type.noun)s.")
        }
    }

    /// An object of the API's fields. Top-level fields are closed (an unknown one is an error), nested ones open.
    private static func object(_ node: FieldCatalog.Node?, kind: ResourceKind, topLevel: Bool, path: String = "",
                               definitions: inout [String: JSONValue]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for (key, child) in node?.keys ?? [:] {
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            properties[key] = override(kind, childPath)
                ?? child.map { object($0, kind: kind, topLevel: false, path: childPath, definitions: &definitions) } ?? .object([:])
        }
        guard topLevel else {
            // The catalog knows a nested field's keys, not whether it holds one object or a list of them (scopes,
            // supported_triggers) or also accepts a boolean (options.email): the keys apply to whichever it is.
            let name = "\(kind.rawValue).\(path)"
            definitions[name] = .object(["properties": .object(properties)])
            let reference: JSONValue = .object(["$ref": .string("#/$defs/\(name)")])
            return .object(["$ref": .string("#/$defs/\(name)"), "items": reference])
        }
        var fields: [String: JSONValue] = ["type": .string("object"), "properties": .object(properties)]
        if node?.open == false { fields["additionalProperties"] = .bool(false) }
        return .object(fields)
    }

    /// Fields whose shape the Deploy CLI format fixes: file references and names in place of ids (from the descriptor).
    private static func override(_ kind: ResourceKind, _ path: String) -> JSONValue? {
        let type = kind.type
        for field in type.files {
            switch field.content {
            case .databaseScripts where FieldPattern(path + ".*") == field.pattern:
                let scripts = DatabaseScriptName.allCases.map { ($0.rawValue, string("Path of the \($0.rawValue) script, relative to tenant.yaml.")) }
                return .object(["type": .string("object"), "properties": .object(Dictionary(uniqueKeysWithValues: scripts)), "additionalProperties": .bool(false)])
            case .rule, .action:
                if field.pattern == FieldPattern(path) { return string("Path of the script file, relative to tenant.yaml.") }
            case .text:
                if field.pattern == FieldPattern(path) { return string("Path of the file, relative to tenant.yaml.") }
            case .json, .jsonSpread:
                if field.pattern == FieldPattern(path) { return string("Path of the JSON file, relative to tenant.yaml.") }
            default:
                continue
            }
        }
        for sub in type.subResources where sub.field == path {
            if let reference = sub.itemReferences.first(where: { $0.filesField.isEmpty }) {
                let noun = reference.targets[0].type.noun
                return described(.object(["type": .string("array"), "items": .object(["type": .string("string")])]),
                                 "\(noun.prefix(1).uppercased() + noun.dropFirst()) names (or ids) this \(type.noun) is enabled for.")
            }
        }
        for reference in type.references where reference.inAPI == .id && reference.path == FieldPattern(path) {
            return string("The \(reference.targets[0].type.noun)'s name (or id).")
        }
        return nil
    }

    private static func settingSchema(_ key: String, ruleIdentifiers: [String]) -> JSONValue {
        let kinds = JSONValue.array(ResourceKind.allCases.map { .string($0.rawValue) })
        let names: JSONValue = .object(["type": .string("array"), "items": .object(["type": .string("string")])])
        switch key {
        case "domain": return string("The tenant's domain (acme-dev.eu.auth0.com); --domain and AUTH0_DOMAIN override it.")
        case "managed": return described(.object(["type": .string("array"), "items": .object(["enum": kinds]), "uniqueItems": .bool(true)]),
                                         "Resource types tenantctl changes; others are read, never written. Default: every type.")
        case "allow_deletes": return described(.object(["type": .string("boolean")]), "Whether the plan may delete live resources the YAML does not declare. Default: false.")
        case "keywords": return described(.object(["type": .string("object"), "additionalProperties": .object([:])]), "Values for ##KEY## and @@KEY@@ in tenant.yaml. Never secrets.")
        case "secrets": return described(names, "Keyword names whose values come from the environment only.")
        case "legacy_identity_api":
            let mapping: JSONValue = .object([
                "type": .string("object"),
                "properties": .object(["audience": string("The API's identifier or name."), "allowed_clients": described(names, "Client names allowed tokens for it.")]),
                "additionalProperties": .bool(false),
            ])
            return described(.object(["anyOf": .array([.object(["type": .string("string")]), mapping])]), "The API in front of the legacy identity store.")
        case "lint":
            let disabled: JSONValue = .object([
                "type": .string("object"),
                "properties": .object([
                    "rule": .object(["enum": .array(ruleIdentifiers.map(JSONValue.string))]),
                    "reason": string("Why, shown in the output."),
                    "scripts": described(names, "Script paths (relative to the tenant folder) it is turned off for; default: all."),
                ]),
                "required": .array([.string("rule"), .string("reason")]),
                "additionalProperties": .bool(false),
            ])
            return .object(["type": .string("object"), "properties": .object(["disable": .object(["type": .string("array"), "items": disabled])]), "additionalProperties": .bool(false)])
        case "snapshot": return string("The snapshot plan reads when no credentials are set, relative to the tenant folder. Default: snapshot.json.")
        case "owners": return described(names, "Who answers for this tenant (teams, people, a channel): named when it drifts.")
        case "environment":
            return described(.object(["enum": .array(TenantEnvironment.allCases.map { .string($0.rawValue) })]),
                             "What the tenant is for: production makes the operations rules (email provider, log streams, Management API calls per login) errors or warnings; staging and development silence them; unset, they warn.")
        case "base": return string("A folder (relative to the tenant folder) whose tenant.yaml and scripts this tenant deploys.")
        case "exclude":
            let named = ResourceKind.allCases.filter { if case .singleton = $0.type.section { false } else { true } }
            let entry: JSONValue = .object(["anyOf": .array([
                string("A name, or a glob pattern: * any run of characters, ? one, [a-z] a set, \\ escapes the next."),
                .object(["type": .string("object"), "properties": .object([
                    "name": string("A name, or a glob pattern."), "reason": string("Why, shown in plans."),
                ]), "required": .array([.string("name")]), "additionalProperties": .bool(false)]),
            ])])
            // One schema for every type's list, the types by name: the same entries whatever the type.
            return described(.object([
                "type": .string("object"),
                "propertyNames": .object(["enum": .array(named.map { .string($0.rawValue) })]),
                "additionalProperties": .object(["type": .string("array"), "items": entry]),
            ]), "Resources plan, drift and apply leave alone, per type: never created, changed or deleted, never drift; listed in the plan with the reason.")
        case "ignore_fields":
            return described(.object([
                "type": .string("object"),
                "propertyNames": .object(["enum": kinds]),
                "additionalProperties": names,
            ]), "Field paths per type (callbacks, client_metadata.owner) plan, drift and apply leave alone: the live value is kept.")
        default: return .object([:])
        }
    }

    private static func string(_ description: String) -> JSONValue {
        .object(["type": .string("string"), "description": .string(description)])
    }

    private static func described(_ schema: JSONValue, _ description: String) -> JSONValue {
        guard case .object(var fields) = schema else { return schema }
        fields["description"] = .string(description)
        return .object(fields)
    }
}
