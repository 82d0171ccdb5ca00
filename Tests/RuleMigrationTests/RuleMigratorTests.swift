import Testing
import TenantConfig
@testable import RuleMigration

/// The tenant-level migration on tenants held in memory: tenant.yaml edited as text (every other line kept), the
/// result loaded back and checked, and each bad input refused with its place.
@Suite struct RuleMigratorTests {
    struct Migration {
        var plan: RuleMigrationPlan
        var document: String?
        var problems: [String]
    }

    func migrate(_ files: [String: String]) -> Migration {
        let fileSystem = InMemoryFileSystem(root: "t", textFiles: files)
        let before = TenantLoader(fileSystem: fileSystem, environment: [:]).load("t")
        #expect(before.findings.filter { $0.severity == .error }.isEmpty, "\(before.findings)")
        let plan = RuleMigrator.plan(before, documentText: files["tenant.yaml"]!, fileSystem: fileSystem)
        guard plan.isWritable else { return Migration(plan: plan, document: nil, problems: []) }
        let after = TenantLoader(fileSystem: OverlayFileSystem(base: fileSystem, written: plan.writes, removed: plan.removals), environment: [:]).load("t")
        return Migration(plan: plan, document: plan.writes["t/tenant.yaml"], problems: RuleMigrationCheck.problems(before: before, after: after, plan: plan))
    }

    static let denyRule = "function deny(user, context, callback) {\n  return callback(new UnauthorizedError('no'));\n}\n"
    static let passRule = "function pass(user, context, callback) {\n  callback(null, user, context);\n}\n"

