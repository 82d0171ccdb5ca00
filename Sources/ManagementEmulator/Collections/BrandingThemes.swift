import APIJSON

extension SingletonSpec {
    /// The recorded answer of `GET /branding/themes/default` without a theme; the spec gives the same wording to
    /// every read of an unknown theme id, and the emulator to its updates and deletes (whose wording in the spec
    /// says "updating"/"deleting" instead).
    static let themeNotFound = APIErrorResponse.notFound("There was an error retrieving branding settings: invalid theme ID", "theme_not_found")

    /// The parts every theme has, required on create and on `PATCH` alike (the spec's `required`).
    static let themeFields: [FieldRule] = [
        .of("object", "borders", required: true), .of("object", "colors", required: true),
        .string("displayName", maxLength: 2048, description: "Display Name"),
        .of("object", "fonts", required: true), .of("object", "page_background", required: true), .of("object", "widget", required: true),
    ]

    /// `/branding/themes/{themeId}`: `GET`, `PATCH` (the whole theme, as the spec requires every part; fields it
    /// leaves out, such as `displayName`, are kept), `DELETE` 204; an unknown id answers `theme_not_found`.
    /// Snapshot: `branding_themes`, the themes as read (with `themeId`).
    static let brandingThemes: SingletonSpec = SingletonSpec(
        path: "branding/themes/{themeId}", writes: ["PATCH": .topLevelMerge], deletion: .noContent, deletingMissing: .notFound,
        notFound: themeNotFound, fields: themeFields, requiredOnUpdate: true,
        presentedKeys: ["themeId": "themeId"],
        scope: ScopeRule(resource: "branding"),
        snapshot: .items("branding_themes", keys: ["themeId": "themeId"])
    )
}

extension CustomRoute {
    /// `POST /branding/themes` (scope `update:branding`, as the spec's security says): 200 with the theme and a new
    /// `themeId` (32 hex characters: inferred, no recording shows one); a tenant has one theme, so a second answers
    /// the spec's 409 "There was an error updating branding settings: The theme already exists" (`errorCode`
    /// inferred).
    static let createTheme: CustomRoute = CustomRoute(method: "POST", path: "branding/themes", scope: ScopeRule(resource: "branding", verbs: ["POST": "update"]),
                                                      statuses: [200]) { tenant, request, _ throws(APIErrorResponse) in
        let spec = SingletonSpec.brandingThemes
        let body = try request.object()
        try RequestFields.check(body, endpoint: "POST /branding/themes")
        try FieldRule.check(body, spec.fields, creating: true)
        if !tenant.themeIDs.isEmpty {
            throw .conflict("There was an error updating branding settings: The theme already exists", "theme_conflict")
        }
        let id = Identifiers.hex(32)
        tenant.singletons[spec.path.filled(["themeId": id])] = .object(EmulatedTenant.withoutKeys(spec, body))
        return .ok(tenant.presented(spec, .object(body), ["themeId": id]))
    }

    /// `GET /branding/themes/default`: the tenant's theme, or the recorded 404 `theme_not_found`.
    static let defaultTheme: CustomRoute = CustomRoute(method: "GET", path: "branding/themes/default", scope: ScopeRule(resource: "branding"),
                                                       statuses: [200]) { tenant, _, _ throws(APIErrorResponse) in
        let spec = SingletonSpec.brandingThemes
        guard let id = tenant.themeIDs.first, let theme = tenant.singleton(spec, ["themeId": id]) else { throw SingletonSpec.themeNotFound }
        return .ok(tenant.presented(spec, theme, ["themeId": id]))
    }
}

extension EmulatedTenant {
    /// The ids of the tenant's themes, sorted.
    var themeIDs: [String] {
        singletons.keys.compactMap { SingletonSpec.brandingThemes.path.match($0.split(separator: "/").map(String.init))?["themeId"] }.sorted()
    }
}
