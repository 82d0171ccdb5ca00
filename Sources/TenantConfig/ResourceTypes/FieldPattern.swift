/// A path to fields of an API object, as descriptors write it: segments separated by `.`; a segment ending in `[]`
/// steps into every item of a list (`secrets[].value`, or `[].action_name` for a body that is itself a list); `*`
/// matches any run of characters within a segment, case-insensitively (`options.*secret`, `sink.*token*`).
public struct FieldPattern: Sendable, Hashable, CustomStringConvertible {
    /// One step of the path: a key glob, then whether the value there is a list whose items the rest applies to.
    public struct Segment: Sendable, Hashable {
        public var glob: String
        public var intoItems: Bool
    }

    public let segments: [Segment]
    public let description: String

    public init(_ text: String) {
        description = text
        segments = text.split(separator: ".", omittingEmptySubsequences: false).map { part in
            part.hasSuffix("[]") ? Segment(glob: String(part.dropLast(2)), intoItems: true) : Segment(glob: String(part), intoItems: false)
        }
    }

    /// The first segment's key when the pattern names one top-level field exactly (`client_id`, `enabled_clients[]`).
    public var topLevelField: String? {
        guard let first = segments.first, !first.glob.contains("*"), !first.glob.isEmpty else { return nil }
        return first.glob
    }

    /// Whether a concrete path (keys, with `[]` standing for "an item of this list") is this pattern.
    public func matches(_ path: [String]) -> Bool {
        var concrete: [(key: String, item: Bool)] = []
        for part in path {
            if part == "[]", !concrete.isEmpty { concrete[concrete.count - 1].item = true } else if part == "[]" { concrete.append(("", true)) } else { concrete.append((part, false)) }
        }
        guard concrete.count == segments.count else { return false }
        return zip(segments, concrete).allSatisfy { segment, step in
            segment.intoItems == step.item && Self.glob(segment.glob, matches: step.key)
        }
    }

    /// Whether a dotted path (`options.configuration.KEY`) is this pattern or lies inside what it matches.
    public func covers(_ dotted: String) -> Bool {
        let parts = dotted.split(separator: ".").map(String.init)
        guard parts.count >= segments.count else { return false }
        return zip(segments, parts).allSatisfy { Self.glob($0.glob, matches: $1) }
    }

    /// The value with every field the pattern matches replaced by `transform` (nil removes it). With `failClosed`,
    /// a list item that is not the object the rest of the path expects is transformed whole (a header written as
    /// one string is a secret as much as its `value` would be).
    public func rewrite(_ value: JSONValue, failClosed: Bool = false, _ transform: (JSONValue) -> JSONValue?) -> JSONValue {
        rewrite(value, segments[...], at: [], failClosed: failClosed) { _, value in transform(value) }
    }

    /// As `rewrite`, telling `transform` the concrete path of each value (keys, and list indexes as `[n]`).
    public func rewrite(_ value: JSONValue, failClosed: Bool = false, _ transform: ([String], JSONValue) -> JSONValue?) -> JSONValue {
        rewrite(value, segments[...], at: [], failClosed: failClosed, transform)
    }

    private func rewrite(_ value: JSONValue, _ rest: ArraySlice<Segment>, at path: [String], failClosed: Bool,
                         _ transform: ([String], JSONValue) -> JSONValue?) -> JSONValue {
        guard let segment = rest.first else { return value }
        let remaining = rest.dropFirst()
        func item(_ value: JSONValue, _ at: [String]) -> JSONValue? {
            if failClosed, !remaining.isEmpty, value.objectValue == nil, !value.isNull { return transform(at, value) }
            return rewrite(value, remaining, at: at, failClosed: failClosed, transform)
        }
        if segment.glob.isEmpty && segment.intoItems {
            guard case .array(let items) = value else { return value }
            return .array(items.enumerated().compactMap { item($1, path + ["[\($0)]"]) })
        }
        guard case .object(var members) = value else { return value }
        for key in members.keys where Self.glob(segment.glob, matches: key) {
            let member = members[key]!
            if segment.intoItems {
                guard case .array(let items) = member else { continue }
                members[key] = .array(items.enumerated().compactMap { index, element in
                    remaining.isEmpty ? transform(path + [key, "[\(index)]"], element) : item(element, path + [key, "[\(index)]"])
                })
            } else if remaining.isEmpty {
                members[key] = transform(path + [key], member)
            } else {
                members[key] = rewrite(member, remaining, at: path + [key], failClosed: failClosed, transform)
            }
        }
        return .object(members)
    }

    /// Every value of a YAML node the pattern matches, with the entry holding it when there is one.
    public func values(in node: ConfigNode) -> [(entry: ConfigEntry?, value: ConfigNode)] {
        values(in: node, segments[...], entry: nil)
    }

    private func values(in node: ConfigNode, _ rest: ArraySlice<Segment>, entry: ConfigEntry?) -> [(entry: ConfigEntry?, value: ConfigNode)] {
        guard let segment = rest.first else { return [(entry, node)] }
        let remaining = rest.dropFirst()
        if segment.glob.isEmpty && segment.intoItems {
            return node.items.flatMap { values(in: $0, remaining, entry: nil) }
        }
        var result: [(entry: ConfigEntry?, value: ConfigNode)] = []
        for child in node.entries where Self.glob(segment.glob, matches: child.key) {
            if segment.intoItems {
                result += child.value.items.flatMap { values(in: $0, remaining, entry: remaining.isEmpty ? child : nil) }
            } else {
                result += values(in: child.value, remaining, entry: child)
            }
        }
        return result
    }

    /// `*` matches any run of characters; the comparison ignores case.
    static func glob(_ pattern: String, matches key: String) -> Bool {
        guard pattern.utf8.contains(UInt8(ascii: "*")) else { return pattern == key || pattern.lowercased() == key.lowercased() }
        let parts = pattern.lowercased().split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(key.lowercased())
        for (index, part) in parts.enumerated() {
            if part.isEmpty { continue }
            if index == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if index == parts.count - 1 {
                return rest.hasSuffix(part)
            } else {
                guard let range = rest.range(of: part) else { return false }
                rest = rest[range.upperBound...]
            }
        }
        return true
    }
}
