import Foundation
import TenantConfig
import Testing

/// `JSONValue.parse` reads standard JSON in one pass and gives what JSONDecoder gives; what it does not accept goes to
/// JSONDecoder, so errors are JSONDecoder's.
@Suite struct JSONParsingTests {
    static func foundation(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#, #"  [ 1 , -2.5 , 3e2 , -0 , 0.125E-3 , 12345678901234567890 ]  "#,
        #""plain""#, "42", "true", "null", #"{}"#, #"[]"#, #"[[[[{}]]]]"#,
        #"{"escapes":"\"\\\/\b\f\n\r\t\u0041\u00e9\u65e5\ud83d\ude80"}"#, "{\"raw\":\"é 日本 🚀 \u{7F}\"}",
        #"{"script":"function login(email, password, callback) {\n  return callback(null);\n}\n"}"#,
        "\u{FEFF}{\"bom\":true}",
    ])
    func standardJSONReadsAsJSONDecoderReadsIt(_ text: String) throws {
        #expect(try JSONValue.parse(Data(text.utf8)) == (try Self.foundation(text)))
    }

    @Test(arguments: [
        "", "{", "{\"a\":}", "01", "1.", ".5", "+1", "1e", "tru", "nul", "[1 2]", "{\"a\" 1}", "\"unterminated",
        "\"tab\there\"", #""\x""#, #""\ud800""#, #""\udc00""#, "1e400", "{\"a\":1} x", "NaN",
    ])
    func whatJSONDecoderRefusesIsRefused(_ text: String) {
        #expect(throws: (any Error).self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test func whatOnlyJSONDecoderAcceptsIsReadAsItReadsIt() throws {
        // JSONDecoder takes a trailing comma; the one-pass parser does not, and hands it over.
        #expect(try JSONValue.parse(Data("[1,]".utf8)) == (try Self.foundation("[1,]")))
    }

    @Test func duplicateKeysAndDeepNestingAreLeftToJSONDecoder() throws {
        let duplicate = #"{"a":1,"a":2}"#
        let decoded = try? Self.foundation(duplicate)
        #expect((try? JSONValue.parse(Data(duplicate.utf8))) == decoded)
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect((try? JSONValue.parse(Data(deep.utf8))) == (try? Self.foundation(deep)))
    }

    @Test(arguments: 0..<25)
    func whatIsWrittenIsReadBack(seed: Int) throws {
        var random = SplitMix(state: UInt64(seed) &+ 77)
        func value(_ depth: Int) -> JSONValue {
            switch random.next() % (depth > 3 ? 4 : 6) {
            case 0: return .null
            case 1: return .bool(random.next() % 2 == 0)
            case 2: return .number(Double(Int64(random.next() % 1_000_000)) / 64 - 5000)
            case 3: return .string(CompactJSONTests.strings[Int(random.next() % UInt64(CompactJSONTests.strings.count))])
            case 4: return .array((0..<Int(random.next() % 5)).map { _ in value(depth + 1) })
            default:
                var members: [String: JSONValue] = [:]
                for index in 0..<Int(random.next() % 6) { members["k\(index)\(CompactJSONTests.strings[Int(random.next() % 4)])"] = value(depth + 1) }
                return .object(members)
            }
        }
        let generated = value(0)
        let text = generated.encoded()
        #expect(try JSONValue.parse(text) == generated)
        #expect(try JSONValue.parse(text) == (try JSONDecoder().decode(JSONValue.self, from: text)))
    }
}
