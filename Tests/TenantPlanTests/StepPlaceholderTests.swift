import Foundation
import TenantConfig
@testable import TenantPlan
import Testing

/// Typed references: the planner records where each step's placeholders sit, the plan file carries that index, and
/// apply's comparison refuses a plan file whose index differs from the one the files make.
@Suite struct StepPlaceholderTests {
    typealias F = PlanFixtures

    @Test func thePlannerIndexesEveryPlaceholderItMakesOnce() throws {
        let plan = try PlanComparisonTests.made()
        let byResource = Dictionary(grouping: plan.steps, by: { "\($0.action.rawValue) \($0.resource)\($0.subResource.map { " \($0)" } ?? "")" })
        let grant = try #require(byResource["create clientGrants/Worker → https://api.acme"]?.first)
        #expect(grant.placeholders == [StepPlaceholder(at: "/client_id", refs: ["clients/Worker"])])
        let enabled = try #require(plan.steps.first { $0.subResource == "enabled_clients" })
        #expect(enabled.placeholders?.first == StepPlaceholder(at: "path", refs: ["databases/users"]))
        #expect(enabled.placeholders?.dropFirst().allSatisfy { $0.refs == ["clients/Worker"] && $0.at.hasPrefix("/") } == true, "\(enabled.placeholders ?? [])")
        let client = try #require(byResource["create clients/Worker"]?.first)
        #expect(client.placeholders == nil, "a step without placeholders has no index")
        // Readable in the plan file, and written back as read.
        let text = String(decoding: try PlanFile.encode(plan), as: UTF8.self)
        #expect(text.contains(#""placeholders" : ["#))
        #expect(try PlanComparisonTests.readBack(plan).steps == plan.steps)
    }

    @Test func secretsAreIndexedWhereTheKeywordsWereAndFileTextThatLooksLikeAPlaceholderIsNot() throws {
        let yaml = """
        clients:
          - name: Worker
            app_type: non_interactive
        databases:
          - name: users
            options:
              customScripts:
                login: ./login.js
              configuration:
                API_SECRET: ##API_SECRET##
                URL: https://x/{{secret:API_SECRET}}
        """
        let script = "function login(email, password, callback) { /* {{secret:AUTH0_CLIENT_SECRET}} {{ref:clients/Nobody}} {{secret:API_SECRET */ callback(null); }\n"
        let environment = ["API_SECRET": "hunter2"]
        let plan = try F.plan(F.tenant(yaml, files: ["login.js": script], environment: environment), F.snapshot([:]), environment: environment)
        let connection = try #require(plan.steps.first { $0.resource == ResourceAddress(.databases, "users") && $0.action == .create })
        // A configuration value written in clear is a secret literal: it stands for itself, under a name of its own,
        // and its text (placeholder-like or not) is sent as the files wrote it, never searched again.
        let placeholders = try #require(connection.placeholders)
        #expect(placeholders.count == 2)
        #expect(placeholders.first == StepPlaceholder(at: "/options/configuration/API_SECRET", secrets: ["API_SECRET"]))
        #expect(placeholders.last?.at == "/options/configuration/URL")
        #expect(placeholders.last?.secrets?.count == 1 && placeholders.last?.secrets?.first?.hasPrefix("TENANTCTL_LITERAL_") == true, "\(placeholders)")
        #expect(connection.body?["options"]?["customScripts"]?["login"] == .string(script), "the script is sent as written")
    }

    @Test(arguments: ["moved", "another secret", "another reference", "one more", "removed"])
    func aTamperedIndexIsCaughtByApplysComparison(_ what: String) throws {
        func edit(_ index: inout [StepPlaceholder]) {
            switch what {
            case "moved": index[0].at = "/audience"
            case "another secret": index[0].secrets = ["AUTH0_CLIENT_SECRET"]
            case "another reference": index[0].refs = ["clients/Other"]
            case "one more": index.append(StepPlaceholder(at: "/scope/0", secrets: ["AUTH0_CLIENT_SECRET"]))
            default: index.removeAll()
            }
        }
        let plan = try PlanComparisonTests.made()
        var file = try PlanComparisonTests.readBack(plan)
        let number = try #require(file.steps.firstIndex { $0.resource.kind == .clientGrants })
        var index = file.steps[number].placeholders ?? []
        edit(&index)
        file.steps[number].placeholders = index.isEmpty ? nil : index
        // Whoever edited the file recorded the digest of the edited steps: the steps are still compared.
        let found = PlanComparison.firstDifference(planFile: file.steps, recordedDigest: PlanComparison.digest(file.steps), files: plan.steps)
        #expect(found == .field(number: number + 1, resource: "clientGrants/Worker → https://api.acme", name: "placeholders"), "\(what)")
        #expect(found?.description == "step \(number + 1) (clientGrants/Worker → https://api.acme): `placeholders` differs")
    }

    @Test func pointersEscapeKeysAndNameOnlyStrings() throws {
        let body = JSONValue.object(["a/b~c": .object(["list": .array([.string("x {{secret:S}}"), .number(1)])])])
        let index = StepPlaceholder.index(path: "p", body: body, refs: [], secrets: ["S"])
        #expect(index == [StepPlaceholder(at: "/a~1b~0c/list/0", secrets: ["S"])])
        #expect(JSONPointer.replacingString(at: "/a~1b~0c/list/0", in: body) { $0.uppercased() }?["a/b~c"]?["list"]?.arrayValue?.first == .string("X {{SECRET:S}}"))
        for pointer in ["/a~1b~0c/list/1", "/a~1b~0c/list", "/a~1b~0c/list/2", "/a~1b~0c/list/01", "a~1b~0c", "/missing"] {
            #expect(JSONPointer.replacingString(at: pointer, in: body) { $0 } == nil, "\(pointer) names no string")
        }
    }
}
