import APIJSON

/// One collection of the Management API as data: where it lives, how its ids, lists, writes and errors look on
/// the real API, and the few hooks a collection needs beyond that. `CollectionEngine` serves every spec in
/// `CollectionTable`; the emulator's knowledge here comes from the Management API spec and recorded answers,
/// never from the client's own descriptors, so each still checks the other.
struct CollectionSpec: Sendable {
    /// Where the list lives, relative to `/api/v2`: `rules`, `organizations/{id}/enabled_connections`.
    var path: PathPattern
    /// The name of an item's path parameter: the `{connection_id}` of `…/enabled_connections/{connection_id}`.
    var itemParameter = "item_id"
    /// The key of wrapped lists: `{"rules": […], "total": …}`.
    var plural: String
    /// The field holding an item's id.
    var idField = "id"
    var identifiers: IdentifierFormat
    var listing: ListShape
    /// The largest `take` checkpoint pagination accepts.
    var maxTake = 100
    /// Query parameters that filter lists by the field of the same name (`?audience=…`).
    var filters: [String] = []
    /// Reads accept `fields`/`include_fields`.
    var projectsFields = false
    /// The status of a successful `POST` (201, or 200 as log streams and roles answer); nil when the API
    /// has no create for this collection.
    var createStatus: Int?
    /// Whether `PATCH /…/{id}` exists.
    var updates = false
    /// What a successful `DELETE /…/{id}` answers; nil when there is no delete.
    var deletion: DeleteAnswer?
    /// What deleting an id that does not exist answers.
    var deletingMissing: MissingItem = .succeeds
    /// Whether `/…/{id}` routes exist at all (a list-only sub-resource has none).
    var hasItemRoutes = true
    /// Whether `GET /…/{id}` exists (an organization's client grants can only be listed and deleted).
    var readsItems = true
    /// The 404 of an unknown id.
    var notFound: APIErrorResponse
    /// The 404 of an unknown parent (`organizations/{id}/…` with an unknown organization); the parent's own
    /// `notFound` when nil.
    var parentNotFound: APIErrorResponse?
    /// The names `RequestFields.check` knows the write endpoints by (`POST /rules`), from the OpenAPI spec.
    var createEndpoint: String?
    var updateEndpoint: String?
    /// Types, required fields, lengths and formats of the request body, checked in this order.
    var fields: [FieldRule] = []
    /// Field combinations no two items of one table may share: the real 409 of each.
    var unique: [UniqueConstraint] = []
    /// Fields naming an item of another collection: checked on write, followed when that item is deleted.
    var references: [Reference] = []
    /// Values the server fills in on create when the body leaves them out.
    var defaults: [String: JSONValue] = [:]
    /// Fields that find an item as well as its id (a resource server by `identifier`).
    var alternateKeys: [String] = []
    /// Another spec's path whose table this one reads and writes (an alias endpoint).
    var storage: PathPattern?
    var scope: ScopeRule
    var snapshot: SnapshotPlacement
    /// Snapshot fields the emulator computes for its admin snapshot and ignores on load.
    var computedFields: [String] = []
    /// The API stamps `created_at` and `updated_at` on create and `updated_at` on every update (ISO 8601 with
    /// milliseconds, as recorded).
    var stampsTimes = false
    var hooks = CollectionHooks()

    /// The table this spec's items live in, as a path pattern.
    var storagePath: PathPattern { storage ?? path }
}

/// How the real API forms new ids (as the recordings show them).
enum IdentifierFormat: Sendable {
    /// `prefix` then `length` characters of `alphabet`: `rul_` + 16 letters and digits.
    case random(prefix: String, length: Int, alphabet: IdentifierAlphabet)
    case uuid
    /// 26 characters of Crockford base 32, as hooks' ids are.
    case ulid
    /// The id is a field of the created body (`connection_id` of an enabled connection).
    case fromBody
    /// Items have no id of their own; these fields together identify one (a role's permission).
    case composite([String])

    func generate() -> String {
        switch self {
        case .random(let prefix, let length, let alphabet): prefix + Identifiers.random(length, from: alphabet.characters)
        case .uuid: Identifiers.uuid()
        case .ulid: Identifiers.random(26, from: IdentifierAlphabet.crockford.characters)
        case .fromBody, .composite: Identifiers.uuid()
        }
    }
}

enum IdentifierAlphabet: Sendable {
    case alphanumeric, digits, lowercaseHex, crockford

    var characters: [Character] {
        switch self {
        case .alphanumeric: Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        case .digits: Array("0123456789")
        case .lowercaseHex: Array("0123456789abcdef")
        case .crockford: Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        }
    }
}

/// The list shapes of the Management API, and which paging parameters an endpoint accepts.
enum ListShape: Sendable {
    /// The whole list as a plain array; paging parameters are ignored (`GET /log-streams`).
    case plainArray
    /// `page`/`per_page`, `include_totals=true` giving `{<plural>, start, limit, total}`.
    case offset
    /// Offset paging, or checkpoint `from`/`take` giving `{<plural>, next}`.
    case offsetOrCheckpoint
    /// `page`/`per_page`, always answered as `{<plural>, total, page, per_page}` (action modules, as recorded).
    case offsetWrapped
    /// Every item under `<plural>`, without paging (`GET /branding/phone/providers` answers `{providers}`).
    case unpaged
    /// Checkpoint only: always `{<plural>, next}`.
    case checkpoint
}

/// What a successful delete answers.
enum DeleteAnswer: Sendable {
    /// 204 without a body.
    case noContent
    /// 200 with `{}` (roles).
    case emptyObject
}

/// What a request for an id that does not exist answers.
enum MissingItem: Sendable {
    case succeeds
    case notFound
}

