import Foundation
import TenantConfig

/// Builds the action cases of a tenant: one generic case per post-login or credentials-exchange action and trigger
/// (a default event, the network down: the handler must be exported, resolve and not throw), the cases written in
/// `actions/<name>/tests.yaml` (format in docs/test-scripts.md), and the generated legacy identity API checks.
public struct ActionTestSuiteLoader: Sendable {
    public static let testFileName = "tests.yaml"
    public var fileSystem: any TenantFileSystem

    public init(fileSystem: any TenantFileSystem = DiskFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// The cases; errors for test files that cannot be used, and notes for what is not run.
    public func cases(for tenant: TenantDefinition) -> (cases: [ActionTestCase], findings: [Finding]) {
        var cases: [ActionTestCase] = []
        var findings: [Finding] = []
        var codes: [String: ActionCode] = [:]
        var codeFolders: Set<String> = []
        for action in tenant.resources(.actions) {
            guard let script = tenant.scripts.first(where: { $0.kind == .action && $0.owner == action.key }) else { continue }
            let code = ActionCode(name: action.key, file: script.path, code: script.text, secrets: ActionEvent.secrets(of: action))
            codes[action.key] = code
            let folder = (script.path as NSString).deletingLastPathComponent
            codeFolders.insert(TenantPath.normalize(folder.isEmpty ? "." : folder))
            let supported = action.body["supported_triggers"]?.items.compactMap { $0["id"]?.string } ?? ["post-login"]
            let triggers = supported.filter { ActionTestCase.triggers.contains($0) }
            guard !triggers.isEmpty else {
                findings.append(Finding(rule: "action-not-run", severity: .note, location: action.location,
                    message: "action `\(action.key)` is not run: test-scripts runs post-login and credentials-exchange actions, and it supports \(supported.map { "`\($0)`" }.joined(separator: ", "))"))
                continue
            }
            for trigger in triggers {
                cases.append(ActionTestCase(kind: .generic, name: "with a default event and the network down (generic invariants)", subject: action.key,
                                            trigger: trigger, actions: [code], event: ActionEvent.defaults(for: trigger), file: script.path))
            }
            let testFile = TenantPath.join(folder, Self.testFileName)
            if fileSystem.size(of: testFile) != nil {
                let parsed = parseTestFile(testFile, action: code, triggers: triggers)
                cases += parsed.cases
                findings += parsed.findings
                // The file's secrets stand in for the placeholders in the generated checks too.
                codes[action.key] = parsed.code
            }
        }
        // A tests.yaml beside no declared action's code tests nothing: say so rather than pass silently.
        let parent = (tenant.documentPath as NSString).deletingLastPathComponent
        let actionsFolder = TenantPath.join(parent.isEmpty ? "." : parent, "actions")
        for entry in fileSystem.entries(of: actionsFolder) {
            let folder = TenantPath.join(actionsFolder, entry)
            let testFile = TenantPath.join(folder, Self.testFileName)
            guard fileSystem.size(of: testFile) != nil, !codeFolders.contains(TenantPath.normalize(folder)) else { continue }
            findings.append(Finding(rule: "script-test-file", severity: .error, location: SourceLocation(file: testFile),
                message: "\(testFile) tests an action that \(tenant.documentPath) does not declare (no action's `code:` is in \(folder)/); declare the action, or move the file beside the code it tests"))
        }
        let legacy = LegacyAPICheck.cases(for: tenant, actions: codes, clientIDs: clientIDs(of: tenant, findings: &findings))
        return (cases + legacy, findings)
    }

    /// Client ids by name from the tenant's snapshot, so actions comparing `event.client.client_id` with real ids see
    /// them; clients the snapshot does not know get a made-up id.
    func clientIDs(of tenant: TenantDefinition, findings: inout [Finding]) -> [String: String] {
        guard tenant.settings.legacyIdentityAPI != nil else { return [:] }
        let path = TenantPath.join(tenant.directory, tenant.settings.snapshot)
        let data: Data?
        do { data = try fileSystem.contents(of: path) } catch {
            findings.append(Finding(rule: "legacy-api", severity: .note, location: SourceLocation(file: path),
                                    message: "cannot read \(path) (\(error.localizedDescription)): the legacy API checks use made-up client ids"))
            return [:]
        }
        guard let data else { return [:] }
        do {
            let snapshot = try TenantSnapshot.decode(data, file: path)
            var ids: [String: String] = [:]
            for client in snapshot.objects(.clients) {
                if let name = client["name"]?.stringValue, let id = client["client_id"]?.stringValue { ids[name] = id }
            }
            return ids
        } catch {
            findings.append(Finding(rule: "legacy-api", severity: .note, location: SourceLocation(file: path),
                                    message: "\(error): the legacy API checks use made-up client ids"))
            return [:]
        }
    }

    private func parseTestFile(_ path: String, action: ActionCode, triggers: [String]) -> (cases: [ActionTestCase], findings: [Finding], code: ActionCode) {
        var findings: [Finding] = []
        func problem(_ location: SourceLocation?, _ message: String) {
            findings.append(Finding(rule: "script-test-file", severity: .error, location: location ?? SourceLocation(file: path), message: message))
        }
        let text: String
        do {
            guard let data = try fileSystem.contents(of: path), let decoded = String(data: data, encoding: .utf8) else {
                problem(nil, "cannot read \(path) as UTF-8 text")
                return ([], findings, action)
            }
            text = decoded
        } catch {
            problem(nil, "cannot read \(path): \(error.localizedDescription)")
            return ([], findings, action)
        }
        let root: ConfigNode?
        do { root = try YAMLDocument.parse(text, file: path) } catch {
            problem(nil, "\(path) is not valid YAML: \(error)")
            return ([], findings, action)
        }
        guard let root, root.isMapping else { return ([], findings, action) }
        for entry in root.entries where !["secrets", "cases"].contains(entry.key) {
            problem(entry.keyLocation, "unknown key `\(entry.key)` in \(path); an action's test file has secrets and cases")
        }
        var code = action
        for entry in root["secrets"]?.entries ?? [] { code.secrets[entry.key] = entry.value.json }
        var cases: [ActionTestCase] = []
        for item in root["cases"]?.items ?? [] {
            for entry in item.entries where !["name", "trigger", "event", "http", "expect"].contains(entry.key) {
                problem(entry.keyLocation, "unknown key `\(entry.key)` in a test case; an action's case has name, trigger, event, http and expect")
            }
            guard let name = item["name"]?.string else { problem(item.location, "a test case needs a `name`"); continue }
            let trigger = item["trigger"]?.string ?? triggers[0]
            guard triggers.contains(trigger) else {
                problem(item["trigger"]?.location ?? item.location, "test case `\(name)` runs trigger `\(trigger)`, which action `\(action.name)` does not support here (\(triggers.joined(separator: ", ")))")
                continue
            }
            if let event = item["event"], !event.isMapping {
                problem(event.location, "`event` of test case `\(name)` must be a mapping of the event's fields (user, client, request, …)")
                continue
            }
            var expected: [ExpectedCall]?
            if let expect = item["expect"] {
                for entry in expect.entries where entry.key != "calls" {
                    problem(entry.keyLocation, "unknown key `\(entry.key)` in `expect`; an action's case expects `calls` (the api calls, in order)")
                }
                guard let calls = expect["calls"], calls.isSequence || calls.isNull else {
                    problem(expect.location, "`expect` of test case `\(name)` needs `calls:`, the api calls in order (`- access.deny: [reason]`; `[]` for none)")
                    continue
                }
                var parsed: [ExpectedCall] = []
                for call in calls.items {
                    if let method = call.string {
                        parsed.append(ExpectedCall(method: method, arguments: nil))
                    } else if call.entries.count == 1, let entry = call.entries.first {
                        parsed.append(ExpectedCall(method: entry.key, arguments: entry.value.isSequence ? entry.value.items.map(\.json) : [entry.value.json]))
                    } else {
                        problem(call.location, "each expected call is `method: [arguments]` (or just `method` for any arguments), such as `access.deny: [Not allowed]`")
                    }
                }
                expected = parsed
            }
            let event = ActionEvent.merged(ActionEvent.defaults(for: trigger), item["event"]?.json ?? .object([:]))
            cases.append(ActionTestCase(kind: .written, name: name, subject: action.name, trigger: trigger, actions: [code], event: event,
                                        exchanges: item["http"]?.items.map(\.json) ?? [], expectedCalls: expected, file: action.file, location: item.location))
        }
        return (cases, findings, code)
    }
}
