import Testing
@testable import TenantLint

@Suite struct JavaScriptLexerTests {
    func kinds(_ source: String) -> [String] {
        JavaScriptLexer().tokenize(source).tokens.map { token in
            switch token.kind {
            case .identifier: "id:\(token.text)"
            case .number: "num:\(token.text)"
            case .string: "str:\(token.value ?? "")"
            case .template: "tpl:\(token.text)"
            case .regex: "re:\(token.text)"
            case .punctuator: token.text
            }
        }
    }

    @Test func functionInAStringOrCommentIsNotCode() {
        let output = JavaScriptLexer().tokenize("// function a() {}\nconst s = 'function b() {}'; /* function c */")
        #expect(output.tokens.filter { $0.isIdentifier("function") }.isEmpty)
        #expect(output.comments.count == 2)
        #expect(kinds("const s = 'function b() {}';") == ["id:const", "id:s", "=", "str:function b() {}", ";"])
    }

    @Test func slashIsARegexOrADivisionByWhatPrecedesIt() {
        #expect(kinds("a = b / c / d") == ["id:a", "=", "id:b", "/", "id:c", "/", "id:d"])
        #expect(kinds("x = /a\\/[/]b/gi.test(y)") == ["id:x", "=", "re:/a\\/[/]b/gi", ".", "id:test", "(", "id:y", ")"])
        #expect(kinds("return /}/.test(s)") == ["id:return", "re:/}/", ".", "id:test", "(", "id:s", ")"])
        #expect(kinds("(a) / 2") == ["(", "id:a", ")", "/", "num:2"])
    }

    @Test func templatesNestSubstitutionsAndBraces() {
        let tokens = kinds("`a${ {b: `c${d}`}.b }e`")
        #expect(tokens == ["tpl:`a${", "{", "id:b", ":", "tpl:`c${", "id:d", "tpl:}`", "}", ".", "id:b", "tpl:}e`"])
        #expect(JavaScriptSource("`a${ {b: `c${d}`}.b }e`").syntaxErrors.isEmpty)
    }

    @Test func numbersIncludingExponentsAndHex() {
        #expect(kinds("1e-3 + 0xEF + .5 + 10n") == ["num:1e-3", "+", "num:0xEF", "+", "num:.5", "+", "num:10n"])
    }

    @Test func linesAndColumnsCountFromOne() {
        let tokens = JavaScriptLexer().tokenize("a\n  bb(\n\tc)").tokens
        #expect(tokens.map { "\($0.line):\($0.column)" } == ["1:1", "2:3", "2:5", "3:2", "3:3"])
        #expect(tokens[1].followsLineBreak && !tokens[2].followsLineBreak)
    }

    @Test(arguments: [
        ("a = 'open", "unterminated string literal", 1, 5),
        ("a = 1;\n/* never closed", "unterminated comment", 2, 1),
        ("x = `tpl", "unterminated template literal", 1, 5),
        ("x = /re\n", "unterminated regular expression", 1, 5),
        ("f(a]", "the `(` opened at 1:2 must close first", 1, 4),
        ("}", "closes nothing", 1, 1),
        ("function f() {\n  if (x) {\n}", "`{` opened here is never closed", 1, 14),
    ])
    func errorsNameTheirPlace(source: String, message: String, line: Int, column: Int) {
        let errors = JavaScriptSource(source).syntaxErrors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains(message) == true, "\(errors)")
        #expect(errors.first.map { ($0.line, $0.column) } ?? (0, 0) == (line, column))
    }

    @Test func mainFunctionShapes() throws {
        let named = try #require(JavaScriptSource("async function login(email, password, callback) { return 1; }").mainFunction)
        #expect(named.name == "login" && named.parameters == ["email", "password", "callback"] && named.isAsync && !named.isArrow)
        let anonymous = try #require(JavaScriptSource("function ({ a }, b) {}").mainFunction)
        #expect(anonymous.name == nil && anonymous.parameters == ["b"])
        let arrow = try #require(JavaScriptSource("(email, callback) => { callback(null); }").mainFunction)
        #expect(arrow.isArrow && arrow.parameters == ["email", "callback"])
        #expect(JavaScriptSource("const login = 1;").mainFunction == nil)
    }
}
