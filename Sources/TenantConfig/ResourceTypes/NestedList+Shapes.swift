/// Between the files' shape of a nested list (`[{prompt: {screen: value}}]`, one list item per outermost key) and the
/// nested mappings the parts address (`{prompt: {screen: value}}`).
extension NestedList {
    /// The nested mappings a list of one-key mappings stands for; items naming the same key are merged. A value
    /// that is an object loses the level fields its file may hold (`prompt`, `screen`): the keys above it say them.
    public func nested(_ written: JSONValue) -> JSONValue {
        guard let items = written.arrayValue else { return written }
        var result = JSONValue.object([:])
        for item in items {
            for (path, value) in Self.leaves(item, depth: levels.count) {
                result = result.setting(withoutLevels(value), at: path)
            }
        }
        return result
    }

    /// The list of one-key mappings the files write for nested mappings, in key order.
    public func listed(_ nested: JSONValue) -> JSONValue {
        guard let outer = nested.objectValue else { return nested }
        return .array(outer.keys.sorted().map { key in .object([key: outer[key]!]) })
    }

    /// Each value with the level values above it, in key order (`["prompt": "login-id", "screen": "login-id"]`).
    public func entries(_ nested: JSONValue) -> [(levels: [String: String], value: JSONValue)] {
        Self.leaves(nested, depth: levels.count).map { path, value in (Dictionary(uniqueKeysWithValues: zip(levels, path)), value) }
    }

    /// A value as its file holds it: the level fields first, as the Deploy CLI writes them.
    public func withLevels(_ value: JSONValue, _ values: [String: String]) -> JSONValue {
        guard var object = value.objectValue else { return value }
        for (level, text) in values { object[level] = .string(text) }
        return .object(object)
    }

    private func withoutLevels(_ value: JSONValue) -> JSONValue {
        guard var object = value.objectValue else { return value }
        for level in levels { object[level] = nil }
        return .object(object)
    }

    private static func leaves(_ value: JSONValue, depth: Int) -> [([String], JSONValue)] {
        guard depth > 0 else { return [([], value)] }
        guard let object = value.objectValue else { return [] }
        return object.keys.sorted().flatMap { key in leaves(object[key]!, depth: depth - 1).map { ([key] + $0.0, $0.1) } }
    }
}
