/// Parses JSON text into the same `ConfigNode`s `YAMLDocument` makes from YAML, each value and key remembering its
/// line and column, so findings about the Deploy CLI's directory format point into its JSON files. Strict RFC 8259:
/// no comments, no trailing commas; a key written twice in one object is refused (the last would silently win).
/// Bounded like the YAML parser: at most `maximumNodes` values and `maximumDepth` levels.
public enum JSONDocument {
    /// The most values one document may hold before it is refused.
    public static let maximumNodes = 1_000_000
    /// The deepest nesting accepted (a recursive parser must not run out of stack on `[[[[…`).
    public static let maximumDepth = 512

    /// Why a JSON document could not be turned into a value tree. Lines and columns are 1-based; columns count
    /// characters (Unicode scalars) from the start of the line.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case syntax(message: String, line: Int, column: Int)
        case tooManyNodes(limit: Int)
        case tooDeep(limit: Int, line: Int, column: Int)

        public var description: String {
            switch self {
            case .syntax(let message, let line, let column): "line \(line), column \(column): \(message)"
            case .tooManyNodes(let limit): "more than \(limit) values"
            case .tooDeep(let limit, let line, let column): "line \(line), column \(column): nested more than \(limit) levels deep"
            }
        }
    }

    /// Parses one document. An empty document (nothing but whitespace) is an error: a JSON file holds a value.
    public static func parse(_ text: String, file: String) throws(ParseError) -> ConfigNode {
        var parser = Parser(bytes: Array(text.utf8), file: file)
        parser.skipWhitespace()
        guard !parser.atEnd else { throw parser.error("the file holds no JSON value (is it empty, or truncated?)") }
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.atEnd else { throw parser.error("unexpected \(parser.describeCurrent()) after the JSON value") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        let file: String
        var index = 0
        var line = 1
        var lineStart = 0
        var budget = JSONDocument.maximumNodes
        /// A cursor counting characters along the current line, so a long minified line costs one pass, not one per value.
        var countedTo = 0
        var countedColumn = 1

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }

        var atEnd: Bool { index >= bytes.count }

        /// The column of `index`: characters since the line began (continuation bytes of UTF-8 not counted).
        var column: Int {
            mutating get {
                if countedTo < lineStart || countedTo > index { (countedTo, countedColumn) = (lineStart, 1) }
                while countedTo < index && countedTo < bytes.count {
                    if bytes[countedTo] & 0xC0 != 0x80 { countedColumn += 1 }
                    countedTo += 1
                }
                return countedColumn
            }
        }

        var location: SourceLocation { mutating get { SourceLocation(file: file, line: line, column: column) } }

        mutating func error(_ message: String) -> ParseError { .syntax(message: message, line: line, column: column) }

        func describeCurrent() -> String {
            guard !atEnd else { return "end of file" }
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F { return "`\(Character(UnicodeScalar(byte)))`" }
            return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D: index += 1
                case 0x0A:
                    index += 1
                    line += 1
                    lineStart = index
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(ParseError) -> ConfigNode {
            budget -= 1
            guard budget >= 0 else { throw .tooManyNodes(limit: JSONDocument.maximumNodes) }
            guard depth < JSONDocument.maximumDepth else { throw .tooDeep(limit: JSONDocument.maximumDepth, line: line, column: column) }
            let start = location
            guard !atEnd else { throw error("expected a value, found the end of the file (is it truncated?)") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(at: start, depth: depth)
            case UInt8(ascii: "["): return try array(at: start, depth: depth)
            case UInt8(ascii: "\""): return ConfigNode(.string(try string()), at: start)
            case UInt8(ascii: "t"): try literal("true"); return ConfigNode(.bool(true), at: start)
            case UInt8(ascii: "f"): try literal("false"); return ConfigNode(.bool(false), at: start)
            case UInt8(ascii: "n"): try literal("null"); return ConfigNode(.null, at: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return ConfigNode(try number(), at: start)
            default:
                throw error("expected a value (an object, a list, a string, a number, true, false or null), found \(describeCurrent())")
            }
        }

        mutating func object(at start: SourceLocation, depth: Int) throws(ParseError) -> ConfigNode {
            index += 1
            var entries: [ConfigEntry] = []
            var seen: [String: SourceLocation] = [:]
            skipWhitespace()
            if !atEnd && bytes[index] == UInt8(ascii: "}") {
                index += 1
                return ConfigNode(.mapping([]), at: start)
            }
            while true {
                skipWhitespace()
                guard !atEnd else { throw error("the object opened at line \(start.line), column \(start.column) is not closed (is the file truncated?)") }
                guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes, found \(describeCurrent())") }
                let keyLocation = location
                let key = try string()
                if let first = seen[key] {
                    throw .syntax(message: "key \"\(key)\" is written twice in one object (first at line \(first.line), column \(first.column))",
                                  line: keyLocation.line, column: keyLocation.column)
                }
                seen[key] = keyLocation
                skipWhitespace()
                guard !atEnd, bytes[index] == UInt8(ascii: ":") else { throw error("expected `:` after the key \"\(key)\", found \(describeCurrent())") }
                index += 1
                skipWhitespace()
                entries.append(ConfigEntry(key: key, keyLocation: keyLocation, value: try value(depth: depth + 1)))
                skipWhitespace()
                guard !atEnd else { throw error("the object opened at line \(start.line), column \(start.column) is not closed (is the file truncated?)") }
                switch bytes[index] {
                case UInt8(ascii: ","):
                    index += 1
                    skipWhitespace()
                    if !atEnd && bytes[index] == UInt8(ascii: "}") { throw error("a comma before `}` (JSON allows no trailing comma)") }
                case UInt8(ascii: "}"):
                    index += 1
                    return ConfigNode(.mapping(entries), at: start)
                default:
                    throw error("expected `,` or `}` after a value in the object, found \(describeCurrent())")
                }
            }
        }

        mutating func array(at start: SourceLocation, depth: Int) throws(ParseError) -> ConfigNode {
            index += 1
            var items: [ConfigNode] = []
            skipWhitespace()
            if !atEnd && bytes[index] == UInt8(ascii: "]") {
                index += 1
                return ConfigNode(.sequence([]), at: start)
            }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                guard !atEnd else { throw error("the list opened at line \(start.line), column \(start.column) is not closed (is the file truncated?)") }
                switch bytes[index] {
                case UInt8(ascii: ","):
                    index += 1
                    skipWhitespace()
                    if !atEnd && bytes[index] == UInt8(ascii: "]") { throw error("a comma before `]` (JSON allows no trailing comma)") }
                case UInt8(ascii: "]"):
                    index += 1
                    return ConfigNode(.sequence(items), at: start)
                default:
                    throw error("expected `,` or `]` after a list item, found \(describeCurrent())")
                }
            }
        }

        mutating func literal(_ word: String) throws(ParseError) {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
                throw error("expected a value, found \(describeCurrent()) (not `\(word)`)")
            }
            index += expected.count
        }

        mutating func number() throws(ParseError) -> ConfigNode.Value {
            let begin = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard !atEnd, isDigit(bytes[index]) else { throw error("a number needs digits after `-`") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if !atEnd && isDigit(bytes[index]) { throw error("a number cannot start with 0 (write 7, not 07)") }
            } else {
                while !atEnd && isDigit(bytes[index]) { index += 1 }
            }
            var isInteger = true
            if !atEnd && bytes[index] == UInt8(ascii: ".") {
                isInteger = false
                index += 1
                guard !atEnd, isDigit(bytes[index]) else { throw error("a number needs digits after `.`") }
                while !atEnd && isDigit(bytes[index]) { index += 1 }
            }
            if !atEnd && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
                isInteger = false
                index += 1
                if !atEnd && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
                guard !atEnd, isDigit(bytes[index]) else { throw error("a number needs digits in its exponent") }
                while !atEnd && isDigit(bytes[index]) { index += 1 }
            }
            let text = String(decoding: bytes[begin..<index], as: UTF8.self)
            if isInteger, let int = Int(text) { return .int(int) }
            guard let double = Double(text) else { throw error("`\(text)` is not a number tenantctl can hold") }
            return .double(double)
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        mutating func string() throws(ParseError) -> String {
            let start = location
            index += 1
            var scalars = String.UnicodeScalarView()
            var runStart = index
            func flush(_ parser: Parser, upTo end: Int, into scalars: inout String.UnicodeScalarView) {
                scalars.append(contentsOf: String(decoding: parser.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
            while true {
                guard !atEnd else {
                    throw .syntax(message: "the string opened at line \(start.line), column \(start.column) is not closed (is the file truncated?)",
                                  line: line, column: column)
                }
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    flush(self, upTo: index, into: &scalars)
                    index += 1
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush(self, upTo: index, into: &scalars)
                    index += 1
                    guard !atEnd else { throw error("a `\\` at the end of the file") }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""): scalars.append("\"")
                    case UInt8(ascii: "\\"): scalars.append("\\")
                    case UInt8(ascii: "/"): scalars.append("/")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                    default:
                        index -= 2
                        throw error("`\\\(Character(UnicodeScalar(escape)))` is not a JSON escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)")
                    }
                    runStart = index
                case 0x0A:
                    throw error("the string opened at line \(start.line), column \(start.column) runs past the end of its line (is a `\"` missing?)")
                case 0x00..<0x20:
                    throw error("a control character (0x\(String(byte, radix: 16, uppercase: true))) inside a string; write it as an escape such as \\t")
                default:
                    index += 1
                }
            }
        }

        /// The scalar of `\uXXXX` (the `\u` already read), a surrogate pair joined.
        mutating func unicodeEscape() throws(ParseError) -> Unicode.Scalar {
            let first = try hex4()
            if (0xD800...0xDBFF).contains(first) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("`\\u\(String(first, radix: 16))` begins a surrogate pair that is not completed")
                }
                index += 2
                let second = try hex4()
                guard (0xDC00...0xDFFF).contains(second), let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
                    throw error("`\\u\(String(second, radix: 16))` does not complete the surrogate pair before it")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw error("`\\u\(String(first, radix: 16))` is a lone surrogate, not a character") }
            return scalar
        }

        mutating func hex4() throws(ParseError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("`\\u` needs four hexadecimal digits") }
            let text = String(decoding: bytes[index..<(index + 4)], as: UTF8.self)
            guard text.allSatisfy(\.isHexDigit), let value = UInt32(text, radix: 16) else { throw error("`\\u\(text)` needs four hexadecimal digits") }
            index += 4
            return value
        }
    }
}
