/// A script reduced to what text searches need, from the JavaScript lexer: the code without comments or the
/// contents of strings, and the contents of every string and template literal. A rule searching for a call
/// is not fooled by a comment; a rule searching for a value sees the strings.
struct ScriptText {
    /// The code's tokens joined by spaces, each string or template literal reduced to its quotes.
    let code: String
    /// The contents of every string and template literal, in order.
    let strings: [String]

    init(_ source: JavaScriptSource) {
        code = source.tokens.map { token in
            switch token.kind {
            case .string: "\"\""
            case .template: "``"
            default: token.text
            }
        }.joined(separator: " ")
        strings = source.tokens.compactMap { $0.kind == .string || $0.kind == .template ? $0.value : nil }
    }

    /// Whether the code (outside comments and strings) contains `fragment`, ignoring white space.
    func codeContains(_ fragment: String) -> Bool {
        code.filter { !$0.isWhitespace }.contains(fragment.filter { !$0.isWhitespace })
    }
}
