/// Everything that differs between resource types, as data: one descriptor per type, each in a file of its own in
/// this folder, listed once in `ResourceKind.type`. The loader, the JSON Schema, the exporter, the live reader and
/// its redaction, the planner (desired and live state, steps, deletions, ordering) and the executor all read it, so a
/// new type is a new descriptor (and the emulator's routes), not a hunt through every module.
public struct ResourceType: Sendable {
    /// The type's identity, named by its Deploy CLI section (`clients`, `organizations`).
    public var kind: ResourceKind
    /// The singular noun for messages and plans ("client", "custom database connection").
    public var noun: String
    /// How the Deploy CLI's files write the section.
    public var section: SectionShape
    /// Where the type lives in the Management API and how it is read.
    public var api: APIShape
    /// Fields the API sets itself or refuses on write: never sent, never compared, never exported.
    public var readOnlyFields: Set<String> = []
    /// Fields holding secrets. One list serves redaction on read, keywords on export, masking in plans and the
    /// secret lint rules.
    public var secretFields: [SecretField] = []
    /// Fields the API cannot change in place.
    public var immutableFields: [ImmutableField] = []
    /// How the type is created, updated and deleted.
    public var lifecycle: Lifecycle
    /// The other types this one names (by name in the files, by id or by the same value in the API).
    public var references: [Reference] = []
    /// Collections the API manages through endpoints of their own under each resource.
    public var subResources: [SubResource] = []
    /// Fields whose value in the files is the path of a file beside the YAML (scripts, templates).
    public var files: [FileField] = []
    /// Where the Deploy CLI's directory format keeps the section (`clients/<name>.json`), for the directory loader and
    /// `export --layout directory`. Defaults to one JSON file per resource in the section's folder (`DirectoryLayout`).
    public var directory: DirectoryLayout
    /// Former names of the API's fields that the Deploy CLI's files still write (`cross_origin_auth`), with the field
    /// each stands for now: loaded as that field, with a note saying so.
    public var formerNames: [String: String] = [:]
    /// How a body is written when the API takes a value in another form than it answers it (tenant session
    /// lifetimes in fractional hours are sent in minutes): compared as read, sent as the API takes it.
    public var adjustWrite: WriteAdjustment?
    /// Values the files may leave out that the API needs (a custom database's `strategy`).
    public var defaults: [String: JSONValue] = [:]
    /// Order among steps that do not depend on each other: lower first (what others point at comes first);
    /// deletes run in the reverse order.
    public var rank: Int
    /// How the planner turns a difference into calls.
    public var planning: PlanningStyle = .standard
    /// The types whose every change must come before a delete of this one (rules are deleted only after the
    /// actions that replace them are bound).
    public var deleteAfter: [ResourceKind] = []
    /// Fields the Deploy CLI format has that tenantctl does not manage yet, with why: loaded, reported as a note,
    /// never sent.
    public var unmanagedFields: [String: String] = [:]
    /// For a singleton the API splits over several endpoints (attack protection, prompts, risk assessment): each
    /// part of the section and its endpoint.
    public var parts: [SingletonPart] = []
    /// Snapshot sections of other types that this type's writes change too (hosted pages: the login page is a field
    /// of the global client), so that the verification after an apply reads them again.
    public var alsoWrites: [SnapshotSection] = []
    /// Limits the spec sets on nested values the field catalog does not reach (a part's body: a synchronized group's
    /// `id`), checked by `validate` as `api-limit`.
    public var valueLimits: [(pattern: FieldPattern, limit: FieldCatalog.StringLimit)] = []
    /// Flags the API sets through an endpoint of their own that names the resource (a custom domain's `is_default`,
    /// `PATCH /custom-domains/default {"domain"}`): compared, exported, never sent in the resource's own body.
    public var flags: [FlagField] = []
    /// Members the files write as a list of one-key mappings while the parts address them as nested mappings
    /// (`screenRenderers: [{login-id: {login-id: ./file.json}}]`, `screenRenderers.{prompt}.{screen}`).
    public var nestedLists: [NestedList] = []
    /// Items of each resource that are user data, counted when read so that a plan deleting a resource that still
    /// has some says so loudly (an organization's members).
    public var counted: CountedItems?
    /// Set when Auth0 retired the type: validate reports it, the planner never creates or updates it.
    public var endOfLife: EndOfLife?
    /// A small tenant declaring one resource of this type (and what it names): documentation, and the fixture of the
    /// test that walks every type of the table (load, plan, apply, plan again, export, plan again, a lost answer, no
    /// secret written).
    public var example: TypeExample?
    /// Small adjustments of a live object when it is exported to the files (a Deploy CLI-only field derived
    /// from the API's own).
    public var adjustExport: (@Sendable (_ live: [String: JSONValue], _ exported: inout [String: JSONValue]) -> Void)?

