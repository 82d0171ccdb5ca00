/// Where a singleton's parts sit in the section's value: what the planner compares and the reader puts together.
extension SingletonPart {
    /// One place the part occurs: the values of its named levels, and its key path in the section.
    public struct Instance: Sendable, Equatable {
        public var values: [String: String]
        public var keyPath: [String]

        /// `customText.en.login`, or `(settings)` for the section's own fields.
        public var label: String { keyPath.isEmpty ? "(settings)" : keyPath.joined(separator: ".") }
    }

    /// Every occurrence of the part in a section's value, its named levels bound to the keys found there.
    public func instances(in value: JSONValue) -> [Instance] {
        var result: [Instance] = [Instance(values: [:], keyPath: [])]
        for level in levels {
            result = result.flatMap { instance -> [Instance] in
                guard let object = value.value(at: instance.keyPath)?.objectValue else { return [] }
                switch level {
                case .fixed(let key):
                    return object[key] == nil ? [] : [Instance(values: instance.values, keyPath: instance.keyPath + [key])]
                case .named(let name):
                    return object.keys.sorted().map { key in
                        var values = instance.values
                        values[name] = key
                        return Instance(values: values, keyPath: instance.keyPath + [key])
                    }
                }
            }
        }
        return result
    }

    /// Every occurrence the read values allow, for reading a live tenant (`sections` holds what was read before).
    public func readInstances(_ sections: [SnapshotSection: JSONValue]) -> [Instance] {
        var result: [Instance] = [Instance(values: [:], keyPath: [])]
        for level in levels {
            result = result.flatMap { instance -> [Instance] in
                switch level {
                case .fixed(let key):
                    return [Instance(values: instance.values, keyPath: instance.keyPath + [key])]
                case .named(let name):
                    let candidates: [String] = switch readValues[name] {
                    case .fixed(let list)?: list
                    case .fromSection(let section, let field)?: sections[section]?[field]?.arrayValue?.compactMap(\.stringValue) ?? []
                    case nil: []
                    }
                    return candidates.map { key in
                        var values = instance.values
                        values[name] = key
                        return Instance(values: values, keyPath: instance.keyPath + [key])
                    }
                }
            }
        }
        return result
    }
}

extension ResourceType {
    /// The section's own fields (the part whose pattern is empty): everything no other part claims.
    public func ownFields(of value: [String: JSONValue]) -> [String: JSONValue] {
        let claimed = Set(parts.compactMap { part -> String? in
            if case .fixed(let key)? = part.levels.first { return key }
            return nil
        })
        return value.filter { !claimed.contains($0.key) }
    }
}
