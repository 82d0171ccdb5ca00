import Foundation
import TenantConfig
import TenantLint

/// What `tenantctl migrate-rules` does to a tenant: the files it writes and removes, the actions, and what it found.
public struct RuleMigrationPlan: Sendable {
    public var actions: [MigratedAction] = []
    /// Files to write, path → text: each action's code, and the edited tenant.yaml.
    public var writes: [String: String] = [:]
    /// The rules' script files, which nothing names any more.
    public var removals: [String] = []
    /// Errors (then nothing may be written), the parts left for a person (warnings), notes.
    public var findings: [Finding] = []

    /// Whether the plan can be written: no error.
    public var isWritable: Bool { !findings.contains { $0.severity == .error } && !actions.isEmpty }
}

/// Plans the conversion of a tenant's rules into post-login actions: one action per rule (named after it, its code
/// in `actions/<name>/code.js`), `actions:` entries and `triggers: post-login:` bindings in the rules' order
/// (before any existing binding: rules ran before actions), `rulesConfigs` keys as the actions' secrets fed from
/// the same keywords, and the `rules:` and `rulesConfigs:` sections removed from tenant.yaml's text, every other
/// line kept. Pure: it reads the file system only to refuse overwriting a file.
public enum RuleMigrator {
    /// The identifier of migrate-rules' own findings.
    public static let findingRule = "migrate-rules"

    public static func plan(_ tenant: TenantDefinition, documentText: String, fileSystem: any TenantFileSystem) -> RuleMigrationPlan {
        var plan = RuleMigrationPlan()
        func problem(_ location: SourceLocation?, _ message: String) {
            plan.findings.append(Finding(rule: findingRule, severity: .error, location: location, message: message))
        }
        let parent = (tenant.documentPath as NSString).deletingLastPathComponent
        let directory = parent.isEmpty ? "." : parent
        let rules = tenant.resources(.rules).enumerated()
            .sorted { ($0.element.body["order"]?.int ?? Int.max, $0.offset) < ($1.element.body["order"]?.int ?? Int.max, $1.offset) }
            .map(\.element)
        let configurations = rulesConfigValues(tenant, documentText: documentText)
        var taken: [String: ResourceDefinition] = [:]
        for rule in rules {
            let name = MigratedAction.name(forRule: rule.key)
            if let other = taken[name] {
                problem(rule.location, "rules `\(other.key)` (line \(other.location.line)) and `\(rule.key)` would both become action `\(name)`; rename one of them (its `name:` in tenant.yaml) and run migrate-rules again. Nothing was changed.")
                continue
            }
            taken[name] = rule
            if let existing = tenant.resources(.actions).first(where: { $0.key == name }) {
                problem(rule.location, "rule `\(rule.key)` would become action `\(name)`, but tenant.yaml already declares an action `\(name)` (line \(existing.location.line)); rename the rule or the action and run migrate-rules again. Nothing was changed.")
                continue
            }
            let reference = "./actions/\(name)/code.js"
            let codePath = TenantPath.join(directory, reference)
            if fileSystem.size(of: codePath) != nil {
                problem(rule.location, "rule `\(rule.key)` would become action `\(name)`, but \(codePath) already exists; migrate-rules never overwrites a file: move it away and run migrate-rules again. Nothing was changed.")
                continue
            }
            guard let script = tenant.scripts.first(where: { $0.kind == .rule && $0.owner == rule.key }) else {
                problem(rule.location, "rule `\(rule.key)` has no script file that could be read; fix its `script:` and run migrate-rules again. Nothing was changed.")
                continue
            }
            var converted: ConvertedRule
            do {
                converted = try RuleConverter.convert(script.asWritten ?? script.text)  // its keywords kept, not their values
            } catch {
                problem(script.location(line: error.line, column: error.column),
                        "rule `\(rule.key)` \(error.description); migrate-rules converts only code it can read. Fix the rule (or convert it by hand into an action) and run migrate-rules again. Nothing was changed.")
                continue
            }
            let keys = converted.readsAllConfiguration ? configurations.map(\.name) + converted.configurationKeys : converted.configurationKeys
            var secrets: [ActionSecret] = []
            var undeclared: [String] = []
            for key in keys where !secrets.contains(where: { $0.name == key }) && !undeclared.contains(key) {
                if let value = configurations.first(where: { $0.name == key }) { secrets.append(value) } else { undeclared.append(key) }
            }
            if !undeclared.isEmpty {
                let comments = undeclared.map { "// \(MigrateRulesTodoRule.marker) the rule read configuration.\($0), which `rulesConfigs` does not declare: add the action secret `\($0)` (its `secrets:` in tenant.yaml).\n" }
                converted.code = comments.joined() + converted.code
                converted = converted.withTodosFound()
            }
            plan.actions.append(MigratedAction(ruleName: rule.key, actionName: name, codeReference: reference, codePath: codePath,
                                               converted: converted, secrets: secrets, bound: rule.body["enabled"]?.bool != false))
            if !plan.removals.contains(script.path) { plan.removals.append(script.path) }
        }
        guard !plan.findings.contains(where: { $0.severity == .error }), !plan.actions.isEmpty else {
            plan.removals = []
            return plan
        }
        guard let document = editedDocument(documentText, tenant: tenant, actions: plan.actions) else {
            problem(rules.first?.location, "tenant.yaml's `rules:` (or `rulesConfigs:`) section is not a block list starting at the first column that migrate-rules can edit as text; write it as `rules:` followed by `  - name: …` entries, or move the rules by hand. Nothing was changed.")
            plan.removals = []
            return plan
        }
        for action in plan.actions {
            plan.writes[action.codePath] = action.converted.code
            for todo in action.converted.todos {
                plan.findings.append(Finding(rule: findingRule, severity: .warning, location: SourceLocation(file: action.codePath, line: todo.line, column: todo.column),
                                             message: "rule `\(action.ruleName)` → action `\(action.actionName)`: \(todo.message)"))
            }
            if !action.bound {
                plan.findings.append(Finding(rule: findingRule, severity: .note, location: SourceLocation(file: tenant.documentPath),
                                             message: "rule `\(action.ruleName)` is disabled, so its action `\(action.actionName)` is declared but not bound to post-login; bind it in `triggers` when it should run"))
            }
        }
        plan.writes[tenant.documentPath] = document
        return plan
    }

