import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

@Suite struct PlannerTests {
    typealias F = PlanFixtures

    @Test func anEqualLiveStateIsNoChanges() throws {
        let tenant = F.tenant("clients:\n  - name: Web\n    app_type: spa\n    grant_types: [refresh_token, authorization_code]\n")
        let live = F.snapshot([.clients: F.object(#"[{"client_id":"c1","name":"Web","app_type":"spa","grant_types":["authorization_code","refresh_token"],"is_first_party":true}]"#)])
        let plan = try F.plan(tenant, live)
        #expect(plan.isEmpty)
        #expect(TextPlanRenderer(color: false).render(plan).hasPrefix("No changes."))
    }

    @Test func creationsFollowTheirDependencies() throws {
        let tenant = F.tenant("""
        clientGrants:
          - client_id: Worker
            audience: https://api.acme
            scope: [read:x]
        clients:
          - name: Worker
            app_type: non_interactive
            grant_types: [client_credentials]
        resourceServers:
          - identifier: https://api.acme
            name: API
        databases:
          - name: users
            enabled_clients: [Worker]
        """)
        let plan = try F.plan(tenant, F.snapshot([:]))
        let order = plan.steps.map { "\($0.method) \($0.path)" }
        #expect(order == ["POST /resource-servers", "POST /clients", "POST /connections", "PATCH /connections/{{ref:databases/users}}/clients", "POST /client-grants"])
        let grant = try #require(plan.steps.last)
        #expect(grant.body?["client_id"] == .string("{{ref:clients/Worker}}"))
        #expect(grant.dependsOn == [1, 2])
        #expect(plan.steps[3].body == F.object(#"[{"client_id":"{{ref:clients/Worker}}","status":true}]"#))
        #expect(plan.summary == PlanSummary(add: 4, change: 0, destroy: 0), "enabling clients on a new connection is part of creating it")
    }

    @Test func deletesOnlyWhenAllowedAndInReverseDependencyOrder() throws {
        let yaml = "clients: []\nresourceServers: []\nclientGrants: []\n"
        let live = F.snapshot([
            .clients: F.object(#"[{"client_id":"c1","name":"Old"}]"#),
            .resourceServers: F.object(#"[{"id":"r1","identifier":"https://old","name":"Old API"}]"#),
            .clientGrants: F.object(#"[{"id":"g1","client_id":"c1","audience":"https://old","scope":[]}]"#),
        ])
        let kept = try F.plan(F.tenant(yaml), live)
        #expect(kept.steps.isEmpty)
        #expect(kept.kept.map(\.resource.description) == ["clients/Old", "resourceServers/https://old", "clientGrants/Old → https://old"])
        #expect(TextPlanRenderer(color: false).render(kept).contains("Kept (not deleted):"))

        let deleting = try F.plan(F.tenant(yaml, settings: "domain: acme-test.eu.auth0.com\nallow_deletes: true\n"), live)
        #expect(deleting.steps.map(\.path) == ["/client-grants/g1", "/clients/c1", "/resource-servers/r1"])
        #expect(deleting.summary.destroy == 3)
        #expect(MarkdownPlanRenderer().render(deleting).contains("[!CAUTION]"))
    }

    @Test func unmanagedTypesAreNeverTouched() throws {
        let tenant = F.tenant("clients: []\n", settings: "domain: acme-test.eu.auth0.com\nallow_deletes: true\nmanaged: [resourceServers]\n")
        let plan = try F.plan(tenant, F.snapshot([.clients: F.object(#"[{"client_id":"c1","name":"Old"}]"#)]))
        #expect(plan.steps.isEmpty && plan.kept.isEmpty)
    }

    @Test func aGrantWhoseAudienceChangesIsDeletePlusCreate() throws {
        let tenant = F.tenant("""
        clients:
          - name: Worker
        clientGrants:
          - client_id: Worker
            audience: https://new
            scope: []
        """, settings: "domain: acme-test.eu.auth0.com\nallow_deletes: true\nmanaged: [clients, clientGrants]\n")
        let live = F.snapshot([
            .clients: F.object(#"[{"client_id":"c1","name":"Worker"}]"#),
            .clientGrants: F.object(#"[{"id":"g1","client_id":"c1","audience":"https://old","scope":[]}]"#),
        ])
        let plan = try F.plan(tenant, live)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /client-grants", "DELETE /client-grants/g1"])
        #expect(plan.steps[0].body?["client_id"] == .string("c1"))
    }

    @Test func connectionOptionsAreReplacedWholeAndTheRemovalIsShown() throws {
        let tenant = F.tenant("databases:\n  - name: users\n    options:\n      brute_force_protection: true\n")
        let live = F.snapshot([.connections: F.object(#"[{"id":"con_1","name":"users","strategy":"auth0","options":{"brute_force_protection":true,"mfa":{"active":true}}}]"#)])
        let plan = try F.plan(tenant, live)
        let step = try #require(plan.steps.first)
        #expect(step.path == "/connections/con_1")
        #expect(step.body == F.object(#"{"options":{"brute_force_protection":true}}"#))
        #expect(step.changes.contains { $0.path == "options.mfa" && $0.after == nil })
        #expect(step.notes.contains { $0.contains("replaces `options` as a whole") && $0.contains("`mfa`") })
    }

    @Test func aMissingChangeEmailIsRestoredWithTheReason() throws {
        let tenant = F.tenant("""
        databases:
          - name: users
            options:
              customScripts:
                change_email: ./change_email.js
        """, files: ["change_email.js": "function changeEmail(email, newEmail, verified, callback) { callback(null, true); }\n"])
        let live = F.snapshot([.connections: F.object(#"[{"id":"con_1","name":"users","strategy":"auth0","options":{"customScripts":{}}}]"#)])
        let step = try #require(try F.plan(tenant, live).steps.first)
        #expect(step.notes.first?.contains("saving a custom database connection in the Auth0 dashboard deletes it") == true)
        #expect(step.changes.first?.diff?.contains("+function changeEmail") == true)
    }

    @Test func configurationIsComparedByDigestNeverByValue() throws {
        let yaml = "databases:\n  - name: users\n    options:\n      configuration:\n        API_SECRET: ##API_SECRET##\n        URL: https://x\n"
        let tenant = F.tenant(yaml, environment: ["API_SECRET": "hunter2"])
        func live(metadata: String) -> TenantSnapshot {
            F.snapshot([.connections: F.object(#"[{"id":"con_1","name":"users","strategy":"auth0","metadata":\#(metadata),"options":{"configuration":{"API_SECRET":"Zm9v","URL":"YmFy"}}}]"#)])
        }
        // Never written by tenantctl: one visible adoption.
        let adopt = try F.plan(tenant, live(metadata: "{}"), environment: ["API_SECRET": "hunter2"])
        let step = try #require(adopt.steps.first)
        #expect(step.notes.contains { $0.hasPrefix("Adopt configuration") })
        #expect(step.body?["options"]?["configuration"]?["API_SECRET"] == .string("{{secret:API_SECRET}}"))
        let digest = try #require(step.body?["metadata"]?[ConfigurationDigest.metadataKey]?.stringValue)
        let encoded = String(decoding: try PlanFile.encode(adopt), as: UTF8.self)
        #expect(!encoded.contains("hunter2"))
        #expect(!TextPlanRenderer(color: false).render(adopt).contains("hunter2"))

        // Written by tenantctl with the same values: no change. With another value: a change, still without values.
        let same = try F.plan(tenant, live(metadata: #"{"tenantctl_cfg":"\#(digest)"}"#), environment: ["API_SECRET": "hunter2"])
        #expect(same.isEmpty)
        let changed = try F.plan(tenant, live(metadata: #"{"tenantctl_cfg":"\#(digest)"}"#), environment: ["API_SECRET": "hunter3"])
        #expect(changed.steps.first?.changes.contains { $0.path == "options.configuration" && $0.after == .string("(sensitive, changed; keys: API_SECRET, URL)") } == true)
    }

    @Test func secretsMustBeSetUnlessPreviewing() throws {
        let tenant = F.tenant("databases:\n  - name: users\n    options:\n      configuration:\n        API_SECRET: ##API_SECRET##\n")
        #expect(throws: PlanError.secretsNotSet(["API_SECRET"])) { try F.plan(tenant, F.snapshot([:])) }
        let preview = try Planner(environment: [DigestKey.variable: F.digestKey], allowMissingSecrets: true).plan(tenant, against: F.snapshot([:]), liveSource: "test")
        #expect(preview.unresolvedSecrets == ["API_SECRET"])
    }

    @Test func aPreviewWithoutTheSecretSaysItCannotCompareTheConfigurationAndRecordsNoDigest() throws {
        let yaml = "databases:\n  - name: users\n    options:\n      configuration:\n        API_SECRET: ##API_SECRET##\n      requires_username: true\n"
        let live = F.snapshot([.connections: F.object(#"[{"id":"con_1","name":"users","strategy":"auth0","options":{"configuration":{"API_SECRET":"Zm9v"}}}]"#)])
        let preview = try Planner(environment: [DigestKey.variable: F.digestKey], allowMissingSecrets: true).plan(F.tenant(yaml), against: live, liveSource: "test")
        let step = try #require(preview.steps.first)
        #expect(step.notes.contains("Cannot tell whether the configuration changed: API_SECRET not set in the environment. This plan is a preview and cannot be applied."), "\(step.notes)")
        #expect(!step.changes.contains { $0.path == "options.configuration" }, "no verdict on the configuration without its values")
        #expect(step.body?["metadata"]?[ConfigurationDigest.metadataKey] == nil, "no digest of values that are not known")
    }

    @Test func actionsAreDeployedBeforeTheirBindings() throws {
        let tenant = F.tenant("""
        actions:
          - name: restrict
            code: ./code.js
            supported_triggers: [{id: post-login, version: v3}]
        triggers:
          post-login:
            - action_name: restrict
              display_name: Restrict
        """, files: ["code.js": "exports.onExecutePostLogin = async (event, api) => {};\n"])
        let plan = try F.plan(tenant, F.snapshot([:]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == [
            "POST /actions/actions", "POST /actions/actions/{{ref:actions/restrict}}/deploy", "PATCH /actions/triggers/post-login/bindings",
        ])
        #expect(plan.steps[2].body == F.object(#"{"bindings":[{"display_name":"Restrict","ref":{"type":"action_name","value":"restrict"}}]}"#))
    }

    @Test func tenantSettingsComeLast() throws {
        let tenant = F.tenant("tenant:\n  friendly_name: Acme\nclients:\n  - name: Web\n")
        let plan = try F.plan(tenant, F.snapshot([.tenantSettings: F.object(#"{"friendly_name":"Old"}"#)]))
        #expect(plan.steps.map(\.path) == ["/clients", "/tenants/settings"])
        #expect(plan.steps[1].body == F.object(#"{"friendly_name":"Acme"}"#))
    }

    @Test func badInputsAreClearErrors() throws {
        let other = TenantSnapshot(domain: "someone-else.auth0.com", exportedAt: "", sections: [:])
        #expect(throws: PlanError.snapshotOfAnotherTenant(snapshotDomain: "someone-else.auth0.com", tenantDomain: "acme-test.eu.auth0.com")) {
            try F.plan(F.tenant("clients: []\n"), other)
        }
        #expect(throws: PlanError.missingSection("clients")) {
            try F.plan(F.tenant("clients: []\n"), TenantSnapshot(domain: F.domain, exportedAt: "", sections: [:]))
        }
        let grant = F.tenant("clientGrants:\n  - client_id: Ghost\n    audience: https://api\n")
        #expect(throws: PlanError.unresolvedReference(ResourceAddress(.clientGrants, "Ghost → https://api"), "Ghost", "client",
                                                      location: SourceLocation(file: "acme-test/tenant.yaml", line: 2, column: 16))) {
            try F.plan(grant, F.snapshot([:]))
        }
        let error = try #require(throws: PlanError.self) { try F.plan(grant, F.snapshot([:])) }
        #expect(error.description == "acme-test/tenant.yaml:2:16: clientGrants/Ghost → https://api names the client `Ghost`, which exists neither in the files nor on the tenant; declare it or fix the name")
        #expect(throws: SnapshotError.unsupportedVersion(file: "s.json", found: "7")) {
            try TenantSnapshot.decode(Data(#"{"format_version":7,"domain":"x"}"#.utf8), file: "s.json")
        }
    }

    @Test func aCycleIsAnErrorNamingItsSteps() {
        func step(_ key: String, _ deps: Set<String>) -> PendingStep {
            PendingStep(key: key, action: .create, resource: ResourceAddress(.clients, key), method: "POST", path: "/", body: nil, produces: nil,
                        changes: [], notes: [], dependsOn: deps, rank: 0)
        }
        #expect(throws: PlanError.dependencyCycle(["a", "b"])) {
            try StepOrdering.order([step("a", ["b"]), step("b", ["a"]), step("c", [])])
        }
    }

    // Determinism across processes (where hashing, and so dictionary order, differs) is tested end to end:
    // PlanDeterminismTests runs the CLI twice.
    @Test func aPlanFileReadsBackAsThePlan() throws {
        let tenant = F.tenant("clients:\n  - name: A\n  - name: B\nresourceServers:\n  - identifier: https://x\n")
        let plan = try F.plan(tenant, F.snapshot([:]))
        #expect(try PlanFile.decode(try PlanFile.encode(plan)) == plan)
    }

    @Test func aPlanLargerThanTheAPICouldAcceptIsRefused() throws {
        let yaml = "clients:\n" + (0..<(Planner.maximumSteps + 1)).map { "  - name: c\($0)\n" }.joined()
        #expect(throws: PlanError.tooLarge(steps: Planner.maximumSteps + 1, limit: Planner.maximumSteps)) {
            try F.plan(F.tenant(yaml), F.snapshot([:]))
        }
    }
}
