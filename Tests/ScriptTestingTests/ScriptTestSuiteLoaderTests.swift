import Foundation
import Testing
import TenantConfig
@testable import ScriptTesting

/// tests.yaml beside a connection's scripts: cases, configuration and the import-mode migration request.
@Suite struct ScriptTestSuiteLoaderTests {
    func load(importMode: Bool, tests: String?) -> (cases: [ScriptTestCase], findings: [Finding]) {
        var files = [
            "tenant.yaml": """
            databases:
              - name: db
                options: {enabledDatabaseCustomization: true, import_mode: \(importMode), customScripts: {login: ./db/login.js}}
            """,
            "db/login.js": "function login(email, password, callback) { callback(null); }\n",
        ]
        if let tests { files["db/tests.yaml"] = tests }
        let fileSystem = InMemoryFileSystem(root: "t", textFiles: files)
        let tenant = TenantLoader(fileSystem: fileSystem, environment: [:]).load("t")
        return ScriptTestSuiteLoader(fileSystem: fileSystem).cases(for: tenant)
    }

    let tests = """
    migration: {method: PATCH, url: https://legacy.example/users/*/migrated}
    cases:
      - name: jane logs in
        script: login
        args: [jane@example.com, pw]
    """

    @Test func loginCasesOfAnImportModeConnectionCarryTheMigrationRequest() {
        let loaded = load(importMode: true, tests: tests)
        #expect(loaded.findings.isEmpty, "\(loaded.findings)")
        let written = loaded.cases.filter { $0.location != nil }
        #expect(written.map(\.name) == ["jane logs in"])
        #expect(written.first?.migrationMarker == MigrationMarker(method: "PATCH", url: "https://legacy.example/users/*/migrated"))
        #expect(loaded.cases.filter { $0.location == nil }.allSatisfy { $0.migrationMarker == nil }, "generic runs have the legacy API down")
    }

    @Test func aMigrationRequestOutsideImportModeIsAnError() {
        let loaded = load(importMode: false, tests: tests)
        #expect(loaded.findings.map(\.message) == ["`migration:` applies to connections in import mode (options.import_mode: true); `db` is not"])
        #expect(loaded.findings.first?.location == SourceLocation(file: "t/db/tests.yaml", line: 1, column: 12))
    }

    @Test func unknownTopLevelKeysAreNamed() {
        let loaded = load(importMode: true, tests: "case:\n  - name: x\n")
        #expect(loaded.findings.filter { $0.severity == .error }.map(\.message) == ["unknown key `case` in t/db/tests.yaml; a test file has configuration, migration and cases"])
    }

    @Test func anImportModeConnectionThatDeclaresNoMigrationRequestIsToldThatNothingChecksIt() {
        let casesOnly = "cases:\n  - name: jane logs in\n    script: login\n    args: [jane@example.com, pw]\n"
        for tests in [casesOnly, nil] {
            let loaded = load(importMode: true, tests: tests)
            #expect(loaded.findings.map(\.rule) == ["marks-migrated"], "tests.yaml: \(tests ?? "none")")
            #expect(loaded.findings.first?.severity == .note, "nothing is wrong yet; it is said so as not to skip silently")
            #expect(loaded.findings.first?.message.hasPrefix("not checked for `db` (import mode): declare in t/db/tests.yaml the `migration:` request") == true, "\(loaded.findings)")
            #expect(loaded.findings.first?.location?.file == "t/tenant.yaml", "points at the connection")
        }
        #expect(load(importMode: false, tests: casesOnly).findings.isEmpty, "outside import mode nothing is migrated")
        #expect(load(importMode: false, tests: nil).findings.isEmpty)
    }

    @Test func aTestFileLinkedOutOfTheTenantFolderIsRefusedUnread() throws {
        var fileSystem = InMemoryFileSystem(root: "t", textFiles: [
            "tenant.yaml": "databases:\n  - name: db\n    options: {enabledDatabaseCustomization: true, customScripts: {login: ./db/login.js}}\n",
            "db/login.js": "function login(email, password, callback) { callback(null); }\n",
        ])
        fileSystem.links["t/db/tests.yaml"] = "/etc/passwd"
        fileSystem.files["/etc/passwd"] = Data("root:x:0:0:root:/root:/bin/bash\n".utf8)
        let tenant = TenantLoader(fileSystem: fileSystem, environment: [:]).load("t")
        let loaded = ScriptTestSuiteLoader(fileSystem: fileSystem).cases(for: tenant)
        #expect(loaded.findings.map(\.message) == ["t/db/tests.yaml resolves to /etc/passwd, outside the tenant folder t; tenantctl reads only files inside it, so a symlink must point to a file there (or copy the file in)"])
        #expect(loaded.findings.first?.severity == .error)
        #expect(loaded.cases.allSatisfy { $0.location == nil }, "only the generic cases")
    }
}

/// The scripts run in a node that holds none of tenantctl's environment: `vm` is no sandbox, so a script from a pull
/// request could otherwise read the CI job's credentials.
@Suite(.enabled(if: NodeHarness.findNode() != nil, "node is not on PATH"))
struct NodeHarnessEnvironmentTests {
    @Test func aScriptThatEscapesTheVMSeesNoneOfTenantctlsVariables() throws {
        let escape = """
        function login(email, password, callback) {
          var env = callback.constructor('return process')().env;
          callback(null, { user_id: 'legacy|1', variables: Object.keys(env).sort() });
        }
        """
        let testCase = ScriptTestCase(name: "escape", connection: "db", script: .login, file: "login.js", code: escape,
                                      arguments: [.string("a@b"), .string("pw")], configuration: [:])
        let run = try #require(try NodeHarness(node: NodeHarness.findNode()!).run([testCase]).first)
        let variables = try #require(run.calls.first?.value["variables"]?.arrayValue, "the escape worked: \(run.calls)").compactMap(\.stringValue)
        #expect(ProcessInfo.processInfo.environment.keys.contains { !NodeHarness.keptVariables.contains($0) }, "this test's own environment has more to hide")
        #expect(Set(variables).isSubset(of: NodeHarness.keptVariables), "\(variables)")
    }
}
