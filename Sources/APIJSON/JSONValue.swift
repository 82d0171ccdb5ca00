import Foundation

/// A JSON value as the Management API sends and receives it. Objects are unordered; encoders sort keys
/// so that everything tenantctl writes (snapshots, plans) is stable byte for byte.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNull: Bool { self == .null }
}

extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else if let o = try? container.decode([String: JSONValue].self) {
            self = .object(o)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .number(let n):
            if n.rounded() == n, abs(n) < 1e15 { try container.encode(Int64(n)) } else { try container.encode(n) }
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}

extension JSONValue {
    /// Parses JSON bytes; numbers become `.number`, keys keep their spelling. Standard UTF-8 JSON is read by
    /// `JSONValueParser` in one pass; anything it does not accept goes to `JSONDecoder`, whose answer (a value, or
    /// the error naming what is wrong) stands.
    public static func parse(_ data: Data) throws -> JSONValue {
        if let value = JSONValueParser.parse(data) { return value }
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Stable JSON text: sorted keys, no escaped slashes; `pretty` indents for files people read. The compact form
    /// is written by `CompactJSONWriter`, byte for byte what `JSONEncoder` writes, much faster.
    public func encoded(pretty: Bool = false) -> Data {
        if !pretty { return compactEncoded() ?? Data("null".utf8) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a JSONValue cannot fail: every case maps to a JSON value.
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    /// The compact stable JSON text; nil when a number is not finite (JSON has no text for it).
    public func compactEncoded() -> Data? {
        CompactJSONWriter.encode(self).map { Data($0) }
    }
}