    public init(kind: ResourceKind, noun: String, section: SectionShape, api: APIShape, lifecycle: Lifecycle, rank: Int) {
        self.kind = kind
        self.noun = noun
        self.section = section
        self.api = api
        self.lifecycle = lifecycle
        self.rank = rank
        directory = .standard(for: kind, section: section)
    }

    /// The fields that name a resource of a list section (empty for singletons and maps).
    public var keyFields: [String] {
        if case .list(let key) = section { return key }
        return []
    }

    /// The natural key of a resource as the files write it: its key fields joined by ` → `.
    public static func joinKey(_ values: [String]) -> String { values.joined(separator: " → ") }
}

/// A value the API takes in another form than it answers it, for documentation and for the planner.
public struct WriteAdjustment: Sendable {
    /// What changes, for docs/resource-types.md.
    public var summary: String
    public var apply: @Sendable (_ body: inout [String: JSONValue]) -> Void

    public init(_ summary: String, apply: @escaping @Sendable (_ body: inout [String: JSONValue]) -> Void) {
        self.summary = summary
        self.apply = apply
    }
}

/// How a Deploy CLI section is written.
public enum SectionShape: Sendable, Equatable {
    /// A list of resources, each named by these fields (unique within the section).
    case list(key: [String])
    /// One mapping (tenant settings, the email provider). A section the files leave out is left alone.
    case singleton
    /// A mapping of name to a list of entries (trigger id to its bindings).
    case map(entry: MapEntryShape)
}

/// The entries of a `.map` section's lists: their fields, and what each required one is.
public struct MapEntryShape: Sendable, Equatable {
    /// "trigger binding".
    public var noun: String
    public var fields: [String]
    /// Required fields with what they hold, for the message when one is missing.
    public var required: [String: String]

    public init(noun: String, fields: [String], required: [String: String]) {
        self.noun = noun
        self.fields = fields
        self.required = required
    }
}

/// A tenant holding one resource of a type, with the files beside it and the secret keywords it uses.
public struct TypeExample: Sendable {
    /// `tenant.yaml`.
    public var yaml: String
    /// Files beside it, by path relative to the tenant folder.
    public var files: [String: String]
    /// Secret keywords and test values. Each is named as `tenantctl export` names it, so an exported copy plans
    /// against the same environment.
    public var secrets: [String: String]

    public init(yaml: String, files: [String: String] = [:], secrets: [String: String] = [:]) {
        self.yaml = yaml
        self.files = files
        self.secrets = secrets
    }
}

/// Where a type lives in the Management API.
public struct APIShape: Sendable {
    /// The collection (or, for singletons, the object) path: `/clients`, `/tenants/settings`.
    public var path: String
    /// How the live objects are read.
    public var listing: Listing
    /// The field holding a resource's id in the API's answers.
    public var idField: String
    /// The key of the snapshot section the live objects are kept in.
    public var snapshotSection: SnapshotSection
    /// Which objects of the section are resources of this type (custom databases and other connections share
    /// one collection; system APIs and the global client are not managed).
    public var isManaged: @Sendable ([String: JSONValue]) -> Bool = { _ in true }
    /// The fields the section's objects are sorted by in snapshots.
    public var sortKey: [String]
    /// Whether a snapshot keeps the objects no type manages (the global client, which holds the login page).
    public var keepsUnmanaged = false
    /// The path of one resource when it is not `path/{id}`: its key fields in braces
    /// (`/guardian/factors/{name}/providers/{provider}`). Such a resource has no id of its own: its key is its id.
    public var itemPathTemplate: String?
    /// Whether the list answers only a summary of each object (forms, flows): each is then read whole at its item
    /// path.
    public var listsSummaries = false

    public init(path: String, listing: Listing, idField: String = "id", snapshotSection: SnapshotSection, sortKey: [String] = [],
                itemPathTemplate: String? = nil, isManaged: @escaping @Sendable ([String: JSONValue]) -> Bool = { _ in true }) {
        self.path = path
        self.listing = listing
        self.idField = idField
        self.snapshotSection = snapshotSection
        self.sortKey = sortKey
        self.itemPathTemplate = itemPathTemplate
        self.isManaged = isManaged
    }

