import Foundation
import TenantConfig
import Testing

/// `JSONValue.encoded()` writes what Foundation's JSONEncoder writes (sorted keys, slashes as is), byte for byte:
/// digests recorded in plan files and compared by apply depend on it.
@Suite struct CompactJSONTests {
    static func foundation(_ value: JSONValue) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }

    /// Strings that exercise every escape: quotes, backslashes, slashes, every control character, DEL, non-ASCII,
    /// a script, and characters outside the BMP.
    static let strings: [String] = [
        "", "plain", "with \"quotes\" and \\backslashes\\", "https://example.com/a/b", "tab\there\nnewline\r\u{8}\u{C}",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F}del", "é ü ß 日本 ⟦secret:X⟧ {{ref:clients/A}}",
        "emoji 🚀 and \u{2028}\u{2029}", "function login(email, password, callback) {\n  return callback(null, { id: 'a/b' });\n}\n",
    ]

    @Test func everyStringIsWrittenAsJSONEncoderWritesIt() {
        for text in Self.strings {
            #expect(JSONValue.string(text).encoded() == Self.foundation(.string(text)), "\(text.debugDescription)")
        }
    }

    @Test func keysAreSortedAsJSONEncoderSortsThem() {
        let keys = ["b", "B", "a", "A", "a1", "a10", "a2", "_x", "é", "e", "Z", "z", "10", "9", "", "ab", "a b", "日本"]
        let value = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.string($0)) }))
        #expect(value.encoded() == Self.foundation(value), "\(String(decoding: value.encoded(), as: UTF8.self))")
    }

    @Test func numbersAreWrittenAsJSONEncoderWritesThem() {
        let numbers: [Double] = [0, -0.0, 1, -1, 42, 36000, 0.5, -2.25, 1e-7, 123456.789, 1e15, 1e16, -1e15, 999_999_999_999_999, 3.141592653589793, 1e300]
        for number in numbers {
            #expect(JSONValue.number(number).encoded() == Self.foundation(.number(number)), "\(number)")
        }
        #expect(JSONValue.array([.number(.nan)]).encoded() == Data("null".utf8), "not finite: no JSON text, as before")
        #expect(JSONValue.array([.number(.infinity)]).compactEncoded() == nil)
    }

    @Test(arguments: 0..<25)
    func randomValuesAreWrittenAsJSONEncoderWritesThem(seed: Int) {
        var random = SplitMix(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        func value(_ depth: Int) -> JSONValue {
            switch random.next() % (depth > 3 ? 4 : 6) {
            case 0: return .null
            case 1: return .bool(random.next() % 2 == 0)
            case 2: return .number(random.next() % 3 == 0 ? Double(Int64(random.next() % 100_000)) - 50_000 : Double(random.next() % 1000) / 8)
            case 3: return .string(Self.strings[Int(random.next() % UInt64(Self.strings.count))])
            case 4: return .array((0..<Int(random.next() % 5)).map { _ in value(depth + 1) })
            default:
                var members: [String: JSONValue] = [:]
                for _ in 0..<Int(random.next() % 6) { members[Self.strings[Int(random.next() % UInt64(Self.strings.count))] + "\(random.next() % 3)"] = value(depth + 1) }
                return .object(members)
            }
        }
        let generated = value(0)
        #expect(generated.encoded() == Self.foundation(generated))
    }
}

/// SplitMix64: a deterministic sequence per seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