    /// tenant.yaml without `rules:` and `rulesConfigs:`, with the actions and their bindings; nil when a section is
    /// not where the loader found its entries (a flow-style or otherwise unusual layout).
    static func editedDocument(_ text: String, tenant: TenantDefinition, actions: [MigratedAction]) -> String? {
        var document = TenantDocumentText(text)
        for (key, kind) in [("rules", ResourceKind.rules), ("rulesConfigs", .rulesConfigs)] {
            let resources = tenant.resources(kind)
            guard !resources.isEmpty else { continue }
            guard let section = document.section(key), resources.allSatisfy({ section.contains($0.location.line - 1) && $0.location.line - 1 > section.lowerBound }) else { return nil }
        }
        // Remove the later section first, so the earlier one's lines stay where they are.
        let sections = ["rules", "rulesConfigs"].compactMap { key in document.section(key).map { (key, $0.lowerBound) } }.sorted { $0.1 > $1.1 }
        var removedRulesAt: Int?
        for (key, _) in sections {
            guard let removed = document.removeSection(key) else { return nil }
            if key == "rules" {
                removedRulesAt = removed.lowerBound
            } else {
                let collapsed = document.collapseBlankLines(at: removed.lowerBound)
                if let at = removedRulesAt, removed.lowerBound < at { removedRulesAt = at - removed.count - (collapsed ? 1 : 0) }
            }
        }
        guard let removedRulesAt else { return nil }
        let rulesPosition = min(removedRulesAt, document.lines.count)
        // An empty list, not no section: `rules: []` declares that the tenant has no rules, so plan deletes the live
        // ones (an absent section leaves them unmanaged).
        document.insert(["# Moved to actions by `tenantctl migrate-rules`: the empty list lets plan delete the live rules.", "rules: []"], at: rulesPosition)
        var position = rulesPosition + 2
        if document.section("actions") == nil {
            document.insert([""], at: position)
            position += 1
        }
        document.appendEntries(actions.map(\.yamlEntry), toList: "actions", orInsertAt: position)
        let afterActions = document.section("actions")?.upperBound ?? position
        document.prependBindings(actions.filter(\.bound).map(\.yamlBinding), trigger: "post-login", orInsertAt: afterActions)
        return document.text
    }

    /// The `rulesConfigs` entries: key, and the value's YAML text as written (a keyword stays a keyword).
    static func rulesConfigValues(_ tenant: TenantDefinition, documentText: String) -> [ActionSecret] {
        let document = TenantDocumentText(documentText)
        let lines = document.lines
        let sectionEnd = document.section("rulesConfigs")?.upperBound ?? lines.count
        let configurations = tenant.resources(.rulesConfigs)
        return configurations.enumerated().map { offset, configuration in
            let first = configuration.location.line - 1
            let last = offset + 1 < configurations.count ? configurations[offset + 1].location.line - 1 : sectionEnd
            let written = lines[max(0, first)..<max(first, last)].lazy.compactMap { line -> String? in
                var rest = Substring(line).drop { $0 == " " }
                if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
                guard rest.hasPrefix("value:") else { return nil }
                let value = String(rest.dropFirst("value:".count)).trimmingSpaces
                return value.isEmpty || value.hasPrefix("|") || value.hasPrefix(">") ? nil : value
            }.first
            return ActionSecret(name: configuration.key, value: written ?? fallbackValue(configuration.body["value"]))
        }
    }

    /// A value read back into YAML: a secret keyword's marker as the keyword, anything else quoted.
    static func fallbackValue(_ node: ConfigNode?) -> String {
        guard let text = node?.string else { return YAMLScalar.quoted(node.map { String(decoding: $0.json.encoded(), as: UTF8.self) } ?? "") }
        let names = SecretReference.names(in: text)
        if names.count == 1, text == SecretReference.marker(for: names[0]) { return "\"##\(names[0])##\"" }
        return YAMLScalar.quoted(text)
    }
}
