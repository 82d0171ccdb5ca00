import APIJSON

/// One tenant-wide object of the Management API as data (`/tenants/settings`, `/attack-protection/captcha`), or a
/// family of them addressed by path parameters (`/email-templates/{templateName}`,
/// `/prompts/{prompt}/custom-text/{language}`): how each is read, written, created and deleted, what a read never
/// shows, and where it goes in the snapshot. `SingletonEngine` serves every spec in `CollectionTable.singletons`.
struct SingletonSpec: Sendable {
    /// Relative to `/api/v2`, with the spec's own parameter names (so `"PATCH /email-templates/{templateName}"` is
    /// the name `RequestFields` knows the endpoint by).
    var path: PathPattern
    /// The values each path parameter may take (the spec's enums); a parameter left out takes any value (a theme id).
    var keys: [String: [String]] = [:]
    /// Whether `GET` exists (the FCM providers can only be written).
    var reads = true
    /// What each write method does: `PATCH` merging, `PUT` replacing.
    var writes: [String: UpdateSemantics]
    /// The status of `POST` on the same path when the client creates the object (the email provider), nil when
    /// there is none.
    var createStatus: Int?
    var deletion: DeleteAnswer?
    /// What deleting an object that is not there answers (a theme: 404).
    var deletingMissing: MissingItem = .succeeds
    /// The answer of a read or update while the object is not there; `absentReads` instead when a read answers a
    /// value (`{}` for an unset provider, as recorded).
    var notFound: APIErrorResponse?
    /// What a read answers while the object is not there, and what an update starts from.
    var absentReads: JSONValue?
    /// The answer of `POST` when it exists already.
    var conflict: APIErrorResponse?
    /// The body is an array (`PUT /guardian/policies`), not an object.
    var arrayBody = false
    /// The body is a free-form dictionary (custom text, partials): no top-level field check.
    var openBody = false
    /// Types, required fields, lengths and enums of the body's top-level fields. Required ones are checked when the
    /// write replaces the object, or on every write with `requiredOnUpdate`.
    var fields: [FieldRule] = []
    var requiredOnUpdate = false
    /// Checks an array body (the guardian policies' enum).
    var validate: (@Sendable (_ body: JSONValue) throws(APIErrorResponse) -> Void)?
    /// Fields a read never shows (write-only secrets), as key paths: `["auth_token"]`, `["arkose", "secret"]`. The
    /// state file keeps them; the admin snapshot, like every read, leaves them out.
    var writeOnly: [[String]] = []
    /// Path parameters a read shows as fields (`template` of an email template, `themeId` of a theme): parameter
    /// name → field. They are taken from the path, never stored.
    var presentedKeys: [String: String] = [:]
    /// What a write answers when it is not the object as read: a guardian factor's `PUT` answers `{enabled}` alone.
    var writeAnswer: (@Sendable (_ presented: JSONValue) -> JSONValue)?
    /// How the API keeps what a write gives in another form than it was sent: the tenant's session lifetimes sent in
    /// minutes are kept, and answered, in hours. Throws what the API answers to a body it refuses.
    var stored: (@Sendable (_ body: [String: JSONValue], _ object: [String: JSONValue]) throws(APIErrorResponse) -> [String: JSONValue])?
    /// A fresh tenant's objects, by concrete path; a seed fills what it leaves out from these too.
    var initial: [String: JSONValue] = [:]
    /// What a seed without the section gives, when not `initial` (tenant settings: `{}`).
    var seedDefault: JSONValue?
    /// Reads accept `fields`/`include_fields`.
    var projectsFields = false
    /// The part of a plan the object needs: without it the tenant answers the feature's 403.
    var feature: TenantFeature?
    var scope: ScopeRule
    var snapshot: SingletonPlacement

    /// The request-field check's name of a write: `"PUT /email-templates/{templateName}"`.
    func endpoint(_ method: String) -> String { "\(method) /\(path)" }

    /// A spec with one object and its fresh value.
    static func initial(_ path: PathPattern, _ value: JSONValue) -> [String: JSONValue] { [path.description: value] }
}

/// How an update of a singleton applies.
enum UpdateSemantics: Sendable {
    /// Nested objects merge, `null` clears a field (tenant settings, attack protection).
    case deepMerge
    /// Each top-level field given replaces the stored one, `null` clears it.
    case topLevelMerge
    /// The body replaces the object (`PUT`).
    case replace
}

/// Where a singleton goes in the snapshot format (docs/snapshot-format.md).
enum SingletonPlacement: Sendable {
    /// The section is the object (or array); `null` while it is absent.
    case section(String)
    /// The object is one member of an object section: `attack_protection.captcha`.
    case member(String, key: String)
    /// The object is one item of a list section, with fixed fields added: `{"name": "sms", "provider": "twilio", …}`.
    /// An absent object is left out.
    case item(String, fields: [String: String])
    /// Each key's object is one item of a list section, its path parameters written as fields (parameter → field);
    /// with `wrappedIn`, the object goes under that field (free-form dictionaries such as custom text).
    case items(String, keys: [String: String], wrappedIn: String? = nil)

    var section: String {
        switch self {
        case .section(let name), .member(let name, _), .item(let name, _), .items(let name, _, _): name
        }
    }
}

/// A feature a tenant's plan may lack, and the answer of its endpoints then.
enum TenantFeature: String, Sendable, Hashable {
    /// Akamai supplemental signals: the Deploy CLI's recordings answer `GET /supplemental-signals` with this 403 on
    /// a tenant without them.
    case supplementalSignals
    /// Inbound directory provisioning (`/connections/{id}/directory-provisioning`): the spec's 403 wording; the error
    /// code is inferred from the recorded refusal of supplemental signals.
    case inboundDirectoryProvisioning

    var refusal: APIErrorResponse {
        switch self {
        case .supplementalSignals:
            APIErrorResponse(status: 403, message: "Please upgrade your subscription to enable Akamai Signals.", errorCode: "insufficient_scope")
        case .inboundDirectoryProvisioning:
            APIErrorResponse(status: 403, message: "The inbound directory provisioning feature is not enabled for this tenant", errorCode: "insufficient_scope")
        }
    }
}
