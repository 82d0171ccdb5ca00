/// A script lexed once, with its brackets matched: what every script rule reads instead of raw text.
public struct JavaScriptSource: Sendable {
    public let tokens: [JavaScriptToken]
    public let comments: [JavaScriptComment]
    /// Lexical errors, then bracket errors (an unclosed `{`, a `)` closing a `[`...), in source order.
    public let syntaxErrors: [JavaScriptSyntaxError]
    /// Index of the matching bracket for every matched opening and closing bracket token.
    private let partners: [Int: Int]
    /// For every token, the index of the innermost bracket that contains it (-1 at the top level).
    private let containers: [Int]

    public init(_ text: String) {
        let lexed = JavaScriptLexer().tokenize(text)
        tokens = lexed.tokens
        comments = lexed.comments
        var partners: [Int: Int] = [:]
        var bracketErrors: [JavaScriptSyntaxError] = []
        var open: [Int] = []
        var containers: [Int] = []
        containers.reserveCapacity(lexed.tokens.count)
        for (index, token) in lexed.tokens.enumerated() {
            containers.append(open.last.map { Self.closesSubstitution(token) || (token.kind == .punctuator && Self.closers[token.text] != nil) ? (open.count > 1 ? open[open.count - 2] : -1) : $0 } ?? -1)
            if Self.closesSubstitution(token) {
                guard let last = open.last, Self.opener(lexed.tokens[last]) == "${" else {
                    bracketErrors.append(.init(message: "a template substitution closes here without being opened", line: token.line, column: token.column))
                    break
                }
                partners[last] = index; partners[index] = last; open.removeLast()
            } else if token.kind == .punctuator, let expected = Self.closers[token.text] {
                guard let last = open.last else {
                    bracketErrors.append(.init(message: "`\(token.text)` closes nothing: there is no open `\(expected)` before it", line: token.line, column: token.column))
                    break
                }
                let opening = lexed.tokens[last]
                guard Self.opener(opening) == expected else {
                    bracketErrors.append(.init(message: "`\(token.text)` found where the `\(Self.opener(opening) ?? "")` opened at \(opening.line):\(opening.column) must close first", line: token.line, column: token.column))
                    break
                }
                partners[last] = index; partners[index] = last; open.removeLast()
            }
            if Self.opener(token) != nil { open.append(index) }
        }
        if lexed.errors.isEmpty, bracketErrors.isEmpty, let unclosed = open.last {
            let token = lexed.tokens[unclosed]
            let bracket = Self.opener(token) ?? token.text
            bracketErrors.append(.init(message: "`\(bracket)` opened here is never closed", line: token.line, column: token.column))
        }
        self.partners = partners
        self.containers = containers
        syntaxErrors = lexed.errors + (lexed.errors.isEmpty ? bracketErrors : [])
    }

    static let closers: [String: String] = [")": "(", "]": "[", "}": "{"]

    /// The bracket a token opens: `(`, `[`, `{`, or `${` for a template chunk ending in a substitution.
    static func opener(_ token: JavaScriptToken) -> String? {
        switch token.kind {
        case .punctuator where ["(", "[", "{"].contains(token.text): token.text
        case .template where token.text.hasSuffix("${"): "${"
        default: nil
        }
    }

    /// A template chunk that resumes after a substitution (it starts with the substitution's `}`).
    static func closesSubstitution(_ token: JavaScriptToken) -> Bool {
        token.kind == .template && token.text.hasPrefix("}")
    }

    /// The index of the bracket matching the one at `index`.
    public func partner(of index: Int) -> Int? { partners[index] }

    /// The innermost opening bracket containing the token at `index`, or nil at the top level.
    public func container(of index: Int) -> Int? {
        guard containers.indices.contains(index), containers[index] >= 0 else { return nil }
        return containers[index]
    }

    /// The opening brackets containing the token at `index`, innermost first.
    public func containers(of index: Int) -> [Int] {
        var chain: [Int] = []
        var current = container(of: index)
        while let bracket = current { chain.append(bracket); current = container(of: bracket) }
        return chain
    }

    /// Calls of a function by name (`callback(`), not method calls (`x.callback(`): the name tokens' indices.
    public func calls(of name: String) -> [Int] {
        tokens.indices.filter { index in
            tokens[index].isIdentifier(name) && self[index + 1]?.isPunctuator("(") == true
                && !(self[index - 1].map { $0.isPunctuator(".") || $0.isPunctuator("?.") } ?? false)
        }
    }

