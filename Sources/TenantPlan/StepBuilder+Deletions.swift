import TenantConfig

/// Deletions: only for managed kinds and when deletes are allowed; everything else is kept, loudly. What points at
/// a resource is changed or deleted before it, and a type's `deleteAfter` kinds are changed first.
extension StepBuilder {
    mutating func planDeletions(managed: Set<ResourceKind>) {
        let changedBefore = steps.map(\.key)
        for resource in live.resources.values.sorted(by: { $0.address < $1.address }) where !desiredAddresses.contains(resource.address) {
            let kind = resource.address.kind
            let type = kind.type
            guard managed.contains(kind) else { continue }
            let path: String
            switch type.lifecycle.delete {
            case .never: continue
            case .item(let query): path = type.api.itemPath(resource.id, keyFields: type.keyFields) + (query.map { "?\($0)" } ?? "")
            case .path(let template): path = template.replacingOccurrences(of: "{key}", with: resource.address.key)
            }
            var action = ChangeAction.delete, method = "DELETE", body: JSONValue? = nil
            switch type.planning {
            case .triggerBindings:
                // A trigger is never deleted: its bindings are emptied, and one with none is already as the files want.
                guard resource.object["bindings"]?.arrayValue?.isEmpty == false else { continue }
                (action, method, body) = (.update, type.lifecycle.update ?? "PATCH", .object(["bindings": .array([])]))
            case .standard, .connection, .action, .actionModule, .mergedSingleton, .singleton, .notWritten, .parts, .pages:
                break
            }
            guard tenant.settings.allowDeletes else {
                kept.append(KeptResource(resource: resource.address,
                    reason: "not in the files, but deletes are not allowed (`allow_deletes: false` in tenantctl.yaml)"))
                continue
            }
            var notes: [String] = []
            if let counted = type.counted, let count = resource.object[counted.field]?.numberValue, count > 0 {
                notes.append("This \(type.noun) still has \(Int(count)) \(counted.noun)\(count == 1 ? "" : "s"): \(counted.consequence).")
            }
            var step = pending(action, resource.address, method, path, body: body, changes: [], notes: notes)
            step.rank = StepRank.delete(kind)
            // What points at a resource is changed or deleted before it.
            for other in ResourceKind.allCases where Self.points(other.type, at: kind) {
                for referrer in live.resources(other) {
                    step.dependsOn.insert(PendingStep.key("delete", referrer.address))
                    step.dependsOn.insert(PendingStep.key("update", referrer.address))
                }
            }
            // The types this one waits for (the actions replacing rules) are created, deployed and bound first.
            step.dependsOn.formUnion(changedBefore.filter { key in type.deleteAfter.contains { key.contains(":\($0.rawValue)/") } })
            steps.append(step)
        }
    }

    /// Whether resources of `type` name resources of `kind` (by a field or in a sub-resource's items).
    static func points(_ type: ResourceType, at kind: ResourceKind) -> Bool {
        type.references.contains { $0.targets.contains(kind) }
            || type.subResources.contains { $0.itemReferences.contains { $0.targets.contains(kind) } }
    }
}