    /// The path of one resource: `/clients/{id}`, or the template filled with its key (`keyFields` in order, as the
    /// natural key joins them).
    public func itemPath(_ id: String, keyFields: [String] = []) -> String {
        guard let template = itemPathTemplate else { return "\(path)/\(id)" }
        var result = template.replacingOccurrences(of: "{id}", with: id)
        let parts = id.components(separatedBy: ResourceType.joinKey(["", ""]))
        for (field, value) in zip(keyFields, parts) { result = result.replacingOccurrences(of: "{\(field)}", with: value) }
        return result
    }

    /// Whether a resource's key is in its path, so the key fields are not sent in the bodies written there.
    public var keyInPath: Bool { itemPathTemplate != nil }
}

/// The list shapes of the Management API, as the reader must page through them.
public enum Listing: Sendable, Equatable {
    /// `page`/`per_page`/`include_totals`, items under `itemsKey` (or a plain array).
    case paged(itemsKey: String)
    /// `from`/`take` checkpoints, items under `itemsKey`.
    case checkpoint(itemsKey: String, take: Int)
    /// One GET answering a plain array.
    case plain
    /// One GET answering every item under `itemsKey`, without paging (phone providers and templates).
    case unpaged(itemsKey: String)
    /// One object at `path`; `absentStatus` is the status the API answers while it does not exist.
    case singleton(absentStatus: Int?)
    /// One list per name, at `path/{name}/suffix`, kept as a mapping of name to list (trigger bindings).
    case perName(names: [String], suffix: String, itemsKey: String)
    /// One object per known key, at the item path (`/email-templates/{template}`): an absent one answers 404 or an
    /// empty object. The key fields are added to each object read.
    case keyed(keys: [[String]])
    /// The singleton's parts, each read from its own endpoint and put together as the files write the section.
    case parts
    /// At most one object, at a path of its own (the default theme at `/branding/themes/default`); 404 when none.
    case single(path: String)
    /// The hosted pages, read from tenant settings and the global client (`ResourceType.pageTargets`).
    case pages
}

/// A field holding a secret, as a path pattern: segments separated by `.`, `*` matching within a segment
/// (case-insensitively), `[]` stepping into a list's items (`sink.*token*`, `secrets[].value`).
public struct SecretField: Sendable, Equatable {
    public var pattern: FieldPattern
    /// What the API does with the value on read, and so what tenantctl keeps.
    public var onRead: SecretOnRead

    public init(_ pattern: String, onRead: SecretOnRead) {
        self.pattern = FieldPattern(pattern)
        self.onRead = onRead
    }
}

/// What the API returns for a secret, and therefore what a snapshot holds.
public enum SecretOnRead: Sendable, Equatable {
    /// Auth0 makes the value (a client secret, a signing key): dropped on read, never exported, never compared.
    case drop
    /// Returned in clear: kept as `<redacted>` so a plan sees it is set; export writes a secret keyword.
    case redact
    /// The API never returns it (email provider credentials, action secret values): nothing to keep or compare.
    case writeOnly
    /// Returned as fresh ciphertext on every read (`options.configuration`): compared through a digest.
    case ciphertext
}

/// A field whose change the API cannot make in place.
public struct ImmutableField: Sendable, Equatable {
    public var field: String
    public var onChange: OnImmutableChange

    public init(_ field: String, onChange: OnImmutableChange) {
        self.field = field
        self.onChange = onChange
    }
}

/// What a plan does when an immutable field differs.
public enum OnImmutableChange: Sendable, Equatable {
    /// Delete the live resource and create it again (listed loudly).
    case replace
    /// Refuse to plan, with the reason.
    case refuse(String)
}

/// How a type is created, updated and deleted.
public struct Lifecycle: Sendable, Equatable {
    /// The method that creates a resource at the collection path (nil: never created, with the reason).
    public var create: String?
    /// The method that updates a resource (PATCH sends the changed fields, PUT the whole object).
    public var update: String?
    /// How a live resource the files do not declare is removed.
    public var delete: Deletion
    /// Why the type is never created or updated, for plans.
    public var notWrittenReason: String?
    /// Whether a resource is created at its own path (`PUT /guardian/factors/sms/templates`) rather than by a
    /// POST to the collection.
    public var createsAtItemPath = false
    /// Fields the create refuses (a log stream's `status`), with the value a new resource gets: left out of the
    /// create, and set by an update right after it when the files want another value.
    public var setAfterCreate: [String: JSONValue] = [:]
    /// Resources the files name by a document the API fetches are registered instead of created (a CIMD client).
    public var registration: Registration?

