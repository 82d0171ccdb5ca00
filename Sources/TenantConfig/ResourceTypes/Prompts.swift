extension SnapshotSection {
    public static let prompts: SnapshotSection = "prompts"
    public static let promptsCustomText: SnapshotSection = "prompts_custom_text"
    public static let promptsPartials: SnapshotSection = "prompts_partials"
}

extension ResourceType {
    /// Universal Login prompts: the tenant's prompt settings (`/prompts`), custom text per prompt and language
    /// (`/prompts/{prompt}/custom-text/{language}`, each replaced whole) and partials (`/prompts/{prompt}/partials`).
    /// Only the languages and prompts the files name are written; reading takes the tenant's enabled locales.
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
            """, rank: 94)
        type.unmanagedFields = ["screenRenderers": "ACUL screen renderers (`/prompts/{prompt}/screen/{screen}/rendering`) are not managed yet"]
        type.directory = DirectoryLayout([
            DirectoryPiece(path: "prompts/prompts.json", form: .file),
            DirectoryPiece("customText", path: "prompts/custom-text.json", form: .file),
            DirectoryPiece("partials", path: "prompts/partials.json", form: .promptPartials),
            DirectoryPiece("screenRenderers", path: "prompts/screenRenderSettings", form: .filePerItem, naming: ["prompt", "screen"]),
        ])
        return type
    }()
}
