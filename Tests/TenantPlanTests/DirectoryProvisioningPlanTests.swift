import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// A connection's `directory_provisioning_configuration`: the API keeps it as an object of its own at
/// `/connections/{id}/directory-provisioning`, created with POST while absent, PATCHed with what changed, deleted when
/// the files drop it (only when deletes are allowed). Each is a step of the connection, after its create.
@Suite struct DirectoryProvisioningPlanTests {
    typealias F = PlanFixtures

    static let withoutConfiguration = """
    connections:
      - name: google-workspace
        strategy: google-apps
        options:
          domain: example.com
          tenant_domain: example.com
    """
    static let yaml = withoutConfiguration + """

        directory_provisioning_configuration:
          mapping:
            - auth0: email
              idp: mail
          synchronize_automatically: false
          synchronize_groups: selected
          synchronized_groups:
            - id: engineering01
              name: Engineering
    """
    static let deleting = "domain: acme-test.eu.auth0.com\nallow_deletes: true\n"

    /// The live connection, with its configuration as the reader keeps it (read-only fields left out) when given.
    static func live(configuration: String?) -> TenantSnapshot {
        let embedded = configuration.map { #","directory_provisioning_configuration":\#($0)"# } ?? ""
        return F.snapshot([.connections: F.object(#"[{"id":"con_gw","name":"google-workspace","strategy":"google-apps","#
            + #""options":{"domain":"example.com","tenant_domain":"example.com"},"enabled_clients":[]\#(embedded)}]"#)])
    }

    @Test func aNewConnectionIsCreatedThenItsConfigurationIsPosted() throws {
        let plan = try F.plan(F.tenant(Self.yaml), F.snapshot([:]))
        #expect(plan.steps.map { "\($0.action.rawValue) \($0.method) \($0.path)" } == [
            "create POST /connections",
            "update POST /connections/{{ref:connections/google-workspace}}/directory-provisioning",
            "update PUT /connections/{{ref:connections/google-workspace}}/directory-provisioning/synchronized-groups",
        ])
        #expect(plan.steps[0].body?["directory_provisioning_configuration"] == nil, "the API refuses the field in a connection's body")
        #expect(plan.steps[1].body == F.object(#"{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":false,"synchronize_groups":"selected"}"#),
                "the chosen groups are written at their own endpoint, not in the configuration's body")
        #expect(plan.steps[1].dependsOn == [1])
        #expect(plan.steps[1].subResource == "directory_provisioning_configuration")
        #expect(plan.steps[1].changes.map(\.path) == ["directory_provisioning_configuration.mapping", "directory_provisioning_configuration.synchronize_automatically",
                                                      "directory_provisioning_configuration.synchronize_groups"])
        #expect(plan.steps[1].changes.allSatisfy { $0.before == nil })
        // The groups (their ids: the API knows nothing else of a group) are PUT once the configuration exists.
        #expect(plan.steps[2].body == F.object(#"{"groups":[{"id":"engineering01"}]}"#))
        #expect(plan.steps[2].dependsOn == [1, 2])
        #expect(plan.summary == PlanSummary(add: 1, change: 0, destroy: 0))
    }

    @Test func anExistingConnectionWithoutOneGetsItPosted() throws {
        let plan = try F.plan(F.tenant(Self.yaml), Self.live(configuration: nil))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /connections/con_gw/directory-provisioning",
                                                               "PUT /connections/con_gw/directory-provisioning/synchronized-groups"])
        #expect(plan.steps[1].dependsOn == [1])
        let text = TextPlanRenderer(color: false).render(plan)
        #expect(text.contains("~ connections/google-workspace"), "\(text)")
        #expect(text.contains("directory_provisioning_configuration.synchronize_groups"), "\(text)")
    }

    @Test func aChangedFieldIsPatchedAlone() throws {
        let plan = try F.plan(F.tenant(Self.yaml), Self.live(configuration:
            #"{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":true,"synchronize_groups":"selected","synchronized_groups":[{"id":"engineering01"}]}"#))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["PATCH /connections/con_gw/directory-provisioning"])
        #expect(plan.steps[0].body == F.object(#"{"synchronize_automatically":false}"#))
        #expect(plan.steps[0].changes == [FieldChange(path: "directory_provisioning_configuration.synchronize_automatically", before: .bool(true), after: .bool(false))])
        #expect(plan.summary == PlanSummary(add: 0, change: 1, destroy: 0))
    }

    @Test func theSameConfigurationIsNoChange() throws {
        let plan = try F.plan(F.tenant(Self.yaml), Self.live(configuration:
            #"{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":false,"synchronize_groups":"selected","synchronized_groups":[{"id":"engineering01"}]}"#))
        #expect(plan.steps.isEmpty, "\(plan.steps.map { "\($0.method) \($0.path) \($0.changes)" })")
        #expect(plan.kept.isEmpty)
    }

    @Test func aConfigurationTheFilesDropIsDeletedOnlyWhenDeletesAreAllowed() throws {
        let live = Self.live(configuration: #"{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":false}"#)
        let kept = try F.plan(F.tenant(Self.withoutConfiguration), live)
        #expect(kept.steps.isEmpty)
        #expect(kept.kept == [KeptResource(resource: ResourceAddress(.connections, "google-workspace"),
            reason: "`directory_provisioning_configuration` is not in the files, but deletes are not allowed (`allow_deletes: false` in tenantctl.yaml)")])

        let deleted = try F.plan(F.tenant(Self.withoutConfiguration, settings: Self.deleting), live)
        #expect(deleted.steps.map { "\($0.action.rawValue) \($0.method) \($0.path)" } == ["update DELETE /connections/con_gw/directory-provisioning"])
        #expect(deleted.steps[0].body == nil)
        #expect(deleted.steps[0].changes.map(\.path) == ["directory_provisioning_configuration"])
        #expect(deleted.steps[0].changes[0].after == nil && deleted.steps[0].changes[0].before != nil)
        #expect(deleted.kept.isEmpty)
        #expect(deleted.summary == PlanSummary(add: 0, change: 1, destroy: 0), "the connection stays: a change of it")
    }

    @Test func aConnectionWithoutOneOnEitherSideIsNoChange() throws {
        let plan = try F.plan(F.tenant(Self.withoutConfiguration, settings: Self.deleting), Self.live(configuration: nil))
        #expect(plan.steps.isEmpty && plan.kept.isEmpty)
    }

    @Test func readOnlyFieldsAFileSavedFromTheAPIHoldsAreNotCompared() throws {
        let saved = Self.yaml.replacingOccurrences(of: "      synchronize_groups: selected\n",
                                                   with: "      synchronize_groups: selected\n      connection_id: con_other\n      created_at: '2026-01-01T00:00:00.000Z'\n")
        let plan = try F.plan(F.tenant(saved), Self.live(configuration:
            #"{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":false,"synchronize_groups":"selected","synchronized_groups":[{"id":"engineering01"}]}"#))
        #expect(plan.steps.isEmpty)
    }

    @Test func otherChosenGroupsArePutWholeByTheirIds() throws {
        #expect(F.tenant(Self.yaml).findings.filter { $0.rule == "unmanaged-field" }.isEmpty, "the chosen groups are managed")
        let plan = try F.plan(F.tenant(Self.yaml), Self.live(configuration:
            #"{"mapping":[{"auth0":"email","idp":"mail"}],"synchronize_automatically":false,"synchronize_groups":"selected","synchronized_groups":[{"id":"sales02"}]}"#))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["PUT /connections/con_gw/directory-provisioning/synchronized-groups"])
        #expect(plan.steps[0].body == F.object(#"{"groups":[{"id":"engineering01"}]}"#), "the group's name is the files' description, never sent")
        #expect(plan.steps[0].changes.map(\.path) == ["directory_provisioning_configuration.synchronized_groups"])
    }
}
