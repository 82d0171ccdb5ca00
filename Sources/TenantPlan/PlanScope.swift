import TenantConfig

/// What tenantctl.yaml's `exclude:` and `ignore_fields:` take out of a plan, applied to the desired state before
/// steps are built, so the planner itself never hears of them:
/// - an excluded resource is dropped from what the files want, and a live one is kept as if the files declared it
///   unchanged, so it is never created, updated or deleted (nor reported as drift, which reads the plan); names
///   that point at it still resolve to its live id, and a sub-resource item naming it (a client enabled on a
///   connection) is left as it is live;
/// - an ignored field of a live resource takes its live value, so it never differs, and a replace or a whole-object
///   write (`PUT`, a connection's `options`) keeps it; a new resource is created with what the files say.
/// What it did is said in the plan: each excluded resource once with its reason, each ignored field that differs in
/// a note, each exclusion that matches nothing as a warning.
public struct PlanScope: Sendable {
    public var exclusions: [ResourceExclusion]
    public var ignoredFields: [IgnoredField]

    public init(exclusions: [ResourceExclusion], ignoredFields: [IgnoredField]) {
        self.exclusions = exclusions
        self.ignoredFields = ignoredFields
    }

    /// The scope tenantctl.yaml sets.
    public init(_ settings: DeploySettings) {
        self.init(exclusions: settings.exclusions, ignoredFields: settings.ignoredFields)
    }

    /// The desired state within scope, and what the plan says about what is out of it.
    public struct Scoped: Sendable {
        /// The desired resources to plan.
        public var desired: [DesiredResource]
        /// The tenant with the excluded resources taken out of what it declares, and the live excluded ones put in
        /// (declared, never written: the planner neither writes nor deletes them).
        public var tenant: TenantDefinition
        public var excluded: [ExcludedResource]
        public var notes: [ResourceNote]
        public var warnings: [String]
    }

    /// The desired resources with the excluded ones taken out and ignored fields at their live values, the tenant
    /// the step builder reads (live excluded resources declared, so never deleted), and what the plan says about it.
    public func apply(to desired: [DesiredResource], of tenant: TenantDefinition, live: LiveState, managed: Set<ResourceKind>) -> Scoped {
        var scoped = Scoped(desired: [], tenant: tenant, excluded: [], notes: [], warnings: [])
        var excludedAddresses: [ResourceAddress: ResourceExclusion] = [:]
        var matched: Set<ResourceExclusion> = []
        let declared = tenant.resources.map { ResourceAddress($0.kind, $0.key) }
        for address in Set(declared + live.resources.keys).sorted() {
            guard let exclusion = exclusions.first(where: { $0.kind == address.kind && $0.pattern.matches(address.key) }) else { continue }
            matched.insert(exclusion)
            excludedAddresses[address] = exclusion
            if managed.contains(address.kind) {
                scoped.excluded.append(ExcludedResource(resource: address, reason: exclusion.explanation))
            }
        }
        for exclusion in exclusions where !matched.contains(exclusion) {
            let place = exclusion.location.map { " (\($0))" } ?? ""
            scoped.warnings.append("`exclude.\(exclusion.kind.rawValue)` names `\(exclusion.pattern)`, which matches no \(exclusion.kind.noun), live or in the files\(place): a typo?")
        }
        // The files' excluded resources are not planned; the live ones are declared as they are.
        scoped.tenant.resources = tenant.resources.filter { excludedAddresses[ResourceAddress($0.kind, $0.key)] == nil }
        for address in excludedAddresses.keys.sorted() where live[address] != nil {
            let location = excludedAddresses[address]?.location ?? SourceLocation(file: tenant.documentPath)
            scoped.tenant.resources.append(ResourceDefinition(kind: address.kind, key: address.key, body: ConfigNode(.mapping([]), at: location)))
        }
        for var resource in desired where excludedAddresses[resource.address] == nil {
            keepExcludedItems(of: &resource, excluded: excludedAddresses, live: live)
            scoped.notes += ignore(in: &resource, live: live)
            scoped.desired.append(resource)
        }
        return scoped
    }

    /// Sub-resource items that are names of excluded resources (a client enabled on a connection): the live ones
    /// stay, whatever the files list.
    private func keepExcludedItems(of resource: inout DesiredResource, excluded: [ResourceAddress: ResourceExclusion], live: LiveState) {
        guard !excluded.isEmpty, let current = live[resource.address] else { return }
        for sub in resource.address.kind.type.subResources {
            guard var items = resource.subItems[sub.field],
                  let whole = sub.itemReferences.first(where: { $0.filesField.isEmpty }) else { continue }
            let liveIDs = (current.object[sub.snapshotField]?.arrayValue ?? []).compactMap { $0.stringValue ?? $0[whole.apiField]?.stringValue }
            for id in liveIDs {
                guard let name = live.names.key(of: id, among: whole.targets),
                      whole.targets.contains(where: { excluded[ResourceAddress($0, name)] != nil }),
                      !items.contains(where: { $0.stringValue == name }) else { continue }
                items.append(.string(name))
            }
            resource.subItems[sub.field] = items
        }
    }

    /// The resource with each ignored field at its live value; a note for each whose files' value differs.
    private func ignore(in resource: inout DesiredResource, live: LiveState) -> [ResourceNote] {
        let fields = ignoredFields.filter { $0.kind == resource.address.kind }
        guard !fields.isEmpty else { return [] }
        let type = resource.address.kind.type
        let current = live[resource.address]
        var differing: [String] = []
        var setOnCreate: [String] = []
        for field in fields {
            let path = field.components
            if path.count == 1, type.subResources.contains(where: { $0.field == path[0] }) {
                // A sub-resource the files leave out is left as it is live.
                if resource.subItems.removeValue(forKey: path[0]) != nil, current != nil { differing.append(field.path) }
                continue
            }
            let wanted = JSONValue.object(resource.payload).value(at: path)
            guard let current else {
                if wanted != nil { setOnCreate.append(field.path) }
                continue
            }
            let kept = JSONValue.object(current.object).value(at: path)
            // Neither says anything: nothing to keep (and no empty parent object to make).
            if wanted == nil && kept == nil { continue }
            if let wanted, !JSONNormalizer.satisfies(kept, wanted, key: path.last ?? "") { differing.append(field.path) }
            resource.payload = JSONValue.object(resource.payload).setting(kept, at: path).objectValue ?? resource.payload
        }
        var notes: [ResourceNote] = []
        let setting = "`ignore_fields.\(type.kind.rawValue)` in tenantctl.yaml"
        if !differing.isEmpty {
            notes.append(ResourceNote(resource: resource.address, note: "\(Self.list(differing)) \(differing.count == 1 ? "is" : "are") ignored (\(setting)): the live value is kept, although the files say otherwise."))
        }
        if !setOnCreate.isEmpty {
            notes.append(ResourceNote(resource: resource.address, note: "\(Self.list(setOnCreate)) \(setOnCreate.count == 1 ? "is" : "are") ignored (\(setting)), but the \(type.noun) is new: it is created with what the files say, and left alone from then on."))
        }
        return notes
    }

    private static func list(_ paths: [String]) -> String {
        paths.sorted().map { "`\($0)`" }.joined(separator: ", ")
    }
}