    /// The keyword that owns a `{` or `(`: `if`, `for`, `while`, `do`, `else`, `try`, `catch`, `finally`,
    /// `function`, `=>`, `switch`, or nil for a plain block or an expression.
    public func owner(ofBracket index: Int) -> String? {
        guard let previous = self[index - 1] else { return nil }
        if tokens[index].isPunctuator("(") {
            if previous.kind == .identifier, ["if", "for", "while", "switch", "catch"].contains(previous.text) { return previous.text }
            return nil
        }
        if previous.isPunctuator("=>") { return "=>" }
        if previous.kind == .identifier, ["do", "else", "try", "finally"].contains(previous.text) { return previous.text }
        if previous.isPunctuator(")"), let open = partner(of: index - 1) {
            if let keyword = self[open - 1], keyword.kind == .identifier, ["if", "for", "while", "switch", "catch"].contains(keyword.text) { return keyword.text }
            if self[open - 1]?.isIdentifier("function") == true || self[open - 2]?.isIdentifier("function") == true || self[open - 3]?.isIdentifier("function") == true { return "function" }
            // A method shorthand `name(...) {` inside an object or class.
            if self[open - 1]?.kind == .identifier { return "function" }
        }
        return nil
    }

    /// Whether the script has no code at all (empty, white space or comments only).
    public var isEmpty: Bool { tokens.isEmpty }

    public subscript(index: Int) -> JavaScriptToken? {
        tokens.indices.contains(index) ? tokens[index] : nil
    }

    /// The function the script consists of, as Auth0 evaluates it: its first statement.
    public var mainFunction: JavaScriptFunction? { function(startingAt: 0) }

    /// A function (declaration, expression or arrow) starting at a token index.
    public func function(startingAt start: Int) -> JavaScriptFunction? {
        var index = start
        var isAsync = false
        if self[index]?.isIdentifier("async") == true, self[index + 1]?.followsLineBreak == false { isAsync = true; index += 1 }
        if self[index]?.isIdentifier("function") == true {
            let keyword = index
            index += 1
            if self[index]?.isPunctuator("*") == true { index += 1 }
            var name: Int?
            if let token = self[index], token.kind == .identifier { name = index; index += 1 }
            guard self[index]?.isPunctuator("(") == true, let closeParen = partner(of: index),
                  self[closeParen + 1]?.isPunctuator("{") == true, let closeBody = partner(of: closeParen + 1) else { return nil }
            return JavaScriptFunction(start: keyword, nameIndex: name, name: name.map { tokens[$0].text },
                                      parameters: parameterNames(open: index, close: closeParen),
                                      bodyOpen: closeParen + 1, bodyClose: closeBody, isArrow: false, isAsync: isAsync)
        }
        // Arrow functions: `(a, b) => { ... }`, `a => ...`
        var parameters: [String] = []
        var arrow: Int
        if self[index]?.isPunctuator("(") == true, let closeParen = partner(of: index), self[closeParen + 1]?.isPunctuator("=>") == true {
            parameters = parameterNames(open: index, close: closeParen)
            arrow = closeParen + 1
        } else if self[index]?.kind == .identifier, self[index + 1]?.isPunctuator("=>") == true {
            parameters = [tokens[index].text]
            arrow = index + 1
        } else {
            return nil
        }
        let bodyOpen = arrow + 1
        let bodyClose = self[bodyOpen]?.isPunctuator("{") == true ? partner(of: bodyOpen) : nil
        return JavaScriptFunction(start: start, nameIndex: nil, name: nil, parameters: parameters,
                                  bodyOpen: bodyOpen, bodyClose: bodyClose ?? bodyOpen, isArrow: true, isAsync: isAsync)
    }

    /// The simple parameter names between a function's parentheses (destructured parameters are skipped).
    func parameterNames(open: Int, close: Int) -> [String] {
        var names: [String] = []
        var index = open + 1
        while index < close {
            let token = tokens[index]
            if token.kind == .identifier, tokens[index - 1].isPunctuator("(") || tokens[index - 1].isPunctuator(",") || tokens[index - 1].isPunctuator("...") {
                names.append(token.text)
            }
            if let partner = partner(of: index), partner > index { index = partner + 1 } else { index += 1 }
        }
        return names
    }

    /// The index just past the expression or argument list that starts at `index`: the matching bracket of an
    /// opening bracket, or the token itself.
    public func end(of index: Int) -> Int {
        if let partner = partner(of: index), partner > index { return partner + 1 }
        return index + 1
    }
}

/// A function found in a script: its name, parameters and body (token indices).
public struct JavaScriptFunction: Sendable, Equatable {
    /// The index of `function` (or of the arrow function's first token).
    public var start: Int
    public var nameIndex: Int?
    public var name: String?
    public var parameters: [String]
    /// The body's `{` and `}` (for a concise arrow body, both are the first token of the expression).
    public var bodyOpen: Int
    public var bodyClose: Int
    public var isArrow: Bool
    public var isAsync: Bool
}
