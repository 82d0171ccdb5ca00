import TenantConfig

/// Parts that are objects of their own (`PartLifecycle.object`: a connection's directory provisioning): created whole
/// while absent, and deleted when the files drop them from a resource they still declare, only when deletes are
/// allowed. Changes to one that exists are the part's ordinary update (StepBuilder+Parts.swift). The steps belong to
/// the resource and name the part (`subResource`), so that apply can look up a create whose answer was lost.
extension StepBuilder {
    /// The create of a part that is not there: its whole value, after the resource's own create when this plan makes it.
    mutating func appendPartCreate(_ part: SingletonPart, at instance: SingletonPart.Instance, method: String, sent: JSONValue,
                                   of resource: DesiredResource, _ type: ResourceType, id: String, dependencies: Set<String>) {
        let prefix = instance.keyPath.joined(separator: ".")
        let changes: [FieldChange] = if let object = sent.objectValue {
            object.keys.sorted().map { key in FieldChange(path: "\(prefix).\(key)", before: nil, after: redact(object[key], path: "\(prefix).\(key)", type: type)) }
        } else {
            [FieldChange(path: prefix, before: nil, after: redact(sent, path: prefix, type: type))]
        }
        let body = part.toAPI.map { $0(sent) } ?? part.bodyField.map { sent[$0] ?? .null } ?? sent
        var step = pending(.update, resource.address, method, part.path(with: instance.values.merging(["id": id]) { first, _ in first }),
                           body: encodeSecrets(body), changes: changes)
        step.key = PendingStep.key("part \(instance.label)", resource.address)
        step.subResource = part.pattern
        step.dependsOn.formUnion(dependencies)
        steps.append(step)
    }

    /// The deletes of the object parts the live resource has and the files no longer write.
    mutating func planDroppedParts(_ resource: DesiredResource, _ type: ResourceType, desired: JSONValue, live: LiveResource) {
        let liveValue = JSONValue.object(live.object)
        for part in type.parts where part.lifecycle.createMethod != nil {
            let wanted = Set(part.instances(in: desired).map(\.keyPath))
            for instance in part.instances(in: liveValue) where !wanted.contains(instance.keyPath) {
                guard let value = liveValue.value(at: instance.keyPath), !value.isNull else { continue }
                guard tenant.settings.allowDeletes else {
                    kept.append(KeptResource(resource: resource.address,
                        reason: "`\(instance.label)` is not in the files, but deletes are not allowed (`allow_deletes: false` in tenantctl.yaml)"))
                    continue
                }
                var step = pending(.update, resource.address, "DELETE", part.path(with: instance.values.merging(["id": live.id]) { first, _ in first }),
                                   body: nil, changes: [FieldChange(path: instance.label, before: redact(value, path: instance.label, type: type), after: nil)],
                                   notes: ["`\(instance.label)` is not in the files: deleted from the live \(type.noun)."])
                step.key = PendingStep.key("part-delete \(instance.label)", resource.address)
                step.subResource = part.pattern
                steps.append(step)
            }
        }
    }
}
