import TenantConfig

/// What differs between a tenant's files and the live tenant, read from the plan that would repair it: one entry
/// per resource (a plan may take several calls for one), with the fields that differ, and who can fix it.
public struct DriftReport: Codable, Sendable, Equatable {
    /// How a live resource differs from its files.
    public enum Kind: String, Codable, Sendable {
        /// Both exist; fields differ (someone edited the live resource, or the files changed since the last apply).
        case changed
        /// The files declare it; the tenant does not have it.
        case missing
        /// The tenant has it; the files do not (and the plan deletes it).
        case extra
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var resource: ResourceAddress
        public var kind: Kind
        /// The field paths that differ (`callbacks`, `options.customScripts.login`), empty for missing and extra.
        public var fields: [String]
    }

    public var tenant: String
    public var directory: String
    public var domain: String
    public var liveSource: String
    public var liveReadAt: String
    public var entries: [Entry]
    /// Live resources the files do not declare, left alone (no deletes allowed, or an unmanaged type).
    public var kept: [KeptResource]
    public var owners: [String]
    /// The secrets that were not set: configuration could not be compared, so drift there goes unseen.
    public var unresolvedSecrets: [String]
    /// Resources `exclude:` in tenantctl.yaml leaves alone: never compared. Absent when none.
    public var excluded: [ExcludedResource]?

    enum CodingKeys: String, CodingKey {
        case tenant, directory, domain, liveSource = "live_source", liveReadAt = "live_read_at", entries = "drift", kept, owners
        case unresolvedSecrets = "unresolved_secrets", excluded
    }

    public var hasDrift: Bool { !entries.isEmpty }

    public init(plan: Plan, owners: [String]) {
        tenant = plan.tenant
        directory = plan.directory
        domain = plan.domain
        liveSource = plan.liveSource
        liveReadAt = plan.liveReadAt
        kept = plan.kept
        self.owners = owners
        unresolvedSecrets = plan.unresolvedSecrets
        excluded = plan.excluded
        var order: [ResourceAddress] = []
        var byResource: [ResourceAddress: Entry] = [:]
        for step in plan.steps {
            let kind: Kind = switch step.action {
            case .create: .missing
            case .delete: .extra
            case .update, .deploy: .changed
            }
            var entry = byResource[step.resource] ?? { order.append(step.resource); return Entry(resource: step.resource, kind: kind, fields: []) }()
            // A create followed by a deploy is still a missing resource; a delete stays a delete.
            if entry.kind == .changed && kind != .changed { entry.kind = kind }
            if entry.kind == .changed {
                for change in step.changes where !entry.fields.contains(change.path) { entry.fields.append(change.path) }
            }
            byResource[step.resource] = entry
        }
        entries = order.compactMap { byResource[$0] }
    }
}
