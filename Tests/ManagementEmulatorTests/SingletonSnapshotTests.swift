import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// The tenant-wide sections of the snapshot format: written by the admin channel and the state file, read back as
/// a seed, refused with their place when malformed.
@Suite struct SingletonSnapshotTests {
    let j = EmulatorHTTP.json

    /// Every section this part of the format adds, and its shape on a fresh tenant.
    @Test func aFreshTenantsSectionsHaveTheirShapes() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let snapshot = try #require(try await http.call("GET", "/__emulator/snapshot").body)
        let lists = ["email_templates": 0, "guardian_factors": 8, "guardian_factor_providers": 0, "guardian_factor_templates": 2,
                     "prompts_custom_text": 0, "prompts_partials": 0, "prompts_screen_renderings": 0, "branding_themes": 0]
        for (section, count) in lists { #expect(snapshot[section]?.arrayValue?.count == count, "\(section)") }
        #expect(snapshot["guardian_policies"] == j("[]"))
        for section in ["guardian_phone_selected_provider", "guardian_phone_message_types", "attack_protection", "risk_assessment",
                        "supplemental_signals", "prompts", "branding"] {
            #expect(snapshot[section]?.objectValue != nil, "\(section)")
        }
        #expect(snapshot["universal_login_template"] == .null)
    }

    @Test func theAdminSnapshotSeedsTheSameTenant() async throws {
        let first = try await EmulatorHTTP.start()
        defer { Task { await first.stop() } }
        _ = try await first.api("POST", "email-templates", body: EmailTemplateEndpointsTests.welcome)
        _ = try await first.api("PUT", "guardian/factors/otp", body: j(#"{"enabled":true}"#))
        _ = try await first.api("PUT", "guardian/factors/push-notification/providers/sns", body: j(#"{"aws_access_key_id":"A","aws_secret_access_key":"S"}"#))
        _ = try await first.api("PUT", "guardian/policies", body: j(#"["all-applications"]"#))
        _ = try await first.api("PATCH", "attack-protection/captcha", body: j(#"{"active_provider_id":"hcaptcha","hcaptcha":{"site_key":"k","secret":"s"}}"#))
        _ = try await first.api("PUT", "prompts/login/custom-text/en", body: j(#"{"login":{"title":"Hi"}}"#))
        _ = try await first.api("PATCH", "prompts/login/screen/login/rendering", body: j(#"{"rendering_mode":"advanced"}"#))
        _ = try await first.api("PUT", "branding/templates/universal-login", body: .string("<html/>"))
        _ = try await first.api("POST", "branding/themes", body: BrandingEndpointsTests.theme)
        let snapshot = try #require(try await first.call("GET", "/__emulator/snapshot").body)

        let second = try await EmulatorHTTP.start { $0.seed = snapshot.encoded() }
        defer { Task { await second.stop() } }
        var again = try #require(try await second.call("GET", "/__emulator/snapshot").body?.objectValue)
        var before = snapshot.objectValue ?? [:]
        for volatile in ["exported_at"] { again[volatile] = nil; before[volatile] = nil }
        #expect(JSONValue.object(again) == .object(before))
    }

    @Test(arguments: [
        (#"{"format_version":1,"attack_protection":[]}"#, "the seed snapshot: `attack_protection` is not an object"),
        (#"{"format_version":1,"attack_protection":{"captcha":true}}"#, "the seed snapshot: `attack_protection.captcha` is not an object"),
        (#"{"format_version":1,"email_templates":{}}"#, "the seed snapshot: `email_templates` is not a list"),
        (#"{"format_version":1,"email_templates":[{"body":"x"}]}"#, "the seed snapshot: email_templates[0] has no `template`"),
        (#"{"format_version":1,"guardian_factor_providers":[1]}"#, "the seed snapshot: guardian_factor_providers[0] is not an object"),
        (#"{"format_version":1,"prompts_custom_text":[{"prompt":"login","language":"en","custom_text":"x"}]}"#,
         "the seed snapshot: prompts_custom_text[0].custom_text is not an object"),
        (#"{"format_version":1,"guardian_policies":{}}"#, "the seed snapshot: `guardian_policies` is not a list"),
        (#"{"format_version":1,"prompts":[]}"#, "the seed snapshot: `prompts` is not an object"),
    ])
    func aBadSectionIsRefusedWithItsPlace(_ seed: String, _ message: String) async throws {
        var configuration = EmulatorConfiguration()
        configuration.seed = Data(seed.utf8)
        do {
            let emulator = try await ManagementEmulator.start(configuration)
            await emulator.stop()
            Issue.record("the seed was accepted")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