    public init(create: String?, update: String?, delete: Deletion, notWrittenReason: String? = nil) {
        self.create = create
        self.update = update
        self.delete = delete
        self.notWrittenReason = notWrittenReason
    }

    /// POST to create, PATCH to update, DELETE the item path.
    public static let standard = Lifecycle(create: "POST", update: "PATCH", delete: .item())
}

/// A resource created by registering a document the API fetches and maps (a Client ID Metadata Document client:
/// `POST /clients/cimd/register {"external_client_id"}`), when the files give `field`. The registration sends that
/// field alone; the other fields the files give are set by an update right after. The field itself is never sent in
/// an update (the API refuses it there): another value registers another resource.
public struct Registration: Sendable, Equatable {
    /// `external_client_id`.
    public var field: String
    public var method: String
    public var path: String

    public init(field: String, method: String = "POST", path: String) {
        self.field = field
        self.method = method
        self.path = path
    }
}

/// How a live resource is removed.
public enum Deletion: Sendable, Equatable {
    /// DELETE the item path, with an optional query (`force=true`).
    case item(query: String? = nil)
    /// DELETE a fixed path (singletons).
    case path(String)
    /// The API cannot delete it; the reason is shown where the files drop it.
    case never(String)
}

/// A field naming resources of other types.
public struct Reference: Sendable, Equatable {
    /// The field: `client_id`, a list `enabled_clients[]`, or a field of list items `[].action_name`.
    public var path: FieldPattern
    /// The types it may name (a connection name may be a custom database or any other connection).
    public var targets: [ResourceKind]
    /// What the API wants: the target's id, or the same value the files hold (an audience, an action name).
    public var inAPI: InAPI
    /// A word for messages ("audience" rather than "resource server").
    public var label: String?
    /// Values that name something the tenant always has (the Management API audience).
    public var builtIn: BuiltIn
    /// Whether steps changing this resource must follow every change (not only the creation) of what it names.
    public var followsChanges: Bool
    /// The API's name for a top-level field the files name otherwise (a token exchange profile's `action` is the
    /// API's `action_id`).
    public var apiField: String?

    public enum InAPI: Sendable, Equatable { case id, sameValue }

    public enum BuiltIn: Sendable, Equatable {
        case none
        /// Values ending with this suffix (`/api/v2/`).
        case suffix(String)
    }

    public init(_ path: String, to targets: [ResourceKind], inAPI: InAPI, label: String? = nil, builtIn: BuiltIn = .none,
                followsChanges: Bool = false, apiField: String? = nil) {
        self.apiField = apiField
        self.path = FieldPattern(path)
        self.targets = targets
        self.inAPI = inAPI
        self.label = label
        self.builtIn = builtIn
        self.followsChanges = followsChanges
    }

    public func isBuiltIn(_ value: String) -> Bool {
        switch builtIn {
        case .none: false
        case .suffix(let suffix): value.hasSuffix(suffix)
        }
    }
}

/// A collection the API manages under each resource (`/connections/{id}/clients`, `/roles/{id}/permissions`).
public struct SubResource: Sendable, Equatable {
    /// The field the files write the items in.
    public var field: String
    /// The field of the live object (in snapshots) holding the items as the API lists them.
    public var snapshotField: String
    /// When set, the snapshot keeps only this field of each item, as a sorted list of values (a connection's
    /// `enabled_clients` is a list of client ids).
    public var snapshotValuesOf: String?
    /// The path under the resource's item path: `clients`, `enabled_connections`.
    public var pathSuffix: String
    /// How the items are listed.
    public var listing: Listing
    /// The API fields that identify an item (after the files' names are resolved to what the API wants).
    public var itemKey: [String]
    /// How the files' items become API items: each files field mapped to an API field through a reference.
    public var itemReferences: [ItemReference]
    /// Item fields the API sets itself (dropped before comparing).
    public var itemReadOnlyFields: Set<String>
    /// How changes are written.
    public var write: SubResourceWrite
    /// Order among independent steps.
    public var rank: Int
    /// The noun of one item, for plans ("enabled connection").
    public var noun: String

