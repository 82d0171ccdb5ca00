import Crypto
import Foundation
import TenantConfig

/// One resource as the files want it, in the Management API's own shape: files beside the YAML inlined, read-only
/// keys removed, defaults filled in, names kept where the API wants ids (the planner resolves them), and the
/// sub-resources' items (a connection's enabled clients) kept apart, as the files write them.
public struct DesiredResource: Sendable {
    public var address: ResourceAddress
    public var payload: [String: JSONValue]
    /// Sub-resource items by field, as the files write them (`enabled_clients: [Web]`); a field the files leave
    /// out is absent (its live items are left alone).
    public var subItems: [String: [JSONValue]]
    /// Trigger bindings, in order: (action name, display name).
    public var bindings: [Binding]
    public var location: SourceLocation
    /// The resource as written, for the locations of its fields.
    public var source: ConfigNode

    public struct Binding: Sendable, Equatable {
        public var action: String
        public var displayName: String
    }

    /// Client names enabled on a connection (`enabled_clients` in the files).
    public var enabledClients: [String]? { subItems["enabled_clients"]?.compactMap(\.stringValue) }

    /// Where a field is written (the resource's own location when the field is not).
    public func location(of field: String) -> SourceLocation {
        source.entry(field)?.value.location ?? location
    }
}

/// Builds desired resources from a loaded tenant, as each type's descriptor says.
public enum DesiredState {
    public static func resources(of tenant: TenantDefinition) -> [DesiredResource] {
        tenant.resources.compactMap { resource in
            let type = resource.kind.type
            guard type.planning != .notWritten else { return nil }
            var bindings: [DesiredResource.Binding] = []
            if case .map = type.section {
                bindings = resource.body.items.compactMap { item in
                    guard let action = item["action_name"]?.string else { return nil }
                    return .init(action: action, displayName: item["display_name"]?.string ?? action)
                }
                return DesiredResource(address: ResourceAddress(resource.kind, resource.key), payload: [:], subItems: [:], bindings: bindings,
                                       location: resource.location, source: resource.body)
            }
            var value = resource.body.json
            for (former, current) in type.formerNames {
                guard case .object(var object) = value, let written = object.removeValue(forKey: former) else { continue }
                if object[current] == nil { object[current] = written }
                value = .object(object)
            }
            var subItems: [String: [JSONValue]] = [:]
            for sub in type.subResources {
                if let items = value[sub.field] { subItems[sub.field] = items.arrayValue ?? [] }
                value = FieldPattern(sub.field).rewrite(value) { _ in nil }
            }
            for field in type.readOnlyFields.union(type.unmanagedFields.keys) { value = FieldPattern(field).rewrite(value) { _ in nil } }
            var payload = value.objectValue ?? [:]
            for (field, fallback) in type.defaults where payload[field] == nil { payload[field] = fallback }
            for field in type.files { inline(field, of: resource, from: tenant, into: &payload) }
            payload = inPartsShape(payload, type)
            payload = markingLiteralSecrets(payload, of: resource, type).payload
            return DesiredResource(address: ResourceAddress(resource.kind, resource.key), payload: payload, subItems: subItems, bindings: bindings,
                                   location: resource.location, source: resource.body)
        }
    }

    /// The values of secret fields written in clear in the files (which `secret-literal` reports), by the name that
    /// stands for each in plans: they never enter a plan or plan file, and `apply`, which reads the same files,
    /// sends them.
    public static func literalSecrets(of tenant: TenantDefinition) -> [String: String] {
        var values: [String: String] = [:]
        for resource in tenant.resources where resource.kind.type.planning != .notWritten {
            let payload = resource.body.json.objectValue ?? [:]
            values.merge(markingLiteralSecrets(payload, of: resource, resource.kind.type).values) { first, _ in first }
        }
        return values
    }

    /// Every literal in a secret field replaced by the marker of a name derived from where it is (never from its
    /// value), as if the files had used a secret keyword.
    static func markingLiteralSecrets(_ payload: [String: JSONValue], of resource: ResourceDefinition, _ type: ResourceType)
        -> (payload: [String: JSONValue], values: [String: String]) {
        var values: [String: String] = [:]
        var result = JSONValue.object(payload)
        for secret in type.secretFields {
            result = secret.pattern.rewrite(result) { (path: [String], value: JSONValue) in marked(value, at: path, of: resource, into: &values) }
        }
        return (result.objectValue ?? payload, values)
    }

