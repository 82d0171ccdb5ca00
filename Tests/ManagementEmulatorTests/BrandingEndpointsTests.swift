import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// `/branding`, its universal login template and its themes.
@Suite struct BrandingEndpointsTests {
    let j = EmulatorHTTP.json

    static let theme = EmulatorHTTP.json(#"""
        {"displayName":"Acme","borders":{"button_border_radius":3,"button_border_weight":1,"buttons_style":"rounded","input_border_radius":3,
         "input_border_weight":1,"inputs_style":"rounded","show_widget_shadow":true,"widget_border_weight":0,"widget_corner_radius":5},
         "colors":{"body_text":"#1e212a","error":"#d03c38","header":"#1e212a","icons":"#65676e","input_background":"#ffffff",
          "input_border":"#c9cace","input_filled_text":"#000000","input_labels_placeholders":"#65676e","links_focused_components":"#635dff",
          "primary_button":"#635dff","primary_button_label":"#ffffff","secondary_button_border":"#c9cace","secondary_button_label":"#1e212a",
          "success":"#13a688","widget_background":"#ffffff","widget_border":"#c9cace"},
         "fonts":{"body_text":{"bold":false,"size":87.5},"buttons_text":{"bold":false,"size":100},"font_url":"","input_labels":{"bold":false,"size":100},
          "links":{"bold":true,"size":87.5},"links_style":"normal","reference_text_size":16,"subtitle":{"bold":false,"size":87.5},"title":{"bold":false,"size":150}},
         "page_background":{"background_color":"#000000","background_image_url":"","page_layout":"center"},
         "widget":{"header_text_alignment":"center","logo_height":52,"logo_position":"center","logo_url":"","social_buttons_layout":"bottom"}}
        """#)

    @Test func brandingPatchMergesAsRecorded() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "branding").body == j("{}"))
        let recorded = j(##"{"colors":{"primary":"#F8F8F2","page_background":"#222221"},"logo_url":"https://upload.wikimedia.org/wikipedia/commons/0/0d/Grandmas_marathon_finishers.png"}"##)
        let patched = try await http.api("PATCH", "branding", body: recorded)
        #expect(patched.status == 200 && patched.body == recorded)
        #expect(try await http.api("PATCH", "branding", body: j(##"{"colors":{"primary":"#000000"},"logo_url":null}"##)).body
            == j(##"{"colors":{"primary":"#000000","page_background":"#222221"}}"##))
        let empty = try await http.api("PATCH", "branding", body: j("{}"))
        #expect(empty.status == 400 && empty.body?["message"] == .string("Payload validation error: 'Too few properties defined (0), minimum 1'."))
        let unknown = try await http.api("PATCH", "branding", body: j(#"{"templates":[]}"#))
        #expect(unknown.body?["message"] == .string("Payload validation error: 'Additional properties not allowed: templates'."))
        #expect(try await http.call("GET", "/__emulator/snapshot").body?["branding"] == j(##"{"colors":{"primary":"#000000","page_background":"#222221"}}"##))
    }

    @Test func theUniversalLoginTemplateIs404UntilPut() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let missing = try await http.api("GET", "branding/templates/universal-login")
        #expect(missing.status == 404 && missing.body == j(#"{"statusCode":404,"error":"Not Found","message":"Template does not exist.","errorCode":"inexistent_template"}"#))
        let html = "<!DOCTYPE html><html><head>{%- auth0:head -%}</head><body>{%- auth0:widget -%}</body></html>"
        let created = try await http.api("PUT", "branding/templates/universal-login", body: .object(["template": .string(html)]))
        #expect(created.status == 201 && created.raw.isEmpty)
        #expect(try await http.api("GET", "branding/templates/universal-login").body == .object(["body": .string(html)]))
        let replaced = try await http.api("PUT", "branding/templates/universal-login", body: .string("<html>{%- auth0:widget -%}</html>"))
        #expect(replaced.status == 204 && replaced.raw.isEmpty, "a JSON string body is the template too")
        #expect(try await http.call("GET", "/__emulator/snapshot").body?["universal_login_template"] == j(#"{"body":"<html>{%- auth0:widget -%}</html>"}"#))
        #expect(try await http.api("DELETE", "branding/templates/universal-login").status == 204)
        #expect(try await http.api("GET", "branding/templates/universal-login").status == 404)
        #expect(try await http.api("DELETE", "branding/templates/universal-login").status == 204)
        #expect(try await http.call("GET", "/__emulator/snapshot").body?["universal_login_template"] == .null)

        let tooLong = try await http.api("PUT", "branding/templates/universal-login", body: .string(String(repeating: "x", count: 102_401)))
        #expect(tooLong.status == 400 && tooLong.body?["message"] == .string("Payload content length greater than maximum allowed: 102400."))
        let noTemplate = try await http.api("PUT", "branding/templates/universal-login", body: j(#"{"body":"<html/>"}"#))
        #expect(noTemplate.status == 400 && noTemplate.body?["message"] == .string("Payload validation error: 'Additional properties not allowed: body'."))
    }

    @Test func aTenantHasOneThemeAtMost() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let none = try await http.api("GET", "branding/themes/default")
        #expect(none.status == 404 && none.body
            == j(#"{"statusCode":404,"error":"Not Found","message":"There was an error retrieving branding settings: invalid theme ID","errorCode":"theme_not_found"}"#))
        let created = try await http.api("POST", "branding/themes", body: Self.theme)
        #expect(created.status == 200)
        let id = try #require(created.body?["themeId"]?.stringValue)
        #expect(id.count == 32 && id.allSatisfy(\.isHexDigit))
        var expected = Self.theme.objectValue ?? [:]
        expected["themeId"] = .string(id)
        #expect(created.body == .object(expected))
        #expect(try await http.api("GET", "branding/themes/default").body == .object(expected))
        #expect(try await http.api("GET", "branding/themes/\(id)").body == .object(expected))
        let second = try await http.api("POST", "branding/themes", body: Self.theme)
        #expect(second.status == 409 && second.body?["message"] == .string("There was an error updating branding settings: The theme already exists"))

        var changed = Self.theme.objectValue ?? [:]
        changed["displayName"] = nil
        changed["widget"] = j(#"{"header_text_alignment":"left","logo_height":52,"logo_position":"left","logo_url":"","social_buttons_layout":"top"}"#)
        let patched = try await http.api("PATCH", "branding/themes/\(id)", body: .object(changed))
        #expect(patched.status == 200 && patched.body?["widget"]?["logo_position"] == .string("left") && patched.body?["displayName"] == .string("Acme"))
        let partial = try await http.api("PATCH", "branding/themes/\(id)", body: j(#"{"displayName":"New"}"#))
        #expect(partial.status == 400 && partial.body?["message"] == .string("Payload validation error: 'Missing required property: borders'."))
        #expect(try await http.call("GET", "/__emulator/snapshot").body?["branding_themes"]?.arrayValue?.map { $0["themeId"] } == [.string(id)])

        #expect(try await http.api("DELETE", "branding/themes/\(id)").status == 204)
        #expect(try await http.api("GET", "branding/themes/default").status == 404)
        let gone = try await http.api("DELETE", "branding/themes/\(id)")
        #expect(gone.status == 404 && gone.body?["errorCode"] == .string("theme_not_found"))
        #expect(try await http.api("PATCH", "branding/themes/\(id)", body: Self.theme).status == 404)
    }

    @Test func creatingAThemeTakesUpdateBrandingAsTheSpecSays() async throws {
        let http = try await EmulatorHTTP.start { $0.grantedScopes = ["read:branding", "create:branding"] }
        defer { Task { await http.stop() } }
        let refused = try await http.api("POST", "branding/themes", body: Self.theme)
        #expect(refused.status == 403 && refused.body?["message"] == .string("Insufficient scope, expected any of: update:branding"))
    }

    @Test func themesSeedWithTheirIds() async throws {
        var theme = Self.theme.objectValue ?? [:]
        theme["themeId"] = .string("0123456789abcdef0123456789abcdef")
        let seed = JSONValue.object(["format_version": .number(1), "branding_themes": .array([.object(theme)]),
                                     "universal_login_template": j(#"{"body":"<html/>"}"#)])
        let http = try await EmulatorHTTP.start { $0.seed = seed.encoded() }
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "branding/themes/default").body == .object(theme))
        #expect(try await http.api("GET", "branding/templates/universal-login").body == j(#"{"body":"<html/>"}"#))
        #expect(try await http.call("GET", "/__emulator/snapshot").body?["branding_themes"] == .array([.object(theme)]))
    }
}
