/// A value from a tenant YAML file, with the location it came from, so every finding can point at
/// `file:line:column`. Mappings keep the file's key order and each key's own location.
public struct ConfigNode: Sendable, Hashable {
    public indirect enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case sequence([ConfigNode])
        case mapping([ConfigEntry])
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The entry for `key` in a mapping, or nil.
    public subscript(key: String) -> ConfigNode? {
        entry(key)?.value
    }

    /// The whole entry (key location included) for `key` in a mapping.
    public func entry(_ key: String) -> ConfigEntry? {
        if case .mapping(let entries) = value { return entries.first { $0.key == key } }
        return nil
    }

    public var entries: [ConfigEntry] {
        if case .mapping(let e) = value { return e }
        return []
    }

    public var items: [ConfigNode] {
        if case .sequence(let s) = value { return s }
        return []
    }

    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    public var int: Int? {
        if case .int(let i) = value { return i }
        return nil
    }

    public var isMapping: Bool { if case .mapping = value { true } else { false } }
    public var isSequence: Bool { if case .sequence = value { true } else { false } }
    public var isNull: Bool { value == .null }

    /// A short name for the value's type, for messages ("expected a list, found a string").
    public var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The value as the JSON the Management API takes (locations dropped).
    public var json: JSONValue {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .number(Double(i))
        case .double(let d): .number(d)
        case .string(let s): .string(s)
        case .sequence(let items): .array(items.map(\.json))
        case .mapping(let entries):
            .object(Dictionary(entries.map { ($0.key, $0.value.json) }, uniquingKeysWith: { _, last in last }))
        }
    }
}

/// One `key: value` of a YAML mapping, with the key's own location.
public struct ConfigEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: ConfigNode

    public init(key: String, keyLocation: SourceLocation, value: ConfigNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
