/// A script reduced to what text searches need, from the JavaScript lexer: the code without comments or the
/// contents of strings, and the contents of every string and template literal. A rule searching for a call
/// is not fooled by a comment; a rule searching for a value sees the strings.
struct ScriptText {
    /// The code's tokens joined by spaces, each string or template literal reduced to its quotes.
    let code: String
    /// The contents of every string and template literal, in order.
    let strings: [String]
    /// `code` without white space, as UTF-8, for `codeContains`.
    private let compactCode: [UInt8]

    init(_ source: JavaScriptSource) {
        code = source.tokens.map { token in
            switch token.kind {
            case .string: "\"\""
            case .template: "``"
            default: token.text
            }
        }.joined(separator: " ")
        strings = source.tokens.compactMap { $0.kind == .string || $0.kind == .template ? $0.value : nil }
        compactCode = Self.compact(code)
    }

    /// Whether the code (outside comments and strings) contains `fragment`, ignoring white space.
    func codeContains(_ fragment: String) -> Bool {
        ByteSearch.contains(compactCode, Self.compact(fragment))
    }

    /// Drops ASCII white space: the code holds no other (string contents are reduced to their quotes, and comments
    /// are gone), and rules search for ASCII fragments.
    private static func compact(_ text: String) -> [UInt8] {
        text.utf8.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0B && $0 != 0x0C }
    }
}
