import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// A secret keyword inside an HTML file: the plan sends a placeholder that only apply fills in, shows the keyword's
/// name, and compares the live page with the secret's value masked where it stands in the text.
@Suite struct FileKeywordSecretsPlanTests {
    typealias F = PlanFixtures

    static let yaml = "emailTemplates:\n  - template: welcome_email\n    enabled: true\n    from: hi@example.com\n    subject: Welcome\n    syntax: liquid\n    body: ./emails/welcome.html\n"
    static let files = ["emails/welcome.html": "<p>Your code: ##WELCOME_API_TOKEN##</p>\n"]
    static let environment = ["WELCOME_API_TOKEN": "token-value-90210"]

    @Test func theBodyHoldsAPlaceholderAndNoOutputHoldsTheValue() throws {
        let plan = try F.plan(F.tenant(Self.yaml, files: Self.files, environment: Self.environment), F.snapshot([:]), environment: Self.environment)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /email-templates"])
        #expect(plan.steps[0].body?["body"] == .string("<p>Your code: {{secret:WELCOME_API_TOKEN}}</p>\n"))
        #expect(plan.steps[0].placeholders == [StepPlaceholder(at: "/body", secrets: ["WELCOME_API_TOKEN"])])
        let text = TextPlanRenderer(color: false).render(plan)
        #expect(text.contains("(secret WELCOME_API_TOKEN)"))
        let planFile = try JSONEncoder().encode(plan)
        for output in [text, MarkdownPlanRenderer().render(plan), String(decoding: planFile, as: UTF8.self)] {
            #expect(!output.contains("token-value-90210"))
        }
    }

    @Test func theLivePageHoldingTheValueInItsTextIsNoChange() throws {
        let live = F.snapshot([.emailTemplates: F.object(#"[{"template":"welcome_email","enabled":true,"from":"hi@example.com","subject":"Welcome","syntax":"liquid","body":"<p>Your code: token-value-90210</p>\n"}]"#)])
        let same = try F.plan(F.tenant(Self.yaml, files: Self.files, environment: Self.environment), live, environment: Self.environment)
        #expect(same.steps.isEmpty)
        let changedFiles = ["emails/welcome.html": "<p>Your new code: ##WELCOME_API_TOKEN##</p>\n"]
        let changed = try F.plan(F.tenant(Self.yaml, files: changedFiles, environment: Self.environment), live, environment: Self.environment)
        #expect(changed.steps.map { "\($0.method) \($0.path)" } == ["PATCH /email-templates/welcome_email"])
        let text = TextPlanRenderer(color: false).render(changed)
        #expect(!text.contains("token-value-90210"), "the live body's value is shown as the keyword: \(text)")
    }
}
