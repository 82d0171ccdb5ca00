import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// Organizations (enabled connections, client grants, discovery domains) and roles (permissions) as the planner
/// makes their calls: sub-resources after what they name, add and remove lists, loud deletions.
@Suite struct OrganizationsAndRolesPlanTests {
    typealias F = PlanFixtures

    static let tenantYAML = """
    clients:
      - name: Portal
        app_type: non_interactive
    resourceServers:
      - identifier: https://orders.acme
        scopes:
          - value: read:orders
          - value: write:orders
    clientGrants:
      - client_id: Portal
        audience: https://orders.acme
        scope: [read:orders]
    databases:
      - name: users
    roles:
      - name: Reader
        description: Reads orders
        permissions:
          - permission_name: read:orders
            resource_server_identifier: https://orders.acme
    organizations:
      - name: acme
        display_name: Acme Inc.
        connections:
          - name: users
            assign_membership_on_login: true
        client_grants:
          - client_id: Portal
        discovery_domains:
          - domain: acme.example
            status: pending
    """

    @Test func aNewTenantCreatesEverythingThenTheSubResourcesInDependencyOrder() throws {
        let plan = try F.plan(F.tenant(Self.tenantYAML), F.snapshot([:]))
        let calls = plan.steps.map { "\($0.method) \($0.path)" }
        #expect(calls == [
            "POST /resource-servers", "POST /clients", "POST /roles", "POST /roles/{{ref:roles/Reader}}/permissions", "POST /connections",
            "POST /client-grants", "POST /organizations",
            "POST /organizations/{{ref:organizations/acme}}/client-grants",
            "POST /organizations/{{ref:organizations/acme}}/enabled_connections",
            "POST /organizations/{{ref:organizations/acme}}/discovery-domains",
        ])
        let byPath = Dictionary(plan.steps.map { ($0.path + " " + $0.method, $0) }, uniquingKeysWith: { a, _ in a })
        let permissions = try #require(byPath["/roles/{{ref:roles/Reader}}/permissions POST"])
        #expect(permissions.body == F.object(#"{"permissions":[{"permission_name":"read:orders","resource_server_identifier":"https://orders.acme"}]}"#))
        #expect(permissions.subResource == "permissions")
        let grant = try #require(byPath["/organizations/{{ref:organizations/acme}}/client-grants POST"])
        #expect(grant.body == F.object(#"{"grant_id":"{{ref:clientGrants/Portal → https://orders.acme}}"}"#))
        let connection = try #require(byPath["/organizations/{{ref:organizations/acme}}/enabled_connections POST"])
        #expect(connection.body == F.object(#"{"connection_id":"{{ref:databases/users}}","assign_membership_on_login":true}"#))
        // Each follows what it names.
        let number = Dictionary(plan.steps.map { ("\($0.method) \($0.path)", $0.number) }, uniquingKeysWith: { a, _ in a })
        #expect(connection.dependsOn.contains(number["POST /connections"]!) && connection.dependsOn.contains(number["POST /organizations"]!))
        #expect(grant.dependsOn.contains(number["POST /client-grants"]!))
        #expect(permissions.dependsOn.contains(number["POST /resource-servers"]!))
        #expect(plan.summary == PlanSummary(add: 6, change: 0, destroy: 0))
    }

    static let live: TenantSnapshot = F.snapshot([
        .clients: F.object(#"[{"client_id":"c1","name":"Portal","app_type":"non_interactive"}]"#),
        .resourceServers: F.object(#"[{"id":"r1","identifier":"https://orders.acme","scopes":[{"value":"read:orders"},{"value":"write:orders"}]}]"#),
        .clientGrants: F.object(#"[{"id":"cgr_1","client_id":"c1","audience":"https://orders.acme","scope":["read:orders"]}]"#),
        .connections: F.object(#"[{"id":"con_1","name":"users","strategy":"auth0","enabled_clients":[]},{"id":"con_2","name":"google-oauth2","strategy":"google-oauth2","enabled_clients":[]}]"#),
        .roles: F.object("""
            [{"id":"rol_1","name":"Reader","description":"Reads orders","permissions":[
              {"permission_name":"read:orders","resource_server_identifier":"https://orders.acme","resource_server_name":"Orders","description":"r"}]}]
            """),
        .organizations: F.object("""
            [{"id":"org_1","name":"acme","display_name":"Acme Inc.","member_count":0,
              "enabled_connections":[{"connection_id":"con_1","assign_membership_on_login":true,"show_as_button":true,"connection":{"name":"users","strategy":"auth0"}}],
              "client_grants":[{"id":"cgr_1","client_id":"c1","audience":"https://orders.acme","scope":["read:orders"]}],
              "discovery_domains":[{"id":"dd_1","domain":"acme.example","status":"pending","verification_txt":"x","verification_host":"y"}]}]
            """),
    ])

    @Test func aTenantPlannedAgainstItselfIsNoChanges() throws {
        let plan = try F.plan(F.tenant(Self.tenantYAML), Self.live)
        #expect(plan.isEmpty, "\(plan.steps.map { "\($0.method) \($0.path) \($0.changes)" })")
    }

    @Test func subResourceChangesAreOneCallEachNeverAReplace() throws {
        let yaml = Self.tenantYAML
            .replacingOccurrences(of: "        assign_membership_on_login: true", with: "        assign_membership_on_login: false\n      - name: google-oauth2")
            .replacingOccurrences(of: "      - permission_name: read:orders\n", with: "      - permission_name: write:orders\n")
            .replacingOccurrences(of: "    discovery_domains:\n      - domain: acme.example\n        status: pending", with: "    discovery_domains: []")
        let plan = try F.plan(F.tenant(yaml), Self.live)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == [
            "POST /roles/rol_1/permissions", "DELETE /roles/rol_1/permissions",
            "POST /organizations/org_1/enabled_connections", "PATCH /organizations/org_1/enabled_connections/con_1",
            "DELETE /organizations/org_1/discovery-domains/dd_1",
        ])
        #expect(plan.steps[0].body == F.object(#"{"permissions":[{"permission_name":"write:orders","resource_server_identifier":"https://orders.acme"}]}"#))
        #expect(plan.steps[1].body == F.object(#"{"permissions":[{"permission_name":"read:orders","resource_server_identifier":"https://orders.acme"}]}"#))
        #expect(plan.steps[2].body == F.object(#"{"connection_id":"con_2"}"#))
        #expect(plan.steps[3].body == F.object(#"{"assign_membership_on_login":false}"#))
        #expect(plan.steps[4].body == nil)
        #expect(plan.steps[1].changes == [FieldChange(path: "permissions", before: F.object(#"{"permission_name":"read:orders","resource_server_identifier":"https://orders.acme"}"#), after: nil)])
        #expect(plan.summary == PlanSummary(add: 0, change: 2, destroy: 0))
    }

    @Test func deletingAnOrganizationWithMembersNeedsAllowDeletesAndSaysSo() throws {
        let yaml = "organizations: []\n"
        var sections = Self.live.sections
        sections[.organizations] = F.object(#"[{"id":"org_1","name":"acme","member_count":3}]"#)
        let live = TenantSnapshot(domain: F.domain, exportedAt: "", sections: sections)
        let kept = try F.plan(F.tenant(yaml), live)
        #expect(kept.steps.isEmpty)
        #expect(kept.kept.map(\.resource) == [ResourceAddress(.organizations, "acme")])
        let deleting = try F.plan(F.tenant(yaml, settings: "domain: acme-test.eu.auth0.com\nallow_deletes: true\n"), live)
        #expect(deleting.steps.map { "\($0.method) \($0.path)" } == ["DELETE /organizations/org_1"])
        #expect(deleting.steps[0].notes == ["This organization still has 3 members: deleting it ends their membership (the users themselves remain)."])
        #expect(TextPlanRenderer(color: false).render(deleting).contains("still has 3 members"))
    }

    @Test func aClientGrantNamedByAClientWithTwoGrantsIsAnErrorNamingBoth() throws {
        let yaml = Self.tenantYAML.replacingOccurrences(of: "    scope: [read:orders]\n", with: "    scope: [read:orders]\n  - client_id: Portal\n    audience: https://acme.eu.auth0.com/api/v2/\n")
        let error = try #require(throws: PlanError.self) { try F.plan(F.tenant(yaml), Self.live) }
        #expect(error.description.contains("organizations/acme names the client grant of `Portal`, which could be any of `Portal → https://acme.eu.auth0.com/api/v2/`, `Portal → https://orders.acme`"))
        let named = yaml.replacingOccurrences(of: "      - client_id: Portal\n    discovery", with: "      - client_id: Portal\n        audience: https://orders.acme\n    discovery")
        #expect(named != yaml)
        #expect(try F.plan(F.tenant(named), Self.live).steps.map(\.path) == ["/client-grants"], "naming the audience picks one")
    }

    @Test func aRolePermissionOnAnAPIThatExistsNowhereIsAnErrorWithItsLine() throws {
        let yaml = "roles:\n  - name: Reader\n    permissions:\n      - permission_name: read:x\n        resource_server_identifier: https://nowhere\n"
        let error = try #require(throws: PlanError.self) { try F.plan(F.tenant(yaml), F.snapshot([:])) }
        #expect(error.description == "acme-test/tenant.yaml:5:37: roles/Reader names the resource server `https://nowhere`, which exists neither in the files nor on the tenant; declare it or fix the name")
    }

    @Test func aPermissionFollowsTheChangeOfItsAPIsScopes() throws {
        let yaml = Self.tenantYAML
            .replacingOccurrences(of: "      - value: write:orders\n", with: "      - value: write:orders\n      - value: admin:orders\n")
            .replacingOccurrences(of: "      - permission_name: read:orders\n", with: "      - permission_name: admin:orders\n")
        let plan = try F.plan(F.tenant(yaml), Self.live)
        let update = try #require(plan.steps.first { $0.path == "/resource-servers/r1" })
        let add = try #require(plan.steps.first { $0.path == "/roles/rol_1/permissions" && $0.method == "POST" })
        #expect(add.dependsOn.contains(update.number), "the scope exists before a role is given it")
    }
}
