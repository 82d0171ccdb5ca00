import Foundation
import Testing
import TenantConfig
@testable import TenantLint

/// Every rule's examples, loaded as real tenants through the loader: triggering examples produce a finding of
/// that rule (with the expected message), non-triggering examples produce none. SwiftLint's pattern.
@Suite struct RuleExamplesThroughLoader {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: any Rule.Type
        let example: RuleExample
        let triggers: Bool
        var testDescription: String { "\(rule.description.identifier): \(triggers ? "triggers" : "passes") on \(example.label)" }
    }

    /// The examples are judged on a fixed day after Rules' end of life, never on the clock's.
    static let today = Date(timeIntervalSince1970: RulesEndOfLife.date.timeIntervalSince1970 + 14 * 86_400)

    static let allCases: [Case] = RuleRegistry.all.flatMap { rule in
        rule.description.triggeringExamples.map { Case(rule: rule, example: $0, triggers: true) }
            + rule.description.nonTriggeringExamples.map { Case(rule: rule, example: $0, triggers: false) }
    }
    /// The rules that run Node.js: their examples need it on PATH.
    static let needsNode: Set<String> = [ScriptNodeSyntaxRule.description.identifier]
    static let cases = allCases.filter { !needsNode.contains($0.rule.description.identifier) }
    static let nodeCases = allCases.filter { needsNode.contains($0.rule.description.identifier) }

    @Test(arguments: cases)
    func example(_ testCase: Case) {
        check(testCase)
    }

    @Test(.enabled(if: NodeAvailability.isOnPath, NodeAvailability.whyAbsent), arguments: nodeCases)
    func exampleUnderNode(_ testCase: Case) {
        check(testCase)
    }

    func check(_ testCase: Case) {
        let tenant = TenantLoader(fileSystem: InMemoryFileSystem(root: "t", textFiles: testCase.example.files), environment: [:]).load("t")
        let loadErrors = tenant.findings.filter { $0.severity == .error }
        #expect(loadErrors.isEmpty, "the example itself must load cleanly: \(loadErrors)")
        let findings = testCase.rule.init().check(LintContext(tenant: tenant, today: Self.today))
        if testCase.triggers {
            #expect(!findings.isEmpty, "expected a finding")
            if let expected = testCase.example.expectedMessage {
                #expect(findings.contains { $0.message.contains(expected) }, "no message contains \(expected): \(findings.map(\.message))")
            }
            #expect(findings.allSatisfy { $0.rule == testCase.rule.description.identifier })
            #expect(findings.allSatisfy { $0.location != nil })
        } else {
            #expect(findings.isEmpty, "unexpected: \(findings.map(\.message))")
        }
    }

    @Test func everyRuleHasBothKindsOfExamplesAndAUniqueIdentifier() {
        for rule in RuleRegistry.all {
            #expect(!rule.description.triggeringExamples.isEmpty, "\(rule.description.identifier)")
            #expect(!rule.description.nonTriggeringExamples.isEmpty, "\(rule.description.identifier)")
            #expect(!rule.description.rationale.isEmpty)
        }
        #expect(Set(RuleRegistry.identifiers).count == RuleRegistry.identifiers.count)
    }
}
