import Foundation
import Testing
@testable import TenantConfig

/// The field catalog behind every unknown-key check loads, or tenantctl stops saying why: an empty catalog would
/// switch those checks off without a word.
@Suite struct FieldCatalogLoadingTests {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String { "no such file" }
    }

    @Test func aCatalogThatCannotBeReadIsAnError() {
        #expect(throws: FieldCatalog.LoadError.unreadable("no such file")) { try FieldCatalog.load { throw Unreadable() } }
        #expect(FieldCatalog.LoadError.unreadable("no such file").description
            == "the field catalog bundled with tenantctl (api-fields.json) cannot be read (no such file); without it no unknown key in tenant.yaml would be reported, so tenantctl stops; this build is broken: reinstall tenantctl or build it again")
    }

    @Test(arguments: [
        ("[]", "it is not a JSON object"),
        ("{}", "it has no sections"),
        (#"{"_source": "x"}"#, "it has no sections"),
        (#"{"clients": {"open": true}}"#, "section `clients` has no `keys` object"),
    ])
    func aCatalogWithoutSectionsIsAnError(json: String, reason: String) {
        #expect(throws: FieldCatalog.LoadError.notACatalog(reason)) { try FieldCatalog.load { Data(json.utf8) } }
    }

    @Test func aCatalogThatIsNotJSONIsAnError() {
        do {
            _ = try FieldCatalog.load { Data("not json".utf8) }
            Issue.record("a catalog that is not JSON loaded")
        } catch {
            guard case .notACatalog(let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.hasPrefix("it is not JSON ("))
            #expect(error.description.hasPrefix("the field catalog bundled with tenantctl (api-fields.json) is not a catalog: it is not JSON ("))
        }
    }

    @Test func theBundledCatalogKnowsEverySection() {
        let sections = Set(FieldCatalog.bundled.sections.keys)
        #expect(sections.isSuperset(of: ["clients", "databases", "connections", "resourceServers", "clientGrants", "rules", "actions", "tenant"]))
        #expect(FieldCatalog.bundled.sections["clients"]?.keys["name"] != nil)
    }

    @Test func anUnloadableCatalogStopsTheProcessWithTheReason() async {
        let result = await #expect(processExitsWith: .exitCode(70), observing: [\.standardErrorContent]) {
            _ = FieldCatalog.loadOrExit { Data("[]".utf8) }
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr == "error: the field catalog bundled with tenantctl (api-fields.json) is not a catalog: it is not a JSON object; without it no unknown key in tenant.yaml would be reported, so tenantctl stops; this build is broken: reinstall tenantctl or build it again\n")
    }
}