    /// A secret field's value with every literal string in it (an object's leaves too: `credentials`) marked.
    private static func marked(_ value: JSONValue, at path: [String], of resource: ResourceDefinition, into values: inout [String: String]) -> JSONValue {
        switch value {
        case .string(let text):
            guard !text.isEmpty, !SecretReference.contains(text), text != SecretReference.redacted else { return value }
            let place = "\(resource.kind.rawValue)/\(resource.key)/\(path.joined(separator: "."))"
            let name = "TENANTCTL_LITERAL_" + SHA256.hash(data: Data(place.utf8)).prefix(6).map { String(format: "%02X", $0) }.joined()
            values[name] = text
            return .string(SecretReference.marker(for: name))
        case .object(let members):
            return .object(Dictionary(uniqueKeysWithValues: members.map { ($0.key, marked($0.value, at: path + [$0.key], of: resource, into: &values)) }))
        case .array(let items):
            return .array(items.enumerated().map { marked($1, at: path + ["[\($0)]"], of: resource, into: &values) })
        case .null, .bool, .number:
            return value
        }
    }

    /// Nested lists as the parts address them (`screenRenderers.{prompt}.{screen}`), without the fields the API
    /// alone sets that a file saved from it may hold (`tenant`).
    private static func inPartsShape(_ payload: [String: JSONValue], _ type: ResourceType) -> [String: JSONValue] {
        var result = JSONValue.object(payload)
        for list in type.nestedLists {
            if let written = payload[list.member] { result = result.setting(list.nested(written), at: [list.member]) }
        }
        for part in type.parts where !part.readOnlyFields.isEmpty {
            for instance in part.instances(in: result) where !instance.keyPath.isEmpty {
                guard var object = result.value(at: instance.keyPath)?.objectValue else { continue }
                for field in part.readOnlyFields { object[field] = nil }
                result = result.setting(.object(object), at: instance.keyPath)
            }
        }
        return result.objectValue ?? payload
    }

    /// The files' text in place of their paths.
    private static func inline(_ field: FileField, of resource: ResourceDefinition, from tenant: TenantDefinition, into payload: inout [String: JSONValue]) {
        switch field.content {
        case .databaseScripts:
            let parents = field.pattern.segments.dropLast().map(\.glob)
            guard JSONValue.object(payload).value(at: parents) != nil else { return }
            var scripts: [String: JSONValue] = [:]
            for script in tenant.scripts where script.owner == resource.key {
                if case .databaseScript(let name) = script.kind { scripts[name.rawValue] = .string(script.text) }
            }
            payload = JSONValue.object(payload).setting(.object(scripts), at: parents).objectValue ?? payload
        case .rule:
            guard let key = field.pattern.topLevelField else { return }
            if let script = tenant.scripts.first(where: { $0.kind == .rule && $0.owner == resource.key }) { payload[key] = .string(script.text) }
        case .action:
            guard let key = field.pattern.topLevelField else { return }
            if let code = tenant.scripts.first(where: { $0.kind == .action && $0.owner == resource.key }) { payload[key] = .string(code.text) }
        case .text, .json:
            // Each path the pattern matches (`body`, `templates[].body`) becomes the file's content.
            let files = tenant.attachedFiles.filter { $0.kind == resource.kind && $0.owner == resource.key }
            payload = field.pattern.rewrite(.object(payload)) { written in
                files.first { $0.written == written.stringValue }?.value ?? written
            }.objectValue ?? payload
        case .jsonSpread:
            // The file holds the resource: its fields, then what the YAML itself says (the name, the key).
            guard let key = field.pattern.topLevelField, payload[key] != nil else { return }
            payload[key] = nil
            guard let file = tenant.attachedFile(resource.kind, owner: resource.key, field: key) else { return }
            payload = (file.value.objectValue ?? [:]).merging(payload) { _, yaml in yaml }
            // A file saved from the API may carry what the API sets itself (`id`, `created_at`): never sent.
            for field in resource.kind.type.readOnlyFields { payload = FieldPattern(field).rewrite(.object(payload)) { _ in nil }.objectValue ?? payload }
        }
    }
}
