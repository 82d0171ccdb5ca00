import Foundation

/// Writes a `JSONValue` as compact JSON, byte for byte what Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]` (keys in UTF-8 order; `"`, `\` and control characters escaped, the
/// common ones by letter and the others as `\u00xx`; everything else as is), at a fraction of the cost: digests of
/// plans, fingerprints and request bodies are computed from these bytes for thousands of resources.
/// Numbers that are not integers below 10^15 are rare; they are written by `JSONEncoder` itself, so their text is
/// identical too.
struct CompactJSONWriter {
    private(set) var bytes: [UInt8] = []

    /// Nil when a number is not finite (`JSONEncoder` refuses those).
    static func encode(_ value: JSONValue) -> [UInt8]? {
        var writer = CompactJSONWriter()
        writer.bytes.reserveCapacity(256)
        guard writer.write(value) else { return nil }
        return writer.bytes
    }

    private mutating func write(_ value: JSONValue) -> Bool {
        switch value {
        case .null: bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let flag): bytes.append(contentsOf: flag ? Array("true".utf8) : Array("false".utf8))
        case .number(let number):
            // The choice JSONValue.encode(to:) makes: integers below 10^15 as Int64, the rest as Double.
            if number.rounded() == number, abs(number) < 1e15 {
                bytes.append(contentsOf: String(Int64(number)).utf8)
            } else {
                guard number.isFinite, let text = try? JSONEncoder().encode(number) else { return false }
                bytes.append(contentsOf: text)
            }
        case .string(let text): writeString(text)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                guard write(item) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(key)
                bytes.append(UInt8(ascii: ":"))
                guard write(members[key]!) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        }
        return true
    }

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var mark = 0
            for (index, byte) in utf8.enumerated() {
                let escape: [UInt8]
                switch byte {
                case UInt8(ascii: "\""): escape = [0x5C, 0x22]
                case UInt8(ascii: "\\"): escape = [0x5C, 0x5C]
                case 0x08: escape = [0x5C, UInt8(ascii: "b")]
                case 0x0C: escape = [0x5C, UInt8(ascii: "f")]
                case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
                case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
                case 0x09: escape = [0x5C, UInt8(ascii: "t")]
                case 0x00...0x1F:
                    let hex = Array("0123456789abcdef".utf8)
                    escape = [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                default:
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<index]))
                bytes.append(contentsOf: escape)
                mark = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
