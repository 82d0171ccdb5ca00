import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// `/prompts`: the settings, custom text per prompt and language, partials, and screen render settings.
@Suite struct PromptEndpointsTests {
    let j = EmulatorHTTP.json

    @Test func settingsPatchChangesTheFieldsItNames() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "prompts").body == j(#"{"universal_login_experience":"new","identifier_first":true}"#))
        // Recorded: a PATCH naming one field keeps the other.
        #expect(try await http.api("PATCH", "prompts", body: j(#"{"universal_login_experience":"classic"}"#)).body
            == j(#"{"universal_login_experience":"classic","identifier_first":true}"#))
        #expect(try await http.api("PATCH", "prompts", body: j(#"{"identifier_first":null,"webauthn_platform_first_factor":true,"enable_ulp_wcag_compliance":false}"#)).body
            == j(#"{"universal_login_experience":"classic","webauthn_platform_first_factor":true,"enable_ulp_wcag_compliance":false}"#))
        let empty = try await http.api("PATCH", "prompts", body: j("{}"))
        #expect(empty.status == 400 && empty.body?["message"] == .string("Payload validation error: 'Too few properties defined (0), minimum 1'."))
        let wrong = try await http.api("PATCH", "prompts", body: j(#"{"universal_login_experience":"newest"}"#))
        #expect(wrong.status == 400 && wrong.body?["message"]
            == .string(#"Payload validation error: 'No enum match for: "newest"' on property universal_login_experience (Which login experience to use. Can be `new` or `classic`.)."#))
        #expect(try await http.call("GET", "/__emulator/snapshot").body?["prompts"] == (try await http.api("GET", "prompts").body))
    }

    @Test func customTextIsEmptyUntilSetAndPutReplacesIt() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "prompts/login-id/custom-text/en").body == j("{}"))
        let texts = j(#"{"login-id":{"invalid-email-format":"Email is not valid."}}"#)
        let put = try await http.api("PUT", "prompts/login-id/custom-text/en", body: texts)
        #expect(put.status == 200 && put.body == texts)
        #expect(try await http.api("GET", "prompts/login-id/custom-text/en").body == texts)
        #expect(try await http.api("GET", "prompts/login-id/custom-text/fr").body == j("{}"), "each language apart")
        let replaced = j(#"{"login-id":{"title":"Hi"}}"#)
        _ = try await http.api("PUT", "prompts/login-id/custom-text/en", body: replaced)
        #expect(try await http.api("GET", "prompts/login-id/custom-text/en").body == replaced, "existing texts are overwritten")
        let badPrompt = try await http.api("GET", "prompts/bogus/custom-text/en")
        #expect(badPrompt.status == 400 && badPrompt.body?["message"] == .string(#"Path validation error: 'No enum match for: "bogus"' on property prompt."#))
        let badLanguage = try await http.api("PUT", "prompts/login/custom-text/xx", body: texts)
        #expect(badLanguage.status == 400 && badLanguage.body?["message"] == .string(#"Path validation error: 'No enum match for: "xx"' on property language."#))
        #expect(try await http.call("GET", "/__emulator/snapshot").body?["prompts_custom_text"]
            == j(#"[{"prompt":"login-id","language":"en","custom_text":{"login-id":{"title":"Hi"}}}]"#))
    }

    @Test func partialsAreEmptyUntilSetAndOnlyForThePromptsThatTakeThem() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "prompts/login/partials").body == j("{}"))
        let partials = j(#"{"login":{"form-content-start":"<div>Welcome</div>"}}"#)
        #expect(try await http.api("PUT", "prompts/login/partials", body: partials).body == partials)
        #expect(try await http.api("GET", "prompts/login/partials").body == partials)
        #expect(try await http.api("GET", "prompts/mfa/partials").status == 400, "mfa is not in the spec's PartialGroupsEnum")
        #expect(try await http.call("GET", "/__emulator/snapshot").body?["prompts_partials"]
            == j(#"[{"prompt":"login","partials":{"login":{"form-content-start":"<div>Welcome</div>"}}}]"#))
    }

    @Test func renderSettingsAreListedOnceSet() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "prompts/rendering?page=0&per_page=100&include_totals=true").body
            == j(#"{"configs":[],"start":0,"limit":100,"total":0}"#), "as recorded on a tenant with none")
        #expect(try await http.api("GET", "prompts/signup-id/screen/signup-id/rendering").body
            == j(#"{"prompt":"signup-id","screen":"signup-id","rendering_mode":"standard"}"#))
        let patched = try await http.api("PATCH", "prompts/signup-id/screen/signup-id/rendering",
                                         body: j(#"{"rendering_mode":"advanced","head_tags":[{"tag":"script","attributes":{"src":"https://cdn.example.com/a.js"}}]}"#))
        #expect(patched.status == 200)
        let expected = j(#"""
            {"prompt":"signup-id","screen":"signup-id","rendering_mode":"advanced","head_tags":[{"tag":"script","attributes":{"src":"https://cdn.example.com/a.js"}}]}
            """#)
        #expect(patched.body == expected)
        #expect(try await http.api("GET", "prompts/signup-id/screen/signup-id/rendering").body == expected)
        _ = try await http.api("PATCH", "prompts/login-passwordless/screen/login-passwordless-email-code/rendering", body: j(#"{"rendering_mode":"standard"}"#))
        let listed = try await http.api("GET", "prompts/rendering?page=0&per_page=100&include_totals=true").body
        #expect(listed?["total"] == .number(2))
        #expect(try await http.api("GET", "prompts/rendering?rendering_mode=advanced").body == .array([expected]))
        let badScreen = try await http.api("PATCH", "prompts/login/screen/nope/rendering", body: j(#"{"rendering_mode":"advanced"}"#))
        #expect(badScreen.status == 400)
        let unknownField = try await http.api("PATCH", "prompts/login/screen/login/rendering", body: j(#"{"screen":"login"}"#))
        #expect(unknownField.body?["message"] == .string("Payload validation error: 'Additional properties not allowed: screen'."))
        let snapshot = try await http.call("GET", "/__emulator/snapshot").body?["prompts_screen_renderings"]?.arrayValue ?? []
        #expect(snapshot.count == 2 && snapshot.contains(expected))
    }

    @Test func promptsSeedFromTheirSections() async throws {
        let seed = j(#"""
            {"format_version":1,"prompts":{"universal_login_experience":"classic"},
             "prompts_custom_text":[{"prompt":"login","language":"es","custom_text":{"login":{"title":"Hola"}}}],
             "prompts_partials":[{"prompt":"signup","partials":{"signup":{"form-content-end":"<p/>"}}}],
             "prompts_screen_renderings":[{"prompt":"login","screen":"login","rendering_mode":"advanced"}]}
            """#)
        let http = try await EmulatorHTTP.start { $0.seed = seed.encoded() }
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "prompts").body == j(#"{"universal_login_experience":"classic"}"#))
        #expect(try await http.api("GET", "prompts/login/custom-text/es").body == j(#"{"login":{"title":"Hola"}}"#))
        #expect(try await http.api("GET", "prompts/signup/partials").body == j(#"{"signup":{"form-content-end":"<p/>"}}"#))
        #expect(try await http.api("GET", "prompts/login/screen/login/rendering").body == j(#"{"prompt":"login","screen":"login","rendering_mode":"advanced"}"#))
        let snapshot = try await http.call("GET", "/__emulator/snapshot").body
        for section in ["prompts", "prompts_custom_text", "prompts_partials", "prompts_screen_renderings"] {
            #expect(snapshot?[section] == seed[section], "\(section)")
        }
    }
}
