/// One token of JavaScript source, with where it starts. Comments and white space are not tokens.
public struct JavaScriptToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case identifier
        case number
        /// A single- or double-quoted string; `value` holds its contents.
        case string
        /// One chunk of a template literal (up to and including the next `${`, or the closing backtick);
        /// `value` holds the chunk's literal text.
        case template
        case regex
        case punctuator
    }

    public var kind: Kind
    /// The token exactly as written.
    public var text: String
    /// The literal text of a string or template chunk (escapes kept as written, quotes removed).
    public var value: String?
    /// 1-based line and column (columns count Unicode scalars).
    public var line: Int
    public var column: Int
    /// Whether a line break separates this token from the previous one (automatic semicolon insertion cares).
    public var followsLineBreak: Bool

    public init(kind: Kind, text: String, value: String? = nil, line: Int, column: Int, followsLineBreak: Bool = false) {
        self.kind = kind
        self.text = text
        self.value = value
        self.line = line
        self.column = column
        self.followsLineBreak = followsLineBreak
    }

    public func isPunctuator(_ text: String) -> Bool { kind == .punctuator && self.text == text }
    public func isIdentifier(_ text: String) -> Bool { kind == .identifier && self.text == text }
    /// A string literal, or a template literal without substitutions.
    public var isStringLiteral: Bool {
        kind == .string || (kind == .template && text.hasPrefix("`") && text.hasSuffix("`") && text.count >= 2 && !text.hasSuffix("${"))
    }
}

/// A lexical error: an unterminated string, template, comment or regular expression, or a character that
/// cannot start a token.
public struct JavaScriptSyntaxError: Sendable, Equatable, Error {
    public var message: String
    public var line: Int
    public var column: Int
}

/// A comment with where it starts; kept so that rules can tell an empty script from a commented-out one.
public struct JavaScriptComment: Sendable, Equatable {
    public var text: String
    public var line: Int
    public var column: Int
}