    public init(field: String, snapshotField: String? = nil, snapshotValuesOf: String? = nil, pathSuffix: String, listing: Listing, itemKey: [String],
                itemReferences: [ItemReference] = [], itemReadOnlyFields: Set<String> = [], write: SubResourceWrite, rank: Int, noun: String) {
        self.field = field
        self.snapshotField = snapshotField ?? field
        self.snapshotValuesOf = snapshotValuesOf
        self.pathSuffix = pathSuffix
        self.listing = listing
        self.itemKey = itemKey
        self.itemReferences = itemReferences
        self.itemReadOnlyFields = itemReadOnlyFields
        self.write = write
        self.rank = rank
        self.noun = noun
    }
}

/// A field of a sub-resource item that names another resource: the files' field, the API's field, the target.
public struct ItemReference: Sendable, Equatable {
    /// The field in the files (`name`), or empty when the item itself is the name (`enabled_clients: [Web]`).
    public var filesField: String
    /// The field in the API's item (`connection_id`).
    public var apiField: String
    public var targets: [ResourceKind]
    public var inAPI: Reference.InAPI
    /// When the files name the target by part of its key (an organization's client grant by its client only).
    public var matchesKeyPrefix: Bool

    public init(filesField: String, apiField: String, to targets: [ResourceKind], inAPI: Reference.InAPI, matchesKeyPrefix: Bool = false) {
        self.filesField = filesField
        self.apiField = apiField
        self.targets = targets
        self.inAPI = inAPI
        self.matchesKeyPrefix = matchesKeyPrefix
    }

    /// The target's name as the files write it in an item: one field, or, for a target named by its whole key (an
    /// organization's client grant by client and audience), the key's fields.
    public func filesFields(naming name: String) -> [(field: String, value: String)] {
        guard matchesKeyPrefix else { return [(filesField, name)] }
        let parts = name.components(separatedBy: ResourceType.joinKey(["", ""]))
        let fields = targets[0].type.keyFields
        guard parts.count == fields.count else { return [(filesField, name)] }
        return [(filesField, parts[0])] + zip(fields.dropFirst(), parts.dropFirst()).map { ($0, $1) }
    }
}

/// User data under each resource (an organization's members): never managed, only counted.
public struct CountedItems: Sendable, Equatable {
    /// The field the count is kept in, in snapshots.
    public var field: String
    /// The list under the resource's item path.
    public var pathSuffix: String
    public var noun: String
    /// What deleting a resource that still has some does.
    public var consequence: String
}

/// How a sub-resource's changes are sent.
public enum SubResourceWrite: Sendable, Equatable {
    /// One PATCH of `[{<key>: id, status: true|false}]` with at most `maxItems` items (a connection's clients).
    case toggle(statusField: String, maxItems: Int)
    /// One call per item: POST the item, PATCH `/{itemID}` with the changed `updatable` fields, DELETE `/{itemID}`.
    case perItem(itemIDField: String, updatable: Set<String>)
    /// POST and DELETE of `{wrapper: [items]}`: the items added, then the items removed (a role's permissions).
    case addRemoveLists(wrapper: String)
    /// POST `{bodyField: id}` to associate an existing resource, DELETE `/{id}` to dissociate it (an
    /// organization's client grants).
    case associate(bodyField: String)
}

/// A Deploy CLI field holding the path of a file beside the YAML: the loader reads the file into the resource,
/// the exporter writes it back out.
public struct FileField: Sendable, Equatable {
    /// The field: `script`, `code`, or every entry of a mapping (`options.customScripts.*`).
    public var pattern: FieldPattern
    /// What the file holds (it decides which rules check it).
    public var content: FileContent
    /// Where an export writes the file, relative to the tenant folder: `{name}` is the resource's file name,
    /// `{entry}` the mapping entry's key.
    public var exportPath: String

    public init(_ pattern: String, content: FileContent, exportPath: String) {
        self.pattern = FieldPattern(pattern)
        self.content = content
        self.exportPath = exportPath
    }
}

/// What a file beside the YAML holds.
public enum FileContent: Sendable, Equatable {
    /// Custom database action scripts, one per entry of a mapping named by the script (`login`, `get_user`, …).
    case databaseScripts
    /// A rule's script.
    case rule
    /// An action's code.
    case action
    /// A text file sent as a string: an HTML template (a page, an email template's body), an action module's code.
    case text
    /// A JSON document sent as the field's value.
    case json
    /// A JSON document holding the resource itself (a form's or a flow's definition): its fields are the
    /// resource's, and the field naming the file is not sent.
    case jsonSpread
}

