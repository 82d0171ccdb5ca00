import Testing
@testable import TenantLint

@Suite struct NodeSyntaxCheckTests {
    @Test func withoutNodeOnPathItSaysSo() {
        #expect(throws: NodeSyntaxCheck.Failure.self) { try NodeSyntaxCheck(environment: ["PATH": ""]) }
    }

    @Test(.enabled(if: NodeAvailability.isOnPath, NodeAvailability.whyAbsent))
    func columnsOnTheFirstLineAreRelativeToTheFile() throws {
        let check = try NodeSyntaxCheck()
        let verdicts = try check.check([
            ("function login(a, callback) { callback(null) }", .functionExpression),
            ("function login(a, callback) { const = 1 }", .functionExpression),
            ("exports.onExecutePostLogin = async () => {};\nconst x = ;\n", .module),
        ])
        #expect(verdicts.count == 3)
        #expect(verdicts[0] == nil)
        #expect(verdicts[1].map { ($0.line, $0.column) } ?? (0, 0) == (1, 37))
        #expect(verdicts[2].map { ($0.line, $0.column) } ?? (0, 0) == (2, 11))
    }
}
