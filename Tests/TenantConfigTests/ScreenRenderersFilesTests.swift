import Foundation
import Testing
@testable import TenantConfig

/// ACUL screen renderers in both of the Deploy CLI's layouts: tenant.yaml names one JSON file per screen in a list
/// of `{prompt: {screen: path}}`; the directory format keeps the same files in `prompts/screenRenderSettings/`, each
/// naming its prompt and screen. Export writes them back as the Deploy CLI does.
@Suite struct ScreenRenderersFilesTests {
    static let file = #"{"prompt": "login-id", "screen": "login-id", "rendering_mode": "advanced", "head_tags": []}"#

    @Test func bothLayoutsLoadTheSameScreens() throws {
        let yaml = loadTenant([
            "tenant.yaml": "prompts:\n  identifier_first: true\n  screenRenderers:\n    - login-id:\n        login-id: ./prompts/screenRenderSettings/login-id_login-id.json\n",
            "prompts/screenRenderSettings/login-id_login-id.json": Self.file,
        ])
        let directory = loadTenant([
            "tenant.json": "{}",
            "prompts/prompts.json": #"{"identifier_first": true}"#,
            "prompts/screenRenderSettings/login-id_login-id.json": Self.file,
        ])
        #expect(yaml.findings.filter { $0.severity == .error }.isEmpty, "\(yaml.findings)")
        #expect(directory.findings.filter { $0.severity == .error }.isEmpty, "\(directory.findings)")
        let yamlPrompts = try #require(yaml.resources.first { $0.kind == .prompts })
        let directoryPrompts = try #require(directory.resources.first { $0.kind == .prompts })
        #expect(yaml.attachedFiles.map(\.written) == ["./prompts/screenRenderSettings/login-id_login-id.json"])
        // The directory layout holds the file's JSON where tenant.yaml names the file.
        let inPlace = try #require(directoryPrompts.body.json["screenRenderers"]?.arrayValue?.first?["login-id"]?["login-id"])
        #expect(inPlace == yaml.attachedFiles.first?.value)
        #expect(yamlPrompts.body.json["identifier_first"] == directoryPrompts.body.json["identifier_first"])
    }

    @Test func aScreenNamedTwiceIsAnErrorAtTheSecond() throws {
        let tenant = loadTenant([
            "tenant.yaml": """
            prompts:
              screenRenderers:
                - login-id:
                    login-id: ./a.json
                - signup-id:
                    signup-id: ./a.json
                - login-id:
                    login-id: ./b.json

            """,
            "a.json": Self.file, "b.json": Self.file,
        ])
        let finding = try #require(tenant.findings("duplicate-name").first)
        #expect(finding.location?.line == 8)
        #expect(finding.message == "`screenRenderers` names prompt `login-id`, screen `login-id` twice (first at line 4); keep one")
        #expect(tenant.findings("duplicate-name").count == 1, "each screen named once is fine")
    }

    @Test func aDirectoryFileWithoutItsScreenIsAnError() throws {
        let tenant = loadTenant([
            "tenant.json": "{}",
            "prompts/screenRenderSettings/broken.json": #"{"prompt": "login-id", "rendering_mode": "advanced"}"#,
        ])
        let finding = try #require(tenant.findings("missing-field").first)
        #expect(finding.location?.file == "t/prompts/screenRenderSettings/broken.json")
        #expect(finding.message == "t/prompts/screenRenderSettings/broken.json needs `prompt` and `screen`: the prompts value it holds is named by them")
    }

    @Test func exportWritesAFilePerScreenAndTheListNamesIt() throws {
        let listed = try JSONValue.parse(Data(#"[{"prompt":"signup-id","screen":"signup-id","rendering_mode":"advanced","head_tags":[]},{"prompt":"login-id","screen":"login-id","rendering_mode":"standard"}]"#.utf8))
        let snapshot = TenantSnapshot(domain: "acme.eu.auth0.com", exportedAt: "2026-12-05T00:00:00Z",
                                      sections: [.prompts: .object(["identifier_first": .bool(true)]), .promptsScreenRenderings: listed])
        let export = SnapshotExporter().export(snapshot)
        let yaml = try #require(export.files["tenant.yaml"])
        #expect(yaml.contains("""
          screenRenderers:
          - login-id:
              login-id: ./prompts/screenRenderSettings/login-id_login-id.json
          - signup-id:
              signup-id: ./prompts/screenRenderSettings/signup-id_signup-id.json
        """), "\(yaml)")
        let written = try JSONValue.parse(Data(try #require(export.files["prompts/screenRenderSettings/signup-id_signup-id.json"]).utf8))
        #expect(written == (try JSONValue.parse(Data(#"{"prompt":"signup-id","screen":"signup-id","rendering_mode":"advanced","head_tags":[]}"#.utf8))))
        let directory = DirectoryLayoutWriter.files(sections: export.sections, files: export.files)
        #expect(directory["prompts/screenRenderSettings/login-id_login-id.json"] == export.files["prompts/screenRenderSettings/login-id_login-id.json"])
        #expect(directory["prompts/prompts.json"].map { !$0.contains("screenRenderers") } == true, "\(directory["prompts/prompts.json"] ?? "none")")
    }
}

/// Limits the spec sets on nested values the field catalog does not reach, from the descriptor (`valueLimits`).
@Suite struct ValueLimitsTests {
    static func tenant(_ id: String) -> TenantDefinition {
        loadTenant(["tenant.yaml": """
        connections:
          - name: google-workspace
            strategy: google-apps
            options: {domain: example.com}
            directory_provisioning_configuration:
              synchronize_groups: selected
              synchronized_groups:
                - id: \(id)
        """])
    }

    @Test func aSynchronizedGroupIdOutsideTheSpecsPatternIsAnError() throws {
        let finding = try #require(Self.tenant("some_google_group_id").findings("api-limit").first)
        #expect(finding.location?.line == 8)
        #expect(finding.message == "`directory_provisioning_configuration.synchronized_groups[].id` is `some_google_group_id`, which the Management API refuses (it must match `^[A-Za-z0-9]+$`).")
        #expect(Self.tenant("engineering01").findings("api-limit").isEmpty)
    }
}
