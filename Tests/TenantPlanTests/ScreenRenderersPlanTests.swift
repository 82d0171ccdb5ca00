import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// ACUL screen renderers: tenant.yaml writes `screenRenderers` as a list of `{prompt: {screen: ./file.json}}`, each
/// file the screen's render settings (with `prompt` and `screen`, as the Deploy CLI saves them); each screen the files
/// name is merged into `/prompts/{prompt}/screen/{screen}/rendering`, and only what changed is sent.
@Suite struct ScreenRenderersPlanTests {
    typealias F = PlanFixtures

    static let yaml = """
    prompts:
      screenRenderers:
        - login-id:
            login-id: ./prompts/screenRenderSettings/login-id_login-id.json
        - login-passwordless:
            login-passwordless-email-code: ./prompts/screenRenderSettings/email-code.json
    """
    static let files = [
        "prompts/screenRenderSettings/login-id_login-id.json": #"""
        {"prompt": "login-id", "screen": "login-id", "tenant": "acme-test", "rendering_mode": "advanced",
         "head_tags": [{"tag": "script", "attributes": {"src": "https://cdn.example.com/a.js", "defer": true}}]}
        """#,
        "prompts/screenRenderSettings/email-code.json": #"{"rendering_mode": "standard", "head_tags": []}"#,
    ]

    @Test func eachScreenIsPatchedWithoutItsLevelsOrTheTenant() throws {
        let plan = try F.plan(F.tenant(Self.yaml, files: Self.files), F.snapshot([:]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == [
            "PATCH /prompts/login-id/screen/login-id/rendering",
            "PATCH /prompts/login-passwordless/screen/login-passwordless-email-code/rendering",
        ])
        #expect(plan.steps[0].body == F.object(#"{"rendering_mode":"advanced","head_tags":[{"tag":"script","attributes":{"src":"https://cdn.example.com/a.js","defer":true}}]}"#))
        #expect(plan.steps[1].body == F.object(#"{"rendering_mode":"standard","head_tags":[]}"#))
    }

    @Test func aScreenAsTheTenantListsItIsNoChangeAndOnlyAChangedFieldIsSent() throws {
        let listed = #"[{"prompt":"login-id","screen":"login-id","rendering_mode":"advanced","head_tags":[{"tag":"script","attributes":{"src":"https://cdn.example.com/a.js","defer":true}}]},"#
            + #"{"prompt":"login-passwordless","screen":"login-passwordless-email-code","rendering_mode":"advanced","head_tags":[]},"#
            + #"{"prompt":"signup-id","screen":"signup-id","rendering_mode":"advanced"}]"#
        let plan = try F.plan(F.tenant(Self.yaml, files: Self.files), F.snapshot([.promptsScreenRenderings: F.object(listed)]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["PATCH /prompts/login-passwordless/screen/login-passwordless-email-code/rendering"])
        #expect(plan.steps[0].body == F.object(#"{"rendering_mode":"standard"}"#))
        #expect(plan.steps[0].changes.map(\.path) == ["screenRenderers.login-passwordless.login-passwordless-email-code.rendering_mode"])
        #expect(plan.kept.isEmpty && plan.steps.count == 1, "a screen the files leave out (signup-id) keeps its settings")
    }

    @Test func aMissingFileIsAnErrorAtItsLine() throws {
        let tenant = F.tenant(Self.yaml, files: [:])
        let missing = tenant.findings.filter { $0.rule == "missing-file" }
        #expect(missing.count == 2)
        #expect(missing.first?.location?.line == 4)
    }
}
