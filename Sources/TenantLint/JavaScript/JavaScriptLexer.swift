/// A small JavaScript lexer: identifiers, numbers, strings, template literals (with nested substitutions),
/// regular expression literals, punctuators and comments. It is what lets every script rule tell code from
/// the inside of a string, a comment or a regex, so `"function"` in a string never counts as a function.
///
/// It does not parse: whether `/` starts a regex is decided from the previous token, as every JavaScript
/// tokenizer without a parser does.
public struct JavaScriptLexer {
    public init() {}

    public struct Output: Sendable {
        public var tokens: [JavaScriptToken]
        public var comments: [JavaScriptComment]
        /// Lexical errors; lexing stops at the first, since everything after it is guesswork.
        public var errors: [JavaScriptSyntaxError]
    }

    static let punctuators: [String] = [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>",
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "?", ":", "=", ".", "@", "#",
    ]

    /// Keywords after which a `/` starts a regular expression rather than a division.
    static let regexAfterKeywords: Set<String> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await",
    ]

    public func tokenize(_ source: String) -> Output {
        var scanner = Scanner(Array(source.unicodeScalars))
        return scanner.run()
    }

    struct Scanner {
        let chars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1
        var tokens: [JavaScriptToken] = []
        var comments: [JavaScriptComment] = []
        var errors: [JavaScriptSyntaxError] = []
        var sawLineBreak = false
        var braceDepth = 0
        /// For each open template substitution, the brace depth at which its closing `}` resumes the template.
        var templateResumeDepths: [Int] = []

        init(_ chars: [Unicode.Scalar]) { self.chars = chars }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < chars.count ? chars[index + offset] : nil
        }

        mutating func advance() {
            if chars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }

        func text(from start: Int) -> String {
            var string = String.UnicodeScalarView()
            string.append(contentsOf: chars[start..<index])
            return String(string)
        }

        mutating func emit(_ kind: JavaScriptToken.Kind, from start: Int, line: Int, column: Int, value: String? = nil) {
            tokens.append(JavaScriptToken(kind: kind, text: text(from: start), value: value, line: line, column: column, followsLineBreak: sawLineBreak))
            sawLineBreak = false
        }

        mutating func fail(_ message: String, line: Int, column: Int) {
            errors.append(JavaScriptSyntaxError(message: message, line: line, column: column))
        }

        var regexAllowed: Bool {
            guard let last = tokens.last else { return true }
            switch last.kind {
            case .number, .string, .regex: return false
            case .template: return last.text.hasSuffix("${")
            case .identifier: return JavaScriptLexer.regexAfterKeywords.contains(last.text)
            case .punctuator: return ![")", "]", "++", "--"].contains(last.text)
            }
        }

        mutating func run() -> Output {
            while index < chars.count, errors.isEmpty {
                let ch = chars[index]
                let startLine = line, startColumn = column, start = index
                if ch == "\n" || ch == "\r" || ch == "\u{2028}" || ch == "\u{2029}" {
                    sawLineBreak = true; advance()
                } else if ch == " " || ch == "\t" || (!ch.isASCII && (ch.properties.isWhitespace || ch == "\u{FEFF}")) || ch == "\u{0B}" || ch == "\u{0C}" {
                    advance()
                } else if ch == "/" && peek(1) == "/" {
                    while let c = peek(), c != "\n" { advance() }
                    comments.append(JavaScriptComment(text: text(from: start), line: startLine, column: startColumn))
                } else if ch == "/" && peek(1) == "*" {
                    advance(); advance()
                    while index < chars.count && !(chars[index] == "*" && peek(1) == "/") {
                        if chars[index] == "\n" { sawLineBreak = true }
                        advance()
                    }
                    if index >= chars.count {
                        fail("unterminated comment: the `/*` here is never closed by `*/`", line: startLine, column: startColumn)
                    } else {
                        advance(); advance()
                        comments.append(JavaScriptComment(text: text(from: start), line: startLine, column: startColumn))
                    }
                } else if ch == "#" && start == 0 && peek(1) == "!" {
                    while let c = peek(), c != "\n" { advance() }
                } else if ch == "'" || ch == "\"" {
                    scanString(quote: ch)
                } else if ch == "`" {
                    advance()
                    scanTemplateChunk(start: start, line: startLine, column: startColumn)
                } else if ch == "}" && templateResumeDepths.last == braceDepth {
                    templateResumeDepths.removeLast()
                    advance()
                    scanTemplateChunk(start: start, line: startLine, column: startColumn)
                } else if Self.isIdentifierStart(ch) {
                    while let c = peek(), Self.isIdentifierPart(c) { advance() }
                    emit(.identifier, from: start, line: startLine, column: startColumn)
                } else if ("0"..."9").contains(ch) || (ch == "." && peek(1).map { ("0"..."9").contains($0) } == true) {
                    scanNumber()
                    emit(.number, from: start, line: startLine, column: startColumn)
                } else if ch == "/" && regexAllowed {
                    scanRegex(start: start, line: startLine, column: startColumn)
                } else if let punctuator = matchPunctuator() {
                    for _ in punctuator.unicodeScalars { advance() }
                    if punctuator == "{" { braceDepth += 1 }
                    if punctuator == "}" { braceDepth -= 1 }
                    emit(.punctuator, from: start, line: startLine, column: startColumn)
                } else {
                    fail("unexpected character `\(ch)` (U+\(String(ch.value, radix: 16, uppercase: true)))", line: startLine, column: startColumn)
                }
            }
            if errors.isEmpty, !templateResumeDepths.isEmpty {
                let open = tokens.last { $0.kind == .template && $0.text.hasSuffix("${") }
                fail("unterminated template literal: a `${` substitution is never closed", line: open?.line ?? line, column: open?.column ?? column)
            }
            return Output(tokens: tokens, comments: comments, errors: errors)
        }

        mutating func scanString(quote: Unicode.Scalar) {
            let start = index, startLine = line, startColumn = column
            advance()
            var value = String.UnicodeScalarView()
            while let c = peek(), c != quote {
                if c == "\n" || c == "\r" {
                    fail("unterminated string literal: the \(quote == "'" ? "'" : "\"") here is not closed on its line", line: startLine, column: startColumn)
                    return
                }
                if c == "\\" {
                    value.append(c); advance()
                    if let escaped = peek() { value.append(escaped); advance() }
                } else {
                    value.append(c); advance()
                }
            }
            if peek() == nil {
                fail("unterminated string literal: the \(quote == "'" ? "'" : "\"") here is never closed", line: startLine, column: startColumn)
                return
            }
            advance()
            emit(.string, from: start, line: startLine, column: startColumn, value: String(value))
        }

        /// Scans template text after a backtick or a substitution's closing `}` up to the closing backtick or the next `${`.
        mutating func scanTemplateChunk(start: Int, line startLine: Int, column startColumn: Int) {
            var value = String.UnicodeScalarView()
            while let c = peek() {
                if c == "\\" {
                    value.append(c); advance()
                    if let escaped = peek() { value.append(escaped); advance() }
                } else if c == "`" {
                    advance()
                    emit(.template, from: start, line: startLine, column: startColumn, value: String(value))
                    return
                } else if c == "$" && peek(1) == "{" {
                    advance(); advance()
                    templateResumeDepths.append(braceDepth)
                    emit(.template, from: start, line: startLine, column: startColumn, value: String(value))
                    return
                } else {
                    value.append(c); advance()
                }
            }
            fail("unterminated template literal: the backtick here is never closed", line: startLine, column: startColumn)
        }

        mutating func scanNumber() {
            while let c = peek() {
                if Self.isIdentifierPart(c) || c == "." {
                    let wasExponent = (c == "e" || c == "E") && !isHexNumber
                    advance()
                    if wasExponent, let sign = peek(), sign == "+" || sign == "-" { advance() }
                } else {
                    return
                }
            }
        }

        /// Whether the number being scanned is hexadecimal (where `e` is a digit, not an exponent).
        var isHexNumber: Bool {
            var back = index - 1
            while back > 0, Self.isIdentifierPart(chars[back]) || chars[back] == "." { back -= 1 }
            let first = Self.isIdentifierPart(chars[back]) ? back : back + 1
            return first + 1 < chars.count && chars[first] == "0" && (chars[first + 1] == "x" || chars[first + 1] == "X")
        }

        mutating func scanRegex(start: Int, line startLine: Int, column startColumn: Int) {
            advance()
            var inClass = false
            while let c = peek() {
                if c == "\n" || c == "\r" { break }
                if c == "\\" {
                    advance()
                    if let next = peek(), next != "\n" { advance() }
                    continue
                }
                advance()
                if c == "[" { inClass = true } else if c == "]" { inClass = false } else if c == "/" && !inClass {
                    while let flag = peek(), Self.isIdentifierPart(flag) { advance() }
                    emit(.regex, from: start, line: startLine, column: startColumn)
                    return
                }
            }
            fail("unterminated regular expression literal", line: startLine, column: startColumn)
        }

        func matchPunctuator() -> String? {
            for candidate in JavaScriptLexer.punctuators {
                var offset = 0
                var matches = true
                for scalar in candidate.unicodeScalars {
                    if peek(offset) != scalar { matches = false; break }
                    offset += 1
                }
                if matches {
                    // `?.5` is a conditional followed by a number, not optional chaining.
                    if candidate == "?.", let after = peek(2), ("0"..."9").contains(after) { return "?" }
                    return candidate
                }
            }
            return nil
        }

        static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
            // ASCII first: Unicode property lookups cost more than the rest of the lexer on large tenants.
            c == "$" || c == "_" || c == "\\" || (c.isASCII ? (("a"..."z").contains(c) || ("A"..."Z").contains(c)) : c.properties.isXIDStart)
        }

        static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
            isIdentifierStart(c) || (c.isASCII ? ("0"..."9").contains(c) : c.properties.isXIDContinue) || c == "\u{200C}" || c == "\u{200D}"
        }
    }
}
