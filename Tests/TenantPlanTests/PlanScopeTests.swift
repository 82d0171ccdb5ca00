import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// `exclude:` and `ignore_fields:` in tenantctl.yaml: what the plan leaves alone, and what it says about it.
@Suite struct PlanScopeTests {
    typealias F = PlanFixtures

    static let deleting = "domain: acme-test.eu.auth0.com\nallow_deletes: true\n"

    @Test func anExcludedLiveClientSurvivesDeletesAndIsListedOnceWithItsReason() throws {
        let settings = Self.deleting + """
        exclude:
          clients:
            - name: Terraform API client
              reason: managed by Terraform (infra repo)
            - "tf-*"
        """
        let live = F.snapshot([.clients: F.object(#"""
        [{"client_id":"c1","name":"Terraform API client","app_type":"non_interactive"},
         {"client_id":"c2","name":"tf-worker","app_type":"non_interactive"},
         {"client_id":"c3","name":"Old"}]
        """#)])
        let plan = try F.plan(F.tenant("clients:\n  - name: Web\n", settings: settings), live)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /clients", "DELETE /clients/c3"])
        #expect(plan.excluded == [
            ExcludedResource(resource: ResourceAddress(.clients, "Terraform API client"),
                             reason: "managed by Terraform (infra repo) (`exclude.clients` (`Terraform API client`) in tenantctl.yaml)"),
            ExcludedResource(resource: ResourceAddress(.clients, "tf-worker"), reason: "listed in `exclude.clients` (`tf-*`) in tenantctl.yaml"),
        ])
        #expect(plan.warnings == nil)
        #expect(plan.kept.isEmpty)
        let text = TextPlanRenderer(color: false).render(plan)
        #expect(text.contains("""
        Excluded (left alone):
          = clients/Terraform API client: managed by Terraform (infra repo) (`exclude.clients` (`Terraform API client`) in tenantctl.yaml)
          = clients/tf-worker: listed in `exclude.clients` (`tf-*`) in tenantctl.yaml

        """), "\(text)")
        #expect(MarkdownPlanRenderer().render(plan).contains(
            "> [!NOTE]\n> Excluded by `exclude:` in tenantctl.yaml (left alone): `clients/Terraform API client` (managed by Terraform (infra repo)"))
        // The plan file carries them, so a saved plan shows the same.
        let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        #expect(json.contains(#""excluded":[{"#))
    }

    @Test func anExcludedClientInTheFilesIsNeitherCreatedNorUpdated() throws {
        let settings = "domain: acme-test.eu.auth0.com\nexclude:\n  clients: [New, Changed]\n"
        let yaml = "clients:\n  - name: New\n  - name: Changed\n    app_type: spa\n"
        let live = F.snapshot([.clients: F.object(#"[{"client_id":"c1","name":"Changed","app_type":"regular_web"}]"#)])
        let plan = try F.plan(F.tenant(yaml, settings: settings), live)
        #expect(plan.isEmpty)
        #expect(plan.excluded?.map(\.resource.description) == ["clients/Changed", "clients/New"], "each once, whether in the files, live or both")
        #expect(TextPlanRenderer(color: false).render(plan).hasPrefix("No changes."))
    }

    @Test func anExcludedClientStillResolvesAsAReferenceAndStaysEnabledOnAConnection() throws {
        let settings = "domain: acme-test.eu.auth0.com\nexclude:\n  clients: [SCIM]\n"
        let yaml = """
        clients:
          - name: Web
        databases:
          - name: users
            enabled_clients: [Web]
        clientGrants:
          - client_id: SCIM
            audience: https://api.acme
            scope: [read:x]
        resourceServers:
          - identifier: https://api.acme
            name: API
        """
        let live = F.snapshot([
            .clients: F.object(#"[{"client_id":"c1","name":"Web"},{"client_id":"c2","name":"SCIM"}]"#),
            .resourceServers: F.object(#"[{"id":"r1","identifier":"https://api.acme","name":"API"}]"#),
            .connections: F.object(#"[{"id":"con1","name":"users","strategy":"auth0","enabled_clients":["c1","c2"]}]"#),
        ])
        let plan = try F.plan(F.tenant(yaml, settings: settings), live)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /client-grants"])
        #expect(plan.steps.first?.body?["client_id"] == .string("c2"), "the excluded client's live id")
    }

    @Test func anExclusionMatchingNothingIsAWarningNamingItsLine() throws {
        let settings = "domain: acme-test.eu.auth0.com\nexclude:\n  clients:\n    - Terrafrom API client\n  resourceServers: [\"https://gone.*\"]\n"
        let plan = try F.plan(F.tenant("clients:\n  - name: Web\n", settings: settings), F.snapshot([:]))
        #expect(plan.warnings == [
            "`exclude.clients` names `Terrafrom API client`, which matches no client, live or in the files (acme-test/tenantctl.yaml:4:7): a typo?",
            "`exclude.resourceServers` names `https://gone.*`, which matches no resource server, live or in the files (acme-test/tenantctl.yaml:5:21): a typo?",
        ])
        let text = TextPlanRenderer(color: false).render(plan)
        #expect(text.hasPrefix("Warning: `exclude.clients` names `Terrafrom API client`"), "\(text)")
        #expect(MarkdownPlanRenderer().render(plan).contains("> [!WARNING]\n> `exclude.clients` names `Terrafrom API client`"))
    }

    @Test func anIgnoredFieldKeepsItsLiveValueWithANote() throws {
        let settings = "domain: acme-test.eu.auth0.com\nignore_fields:\n  clients: [callbacks, client_metadata.owner]\n"
        let yaml = """
        clients:
          - name: Web
            app_type: spa
            callbacks: [https://files.example/cb]
            client_metadata:
              owner: files-team
              tier: gold
        """
        let live = F.snapshot([.clients: F.object(#"""
        [{"client_id":"c1","name":"Web","app_type":"spa","callbacks":["https://dashboard.example/cb"],
          "client_metadata":{"owner":"dashboard-team","tier":"gold"}}]
        """#)])
        let plan = try F.plan(F.tenant(yaml, settings: settings), live)
        #expect(plan.isEmpty, "\(TextPlanRenderer(color: false).render(plan))")
        #expect(plan.notes == [ResourceNote(resource: ResourceAddress(.clients, "Web"),
            note: "`callbacks`, `client_metadata.owner` are ignored (`ignore_fields.clients` in tenantctl.yaml): the live value is kept, although the files say otherwise.")])
        #expect(TextPlanRenderer(color: false).render(plan).contains("Not compared:\n  i clients/Web: `callbacks`, `client_metadata.owner` are ignored"))

        // Another field still changes, and the ignored ones are not sent.
        let changed = try F.plan(F.tenant(yaml.replacingOccurrences(of: "tier: gold", with: "tier: silver"), settings: settings), live)
        #expect(changed.steps.count == 1)
        let body = try #require(changed.steps.first?.body)
        #expect(body["callbacks"] == nil, "unchanged, so not sent")
        #expect(body["client_metadata"] == F.object(#"{"owner":"dashboard-team","tier":"silver"}"#), "the live owner is sent back with the new tier")
        #expect(changed.steps.first?.changes.map(\.path) == ["client_metadata"])
    }

    @Test func anIgnoredFieldTheFilesLeaveOutIsNeverTouchedNorNoted() throws {
        let settings = "domain: acme-test.eu.auth0.com\nignore_fields:\n  clients: [client_metadata.owner]\n"
        let live = F.snapshot([.clients: F.object(#"[{"client_id":"c1","name":"Web","app_type":"spa"}]"#)])
        let plan = try F.plan(F.tenant("clients:\n  - name: Web\n    app_type: spa\n", settings: settings), live)
        #expect(plan.isEmpty && plan.notes == nil)
    }

    @Test func aNewResourceIsCreatedWithItsIgnoredFieldsAndANoteSaysSo() throws {
        let settings = "domain: acme-test.eu.auth0.com\nignore_fields:\n  clients: [callbacks]\n"
        let plan = try F.plan(F.tenant("clients:\n  - name: Web\n    callbacks: [https://a.example/cb]\n", settings: settings), F.snapshot([:]))
        #expect(plan.steps.first?.body?["callbacks"] == F.object(#"["https://a.example/cb"]"#))
        #expect(plan.notes?.map(\.note) == ["`callbacks` is ignored (`ignore_fields.clients` in tenantctl.yaml), but the client is new: it is created with what the files say, and left alone from then on."])
    }

    @Test func anIgnoredSubResourceKeepsItsLiveItems() throws {
        let settings = "domain: acme-test.eu.auth0.com\nignore_fields:\n  databases: [enabled_clients]\n"
        let yaml = "clients:\n  - name: Web\ndatabases:\n  - name: users\n    enabled_clients: []\n"
        let live = F.snapshot([
            .clients: F.object(#"[{"client_id":"c1","name":"Web"}]"#),
            .connections: F.object(#"[{"id":"con1","name":"users","strategy":"auth0","enabled_clients":["c1"]}]"#),
        ])
        let plan = try F.plan(F.tenant(yaml, settings: settings), live)
        #expect(plan.isEmpty, "\(TextPlanRenderer(color: false).render(plan))")
        #expect(plan.notes?.map(\.note) == ["`enabled_clients` is ignored (`ignore_fields.databases` in tenantctl.yaml): the live value is kept, although the files say otherwise."])
    }

    @Test func anIgnoredFieldOfTheTenantSettingsKeepsItsLiveValue() throws {
        let settings = "domain: acme-test.eu.auth0.com\nignore_fields:\n  tenant: [support_url, flags.enable_client_connections]\n"
        let yaml = "tenant:\n  friendly_name: Acme\n  support_url: https://files.example\n  flags:\n    enable_client_connections: true\n"
        let live = F.snapshot([.tenantSettings: F.object(#"{"friendly_name":"Acme","support_url":"https://dashboard.example","flags":{"enable_client_connections":false}}"#)])
        let plan = try F.plan(F.tenant(yaml, settings: settings), live)
        #expect(plan.isEmpty, "\(TextPlanRenderer(color: false).render(plan))")
        #expect(plan.notes?.map(\.note) == ["`flags.enable_client_connections`, `support_url` are ignored (`ignore_fields.tenant` in tenantctl.yaml): the live value is kept, although the files say otherwise."])
    }

    @Test func driftLeavesExcludedResourcesAndIgnoredFieldsAlone() throws {
        let settings = "domain: acme-test.eu.auth0.com\nexclude:\n  clients: [SCIM]\nignore_fields:\n  clients: [callbacks]\n"
        let live = F.snapshot([.clients: F.object(#"[{"client_id":"c1","name":"Web","callbacks":["https://x"]},{"client_id":"c2","name":"SCIM"}]"#)])
        let plan = try F.plan(F.tenant("clients:\n  - name: Web\n    callbacks: [https://y]\n", settings: settings), live)
        let report = DriftReport(plan: plan, owners: [])
        #expect(!report.hasDrift)
        #expect(DriftRenderer(format: .text, color: false).render(report).contains("Not compared, excluded by `exclude:` in tenantctl.yaml: clients/SCIM."))
    }
}