    @Test func rulesAtTheEndBecomeActionsAndBindingsInTheirPlace() throws {
        let migration = migrate([
            "tenant.yaml": """
            # The tenant.
            clients:
              - name: Web   # the SPA
                app_type: spa

            rules:
              - name: Second Rule
                script: ./rules/second.js
                enabled: true
                order: 2
              - name: first
                script: ./rules/first.js
                enabled: true
                order: 1

            """,
            "rules/first.js": Self.denyRule, "rules/second.js": Self.passRule,
        ])
        #expect(migration.problems.isEmpty, "\(migration.problems)")
        #expect(migration.document == """
        # The tenant.
        clients:
          - name: Web   # the SPA
            app_type: spa

        # Moved to actions by `tenantctl migrate-rules`: the empty list lets plan delete the live rules.
        rules: []

        actions:
          - name: first
            code: ./actions/first/code.js
            runtime: node22
            deployed: true
            dependencies: []
            supported_triggers:
              - id: post-login
                version: v3
          - name: second-rule
            code: ./actions/second-rule/code.js
            runtime: node22
            deployed: true
            dependencies: []
            supported_triggers:
              - id: post-login
                version: v3

        triggers:
          post-login:
            - action_name: first
              display_name: first
            - action_name: second-rule
              display_name: Second Rule

        """)
        #expect(migration.plan.writes["t/actions/first/code.js"] == "exports.onExecutePostLogin = async (event, api) => {\n  return api.access.deny('no');\n};\n")
        #expect(migration.plan.removals == ["t/rules/first.js", "t/rules/second.js"])
    }

    @Test func existingActionsAndBindingsStayAfterTheConvertedOnes() throws {
        let migration = migrate([
            "tenant.yaml": """
            rules:
              - name: deny
                script: ./rules/deny.js
            actions:
                - name: existing
                  code: ./actions/existing/code.js
                  supported_triggers: [{id: post-login, version: v3}]
            triggers:
                post-login:
                    - action_name: existing
                      display_name: Existing
                credentials-exchange: []
            # The end.

            """,
            "rules/deny.js": Self.denyRule, "actions/existing/code.js": "exports.onExecutePostLogin = async (event, api) => {};\n",
        ])
        #expect(migration.problems.isEmpty, "\(migration.problems)")
        #expect(migration.document == """
        # Moved to actions by `tenantctl migrate-rules`: the empty list lets plan delete the live rules.
        rules: []
        actions:
            - name: existing
              code: ./actions/existing/code.js
              supported_triggers: [{id: post-login, version: v3}]
            - name: deny
              code: ./actions/deny/code.js
              runtime: node22
              deployed: true
              dependencies: []
              supported_triggers:
                - id: post-login
                  version: v3
        triggers:
            post-login:
                - action_name: deny
                  display_name: deny
                - action_name: existing
                  display_name: Existing
            credentials-exchange: []
        # The end.

        """)
    }

    @Test func rulesConfigsBecomeSecretsFedFromTheSameKeywords() throws {
        let migration = migrate([
            "tenant.yaml": """
            rulesConfigs:
              - key: SLACK_TOKEN
                value: ##SLACK_TOKEN##
              - key: UNUSED
                value: "##UNUSED_SECRET##"
            rules:
              - name: notify
                script: ./rules/notify.js
              - name: off
                script: ./rules/off.js
                enabled: false

            """,
            "rules/notify.js": "function notify(user, context, callback) {\n  post(configuration.SLACK_TOKEN, configuration.CHANNEL);\n  callback(null, user, context);\n}\n",
            "rules/off.js": Self.passRule,
        ])
        #expect(migration.problems.isEmpty, "\(migration.problems)")
        #expect(migration.document == """
        # Moved to actions by `tenantctl migrate-rules`: the empty list lets plan delete the live rules.
        rules: []

        actions:
          - name: notify
            code: ./actions/notify/code.js
            runtime: node22
            deployed: true
            dependencies: []
            secrets:
              - name: SLACK_TOKEN
                value: ##SLACK_TOKEN##
            supported_triggers:
              - id: post-login
                version: v3
          - name: "off"
            code: ./actions/off/code.js
            runtime: node22
            deployed: true
            dependencies: []
            supported_triggers:
              - id: post-login
                version: v3

        triggers:
          post-login:
            - action_name: notify
              display_name: notify

        """)
        let code = try #require(migration.plan.writes["t/actions/notify/code.js"])
        #expect(code.hasPrefix("// TODO(migrate-rules): the rule read configuration.CHANNEL, which `rulesConfigs` does not declare: add the action secret `CHANNEL` (its `secrets:` in tenant.yaml).\nexports.onExecutePostLogin"))
        #expect(migration.plan.findings.map(\.severity) == [.warning, .note])
        #expect(migration.plan.findings.first?.location == SourceLocation(file: "t/actions/notify/code.js", line: 1, column: 1))
        #expect(migration.plan.findings.last?.message == "rule `off` is disabled, so its action `off` is declared but not bound to post-login; bind it in `triggers` when it should run")
    }

    @Test func rulesBetweenSectionsAndRulesConfigsAfterThemLeaveTheRestInPlace() throws {
        let migration = migrate([
            "tenant.yaml": """
            clients: []

            # The rules, oldest first.
            rules:
              - name: deny
                script: ./rules/deny.js

            rulesConfigs:
              - key: UNUSED_TOKEN
                value: ##UNUSED_TOKEN##

            # Connections come last.
            databases: []

            """,
            "rules/deny.js": Self.denyRule,
        ])
        #expect(migration.problems.isEmpty, "\(migration.problems)")
        #expect(migration.document == """
        clients: []

        # Moved to actions by `tenantctl migrate-rules`: the empty list lets plan delete the live rules.
        rules: []

        actions:
          - name: deny
            code: ./actions/deny/code.js
            runtime: node22
            deployed: true
            dependencies: []
            supported_triggers:
              - id: post-login
                version: v3

        triggers:
          post-login:
            - action_name: deny
              display_name: deny

        # Connections come last.
        databases: []

        """)
    }

    @Test func aRuleUsingGlobalStateIsMigratedWithATodoNamedByFileAndLine() {
        let migration = migrate([
            "tenant.yaml": "rules:\n  - name: count\n    script: ./rules/count.js\n",
            "rules/count.js": "function count(user, context, callback) {\n  global.logins = (global.logins || 0) + 1;\n  callback(null, user, context);\n}\n",
        ])
        #expect(migration.problems.isEmpty, "\(migration.problems)")
        #expect(migration.plan.findings.map { $0.compilerStyleLine() } == [
            "t/actions/count/code.js:2:3: warning: rule `count` → action `count`: actions do not keep `global` between executions as rules did: keep values worth caching with api.cache.set/get, or recompute them. [migrate-rules]",
        ])
        #expect(migration.plan.writes["t/actions/count/code.js"]?.contains("  // TODO(migrate-rules): actions do not keep `global`") == true)
    }

    @Test func aRuleThatDoesNotParseChangesNothing() {
        let migration = migrate([
            "tenant.yaml": "rules:\n  - name: broken\n    script: ./rules/broken.js\n  - name: fine\n    script: ./rules/fine.js\n",
            "rules/broken.js": "function broken(user, context, callback) {\n  var s = 'open;\n}\n", "rules/fine.js": Self.passRule,
        ])
        #expect(!migration.plan.isWritable)
        #expect(migration.plan.writes.isEmpty && migration.plan.removals.isEmpty)
        #expect(migration.plan.findings.map { $0.compilerStyleLine() } == [
            "t/rules/broken.js:2:11: error: rule `broken` does not parse: unterminated string literal: the ' here is not closed on its line; migrate-rules converts only code it can read. Fix the rule (or convert it by hand into an action) and run migrate-rules again. Nothing was changed. [migrate-rules]",
        ])
    }

    @Test func twoRulesBecomingOneActionNameChangeNothing() {
        let migration = migrate([
            "tenant.yaml": "rules:\n  - name: Add Claims\n    script: ./rules/a.js\n  - name: add-claims\n    script: ./rules/b.js\n",
            "rules/a.js": Self.passRule, "rules/b.js": Self.passRule,
        ])
        #expect(migration.plan.writes.isEmpty)
        #expect(migration.plan.findings.map { $0.compilerStyleLine() } == [
            "t/tenant.yaml:4:5: error: rules `Add Claims` (line 2) and `add-claims` would both become action `add-claims`; rename one of them (its `name:` in tenant.yaml) and run migrate-rules again. Nothing was changed. [migrate-rules]",
        ])
    }

    @Test func anExistingActionOrFileIsNeverOverwritten() {
        let migration = migrate([
            "tenant.yaml": "rules:\n  - name: deny\n    script: ./rules/deny.js\n  - name: pass\n    script: ./rules/pass.js\nactions:\n  - name: deny\n    code: ./actions/other/code.js\n",
            "rules/deny.js": Self.denyRule, "rules/pass.js": Self.passRule,
            "actions/other/code.js": "exports.onExecutePostLogin = async () => {};\n", "actions/pass/code.js": "// someone's work\n",
        ])
        #expect(migration.plan.writes.isEmpty)
        #expect(migration.plan.findings.map(\.message) == [
            "rule `deny` would become action `deny`, but tenant.yaml already declares an action `deny` (line 7); rename the rule or the action and run migrate-rules again. Nothing was changed.",
            "rule `pass` would become action `pass`, but t/actions/pass/code.js already exists; migrate-rules never overwrites a file: move it away and run migrate-rules again. Nothing was changed.",
        ])
    }

    @Test func aRulesSectionWrittenInFlowStyleIsRefused() {
        let migration = migrate([
            "tenant.yaml": "rules: [{name: deny, script: ./rules/deny.js}]\n",
            "rules/deny.js": Self.denyRule,
        ])
        #expect(migration.plan.writes.isEmpty)
        #expect(migration.plan.findings.first?.message.hasPrefix("tenant.yaml's `rules:` (or `rulesConfigs:`) section is not a block list") == true)
    }

    @Test func topLevelKeysAreFoundByTheirLine() {
        #expect(TenantDocumentText.topLevelKey("rules:") == "rules")
        #expect(TenantDocumentText.topLevelKey("\"rules\" : []") == "rules")
        #expect(TenantDocumentText.topLevelKey("  rules:") == nil)
        #expect(TenantDocumentText.topLevelKey("# rules:") == nil)
        #expect(TenantDocumentText.topLevelKey("url: https://x") == "url")
        #expect(TenantDocumentText.topLevelKey("https://x") == nil)
    }
}
