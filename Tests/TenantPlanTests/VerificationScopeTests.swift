import Foundation
import TenantConfig
@testable import TenantPlan
import Testing

/// What the verification after an apply reads again: what the steps wrote, and what refers to resources they
/// created or deleted.
@Suite struct VerificationScopeTests {
    static func steps(_ actions: [(ChangeAction, ResourceKind)]) throws -> [PlanStep] {
        let json = JSONValue.array(actions.enumerated().map { index, pair in
            .object(["number": .number(Double(index + 1)), "action": .string(pair.0.rawValue), "resource": .object(["kind": .string(pair.1.rawValue), "key": .string("x")]),
                     "method": .string("PATCH"), "path": .string("/x"), "changes": .array([]), "notes": .array([]), "depends_on": .array([])])
        })
        return try JSONDecoder().decode([PlanStep].self, from: json.encoded())
    }

    @Test func anUpdateReadsOnlyItsOwnSection() throws {
        #expect(VerificationScope.sections(touchedBy: try Self.steps([(.update, .clients)])) == [.clients])
        #expect(VerificationScope.sections(touchedBy: try Self.steps([(.update, .tenant), (.deploy, .actions)])) == [.tenantSettings, .actions])
        #expect(VerificationScope.sections(touchedBy: []).isEmpty)
    }

    @Test func aPageReadsTheSectionsItLivesIn() throws {
        // The login page is the global client's; the other pages are tenant settings.
        #expect(VerificationScope.sections(touchedBy: try Self.steps([(.update, .pages)])) == [.tenantSettings, .clients])
    }

    @Test func aCreateOrDeleteAlsoReadsWhatRefersToIt() throws {
        for action in [ChangeAction.create, .delete] {
            let sections = VerificationScope.sections(touchedBy: try Self.steps([(action, .clients)]))
            // Connections' enabled clients and grants name clients; grants of organizations name grants in turn.
            #expect(sections.isSuperset(of: [.clients, .connections, .clientGrants]), "\(action): \(sections)")
            #expect(!sections.contains(.rules) && !sections.contains(.hooks), "\(action): \(sections)")
        }
        let action = VerificationScope.sections(touchedBy: try Self.steps([(.create, .actions)]))
        #expect(action.contains(.triggerBindings), "bindings name actions: \(action)")
    }
}
