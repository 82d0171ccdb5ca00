/// A script's text split into code (comments blanked out, string contents kept apart) and its string literals,
/// so that rules searching for calls are not fooled by comments and rules searching for values see the strings.
struct ScriptText {
    /// The code with every comment replaced by spaces and every string literal's content replaced by spaces.
    let code: String
    /// The contents of every string and template literal, in order.
    let strings: [String]

    init(_ text: String) {
        var code = ""
        var strings: [String] = []
        var current = ""
        enum State { case code, lineComment, blockComment, string(Character) }
        var state = State.code
        var previous: Character = " "
        var escaped = false
        for ch in text {
            switch state {
            case .code:
                if ch == "/" && previous == "/" {
                    code.removeLast(); code += "  "; state = .lineComment
                    previous = " "
                    continue
                } else if ch == "*" && previous == "/" {
                    code.removeLast(); code += "  "; state = .blockComment
                    previous = " "
                    continue
                } else if ch == "'" || ch == "\"" || ch == "`" {
                    state = .string(ch); current = ""; code.append(ch)
                } else {
                    code.append(ch)
                }
            case .lineComment:
                if ch == "\n" { state = .code; code.append(ch) } else { code.append(" ") }
            case .blockComment:
                if ch == "/" && previous == "*" { state = .code }
                code.append(ch == "\n" ? "\n" : " ")
            case .string(let quote):
                if escaped {
                    escaped = false; current.append(ch); code.append(" ")
                } else if ch == "\\" {
                    escaped = true; code.append(" ")
                } else if ch == quote {
                    strings.append(current); state = .code; code.append(ch)
                } else {
                    current.append(ch); code.append(ch == "\n" ? "\n" : " ")
                }
            }
            previous = ch
        }
        self.code = code
        self.strings = strings
    }

    /// Whether the code (outside comments and strings) contains `fragment`, ignoring white space.
    func codeContains(_ fragment: String) -> Bool {
        code.filter { !$0.isWhitespace }.contains(fragment.filter { !$0.isWhitespace })
    }
}