/// A combination of fields that is unique within one table, and the real 409.
struct UniqueConstraint: Sendable {
    var fields: [String]
    var conflict: APIErrorResponse
}

/// A field naming an item of another top-level collection.
struct Reference: Sendable {
    enum OnDelete: Sendable {
        /// The referring item goes with the referred one (an organization's enabled connection with its connection).
        case deleteReferrer
        /// Nothing happens to the referring item.
        case keep
    }

    var field: String
    /// The referred collection's table: `connections`, `client-grants`.
    var collection: String
    /// The referred item's field the value matches: its `id`, or a resource server's `identifier`.
    var key = "id"
    /// The answer when the referred item does not exist.
    var missing: APIErrorResponse
    var onDelete: OnDelete
}

/// The scope a request needs: `<verb>:<resource>`, the verb from the method unless the API names another.
struct ScopeRule: Sendable {
    var resource: String
    /// Per method, where the API departs from read/create/update/delete (role permissions are `update:roles`).
    var verbs: [String: String] = [:]

    func scope(for method: String) -> String {
        let standard = switch method {
        case "GET": "read"
        case "POST": "create"
        case "PATCH", "PUT": "update"
        default: "delete"
        }
        return "\(verbs[method] ?? standard):\(resource)"
    }

    /// Every scope this rule can ask for.
    var all: [String] { Set(["read", "create", "update", "delete"].map { "\($0):\(resource)" } + verbs.values.map { "\($0):\(resource)" }).sorted() }
}

/// Where a collection's items go in the snapshot format (docs/snapshot-format.md).
enum SnapshotPlacement: Sendable {
    /// A top-level section: `"rules": […]`.
    case section(String)
    /// A list inside each parent item: an organization's `"enabled_connections": […]`. `inAdminSnapshot: false`
    /// keeps it out of `GET /__emulator/snapshot` (user data such as members); the state file and seeds keep it.
    case embedded(String, inAdminSnapshot: Bool)
    /// Not in the snapshot: an alias endpoint whose table another spec writes.
    case none
}

/// The few functions a collection needs beyond its data.
struct CollectionHooks: Sendable {
    typealias Row = [String: JSONValue]

    /// Checks a create (`existing` nil) or an update against the rest of the tenant, after the field rules and
    /// references and before the unique constraints.
    var validate: (@Sendable (_ body: Row, _ existing: Row?, _ tenant: EmulatedTenant, _ parameters: [String: String]) throws(APIErrorResponse) -> Void)?
    /// Fills what the server computes on create, after the defaults and the id.
    var prepare: (@Sendable (_ row: inout Row, _ tenant: EmulatedTenant, _ parameters: [String: String]) -> Void)?
    /// Refuses a delete the API refuses (a module actions still use: 412).
    var validateDelete: (@Sendable (_ row: Row, _ tenant: EmulatedTenant) throws(APIErrorResponse) -> Void)?
    /// Side effects of a stored create on other collections.
    var afterCreate: (@Sendable (_ tenant: inout EmulatedTenant, _ row: Row, _ body: Row, _ parameters: [String: String]) -> Void)?
    /// How a stored item reads: fields computed from other collections, write-only ones left out.
    var present: (@Sendable (_ row: Row, _ tenant: EmulatedTenant) -> Row)?
    /// How a create or an update answers, where it differs from a read (a phone provider's write answer leaves
    /// `credentials` out; its reads show `null`).
    var presentWrite: (@Sendable (_ presented: Row) -> Row)?
    /// What the admin snapshot leaves out of a presented item (the state file keeps everything).
    var redactForSnapshot: (@Sendable (_ row: Row) -> Row)?
    /// Computed fields the admin snapshot adds to an item (`member_count`).
    var snapshotExtras: (@Sendable (_ row: Row, _ tenant: EmulatedTenant) -> Row)?
    /// A snapshot item as stored: snapshot names mapped to stored ones, presentation-only fields dropped.
    var load: (@Sendable (_ item: Row) -> Row)?
    /// An update as stored, after the body's fields replaced the item's: fields the API merges rather than
    /// replaces (a phone template's `content`), or what a change resets (a module's published state).
    var update: (@Sendable (_ row: inout Row, _ previous: Row, _ body: Row) -> Void)?
    /// How an item reads in a list, when lists give a summary of each (forms, flows); reads of one item and
    /// writes answer it whole.
    var summarize: (@Sendable (_ row: Row, _ tenant: EmulatedTenant) -> Row)?
    /// The order lists come in, when it is not creation order.
    var order: (@Sendable (_ rows: [Row]) -> [Row])?
    /// Filters a list by query parameters beyond the plain field filters (`name_filter`), on presented items.
    var filter: (@Sendable (_ rows: [Row], _ query: [String: String]) -> [Row])?
}

/// A route the collection table cannot express: bulk writes, lookups by name.
struct CustomRoute: Sendable {
    var method: String
    var path: PathPattern
    var scope: ScopeRule
    /// The statuses of success, checked against the spec's (`PUT /branding/templates/universal-login`: 201 when
    /// created, 204 when updated); empty when only `CollectionTableTests` knows them.
    var statuses: [Int] = []
    var handle: @Sendable (_ tenant: inout EmulatedTenant, _ request: APIRequest, _ parameters: [String: String]) throws(APIErrorResponse) -> APIResult
}

/// A real endpoint the emulator does not serve, known only for the scope a token needs (so a token without it
/// gets the real 403, as recorded).
struct UnservedEndpoint: Sendable {
    var method: String
    var path: PathPattern
    var scope: String
}

extension PathPattern: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self.init(value) }
}
