import Testing
@testable import TenantConfig

/// JSON files of the directory format, parsed with the line and column of every value, and every malformed file's
/// exact message: a truncated file never passes as an empty one.
@Suite struct JSONDocumentTests {
    func problem(_ text: String) -> String {
        do { _ = try JSONDocument.parse(text, file: "f.json"); return "parsed" } catch { return error.description }
    }

    @Test func valuesKeepTheirLineAndColumn() throws {
        let node = try JSONDocument.parse("{\n  \"name\": \"Web\",\n  \"callbacks\": [\"https://a\", 2, true, null],\n  \"n\": -1.5e2\n}\n", file: "f.json")
        #expect(node["name"]?.location == SourceLocation(file: "f.json", line: 2, column: 11))
        #expect(node["callbacks"]?.items.map(\.location.column) == [17, 30, 33, 39])
        #expect(node.entries.map(\.keyLocation.line) == [2, 3, 4])
        #expect(node["n"]?.json == .number(-150))
    }

    @Test func malformedFilesSayWhatAndWhere() {
        #expect(problem("") == "line 1, column 1: the file holds no JSON value (is it empty, or truncated?)")
        #expect(problem("{\n  \"name\": \"Web\",\n") == "line 3, column 1: the object opened at line 1, column 1 is not closed (is the file truncated?)")
        #expect(problem("[1, 2,]") == "line 1, column 7: a comma before `]` (JSON allows no trailing comma)")
        #expect(problem("{\"a\": 1, \"a\": 2}") == "line 1, column 10: key \"a\" is written twice in one object (first at line 1, column 2)")
    }
}
