import APIJSON

extension SingletonSpec {
    /// `/prompts`: always there, `PATCH` changes the fields it names (recorded: `{"universal_login_experience":
    /// "new"}` keeps `identifier_first`), `null` clears one. A fresh tenant has the recorded tenant's settings.
    /// `enable_ulp_wcag_compliance` is not in the spec; the Deploy CLI's example writes it under `prompts`, so it is
    /// accepted (inferred).
    static let promptSettings: SingletonSpec = SingletonSpec(
        path: "prompts", writes: ["PATCH": .topLevelMerge],
        fields: [
            .string("universal_login_experience", allowed: ["new", "classic"], description: "Which login experience to use. Can be `new` or `classic`."),
            .of("boolean", "identifier_first", nullable: true, description: "Whether identifier first is enabled or not"),
            .of("boolean", "webauthn_platform_first_factor", nullable: true,
                description: "Use WebAuthn with Device Biometrics as the first authentication factor"),
            .of("boolean", "enable_ulp_wcag_compliance", nullable: true),
        ],
        validate: requireSomeProperty,
        initial: initial("prompts", .object(["universal_login_experience": .string("new"), "identifier_first": .bool(true)])),
        scope: ScopeRule(resource: "prompts"),
        snapshot: .section("prompts")
    )

    /// The spec's `minProperties: 1` (`PATCH /prompts`, `PATCH /branding`), in the wording of the API's schema
    /// validator for object limits (inferred: no recording shows it).
    static let requireSomeProperty: @Sendable (JSONValue) throws(APIErrorResponse) -> Void = { body throws(APIErrorResponse) in
        if body.objectValue?.isEmpty == true { throw .invalidBody("Payload validation error: 'Too few properties defined (0), minimum 1'.") }
    }

    /// `/prompts/{prompt}/custom-text/{language}`: `{}` until set (recorded for every prompt in `en`), `PUT`
    /// replaces the dictionary ("Existing texts will be overwritten"). The spec documents no body for the `PUT`
    /// answer; the emulator answers the dictionary (inferred). Snapshot: `prompts_custom_text`, one item per prompt
    /// and language, `{"prompt", "language", "custom_text": {…}}`.
    static let promptCustomText: SingletonSpec = SingletonSpec(
        path: "prompts/{prompt}/custom-text/{language}", keys: ["prompt": PromptNames.prompts, "language": PromptNames.languages],
        writes: ["PUT": .replace], absentReads: .object([:]), openBody: true,
        scope: ScopeRule(resource: "prompts"),
        snapshot: .items("prompts_custom_text", keys: ["prompt": "prompt", "language": "language"], wrappedIn: "custom_text")
    )

    /// `/prompts/{prompt}/partials`: `{}` until set (recorded), `PUT` replaces them (answered as for custom text).
    /// Snapshot: `prompts_partials`, `{"prompt", "partials": {…}}`.
    static let promptPartials: SingletonSpec = SingletonSpec(
        path: "prompts/{prompt}/partials", keys: ["prompt": PromptNames.partialGroups],
        writes: ["PUT": .replace], absentReads: .object([:]), openBody: true,
        scope: ScopeRule(resource: "prompts"),
        snapshot: .items("prompts_partials", keys: ["prompt": "prompt"], wrappedIn: "partials")
    )

    /// `/prompts/{prompt}/screen/{screen}/rendering`: `PATCH` changes the fields it names; a read shows `prompt` and
    /// `screen`. A screen never set reads `{"prompt", "screen", "rendering_mode": "standard"}` and is not listed by
    /// `GET /prompts/rendering` (which lists none on the recorded tenant); that default is inferred. Snapshot:
    /// `prompts_screen_renderings`, the objects as read.
    static let promptScreenRendering: SingletonSpec = SingletonSpec(
        path: "prompts/{prompt}/screen/{screen}/rendering", keys: ["prompt": PromptNames.prompts, "screen": PromptNames.screens],
        writes: ["PATCH": .topLevelMerge], absentReads: .object(["rendering_mode": .string("standard")]),
        fields: [
            .string("rendering_mode", allowed: ["advanced", "standard"]),
            .of("array", "context_configuration", nullable: true), .of("boolean", "default_head_tags_disabled", nullable: true),
            .of("boolean", "use_page_template", nullable: true), .of("array", "head_tags", nullable: true), .of("object", "filters", nullable: true),
        ],
        presentedKeys: ["prompt": "prompt", "screen": "screen"],
        scope: ScopeRule(resource: "prompts"),
        snapshot: .items("prompts_screen_renderings", keys: ["prompt": "prompt", "screen": "screen"])
    )
}

extension SingletonListing {
    /// `GET /prompts/rendering`: every screen's render settings, offset-paged as `{configs, start, limit, total}`
    /// with `include_totals=true` (recorded), filtered by `prompt`, `screen` and `rendering_mode`.
    static let promptRenderings = SingletonListing(path: "prompts/rendering", of: .promptScreenRendering, plural: "configs", listing: .offset,
                                                   filters: ["prompt", "screen", "rendering_mode"], scope: ScopeRule(resource: "prompts"))
}
