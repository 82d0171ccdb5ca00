import TenantConfig

/// Which parts of the live tenant an apply can have changed, so the verification re-reads those and takes the rest
/// from the read the stale check just compared (nothing there had moved, and nothing the apply sent touches it).
///
/// A section is re-read when a step writes one of its types, or when one of its types refers (itself or through a
/// sub-resource's items) to a type whose resources a step creates, deletes or replaces: Auth0 updates the referrers
/// itself then (a deleted client leaves its connections' enabled clients and its grants; a new client may be enabled
/// on connections). An update of a resource leaves what refers to it alone.
public enum VerificationScope {
    /// The snapshot sections to read again after applying `steps`.
    public static func sections(touchedBy steps: [PlanStep]) -> Set<SnapshotSection> {
        var written = Set(steps.map(\.resource.kind))
        var appearedOrWent = Set(steps.filter { $0.action == .create || $0.action == .delete }.map(\.resource.kind))
        // Referrers of referrers: a cascade can go on (a deleted API's grants, an organization's grants of them).
        var grew = true
        while grew {
            grew = false
            for kind in ResourceKind.allCases where !written.contains(kind) && refersToAny(kind.type, appearedOrWent) {
                written.insert(kind)
                appearedOrWent.insert(kind)
                grew = true
            }
        }
        return Set(written.flatMap { sections(writtenBy: $0.type) })
    }

    /// Where a type's writes land: its own sections, and those of other types it writes too (`alsoWrites`: hosted
    /// pages write the global client's login page).
    static func sections(writtenBy type: ResourceType) -> [SnapshotSection] {
        type.snapshotSections + type.alsoWrites
    }

    static func refersToAny(_ type: ResourceType, _ kinds: Set<ResourceKind>) -> Bool {
        type.references.contains { !kinds.isDisjoint(with: $0.targets) }
            || type.subResources.contains { sub in sub.itemReferences.contains { !kinds.isDisjoint(with: $0.targets) } }
    }
}
