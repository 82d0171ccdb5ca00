import TenantConfig

/// Deletions: only for managed kinds and when deletes are allowed; everything else is kept, loudly.
extension StepBuilder {
    mutating func planDeletions(managed: Set<ResourceKind>) {
        for resource in live.resources.values.sorted(by: { $0.address < $1.address }) where !desiredAddresses.contains(resource.address) {
            let kind = resource.address.kind
            guard managed.contains(kind), kind != .tenant else { continue }
            if kind == .clients, resource.object["global"]?.boolValue == true { continue }
            if kind == .triggers, resource.object["bindings"]?.arrayValue?.isEmpty ?? true { continue }
            guard tenant.settings.allowDeletes else {
                kept.append(KeptResource(resource: resource.address,
                    reason: "not in the files, but deletes are not allowed (`allow_deletes: false` in tenantctl.yaml)"))
                continue
            }
            let (path, body): (String, JSONValue?) = switch kind {
            case .clients: ("/clients/\(resource.id)", nil)
            case .databases, .connections: ("/connections/\(resource.id)", nil)
            case .resourceServers: ("/resource-servers/\(resource.id)", nil)
            case .clientGrants: ("/client-grants/\(resource.id)", nil)
            case .rules: ("/rules/\(resource.id)", nil)
            case .actions: ("/actions/actions/\(resource.id)?force=true", nil)
            case .logStreams: ("/log-streams/\(resource.id)", nil)
            case .emailProvider: ("/emails/provider", nil)
            case .triggers: ("/actions/triggers/\(resource.address.key)/bindings", .object(["bindings": .array([])]))
            case .tenant, .rulesConfigs: ("", nil)
            }
            var step = pending(kind == .triggers ? .update : .delete, resource.address, kind == .triggers ? "PATCH" : "DELETE", path, body: body,
                               changes: [], notes: [])
            step.rank = StepRank.delete(kind)
            // What points at a resource goes before it.
            switch kind {
            case .clients:
                for grant in live.resources(.clientGrants) where grant.object["client_id"]?.stringValue == resource.id {
                    step.dependsOn.insert(PendingStep.key("delete", grant.address))
                }
            case .resourceServers:
                for grant in live.resources(.clientGrants) where grant.object["audience"]?.stringValue == resource.address.key {
                    step.dependsOn.insert(PendingStep.key("delete", grant.address))
                }
            case .actions:
                for trigger in live.resources(.triggers) { step.dependsOn.insert(PendingStep.key("update", trigger.address)) }
            default: break
            }
            steps.append(step)
        }
    }
}