/// How the planner turns differences of a type into calls; each style is one function of the planner.
public enum PlanningStyle: Sendable, Equatable {
    /// One object behind one collection: created, changed field by field, replaced where a field is immutable.
    case standard
    /// A connection: `options` replaced whole, scripts as line diffs, configuration by digest.
    case connection
    /// An action: a deploy follows every change, so that triggers run the new code.
    case action
    /// An action module: created published (its version 1), and every change to its draft published as a new
    /// version, so that actions can name it (`publish: false` in the files keeps changes in the draft).
    case actionModule
    /// A trigger's bindings: the whole ordered list replaced.
    case triggerBindings
    /// Tenant-wide settings: fields merged into the live object.
    case mergedSingleton
    /// One object at a fixed path, created when absent.
    case singleton
    /// Loaded and checked, never written (the lifecycle says why).
    case notWritten
    /// A singleton written part by part, each to its own endpoint (`parts`).
    case parts
    /// Hosted pages, each written where it lives (`ResourceType.pageTargets`).
    case pages
}

/// A part of a singleton section that the API keeps at an endpoint of its own.
public struct SingletonPart: Sendable {
    /// Where the part sits in the section: "" (the section's own fields no other part claims), a field
    /// (`botDetection`), or levels that vary named in braces (`customText.{language}.{prompt}`).
    public var pattern: String
    /// The endpoint, with the same names in braces (`/prompts/{prompt}/custom-text/{language}`).
    public var path: String
    /// PATCH sends the changed fields; PUT the part whole.
    public var method: String
    /// The values each named level takes when a live tenant is read (writing takes the ones the files name).
    public var readValues: [String: PartValues]
    /// When the API's body is one field of the part (`policies`: the array PUT sends and GET returns).
    public var bodyField: String?
    /// Where the part's answer is kept in a snapshot: the API's own JSON, as `GET` returns it.
    public var snapshot: PartSnapshot
    /// When the API lists every occurrence of the part at one path (`GET /prompts/rendering`), each answer naming
    /// its levels in fields: read from there, one list instead of a GET per possible occurrence.
    public var listedAt: PartListing?
    /// When the part's answer is a list the API pages (`{groups, next}`): read whole with this listing, its items the
    /// part's value.
    public var pagedAs: Listing?
    /// Read only when the resource read so far holds this value at this path (a directory's selected groups, only
    /// when `synchronize_groups` is `selected`): no call per resource that cannot have the part.
    public var readIf: (path: [String], value: String)?
    /// Fields the API answers in a part and never takes (`tenant`): not compared, not exported.
    public var readOnlyFields: Set<String> = []
    /// When the files write the part otherwise than the API (the branding template: a list item in the files,
    /// `{body}` in a GET answer, `{template}` in a PUT body): the files' value for a GET answer, the GET answer for
    /// the files' value, and the body written.
    public var fromAPI: (@Sendable (JSONValue) -> JSONValue?)?
    public var asRead: (@Sendable (JSONValue) -> JSONValue)?
    public var toAPI: (@Sendable (JSONValue) -> JSONValue)?
    /// Whether the part is written in place or is an object of its own that exists or not (`PartLifecycle`).
    public var lifecycle: PartLifecycle

    public init(_ pattern: String, path: String, method: String, snapshot: PartSnapshot, readValues: [String: PartValues] = [:],
                listedAt: PartListing? = nil, readOnlyFields: Set<String> = [], lifecycle: PartLifecycle = .inPlace,
                bodyField: String? = nil, fromAPI: (@Sendable (JSONValue) -> JSONValue?)? = nil, asRead: (@Sendable (JSONValue) -> JSONValue)? = nil,
                toAPI: (@Sendable (JSONValue) -> JSONValue)? = nil) {
        self.lifecycle = lifecycle
        self.listedAt = listedAt
        self.readOnlyFields = readOnlyFields
        self.pattern = pattern
        self.path = path
        self.method = method
        self.snapshot = snapshot
        self.readValues = readValues
        self.bodyField = bodyField
        self.fromAPI = fromAPI
        self.asRead = asRead
        self.toAPI = toAPI
    }

