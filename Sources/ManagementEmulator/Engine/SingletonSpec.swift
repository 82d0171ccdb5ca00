import APIJSON

/// One tenant-wide object of the Management API as data (`/tenants/settings`, `/emails/provider`, and the
/// attack-protection, guardian, branding and prompt settings to come): how it is read, written, created and
/// deleted, and where it goes in the snapshot. `SingletonEngine` serves every spec in `CollectionTable.singletons`.
struct SingletonSpec: Sendable {
    var path: PathPattern
    /// How an update applies: `PATCH` merging, or `PUT` replacing.
    var updateMethod = "PATCH"
    var updates: UpdateSemantics
    /// The status of `POST` when the object is created by the client (the email provider), nil when it always
    /// exists.
    var createStatus: Int?
    var deletion: DeleteAnswer?
    /// The answer while the object does not exist.
    var notFound: APIErrorResponse?
    /// The answer of `POST` when it exists already.
    var conflict: APIErrorResponse?
    var createEndpoint: String?
    var updateEndpoint: String?
    var fields: [FieldRule] = []
    /// A fresh tenant's value (no seed); nil when the object is absent until created. A seed without the section
    /// gives `{}` for an object that always exists.
    var initial: [String: JSONValue]?
    /// Reads accept `fields`/`include_fields`.
    var projectsFields = false
    var scope: ScopeRule
    /// The snapshot section: an object, or `null` when absent.
    var snapshot: String
    /// `present` (reads leave write-only fields out) and `redactForSnapshot` apply; the other hooks do not.
    var hooks = CollectionHooks()

    /// Whether the object exists whatever the client does.
    var alwaysExists: Bool { createStatus == nil }
}

/// How an update of a singleton applies.
enum UpdateSemantics: Sendable {
    /// Nested objects merge, `null` clears a field (tenant settings).
    case deepMerge
    /// Each top-level field given replaces the stored one, `null` clears it.
    case topLevelMerge
    /// The body replaces the object (`PUT`).
    case replace
}
