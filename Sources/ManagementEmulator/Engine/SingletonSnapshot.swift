import APIJSON

/// The singletons' part of the snapshot format (docs/snapshot-format.md): each spec's objects in the section its
/// placement names.
extension EmulatedTenant {
    /// Loads each singleton's section; what the snapshot leaves out gets the spec's initial value (a fresh tenant,
    /// with no snapshot, gets every initial value).
    mutating func loadSingletons(_ object: [String: JSONValue]?, source: String) throws {
        for spec in CollectionTable.singletons {
            let loaded = try object.map { try Self.loadPlacement(spec, $0, source: source) } ?? [:]
            for (path, value) in loaded { singletons[path] = value }
            if let object, object[spec.snapshot.section] == nil || object[spec.snapshot.section] == .null, let empty = spec.seedDefault {
                singletons[spec.path.description] = empty
                continue
            }
            for (path, value) in spec.initial where loaded[path] == nil { singletons[path] = value }
        }
    }

    /// The objects a snapshot holds for one spec, by concrete path.
    private static func loadPlacement(_ spec: SingletonSpec, _ object: [String: JSONValue], source: String) throws -> [String: JSONValue] {
        let path = spec.path.description
        switch spec.snapshot {
        case .section(let name):
            switch object[name] {
            case nil, .null?: return [:]
            case .object(let value)? where !spec.arrayBody: return [path: .object(value)]
            case .array(let value)? where spec.arrayBody: return [path: .array(value)]
            case .some: throw SeedError(description: "\(source): `\(name)` is not \(spec.arrayBody ? "a list" : "an object")")
            }
        case .member(let name, let key):
            switch object[name] {
            case nil, .null?: return [:]
            case .object(let members)?:
                switch members[key] {
                case nil, .null?: return [:]
                case .object(let value)?: return [path: .object(value)]
                case .some: throw SeedError(description: "\(source): `\(name).\(key)` is not an object")
                }
            case .some: throw SeedError(description: "\(source): `\(name)` is not an object")
            }
        case .item(let name, let fields):
            let item = try listItems(name, object, source: source).first { item in fields.allSatisfy { item[$0.key] == .string($0.value) } }
            return item.map { [path: .object($0.filter { fields[$0.key] == nil })] } ?? [:]
        case .items(let name, let keys, let wrappedIn):
            var found: [String: JSONValue] = [:]
            for (index, item) in try listItems(name, object, source: source).enumerated() {
                var parameters: [String: String] = [:]
                for (parameter, field) in keys.sorted(by: { $0.key < $1.key }) {
                    guard let value = item[field]?.stringValue else { throw SeedError(description: "\(source): \(name)[\(index)] has no `\(field)`") }
                    parameters[parameter] = value
                }
                let value: [String: JSONValue]
                if let wrappedIn {
                    guard case .object(let wrapped)? = item[wrappedIn] else { throw SeedError(description: "\(source): \(name)[\(index)].\(wrappedIn) is not an object") }
                    value = wrapped
                } else {
                    value = withoutKeys(spec, item.filter { field, _ in !keys.values.contains(field) })
                }
                found[spec.path.filled(parameters)] = .object(value)
            }
            return found
        }
    }

    private static func listItems(_ name: String, _ object: [String: JSONValue], source: String) throws -> [[String: JSONValue]] {
        guard let section = object[name], section != .null else { return [] }
        guard let items = section.arrayValue else { throw SeedError(description: "\(source): `\(name)` is not a list") }
        return try items.enumerated().map { index, item in
            guard let object = item.objectValue else { throw SeedError(description: "\(source): \(name)[\(index)] is not an object") }
            return object
        }
    }

    /// Each singleton's section: as stored (state file), or as read (admin channel, write-only fields left out).
    /// An absent object is `null` (a whole section) or left out (a member or an item); a feature the tenant lacks
    /// reads as absent on the admin channel.
    func singletonSections(includeSecrets: Bool) -> [String: JSONValue] {
        var sections: [String: JSONValue] = [:]
        for spec in CollectionTable.singletons {
            let name = spec.snapshot.section
            let hidden = !includeSecrets && spec.feature.map(unavailableFeatures.contains) == true
            var objects: [(parameters: [String: String], value: JSONValue)] = []
            for (path, value) in singletons.sorted(by: { $0.key < $1.key }) where !hidden {
                guard let parameters = spec.path.match(path.split(separator: "/").map(String.init)) else { continue }
                objects.append((parameters, includeSecrets ? value : presented(spec, value, parameters)))
            }
            switch spec.snapshot {
            case .section:
                sections[name] = objects.first?.value ?? .null
            case .member(_, let key):
                var members = sections[name]?.objectValue ?? [:]
                if let value = objects.first?.value { members[key] = value }
                sections[name] = .object(members)
            case .item(_, let fields):
                var items = sections[name]?.arrayValue ?? []
                if case .object(var object)? = objects.first?.value {
                    for (field, value) in fields { object[field] = .string(value) }
                    items.append(.object(object))
                }
                sections[name] = .array(items)
            case .items(_, let keys, let wrappedIn):
                var items = sections[name]?.arrayValue ?? []
                for (parameters, value) in objects {
                    var object = wrappedIn.map { [$0: value] } ?? value.objectValue ?? [:]
                    for (parameter, field) in keys { object[field] = parameters[parameter].map(JSONValue.string) }
                    items.append(.object(object))
                }
                sections[name] = .array(items)
            }
        }
        return sections
    }
}
