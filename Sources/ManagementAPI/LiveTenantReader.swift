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
        for kind in ResourceKind.allCases {
            let type = kind.type
            // Pages live in tenant settings and the global client; types sharing a section are read once.
            if case .pages = type.api.listing { continue }
            // What the steps cannot have changed is taken from the earlier read (the verification's scope).
            if let only, let earlier, type.snapshotSections.allSatisfy({ !only.contains($0) && earlier.sections[$0] != nil }) {
                for section in type.snapshotSections { sections[section] = earlier.sections[section] }
                continue
            }
            if case .parts = type.api.listing {
                for (section, value) in type.disassembled(try await readParts(type, readBefore: sections)) { sections[section] = value }
                progress(type.noun, 1)
                continue
            }
            let section = type.api.snapshotSection
            guard sections[section] == nil else { continue }
            let types = ResourceKind.allCases.map(\.type).filter { $0.api.snapshotSection == section }
            let value = try await read(section, types: types, readBefore: sections)
            sections[section] = value
            progress(section.rawValue.replacingOccurrences(of: "_", with: " "), value.arrayValue?.count ?? value.objectValue.map { _ in 1 } ?? 0)
        }
        let now = ISO8601DateFormatter().string(from: Date())
        return TenantSnapshot(domain: domain, exportedAt: now, sections: sections)
    }

    /// One section: listed as its type's API says, each object redacted, sub-resources read, sorted.
    private func read(_ section: SnapshotSection, types: [ResourceType], readBefore: [SnapshotSection: JSONValue]) async throws(ManagementAPIError) -> JSONValue {
        let api = types[0].api
        let path = String(api.path.dropFirst())
        switch api.listing {
        case .parts:
            return types[0].disassembled(try await readParts(types[0], readBefore: readBefore))[section] ?? .null
        case .single(let itemPath):
            guard let object = try await readIfPresent(String(itemPath.dropFirst())), object.objectValue?.isEmpty == false else { return .array([]) }
            return .array([Redaction.redact(object, as: types[0])])
        case .pages:
            return readBefore[section] ?? .null
        case .keyed(let keys):
            let type = types[0]
            var objects: [JSONValue] = []
            for key in keys {
                guard var object = try await readIfPresent(String(api.itemPath(ResourceType.joinKey(key), keyFields: type.keyFields).dropFirst()))?.objectValue,
                      !object.isEmpty else { continue }
                for (field, value) in zip(type.keyFields, key) { object[field] = .string(value) }
                objects.append(Redaction.redact(.object(object), as: type))
            }
            return .array(Self.sorted(objects, by: api.sortKey.isEmpty ? type.keyFields : api.sortKey))
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
        case .paged, .checkpoint, .plain, .unpaged:
            var objects: [JSONValue] = []
            let list = try await client.list(path, api.listing)
            let listedParts = try await listedParts(of: types)
            for listed in list {
                let item = try await whole(listed, api)
                guard let object = item.objectValue,
                      let type = types.first(where: { $0.api.isManaged(object) }) ?? (api.keepsUnmanaged ? types.first : nil) else { continue }
                let whole = try await withParts(object, type, readBefore: readBefore, listed: listedParts)
                objects.append(.object(try await withSubResources(Redaction.redact(.object(whole), as: type).objectValue ?? whole, type)))
            }
            return .array(Self.sorted(objects, by: api.sortKey))
        }
    }

    /// A singleton the API keeps at several endpoints, put together as the files write it.
    private func readParts(_ type: ResourceType, readBefore: [SnapshotSection: JSONValue]) async throws(ManagementAPIError) -> JSONValue {
        var section = JSONValue.object([:])
        for part in type.parts {
            if let listing = part.listedAt {
                // One list names every occurrence (each item its levels as fields), instead of a GET per possibility.
                for item in try await listIfPresent(listing) {
                    section = section.setting(part.answer(in: item), at: part.instance(named: item).keyPath)
                }
                continue
            }
            for instance in part.readInstances(readBefore) {
                guard let raw = try await readIfPresent(String(part.path(with: instance.values).dropFirst())),
                      let answer = part.fromAPI.map({ $0(raw) }) ?? raw else { continue }
                let value = part.bodyField.map { JSONValue.object([$0: answer]) } ?? answer
                if value.objectValue?.isEmpty == true { continue }
                if part.pattern.isEmpty {
                    for (key, member) in value.objectValue ?? [:] { section = section.setting(member, at: [key]) }
                } else {
                    section = section.setting(value, at: instance.keyPath)
                }
            }
        }
        return Redaction.redact(section, as: type)
    }

    /// One object, or nil when the API says it is not there: 404, or a 403 that is not a missing scope (a feature
    /// the tenant's plan does not include, as supplemental signals without Akamai).
    private func readIfPresent(_ path: String) async throws(ManagementAPIError) -> JSONValue? {
        do {
            return try await client.send(APIRequest("GET", path)).body
        } catch .http(let status, _, _, _) where status == 404 || status == 403 {
            return nil
        }
    }

    /// A part's list, or none when the tenant's plan lacks the feature (402 "a paid subscription is required", as the
    /// spec answers for ACUL) or the API says it is not there.
    func listIfPresent(_ listing: PartListing) async throws(ManagementAPIError) -> [JSONValue] {
        do {
            return try await client.list(String(listing.path.dropFirst()), listing.listing)
        } catch .http(let status, _, _, _) where status == 402 || status == 403 || status == 404 {
            return []
        }
    }

    /// An object as its list gives it, or read whole at its item path where the list gives only a summary (forms).
    private func whole(_ listed: JSONValue, _ api: APIShape) async throws(ManagementAPIError) -> JSONValue {
        guard api.listsSummaries, let id = listed[api.idField]?.stringValue else { return listed }
        let path = String(api.itemPath(id).dropFirst())
        guard let object = try await client.send(APIRequest("GET", path)).body, object.objectValue != nil else {
            throw .invalidResponse("GET /\(path) answered no object")
        }
        return object
    }

    /// The parts a resource keeps at endpoints of its own (a self-service profile's custom text), put where the files
    /// write them; redacted with the rest of the resource.
    private func withParts(_ object: [String: JSONValue], _ type: ResourceType, readBefore: [SnapshotSection: JSONValue],
                           listed: ListedParts) async throws(ManagementAPIError) -> [String: JSONValue] {
        guard !type.parts.isEmpty, let id = object[type.api.idField]?.stringValue else { return object }
        var result = JSONValue.object(object)
        for part in type.parts {
            // Listed once for every resource (a connection's directory provisioning): taken from that list.
            if let answers = listed[part.pattern] {
                if let answer = answers[id] { result = result.setting(answer, at: part.instance(named: answer).keyPath) }
                continue
            }
            if let condition = part.readIf, result.value(at: condition.path)?.stringValue != condition.value { continue }
            for instance in part.readInstances(readBefore) {
                let path = part.path(with: instance.values.merging(["id": id]) { first, _ in first })
                if let listing = part.pagedAs {
                    result = result.setting(.array(try await listIfPresent(PartListing(path: path, listing: listing))), at: instance.keyPath)
                    continue
                }
                guard let answer = try await readIfPresent(String(path.dropFirst())), answer.objectValue?.isEmpty != true else { continue }
                result = result.setting(answer, at: instance.keyPath)
            }
        }
        return result.objectValue ?? object
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
