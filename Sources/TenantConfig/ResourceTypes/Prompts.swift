extension SnapshotSection {
    public static let prompts: SnapshotSection = "prompts"
    public static let promptsCustomText: SnapshotSection = "prompts_custom_text"
    public static let promptsPartials: SnapshotSection = "prompts_partials"
    public static let promptsScreenRenderings: SnapshotSection = "prompts_screen_renderings"
}

extension ResourceType {
    /// Universal Login prompts: the tenant's prompt settings (`/prompts`), custom text per prompt and language
    /// (`/prompts/{prompt}/custom-text/{language}`, each replaced whole), partials (`/prompts/{prompt}/partials`) and
    /// ACUL screen renderers (`/prompts/{prompt}/screen/{screen}/rendering`, merged; the files write a list of
    /// `{prompt: {screen: ./file.json}}`, read in one list at `/prompts/rendering`). Only the languages, prompts and
    /// screens the files name are written; reading takes the tenant's enabled locales.
    static let prompts: ResourceType = {
        let customTextPrompts = ["login", "login-id", "login-password", "login-passwordless", "login-email-verification", "signup", "signup-id",
                                 "signup-password", "phone-identifier-enrollment", "phone-identifier-challenge", "email-identifier-challenge",
                                 "reset-password", "custom-form", "consent", "customized-consent", "logout", "mfa-push", "mfa-otp", "mfa-voice",
                                 "mfa-phone", "mfa-webauthn", "mfa-sms", "mfa-email", "mfa-recovery-code", "mfa", "status", "device-flow",
                                 "email-verification", "email-otp-challenge", "organizations", "invitation", "common", "passkeys", "captcha",
                                 "brute-force-protection", "async-approval-flow", "confirmation"]
        let partialPrompts = ["login", "login-id", "login-password", "login-passwordless", "signup", "signup-id", "signup-password",
                              "customized-consent", "passkeys"]
        var type = tenantWide(
            .prompts, noun: "prompts",
            parts: [
                SingletonPart("", path: "/prompts", method: "PATCH", snapshot: .section(.prompts)),
                SingletonPart("customText.{language}.{prompt}", path: "/prompts/{prompt}/custom-text/{language}", method: "PUT",
                              snapshot: .items(.promptsCustomText, field: "custom_text"),
                              readValues: ["language": .fromSection(.tenantSettings, field: "enabled_locales"), "prompt": .fixed(customTextPrompts)]),
                SingletonPart("partials.{prompt}", path: "/prompts/{prompt}/partials", method: "PUT", snapshot: .items(.promptsPartials, field: "partials"),
                              readValues: ["prompt": .fixed(partialPrompts)]),
                SingletonPart("screenRenderers.{prompt}.{screen}", path: "/prompts/{prompt}/screen/{screen}/rendering", method: "PATCH",
                              snapshot: .items(.promptsScreenRenderings, field: nil),
                              listedAt: PartListing(path: "/prompts/rendering", listing: .paged(itemsKey: "configs")), readOnlyFields: ["tenant"]),
            ],
            example: """
            prompts:
              identifier_first: true
              universal_login_experience: new
              customText:
                en:
                  login-id:
                    login-id:
                      title: Welcome back
              partials:
                login:
                  login:
                    form-content-start: <div class="banner">Welcome</div>
              screenRenderers:
                - login-id:
                    login-id: ./prompts/screenRenderSettings/login-id_login-id.json
            """, exampleFiles: [
                "prompts/screenRenderSettings/login-id_login-id.json": """
                {
                  "prompt": "login-id",
                  "screen": "login-id",
                  "rendering_mode": "advanced",
                  "context_configuration": ["branding.settings"],
                  "default_head_tags_disabled": false,
                  "head_tags": [{"tag": "script", "attributes": {"src": "https://assets.example.com/login-id.js", "defer": true}}]
                }
                """,
            ], rank: 94)
        type.files = [FileField("screenRenderers[].*.*", content: .json, exportPath: "prompts/screenRenderSettings/{entry}.json")]
        type.nestedLists = [NestedList("screenRenderers", levels: ["prompt", "screen"])]
        type.directory = DirectoryLayout([
            DirectoryPiece(path: "prompts/prompts.json", form: .file),
            DirectoryPiece("customText", path: "prompts/custom-text.json", form: .file),
            DirectoryPiece("partials", path: "prompts/partials.json", form: .promptPartials),
            DirectoryPiece("screenRenderers", path: "prompts/screenRenderSettings", form: .nestedFilePerItem(levels: ["prompt", "screen"])),
        ])
        return type
    }()
}
