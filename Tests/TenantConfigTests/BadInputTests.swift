import Foundation
import Testing
@testable import TenantConfig

/// Every kind of bad input gives a clear finding with file and line, never a crash.
@Suite struct BadInputTests {
    @Test func malformedYAMLNamesTheLine() throws {
        let tenant = loadTenant(["tenant.yaml": "clients:\n  - name: A\n    callbacks: [unclosed\n"])
        let finding = try #require(tenant.findings("yaml-syntax").first)
        #expect(finding.location?.file == "t/tenant.yaml")
        #expect(finding.location?.line == 4)
        #expect(finding.message.hasPrefix("YAML syntax error"))
    }

    @Test func aWrongTypeSaysWhatWasExpected() throws {
        let tenant = loadTenant(["tenant.yaml": "clients:\n  name: A\n"])
        let finding = try #require(tenant.findings("wrong-type").first)
        #expect(finding.message == "`clients` must be a list of clients, found a mapping")
        #expect(finding.location?.line == 2)
    }

    @Test func anUnknownKeySuggestsTheNearestKnownKey() throws {
        let tenant = loadTenant(["tenant.yaml": "clients:\n  - name: A\n    grant_type: [client_credentials]\n"])
        let finding = try #require(tenant.findings("unknown-key").first)
        #expect(finding.severity == .error)
        #expect(finding.location == SourceLocation(file: "t/tenant.yaml", line: 3, column: 5))
        #expect(finding.message.contains("Did you mean `grant_types`?"))
    }

    @Test func anUnknownSectionSuggestsTheDeployCLIName() throws {
        let tenant = loadTenant(["tenant.yaml": "resourceServer:\n  - identifier: https://api\n"])
        let finding = try #require(tenant.findings("unknown-key").first)
        #expect(finding.message.contains("Did you mean `resourceServers`?"))
    }

    @Test func aDuplicateNamePointsAtBothDeclarations() throws {
        let tenant = loadTenant(["tenant.yaml": "clients:\n  - name: A\n  - name: B\n  - name: A\n"])
        let finding = try #require(tenant.findings("duplicate-name").first)
        #expect(finding.location?.line == 4)
        #expect(finding.message == "client `A` is declared twice (first at line 2); names must be unique")
        #expect(tenant.resources(.clients).map(\.key) == ["A", "B"])
    }

    @Test func aMissingScriptFileIsAFindingAtTheReference() throws {
        let tenant = loadTenant(["tenant.yaml": database(login: "./databases/db/login.js")])
        let finding = try #require(tenant.findings("missing-file").first)
        #expect(finding.message == "script file t/databases/db/login.js does not exist; create it or fix the path")
        #expect(finding.location?.line == 7)
    }

    @Test func aScriptPathEscapingTheTenantFolderIsRefused() throws {
        let tenant = loadTenant(["tenant.yaml": database(login: "../../etc/passwd"), "../../etc/passwd": "x"])
        let finding = try #require(tenant.findings("path-escapes-tenant").first)
        #expect(finding.message.contains("leaves the tenant folder t"))
        #expect(tenant.scripts.isEmpty)
    }

    @Test func aNonUTF8FileNamesTheFirstBadByte() throws {
        var files = InMemoryFileSystem(root: "t", textFiles: ["tenant.yaml": database(login: "./login.js")])
        files.files["t/login.js"] = Data("function login(a, b, cb) {\n  var x = '".utf8) + Data([0xFF, 0xFE]) + Data("';\n}".utf8)
        let tenant = TenantLoader(fileSystem: files, environment: [:]).load("t")
        let finding = try #require(tenant.findings("file-encoding").first)
        #expect(finding.location == SourceLocation(file: "t/login.js", line: 2, column: 12))
        #expect(finding.message.contains("save it as UTF-8"))
    }

    @Test func anAliasBombIsRefusedQuickly() throws {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*\(level == 1 ? "a" : "l\(level - 1)")", count: 10).joined(separator: ", ")
            yaml += "l\(level): &l\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        let tenant = loadTenant(["tenant.yaml": yaml])
        #expect(clock.now - start < .seconds(10))
        let finding = try #require(tenant.findings("yaml-too-large").first)
        #expect(finding.message.contains("alias bomb"))
    }

    @Test func aFiftyMegabyteFileIsRefusedBeforeParsing() throws {
        var files = InMemoryFileSystem(files: [:])
        files.files["t/tenant.yaml"] = Data(repeating: UInt8(ascii: "#"), count: 50 * 1024 * 1024)
        let tenant = TenantLoader(fileSystem: files, environment: [:]).load("t")
        let finding = try #require(tenant.findings("file-too-large").first)
        #expect(finding.message == "t/tenant.yaml is 50.0 MB; tenantctl reads files up to 10.0 MB. Is this the right file?")
    }

    @Test func anUnreadableFileIsAFinding() throws {
        struct Unreadable: TenantFileSystem {
            func contents(of path: String) throws -> Data? {
                if path.hasSuffix("login.js") { throw CocoaError(.fileReadNoPermission) }
                return Data(database(login: "./login.js").utf8)
            }
            // Every file but tenant.json exists (a folder holding both layouts is refused before anything is read).
            func size(of path: String) -> Int? { path.hasSuffix("tenant.json") ? nil : 10 }
            func isDirectory(_ path: String) -> Bool { path == "t" }
            func entries(of directory: String) -> [String] { [] }
        }
        let tenant = TenantLoader(fileSystem: Unreadable(), environment: [:]).load("t")
        let finding = try #require(tenant.findings("unreadable-file").first)
        #expect(finding.message.hasPrefix("cannot read t/login.js"))
    }

    @Test func aFolderWithoutTenantYAMLSaysWhatATenantFolderHolds() throws {
        let tenant = loadTenant(["tenantctl.yaml": "domain: a.auth0.com\n"])
        let finding = try #require(tenant.findings("missing-file").first)
        #expect(finding.message.contains("a tenant folder holds tenant.yaml"))
    }

    @Test func anUnknownScriptNameSuggestsTheRightOne() throws {
        let tenant = loadTenant(["tenant.yaml": database(login: "./l.js", extra: "getUser: ./g.js"), "l.js": "function login(a,b,c){}"])
        let finding = try #require(tenant.findings("unknown-key").first)
        #expect(finding.message.contains("Did you mean `get_user`?"))
    }
}

func database(login: String, extra: String? = nil) -> String {
    """
    databases:
      - name: db
        strategy: auth0
        options:
          enabledDatabaseCustomization: true
          customScripts:
            login: \(login)
    \(extra.map { "        \($0)\n" } ?? "")
    """
}
