/// A singleton kept in parts: between the files' shape of the section (one mapping, as the Deploy CLI writes it) and
/// the snapshot's (each part's answer where `PartSnapshot` says, the API's own JSON).
extension ResourceType {
    /// The snapshot sections a type is read into.
    public var snapshotSections: [SnapshotSection] {
        var seen: Set<SnapshotSection> = []
        return ([api.snapshotSection] + parts.compactMap(\.snapshot.section)).filter { seen.insert($0).inserted }
    }

    /// The section in the files' shape, put together from the snapshot; nil when the snapshot holds none of it.
    public func assembled(from sections: [SnapshotSection: JSONValue]) -> JSONValue? {
        var result = JSONValue.object([:])
        var found = false
        for part in parts {
            var answers: [(SingletonPart.Instance, JSONValue)] = []
            switch part.snapshot {
            case .section(let section):
                if let answer = sections[section], !answer.isNull { answers = [(part.fixedInstance, answer)] }
            case .member(let section, let member):
                if let answer = sections[section]?[member], !answer.isNull { answers = [(part.fixedInstance, answer)] }
            case .items(let section, let field):
                answers = (sections[section]?.arrayValue ?? []).compactMap { item in
                    let instance = part.instance(named: item)
                    guard let field else { return (instance, part.answer(in: item)) }
                    guard let answer = item[field] else { return nil }
                    return (instance, answer)
                }
            case .embedded:
                continue
            }
            for (instance, answer) in answers {
                guard let value = part.fromAPI.map({ $0(answer) }) ?? answer else { continue }
                found = true
                if part.pattern.isEmpty {
                    for (key, member) in value.objectValue ?? [:] { result = result.setting(member, at: [key]) }
                } else {
                    result = result.setting(value, at: instance.keyPath)
                }
            }
        }
        return found ? result : nil
    }

    /// The snapshot sections for a section in the files' shape (the reader's answers, put together and redacted).
    public func disassembled(_ value: JSONValue) -> [SnapshotSection: JSONValue] {
        var sections: [SnapshotSection: JSONValue] = [:]
        for part in parts {
            for instance in part.instances(in: value) {
                let files: JSONValue? = part.pattern.isEmpty ? .object(ownFields(of: value.objectValue ?? [:])) : value.value(at: instance.keyPath)
                guard let files else { continue }
                let answer = part.asRead.map { $0(files) } ?? files
                switch part.snapshot {
                case .section(let section):
                    sections[section] = answer
                case .member(let section, let member):
                    sections[section] = (sections[section] ?? .object([:])).setting(answer, at: [member])
                case .items(let section, let field):
                    var item = field == nil ? answer.objectValue ?? [:] : [:]
                    if let field { item[field] = answer }
                    item.merge(instance.values.mapValues(JSONValue.string)) { _, level in level }
                    sections[section] = .array((sections[section]?.arrayValue ?? []) + [.object(item)])
                case .embedded:
                    continue
                }
            }
        }
        // A part read as absent is still a section read: "none", not "not read".
        for part in parts where part.snapshot.section.map({ sections[$0] == nil }) ?? false {
            switch part.snapshot {
            case .section(let section): sections[section] = .null
            case .member(let section, _): sections[section] = .object([:])
            case .items(let section, _): sections[section] = .array([])
            case .embedded: continue
            }
        }
        return sections
    }
}

extension SingletonPart {
    /// The one occurrence of a part without named levels.
    var fixedInstance: Instance {
        Instance(values: [:], keyPath: levels.compactMap { if case .fixed(let key) = $0 { key } else { nil } })
    }

    /// A listed item's answer: its fields less the part's named levels and the fields the API alone sets.
    public func answer(in item: JSONValue) -> JSONValue {
        var object = item.objectValue ?? [:]
        for case .named(let name) in levels { object[name] = nil }
        for field in readOnlyFields { object[field] = nil }
        return .object(object)
    }

    /// The occurrence a snapshot item names (its named levels as fields).
    public func instance(named item: JSONValue) -> Instance {
        var values: [String: String] = [:]
        var keyPath: [String] = []
        for level in levels {
            switch level {
            case .fixed(let key): keyPath.append(key)
            case .named(let name):
                let value = item[name]?.stringValue ?? ""
                values[name] = value
                keyPath.append(value)
            }
        }
        return Instance(values: values, keyPath: keyPath)
    }
}
