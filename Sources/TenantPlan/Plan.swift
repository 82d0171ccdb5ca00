import TenantConfig

/// A reviewed, ordered, serial list of Management API calls that makes a tenant match its files: the single
/// source of truth that every renderer (text, markdown, json) read. Never holds a secret value. As a plan file it is
/// an expectation `apply` checks (it plans again from the files and refuses any step that differs), not a script
/// it runs.
public struct Plan: Codable, Sendable, Equatable {
    /// The plan file format this build writes and reads. 2: `steps_digest`, and apply checks every step against
    /// the files. 3: each step's `placeholders`, and digests keyed with the tenant's digest key.
    public static let formatVersion = 3

    public var formatVersion: Int
    public var tenant: String
    /// The tenant folder the plan was made from (apply re-plans from it to verify).
    public var directory: String
    public var domain: String
    /// Where the live state came from: `snapshot <path>` or `live`.
    public var liveSource: String
    /// The Management API base URL the live state was read from; nil when it came from a snapshot file.
    /// Apply refuses to send the plan anywhere else.
    public var liveEndpoint: String?
    /// The resource types the plan manages and fingerprinted (an empty type included), so apply notices a
    /// resource that appeared in a type that had none.
    public var managedKinds: [ResourceKind]?
    /// When the live state was read (the snapshot's `exported_at`).
    public var liveReadAt: String
    /// SHA-256 over every desired resource (tenant.yaml, settings, scripts): applying a plan file refuses it when the
    /// tenant folder it was made from now describes something else.
    public var desiredDigest: String
    /// SHA-256 over the steps as the plan file writes them (`PlanComparison.digest`): names exactly what was
    /// reviewed and applied (the journal records it), and a steps list edited after planning no longer matches it.
    public var stepsDigest: String
    /// SHA-256 of every live resource the plan read, by address: apply refuses a plan the tenant moved away from.
    public var fingerprints: [String: String]
    /// Digests of the secrets the steps reference, so apply can tell the environment holds the reviewed values.
    public var secrets: [SecretDigest]
    /// Secret keywords that were not set when planning: configuration could not be compared and the plan
    /// cannot be applied (it is a preview).
    public var unresolvedSecrets: [String]
    public var steps: [PlanStep]
    /// Live resources that the files do not declare and that this plan does not delete (and why).
    public var kept: [KeptResource]
    public var summary: PlanSummary
    /// What the plan could not compare (a write-only secret the API never returns), said once per resource; it
    /// never changes the exit code. Absent when there is nothing to say.
    public var notes: [ResourceNote]?
    /// Resources `exclude:` in tenantctl.yaml leaves alone (live or in the files), each once with its reason.
    /// Absent when there are none.
    public var excluded: [ExcludedResource]?
    /// What the reviewer should check in the settings (an exclusion that matches nothing). Absent when none.
    public var warnings: [String]?

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", tenant, directory, domain, liveSource = "live_source", liveEndpoint = "live_endpoint", managedKinds = "managed"
        case liveReadAt = "live_read_at"
        case desiredDigest = "desired_digest", stepsDigest = "steps_digest", fingerprints, secrets, unresolvedSecrets = "unresolved_secrets", steps, kept, summary
        case notes, excluded, warnings
    }

    public var isEmpty: Bool { steps.isEmpty }
}

/// One Management API call.
public struct PlanStep: Codable, Sendable, Equatable {
    public var number: Int
    public var action: ChangeAction
    public var resource: ResourceAddress
    public var method: String
    /// The API path; `{{ref:<address>}}` stands for the id of a resource an earlier step creates.
    public var path: String
    /// The request body; strings may hold `{{ref:…}}` and `{{secret:NAME}}` placeholders, which apply resolves
    /// where `placeholders` says and nowhere else.
    public var body: JSONValue?
    /// The address whose id this step's response provides (`create` steps), and the response field holding it.
    public var produces: ProducedID?
    /// What a reviewer reads: the field changes (secrets redacted) and line diffs of scripts.
    public var changes: [FieldChange]
    /// Explanations (drift Auth0 itself causes, options a PATCH will remove, adoption of secrets).
    public var notes: [String]
    /// Numbers of the steps this one must follow.
    public var dependsOn: [Int]
    /// The sub-resource the step writes (`enabled_clients`, `permissions`), absent for the resource itself.
    public var subResource: String?
    /// Where the path and the body hold placeholders, and which (absent when they hold none).
    public var placeholders: [StepPlaceholder]?

    enum CodingKeys: String, CodingKey {
        case number, action, resource, method, path, body, produces, changes, notes, dependsOn = "depends_on", subResource = "sub_resource", placeholders
    }
}

/// What a step does to its resource.
public enum ChangeAction: String, Codable, Sendable, Equatable {
    case create, update, delete, deploy
    /// Symbol in text plans.
    public var symbol: String {
        switch self {
        case .create: "+"
        case .update, .deploy: "~"
        case .delete: "-"
        }
    }
}

/// A resource by type and the natural key users know it by (`clients/Acme Web`).
public struct ResourceAddress: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var kind: ResourceKind
    public var key: String

    public init(_ kind: ResourceKind, _ key: String) {
        self.kind = kind
        self.key = key
    }

    public var description: String { "\(kind.rawValue)/\(key)" }

    public static func < (a: ResourceAddress, b: ResourceAddress) -> Bool {
        (ResourceKind.allCases.firstIndex(of: a.kind)!, a.key) < (ResourceKind.allCases.firstIndex(of: b.kind)!, b.key)
    }
}

/// The id a create step yields: read `field` of the response, known to later steps as `{{ref:address}}`.
public struct ProducedID: Codable, Sendable, Equatable {
    public var address: String
    public var field: String
}

/// One field's change, values as the reviewer sees them (secrets already redacted).
public struct FieldChange: Codable, Sendable, Equatable {
    public var path: String
    public var before: JSONValue?
    public var after: JSONValue?
    /// For scripts: a unified line diff instead of before/after values.
    public var diff: String?

    public init(path: String, before: JSONValue?, after: JSONValue?, diff: String? = nil) {
        self.path = path
        self.before = before
        self.after = after
        self.diff = diff
    }
}

/// A secret a plan uses, by keyword name, with a digest of the value reviewed.
public struct SecretDigest: Codable, Sendable, Equatable {
    public var name: String
    public var digest: String
}

/// Something a reviewer should know about a resource that is not a change (a value that cannot be compared).
public struct ResourceNote: Codable, Sendable, Equatable {
    public var resource: ResourceAddress
    public var note: String
}

/// A resource the settings' `exclude:` leaves alone: never created, changed or deleted.
public struct ExcludedResource: Codable, Sendable, Equatable {
    public var resource: ResourceAddress
    public var reason: String
}

/// A live resource the plan leaves alone although the files do not declare it.
public struct KeptResource: Codable, Sendable, Equatable {
    public var resource: ResourceAddress
    public var reason: String
}

/// `N to add, N to change, N to destroy`.
public struct PlanSummary: Codable, Sendable, Equatable {
    public var add: Int
    public var change: Int
    public var destroy: Int
}
