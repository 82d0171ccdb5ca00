import Foundation
import Testing
import TenantConfig
@testable import TenantLint

/// What counts as a restriction of the legacy identity API depends on the day: a rule until Rules' end of life,
/// never after. Each test names its day; none reads the clock.
@Suite struct RulesEndOfLifeTests {
    static let dayBefore = Date(timeIntervalSince1970: RulesEndOfLife.date.timeIntervalSince1970 - 86_400)
    static let dayOf = RulesEndOfLife.date

    func findings(_ files: [String: String], on day: Date, rule: any Rule = LegacyAPIAudienceRestrictedRule()) -> [Finding] {
        let tenant = TenantLoader(fileSystem: InMemoryFileSystem(root: "t", textFiles: files), environment: [:]).load("t")
        return rule.check(LintContext(tenant: tenant, today: day))
    }

    @Test func theDateIsTheDocumentedOne() throws {
        let parsed = try #require(ISO8601DateFormatter().date(from: "\(RulesEndOfLife.dateText)T00:00:00Z"))
        #expect(parsed == RulesEndOfLife.date)
        #expect(RulesEndOfLife.rulesRun(on: Self.dayBefore))
        #expect(!RulesEndOfLife.rulesRun(on: Self.dayOf))
    }

    @Test func aRuleRestrictsUntilTheEndOfLifeAndNotFromThatDay() {
        let ruleOnly = LegacyAPIAudienceRestrictedRule.fixture(action: nil, rule: LegacyAPIAudienceRestrictedRule.restrictingRule)
        #expect(findings(ruleOnly, on: Self.dayBefore).isEmpty)
        let after = findings(ruleOnly, on: Self.dayOf)
        #expect(after.map(\.severity) == [.error])
        #expect(after.first?.location == SourceLocation(file: "t/tenant.yaml", line: 16, column: 5))
        #expect(after.first?.message == "rule `restrict-legacy-api` is the only restriction of the legacy identity API `https://legacy.acme.example/users`, but Auth0 Rules stopped running on 2026-11-18: any client can get a token for it. Run `tenantctl migrate-rules t` to convert the rules into post-login actions bound to their trigger, then `tenantctl test-scripts t` to check that only `Migration Worker` can get a token for it.")
    }

    @Test func aDisabledRuleNeverCounted() {
        var files = LegacyAPIAudienceRestrictedRule.fixture(action: nil, rule: LegacyAPIAudienceRestrictedRule.restrictingRule)
        files["tenant.yaml"] = files["tenant.yaml"]!.replacingOccurrences(of: "enabled: true", with: "enabled: false")
        #expect(findings(files, on: Self.dayBefore).map(\.message).first?.contains("no enabled post-login or credentials-exchange action") == true)
    }

    @Test func theEndOfLifeWarningSaysWhetherRulesStillRun() {
        let files = ScriptFixture.rule("function addClaims(user, context, callback) { callback(null, user, context); }\n")
        let before = findings(files, on: Self.dayBefore, rule: RulesEndOfLifeRule())
        let after = findings(files, on: Self.dayOf, rule: RulesEndOfLifeRule())
        #expect(before.first?.message.contains("reach end of life on 2026-11-18 and stop running then") == true)
        #expect(after.first?.message.contains("reached end of life on 2026-11-18 and no longer run") == true)
        #expect(after.first?.severity == .warning)
    }
}
