import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// `/attack-protection/*`, `/risk-assessments/settings*` and `/supplemental-signals`: the recorded defaults,
/// merging `PATCH`es, write-only captcha secrets, validation, and the supplemental signals switch.
@Suite struct AttackProtectionEndpointsTests {
    let j = EmulatorHTTP.json

    /// The answers of the Deploy CLI's recorded tenant (`should-dump-and-deploy-without-throwing-an-error.json`).
    static let recordedDefaults: [(String, String)] = [
        ("attack-protection/brute-force-protection",
         #"{"enabled":true,"shields":["block","user_notification"],"mode":"count_per_identifier_and_ip","allowlist":[],"max_attempts":10}"#),
        ("attack-protection/breached-password-detection",
         #"{"enabled":false,"shields":[],"admin_notification_frequency":[],"method":"standard","stage":{"pre-user-registration":{"shields":[]},"pre-change-password":{"shields":[]}}}"#),
        ("attack-protection/suspicious-ip-throttling",
         #"{"enabled":true,"shields":["admin_notification","block"],"allowlist":[],"stage":{"pre-login":{"max_attempts":100,"rate":864000},"pre-user-registration":{"max_attempts":50,"rate":1200},"pre-custom-token-exchange":{"max_attempts":10,"rate":600000}}}"#),
        ("attack-protection/bot-detection",
         #"{"challenge_password_policy":"never","challenge_passwordless_policy":"never","challenge_password_reset_policy":"never","allowlist":[],"bot_detection_level":"medium","monitoring_mode_enabled":false}"#),
        ("attack-protection/captcha",
         #"{"active_provider_id":"auth_challenge","simple_captcha":{},"auth_challenge":{"fail_open":false},"recaptcha_v2":{"site_key":""},"recaptcha_enterprise":{"site_key":"","project_id":""},"hcaptcha":{"site_key":""},"friendly_captcha":{"site_key":""},"arkose":{"site_key":"","client_subdomain":"client-api","verify_subdomain":"verify-api","fail_open":false}}"#),
        ("risk-assessments/settings", #"{"enabled":false}"#),
        ("risk-assessments/settings/new-device", #"{"remember_for":30}"#),
    ]

    @Test func aFreshTenantAnswersTheRecordedDefaults() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        for (path, answer) in Self.recordedDefaults {
            let reply = try await http.api("GET", path)
            #expect(reply.status == 200 && reply.body == j(answer), "\(path): \(reply.raw)")
        }
        #expect(try await http.api("GET", "attack-protection/phone-provider-protection").body == j(#"{"type":"none"}"#))
        #expect(try await http.api("GET", "supplemental-signals").body == j(#"{"akamai_enabled":false}"#))
    }

    @Test func patchMergesNestedObjectsAsRecorded() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        // Recorded: a stage without pre-custom-token-exchange keeps it.
        let throttling = try await http.api("PATCH", "attack-protection/suspicious-ip-throttling", body: j(#"""
            {"enabled":true,"shields":["admin_notification"],"allowlist":["127.0.0.1"],"stage":{"pre-login":{"max_attempts":66,"rate":864000},"pre-user-registration":{"max_attempts":66,"rate":1200}}}
            """#))
        #expect(throttling.body == j(#"""
            {"enabled":true,"shields":["admin_notification"],"allowlist":["127.0.0.1"],"stage":{"pre-login":{"max_attempts":66,"rate":864000},"pre-user-registration":{"max_attempts":66,"rate":1200},"pre-custom-token-exchange":{"max_attempts":10,"rate":600000}}}
            """#))
        // Recorded: breached password detection without stage keeps it.
        let breached = try await http.api("PATCH", "attack-protection/breached-password-detection",
                                          body: j(#"{"enabled":true,"shields":["block"],"admin_notification_frequency":[],"method":"standard"}"#))
        #expect(breached.body?["stage"] == j(#"{"pre-user-registration":{"shields":[]},"pre-change-password":{"shields":[]}}"#))
        #expect(try await http.api("GET", "attack-protection/breached-password-detection").body?["enabled"] == .bool(true))
        #expect(try await http.api("PATCH", "attack-protection/brute-force-protection", body: j(#"{"max_attempts":66}"#)).body?["shields"]
            == j(#"["block","user_notification"]"#))
    }

    @Test func captchaSecretsAreWriteOnly() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("captcha-state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let http = try await EmulatorHTTP.start { $0.stateFile = file }
        defer { Task { await http.stop() } }
        let patched = try await http.api("PATCH", "attack-protection/captcha", body: j(#"""
            {"active_provider_id":"recaptcha_enterprise","recaptcha_enterprise":{"site_key":"site","api_key":"enterprise-secret","project_id":"p1"},
             "hcaptcha":{"site_key":"h","secret":"hcaptcha-secret"}}
            """#))
        #expect(patched.status == 200)
        #expect(patched.body?["recaptcha_enterprise"] == j(#"{"site_key":"site","project_id":"p1"}"#))
        #expect(patched.body?["hcaptcha"] == j(#"{"site_key":"h"}"#))
        let read = try await http.api("GET", "attack-protection/captcha")
        #expect(!read.raw.contains("secret\"") && !read.raw.contains("enterprise-secret") && !read.raw.contains("api_key"))
        let snapshot = try await http.call("GET", "/__emulator/snapshot")
        #expect(!snapshot.raw.contains("enterprise-secret") && !snapshot.raw.contains("hcaptcha-secret"))
        #expect(snapshot.body?["attack_protection"]?["captcha"] == read.body)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("hcaptcha-secret"), "the state file keeps them for a restart")
    }

    @Test(arguments: [
        ("attack-protection/brute-force-protection", #"{"max_attempts":0}"#,
         "Payload validation error: 'Value 0 is less than minimum 1' on property max_attempts (Maximum number of unsuccessful attempts.)."),
        ("attack-protection/brute-force-protection", #"{"mode":"count_per_ip"}"#, #"Payload validation error: 'No enum match for: "count_per_ip"' on property mode."#),
        ("attack-protection/brute-force-protection", #"{"enabled":true,"stage":{}}"#, "Payload validation error: 'Additional properties not allowed: stage'."),
        ("attack-protection/bot-detection", #"{"bot_detection_level":"extreme"}"#,
         #"Payload validation error: 'No enum match for: "extreme"' on property bot_detection_level."#),
        ("attack-protection/captcha", #"{"active_provider_id":"turnstile"}"#, #"Payload validation error: 'No enum match for: "turnstile"' on property active_provider_id."#),
        ("attack-protection/phone-provider-protection", #"{}"#, "Payload validation error: 'Missing required property: type'."),
        ("risk-assessments/settings", #"{}"#, "Payload validation error: 'Missing required property: enabled'."),
        ("risk-assessments/settings/new-device", #"{"remember_for":400}"#,
         "Payload validation error: 'Value 400 is greater than maximum 365' on property remember_for (Length of time to remember devices for, in days.)."),
        ("risk-assessments/settings/new-device", #"{"remember_for":1.5}"#,
         "Payload validation error: 'Expected type integer but found type number' on property remember_for (Length of time to remember devices for, in days.)."),
        ("supplemental-signals", #"{}"#, "Payload validation error: 'Missing required property: akamai_enabled'."),
    ])
    func badPatchesAreRefused(_ path: String, _ body: String, _ message: String) async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let reply = try await http.api("PATCH", path, body: j(body))
        #expect(reply.status == 400 && reply.body?["errorCode"] == .string("invalid_body"))
        #expect(reply.body?["message"] == .string(message), "\(reply.raw)")
    }

    @Test func riskAssessmentAndSignalsAreUpdated() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        #expect(try await http.api("PATCH", "risk-assessments/settings", body: j(#"{"enabled":true}"#)).body == j(#"{"enabled":true}"#))
        #expect(try await http.api("PATCH", "risk-assessments/settings/new-device", body: j(#"{"remember_for":90}"#)).body == j(#"{"remember_for":90}"#))
        #expect(try await http.api("PATCH", "supplemental-signals", body: j(#"{"akamai_enabled":true}"#)).body == j(#"{"akamai_enabled":true}"#))
        let snapshot = try await http.call("GET", "/__emulator/snapshot").body
        #expect(snapshot?["risk_assessment"] == j(#"{"settings":{"enabled":true},"new_device":{"remember_for":90}}"#))
        #expect(snapshot?["supplemental_signals"] == j(#"{"akamai_enabled":true}"#))
    }

    @Test func withoutSupplementalSignalsInThePlanTheRecorded403IsAnswered() async throws {
        let http = try await EmulatorHTTP.start { $0.supplementalSignalsNeedUpgrade = true }
        defer { Task { await http.stop() } }
        let upgrade = j(#"{"statusCode":403,"error":"Forbidden","message":"Please upgrade your subscription to enable Akamai Signals.","errorCode":"insufficient_scope"}"#)
        let read = try await http.api("GET", "supplemental-signals")
        #expect(read.status == 403 && read.body == upgrade)
        let write = try await http.api("PATCH", "supplemental-signals", body: j(#"{"akamai_enabled":true}"#))
        #expect(write.status == 403 && write.body == upgrade)
        #expect(try await http.call("GET", "/__emulator/snapshot").body?["supplemental_signals"] == .null)
        #expect(try await http.api("GET", "risk-assessments/settings").status == 200, "the rest of attack protection is served")
    }

    @Test func everyPartIsAMemberOfTheAttackProtectionSection() async throws {
        let seed = j(#"{"format_version":1,"attack_protection":{"bot_detection":{"bot_detection_level":"high"}},"risk_assessment":{"new_device":{"remember_for":7}}}"#)
        let http = try await EmulatorHTTP.start { $0.seed = seed.encoded() }
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "attack-protection/bot-detection").body == j(#"{"bot_detection_level":"high"}"#), "a seeded part is as seeded")
        #expect(try await http.api("GET", "risk-assessments/settings/new-device").body == j(#"{"remember_for":7}"#))
        #expect(try await http.api("GET", "risk-assessments/settings").body == j(#"{"enabled":false}"#), "a part the seed leaves out has its default")
        let section = try await http.call("GET", "/__emulator/snapshot").body?["attack_protection"]?.objectValue ?? [:]
        #expect(section.keys.sorted() == ["bot_detection", "breached_password_detection", "brute_force_protection", "captcha",
                                          "phone_provider_protection", "suspicious_ip_throttling"])
        #expect(section["brute_force_protection"] == (try await http.api("GET", "attack-protection/brute-force-protection").body))
    }

    @Test func attackProtectionNeedsItsScopes() async throws {
        let http = try await EmulatorHTTP.start { $0.grantedScopes = ["read:attack_protection"] }
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "attack-protection/captcha").status == 200)
        #expect(try await http.api("GET", "risk-assessments/settings").status == 200)
        let refused = try await http.api("PATCH", "risk-assessments/settings", body: j(#"{"enabled":true}"#))
        #expect(refused.status == 403 && refused.body?["message"] == .string("Insufficient scope, expected any of: update:attack_protection"))
    }
}
