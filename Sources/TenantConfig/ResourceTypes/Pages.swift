/// Where a hosted page lives in the Management API: in tenant settings under a field of its own, or in the global
/// client's fields; and how the files' fields are named there.
public struct PageTarget: Sendable, Equatable {
    public var name: String
    /// `/tenants/settings`, or nil for the global client (`/clients/{its id}`).
    public var tenantSettingsField: String?
    /// The files' field to the API's.
    public var fields: [String: String]
}

extension ResourceType {
    /// The hosted pages the Deploy CLI manages, as HTML files beside the YAML.
    public static let pageTargets: [PageTarget] = [
        PageTarget(name: "login", tenantSettingsField: nil, fields: ["enabled": "custom_login_page_on", "html": "custom_login_page"]),
        PageTarget(name: "password_reset", tenantSettingsField: "change_password", fields: ["enabled": "enabled", "html": "html"]),
        PageTarget(name: "guardian_multifactor", tenantSettingsField: "guardian_mfa_page", fields: ["enabled": "enabled", "html": "html"]),
        PageTarget(name: "error_page", tenantSettingsField: "error_page", fields: ["html": "html", "show_log_link": "show_log_link", "url": "url"]),
    ]

    /// The hosted pages as the files write them, from the tenant settings and the global client a snapshot holds.
    public static func livePages(in sections: [SnapshotSection: JSONValue]) -> [[String: JSONValue]] {
        let settings = sections[.tenantSettings] ?? .object([:])
        let globalClient = sections[.clients]?.arrayValue?.first { $0["global"]?.boolValue == true }
        return pageTargets.compactMap { target in
            let source: JSONValue? = if let field = target.tenantSettingsField { settings[field] } else { globalClient }
            guard let source, source.objectValue != nil else { return nil }
            var page: [String: JSONValue] = ["name": .string(target.name)]
            for (filesField, apiField) in target.fields { if let value = source[apiField], !value.isNull { page[filesField] = value } }
            if target.tenantSettingsField == nil { page["client_id"] = source["client_id"] }
            // A page the tenant never customized is not there (the login page always is, to name the global client).
            guard page["html"]?.stringValue?.isEmpty == false || page["enabled"]?.boolValue == true || target.tenantSettingsField == nil else { return nil }
            return page
        }
    }

    /// Hosted pages: the classic login page (the global client's `custom_login_page`), password reset, MFA and error
    /// pages (tenant settings' `change_password`, `guardian_mfa_page`, `error_page`), each merged field by field.
    /// A page is never deleted: set `enabled: false`.
    static let pages: ResourceType = {
        var type = ResourceType(
            kind: .pages, noun: "page", section: .list(key: ["name"]),
            api: APIShape(path: "/tenants/settings", listing: .pages, idField: "name", snapshotSection: .tenantSettings, sortKey: ["name"]),
            lifecycle: Lifecycle(create: nil, update: "PATCH", delete: .never("a hosted page cannot be deleted; set `enabled: false`")), rank: 96)
        type.readOnlyFields = ["client_id"]
        type.files = [FileField("html", content: .text, exportPath: "pages/{name}.html")]
        type.directory.files = ["html": .companion(extension: "html")]
        type.planning = .pages
        // The login page is the global client's `custom_login_page`.
        type.alsoWrites = [.clients]
        type.example = TypeExample(
            yaml: """
            pages:
              - name: password_reset
                enabled: true
                html: ./pages/password_reset.html
              - name: error_page
                html: ./pages/error_page.html
                show_log_link: false
                url: https://example.com/error
            """,
            files: ["pages/password_reset.html": "<html><body>{{ password_reset_form }}</body></html>\n",
                    "pages/error_page.html": "<html><body>Something went wrong.</body></html>\n"])
        return type
    }()
}
