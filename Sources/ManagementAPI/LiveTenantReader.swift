import APIJSON
import Foundation
import TenantConfig

/// Reads every section the resource-type table names from a live tenant into a `TenantSnapshot`, dropping secrets
/// before anything is kept, with the fewest calls the pagination allows.
public struct LiveTenantReader: Sendable {
    /// The triggers whose bindings are read.
    public static let triggers = ResourceType.triggerIDs

    public let client: ManagementClient
    /// Told of each section as it is read (for a progress display).
    public var progress: @Sendable (String, Int) -> Void

    public init(client: ManagementClient, progress: @escaping @Sendable (String, Int) -> Void = { _, _ in }) {
        self.client = client
        self.progress = progress
    }

    /// Reads the tenant; with `earlier`, reads only `sections` again and takes every other section from it.
    public func read(domain: String, only sections: Set<SnapshotSection>? = nil, reusing earlier: TenantSnapshot? = nil) async throws(ManagementAPIError) -> TenantSnapshot {
        let only = sections
        var sections: [SnapshotSection: JSONValue] = [:]
        for section in SnapshotSection.allCases {
            if let only, !only.contains(section), let kept = earlier?.sections[section] {
                sections[section] = kept
                continue
            }
            let types = ResourceKind.allCases.map(\.type).filter { $0.api.snapshotSection == section }
            let value = try await read(section, types: types)
            sections[section] = value
            progress(section.rawValue.replacingOccurrences(of: "_", with: " "), value.arrayValue?.count ?? value.objectValue.map { _ in 1 } ?? 0)
        }
        let now = ISO8601DateFormatter().string(from: Date())
        return TenantSnapshot(domain: domain, exportedAt: now, sections: sections)
    }

    /// One section: listed as its type's API says, each object redacted, sub-resources read, sorted.
    private func read(_ section: SnapshotSection, types: [ResourceType]) async throws(ManagementAPIError) -> JSONValue {
        let api = types[0].api
        let path = String(api.path.dropFirst())
        switch api.listing {
        case .singleton(let absentStatus):
            do {
                guard let object = try await client.send(APIRequest("GET", path)).body else { return .null }
                return Redaction.redact(object, as: types[0])
            } catch .http(let status, _, _, _) where status == absentStatus {
                return .null
            }
        case .perName(let names, let suffix, let itemsKey):
            var lists: [String: JSONValue] = [:]
            for name in names { lists[name] = .array(try await client.listAll("\(path)/\(name)/\(suffix)", itemsKey: itemsKey)) }
            return .object(lists)
        case .paged, .checkpoint, .plain:
            var objects: [JSONValue] = []
            for item in try await client.list(path, api.listing) {
                guard let object = item.objectValue, let type = types.first(where: { $0.api.isManaged(object) }) else { continue }
                objects.append(.object(try await withSubResources(Redaction.redact(item, as: type).objectValue ?? object, type)))
            }
            return .array(Self.sorted(objects, by: api.sortKey))
        }
    }

    /// A resource's sub-resources (a connection's enabled clients, a role's permissions), embedded as the snapshot keeps them.
    private func withSubResources(_ object: [String: JSONValue], _ type: ResourceType) async throws(ManagementAPIError) -> [String: JSONValue] {
        guard !type.subResources.isEmpty || type.counted != nil, let id = object[type.api.idField]?.stringValue else { return object }
        var result = object
        if let counted = type.counted {
            // One item and the total: how many there are, without reading user data.
            let path = String(type.api.itemPath(id).dropFirst()) + "/" + counted.pathSuffix
            let page = try await client.send(APIRequest("GET", path, query: [("page", "0"), ("per_page", "1"), ("include_totals", "true")])).body
            result[counted.field] = .number(page?["total"]?.numberValue ?? Double(page?.arrayValue?.count ?? 0))
        }
        for sub in type.subResources {
            let items = try await client.list(String(type.api.itemPath(id).dropFirst()) + "/" + sub.pathSuffix, sub.listing)
            if let field = sub.snapshotValuesOf {
                // Kept as a sorted list of ids, as `enabled_clients` always was.
                result[sub.snapshotField] = .array(items.compactMap { $0[field] }.sorted { ($0.stringValue ?? "") < ($1.stringValue ?? "") })
            } else {
                result[sub.snapshotField] = .array(items)
            }
        }
        return result
    }

    /// Objects in the order of their natural key (numbers numerically), so that two snapshots diff small.
    static func sorted(_ items: [JSONValue], by keys: [String]) -> [JSONValue] {
        items.sorted { a, b in
            for key in keys {
                switch (a[key], b[key]) {
                case (.number(let x)?, .number(let y)?) where x != y: return x < y
                case (let x, let y):
                    let (l, r) = (x?.stringValue ?? "", y?.stringValue ?? "")
                    if l != r { return l < r }
                }
            }
            return false
        }
    }
}

/// What never leaves the API: every secret field of a type's descriptor is dropped, or kept as `<redacted>` so a
/// plan still sees it is set, before the object is kept.
public enum Redaction {
    public static func redact(_ value: JSONValue, as type: ResourceType) -> JSONValue {
        var result = value
        for secret in type.secretFields {
            switch secret.onRead {
            case .drop, .writeOnly: result = secret.pattern.rewrite(result, failClosed: true) { _ in nil }
            case .redact: result = secret.pattern.rewrite(result, failClosed: true) { $0.isNull ? $0 : .string(SecretReference.redacted) }
            case .ciphertext: continue
            }
        }
        return result
    }
}