    /// The pattern's levels: a fixed key, or a named level in braces.
    public var levels: [PartLevel] {
        pattern.isEmpty ? [] : pattern.split(separator: ".").map { level in
            level.hasPrefix("{") && level.hasSuffix("}") ? .named(String(level.dropFirst().dropLast())) : .fixed(String(level))
        }
    }

    /// The endpoint with the named levels filled in.
    public func path(with values: [String: String]) -> String {
        values.reduce(path) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }
}

/// Where a snapshot keeps a part's answer.
public enum PartSnapshot: Sendable, Equatable {
    /// The section is the answer (`guardian_policies`: the array).
    case section(SnapshotSection)
    /// A member of an object section (`attack_protection.bot_detection`).
    case member(SnapshotSection, String)
    /// One item per occurrence in a list section: the named levels as fields of the item, the answer under `field`
    /// (`prompts_custom_text`: `{prompt, language, custom_text}`), or beside them when `field` is nil
    /// (`prompts_screen_renderings`: `{prompt, screen, rendering_mode, …}`, as the API lists them).
    case items(SnapshotSection, field: String?)
    /// Inside each resource of a list type, where the files write it (a self-service profile's `customText`).
    case embedded

    public var section: SnapshotSection? {
        switch self {
        case .section(let section), .member(let section, _), .items(let section, _): section
        case .embedded: nil
        }
    }
}

/// A boolean the API sets on one resource of a type at a time, through an endpoint of its own that names the resource.
public struct FlagField: Sendable, Equatable {
    /// `is_default`.
    public var field: String
    /// `PATCH /custom-domains/default`.
    public var method: String
    public var path: String
    /// The body names the resource by this field of it: `{"domain": "login.example.com"}`.
    public var namedBy: String
    /// What the live resource must be before the flag can be set (`status: ready`); nil: nothing.
    public var requires: FlagRequirement?
    /// How the flag is cleared, for the note when the files clear it: no call clears it; another resource taking it does.
    public var clearing: String

    public init(_ field: String, method: String, path: String, namedBy: String, requires: FlagRequirement?, clearing: String) {
        self.field = field
        self.method = method
        self.path = path
        self.namedBy = namedBy
        self.requires = requires
        self.clearing = clearing
    }
}

/// A live field a resource must have a value in before a flag can be set on it, and what to do meanwhile.
public struct FlagRequirement: Sendable, Equatable {
    /// `status`.
    public var field: String
    /// `ready`.
    public var value: String
    /// What the user does until then, for the plan's note.
    public var meanwhile: String

    public init(_ field: String, _ value: String, meanwhile: String) {
        self.field = field
        self.value = value
        self.meanwhile = meanwhile
    }
}

/// Where the API lists every occurrence of a part, and how.
public struct PartListing: Sendable, Equatable {
    /// `/prompts/rendering`.
    public var path: String
    public var listing: Listing
    /// For a part of each resource of a list type (`.embedded`): the field of each listed item naming its resource by
    /// id (`connection_id`). The list is then read once for all of them.
    public var resourceField: String?

    public init(path: String, listing: Listing, resourceField: String? = nil) {
        self.path = path
        self.listing = listing
        self.resourceField = resourceField
    }
}

/// A member of a section the files write as a list of one-key mappings, one level per mapping
/// (`[{prompt: {screen: value}}]`), and the parts address as nested mappings (`{prompt: {screen: value}}`). The
/// Deploy CLI's directory format writes each value as a file holding the levels as fields (`{"prompt", "screen", …}`).
public struct NestedList: Sendable, Equatable {
    /// `screenRenderers`.
    public var member: String
    /// The levels, outermost first: `["prompt", "screen"]`.
    public var levels: [String]

    public init(_ member: String, levels: [String]) {
        self.member = member
        self.levels = levels
    }
}

/// One level of a part's pattern.
public enum PartLevel: Sendable, Equatable {
    case fixed(String)
    case named(String)
}

/// The values a named level of a part takes when a live tenant is read.
public enum PartValues: Sendable, Equatable {
    case fixed([String])
    /// The values of a field of a section read before (the tenant's `enabled_locales`).
    case fromSection(SnapshotSection, field: String)
}

/// When Auth0 retired a type, and what replaces it.
public struct EndOfLife: Sendable, Equatable {
    /// `2026-11-18`.
    public var date: String
    /// Where the date is announced.
    public var source: String
    /// What to do instead.
    public var migration: String
}
