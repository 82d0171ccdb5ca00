import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// `/email-templates`: 404 until created, created with `POST`, changed with `PATCH`, replaced with `PUT`; the names
/// of the spec's enum only.
@Suite struct EmailTemplateEndpointsTests {
    let j = EmulatorHTTP.json

    static let welcome = EmulatorHTTP.json(#"""
        {"template":"welcome_email","body":"<html><h1>Welcome!</h1></html>","from":"","resultUrl":"https://example.com/welcome",
         "subject":"Welcome","syntax":"liquid","urlLifetimeInSeconds":3600,"enabled":false}
        """#)

    @Test func anUnsetTemplateAnswersTheRecorded404() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let notFound = j(#"{"statusCode":404,"error":"Not Found","message":"The template does not exist.","errorCode":"inexistent_email_template"}"#)
        for name in ["verify_email", "welcome_email", "async_approval", "password_reset"] {
            let reply = try await http.api("GET", "email-templates/\(name)")
            #expect(reply.status == 404 && reply.body == notFound, "\(name)")
        }
        let patch = try await http.api("PATCH", "email-templates/welcome_email", body: j(#"{"subject":"Hi"}"#))
        #expect(patch.status == 404 && patch.body == notFound)
        let put = try await http.api("PUT", "email-templates/welcome_email", body: Self.welcome)
        #expect(put.status == 404 && put.body == notFound)
    }

    @Test func postCreatesThenPatchChangesAndPutReplaces() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let created = try await http.api("POST", "email-templates", body: Self.welcome)
        #expect(created.status == 200 && created.body == Self.welcome)
        #expect(try await http.api("GET", "email-templates/welcome_email").body == Self.welcome)
        let again = try await http.api("POST", "email-templates", body: Self.welcome)
        #expect(again.status == 409 && again.body?["message"] == .string("Template welcome_email already exists.")
            && again.body?["errorCode"] == .string("email_template_conflict"))

        let patched = try await http.api("PATCH", "email-templates/welcome_email", body: j(#"{"subject":"Hello","resultUrl":null}"#))
        #expect(patched.status == 200)
        var expected = Self.welcome.objectValue ?? [:]
        expected["subject"] = .string("Hello")
        expected["resultUrl"] = nil
        #expect(patched.body == .object(expected))
        #expect(try await http.api("GET", "email-templates/welcome_email").body == .object(expected))

        let replacement = j(#"{"template":"welcome_email","body":"<p>hi</p>","from":"me@example.com","subject":"S","syntax":"liquid","enabled":true}"#)
        let put = try await http.api("PUT", "email-templates/welcome_email", body: replacement)
        #expect(put.status == 200 && put.body == replacement, "PUT drops the fields it leaves out (resultUrl, urlLifetimeInSeconds)")
        #expect(try await http.api("GET", "email-templates/welcome_email").body == replacement)
        #expect(try await http.api("GET", "email-templates/verify_email").status == 404, "other templates stay unset")
    }

    @Test func thePathNamesTheTemplateWhateverTheBodySays() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        _ = try await http.api("POST", "email-templates", body: Self.welcome)
        let patched = try await http.api("PATCH", "email-templates/welcome_email", body: j(#"{"template":"verify_email","subject":"X"}"#))
        #expect(patched.body?["template"] == .string("welcome_email"))
        #expect(try await http.api("GET", "email-templates/verify_email").status == 404)
    }

    @Test(arguments: [
        ("GET", "email-templates/bogus", nil as String?, #"Path validation error: 'No enum match for: "bogus"' on property templateName."#),
        ("POST", "email-templates", #"{"template":"bogus","body":"b","from":"f","subject":"s","syntax":"liquid","enabled":true}"#,
         #"Payload validation error: 'No enum match for: "bogus"' on property template."#),
        ("POST", "email-templates", #"{"template":"welcome_email","body":"b"}"#, "Payload validation error: 'Missing required property: from'."),
        ("POST", "email-templates", #"{"template":"welcome_email","body":"b","from":"f","subject":"s","syntax":"liquid","enabled":true,"name":"x"}"#,
         "Payload validation error: 'Additional properties not allowed: name'."),
        ("PATCH", "email-templates/welcome_email", #"{"enabled":"yes"}"#, "Payload validation error: 'Expected type boolean but found type string' on property enabled."),
        ("PATCH", "email-templates/welcome_email", #"{"urlLifetimeInSeconds":-1}"#,
         "Payload validation error: 'Value -1 is less than minimum 0' on property urlLifetimeInSeconds."),
        ("PUT", "email-templates/welcome_email", #"{"template":"welcome_email","body":"b"}"#, "Payload validation error: 'Missing required property: from'."),
    ])
    func badRequestsAreRefusedWithTheAPIsWording(_ method: String, _ path: String, _ body: String?, _ message: String) async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        _ = try await http.api("POST", "email-templates", body: Self.welcome)
        let reply = try await http.api(method, path, body: body.map(j))
        #expect(reply.status == 400)
        #expect(reply.body?["message"] == .string(message), "\(reply.raw)")
    }

    @Test func aNullableRequiredFieldMayBeNull() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let body = j(#"{"template":"reset_email","body":null,"from":null,"subject":null,"syntax":"liquid","enabled":null}"#)
        #expect(try await http.api("POST", "email-templates", body: body).status == 200)
    }

    @Test func eachMethodNeedsTheScopeTheSpecNames() async throws {
        let http = try await EmulatorHTTP.start { $0.grantedScopes = ["read:email_templates", "update:email_templates"] }
        defer { Task { await http.stop() } }
        let refused = try await http.api("POST", "email-templates", body: Self.welcome)
        #expect(refused.status == 403 && refused.body?["message"] == .string("Insufficient scope, expected any of: create:email_templates"))
        #expect(try await http.api("GET", "email-templates/welcome_email").status == 404)
    }

    @Test func templatesAreASnapshotListWithTheirName() async throws {
        let seed = j(#"{"format_version":1,"email_templates":[\#(String(decoding: Self.welcome.encoded(), as: UTF8.self))]}"#)
        let http = try await EmulatorHTTP.start { $0.seed = seed.encoded() }
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "email-templates/welcome_email").body == Self.welcome)
        let snapshot = try await http.call("GET", "/__emulator/snapshot").body
        #expect(snapshot?["email_templates"] == .array([Self.welcome]))
    }
}
