import Foundation
import TenantConfig

/// Builds the cases for a tenant: one generic case per custom database script (the legacy API down: every
/// invariant must still hold), plus the cases written in `databases/<connection>/tests.yaml` (format in
/// docs/test-scripts.md).
public struct ScriptTestSuiteLoader: Sendable {
    public static let testFileName = "tests.yaml"
    public var fileSystem: any TenantFileSystem

    public init(fileSystem: any TenantFileSystem = DiskFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// The cases; errors for test files that cannot be used, and a note for what cannot be checked.
    public func cases(for tenant: TenantDefinition) -> (cases: [ScriptTestCase], findings: [Finding]) {
        var cases: [ScriptTestCase] = []
        var findings: [Finding] = []
        for database in tenant.resources(.databases) + tenant.resources(.connections) {
            let scripts = tenant.scripts.filter { $0.owner == database.key }
            guard !scripts.isEmpty else { continue }
            let configuration = Self.testConfiguration(database.body["options"]?["configuration"])
            var byName: [DatabaseScriptName: ScriptSource] = [:]
            for script in scripts {
                guard case .databaseScript(let name) = script.kind else { continue }
                byName[name] = script
                cases.append(ScriptTestCase(
                    name: "\(name.rawValue) with the legacy API unreachable (generic invariants)", connection: database.key, script: name,
                    file: script.path, code: script.text, arguments: ScriptTestCase.genericArguments(for: name), configuration: configuration))
            }
            let folder = scripts.map { ($0.path as NSString).deletingLastPathComponent }.first ?? tenant.directory
            let testFile = TenantPath.join(folder, Self.testFileName)
            let importMode = database.body["options"]?["import_mode"]?.bool == true
            var declaresMigration = false
            if fileSystem.size(of: testFile) != nil {
                let folders = tenant.folders.isEmpty ? [tenant.directory] : tenant.folders
                let parsed = parseTestFile(testFile, within: folders, connection: database.key, scripts: byName, configuration: configuration, importMode: importMode)
                cases += parsed.cases
                findings += parsed.findings
                declaresMigration = parsed.declaresMigration
            }
            if importMode, byName[.login] != nil, !declaresMigration {
                findings.append(Finding(
                    rule: "marks-migrated", severity: .note, location: database.location,
                    message: "not checked for `\(database.key)` (import mode): declare in \(testFile) the `migration:` request that marks a legacy user migrated (docs/test-scripts.md)"))
            }
        }
        return (cases, findings)
    }

    /// Configuration for test runs: literal values as written; secrets become placeholders, never real values.
    static func testConfiguration(_ node: ConfigNode?) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for entry in node?.entries ?? [] {
            let value = entry.value.json
            if case .string(let text) = value, SecretReference.contains(text) {
                result[entry.key] = .string(SecretReference.substitute(in: text) { "test-placeholder-for-\($0)" })
            } else {
                result[entry.key] = value
            }
        }
        return result
    }

    private func parseTestFile(_ path: String, within folders: [String], connection: String, scripts: [DatabaseScriptName: ScriptSource],
                               configuration: [String: JSONValue], importMode: Bool) -> (cases: [ScriptTestCase], findings: [Finding], declaresMigration: Bool) {
        var findings: [Finding] = []
        func problem(_ location: SourceLocation?, _ message: String) {
            findings.append(Finding(rule: "script-test-file", severity: .error, location: location ?? SourceLocation(file: path), message: message))
        }
        // The same rules as the tenant's other files: a tests.yaml symlinked out of the folder is refused unread.
        let text: String
        do { text = try TenantFileAccess(fileSystem: fileSystem, folders: folders).readText(path, limit: TenantLoader.maximumDocumentBytes) } catch {
            findings.append(error.finding())
            return ([], findings, false)
        }
        let root: ConfigNode?
        do { root = try YAMLDocument.parse(text, file: path) } catch {
            problem(nil, "\(path) is not valid YAML: \(error)")
            return ([], findings, false)
        }
        guard let root, root.isMapping else { return ([], findings, false) }
        var merged = configuration
        for entry in root["configuration"]?.entries ?? [] { merged[entry.key] = entry.value.json }
        for entry in root.entries where !["configuration", "cases", "migration"].contains(entry.key) {
            problem(entry.keyLocation, "unknown key `\(entry.key)` in \(path); a test file has configuration, migration and cases")
        }
        var marker: MigrationMarker?
        if let migration = root["migration"] {
            if let method = migration["method"]?.string, let url = migration["url"]?.string {
                marker = MigrationMarker(method: method, url: url)
                if !importMode {
                    problem(migration.location, "`migration:` applies to connections in import mode (options.import_mode: true); `\(connection)` is not")
                }
            } else {
                problem(migration.location, "`migration:` needs `method` and `url` (the request that marks a legacy user as migrated; `*` matches any characters)")
            }
        }
        var cases: [ScriptTestCase] = []
        for item in root["cases"]?.items ?? [] {
            for entry in item.entries where !["name", "script", "args", "http", "expect"].contains(entry.key) {
                problem(entry.keyLocation, "unknown key `\(entry.key)` in a test case; a case has name, script, args, http and expect")
            }
            guard let name = item["name"]?.string else { problem(item.location, "a test case needs a `name`"); continue }
            guard let scriptName = item["script"]?.string.flatMap(DatabaseScriptName.init(rawValue:)) else {
                problem(item["script"]?.location ?? item.location, "test case `\(name)` needs `script:` (login, get_user, create, verify, change_password, delete or change_email)")
                continue
            }
            guard let script = scripts[scriptName] else {
                problem(item.location, "test case `\(name)` tests `\(scriptName.rawValue)`, which connection `\(connection)` does not have")
                continue
            }
            var expectation: ScriptExpectation?
            if let expect = item["expect"] {
                if let profile = expect["profile"] {
                    expectation = .profile(profile.json.objectValue ?? [:])
                } else if let error = expect["error"]?.string {
                    expectation = .error(error)
                } else if let result = expect.entry("result") {
                    expectation = .result(result.value.json)
                } else {
                    problem(expect.location, "`expect` takes one of profile, error or result")
                }
            }
            cases.append(ScriptTestCase(
                name: name, connection: connection, script: scriptName, file: script.path, code: script.text,
                arguments: item["args"]?.items.map(\.json) ?? ScriptTestCase.genericArguments(for: scriptName),
                configuration: merged, exchanges: item["http"]?.items.map(\.json) ?? [], expectation: expectation,
                migrationMarker: scriptName == .login && importMode ? marker : nil, location: item.location))
        }
        return (cases, findings, marker != nil)
    }
}
