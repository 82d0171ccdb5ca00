import TenantConfig

/// Singletons the API keeps at several endpoints (attack protection, prompts, risk assessment): each part the files
/// name is compared with the live part and written to its own endpoint, PATCH with the changed fields or PUT whole.
/// Parts the files leave out keep their live values.
extension StepBuilder {
    mutating func planParts(_ resource: DesiredResource, _ type: ResourceType) throws(PlanError) {
        var (resolved, dependencies) = try resolveReferences(resource, type)
        // A resource of a list type (a profile) has its parts under its own id: live, or made by this plan.
        var id = ""
        if case .list = type.section {
            if let current = live[resource.address] { id = current.id } else {
                id = "{{ref:\(resource.address)}}"
                dependencies.insert(PendingStep.key("create", resource.address))
            }
            resolved = resolved.filter { key, _ in !type.ownFields(of: resolved).keys.contains(key) }
        }
        let desired = JSONValue.object(resolved)
        let live = JSONValue.object(live[resource.address]?.object ?? [:])
        // Secrets the API never returns cannot be compared: left out of the comparison, sent with their part.
        let comparableDesired = Self.withoutUnreadableSecrets(desired, type)
        for part in type.parts {
            for instance in part.instances(in: desired) {
                let wanted = value(of: part, at: instance, in: comparableDesired, type)
                let current = value(of: part, at: instance, in: live, type)
                let sent = value(of: part, at: instance, in: desired, type)
                guard let wanted, let sent else { continue }
                // An object of its own that is not there yet (or whose resource this plan creates) is created whole.
                if current == nil, let create = part.lifecycle.createMethod {
                    appendPartCreate(part, at: instance, method: create, sent: sent, of: resource, type, id: id, dependencies: dependencies)
                    continue
                }
                let prefix = instance.keyPath.joined(separator: ".")
                var changes: [FieldChange] = []
                let body: JSONValue
                if let wantedObject = wanted.objectValue {
                    let liveObject = current?.objectValue ?? [:]
                    changes = wantedObject.keys.sorted().compactMap { key in
                        guard !JSONNormalizer.satisfies(liveObject[key], wantedObject[key]!, key: key) else { return nil }
                        let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                        return FieldChange(path: path, before: redact(liveObject[key], path: path, type: type),
                                           after: redact(sent.objectValue?[key], path: path, type: type))
                    }
                    guard !changes.isEmpty else { continue }
                    let sentObject = sent.objectValue ?? [:]
                    body = part.method == "PUT" ? sent
                        : .object(Dictionary(uniqueKeysWithValues: changes.compactMap { change in
                            let key = String(change.path.split(separator: ".").last ?? "")
                            return sentObject[key].map { (key, $0) }
                        }))
                } else {
                    guard !JSONNormalizer.satisfies(current, wanted) else { continue }
                    changes = [FieldChange(path: prefix, before: redact(current, path: prefix, type: type), after: redact(sent, path: prefix, type: type))]
                    body = sent
                }
                let apiBody = part.toAPI.map { $0(sent) } ?? part.bodyField.map { body[$0] ?? .null } ?? body
                var step = pending(.update, resource.address, part.method, part.path(with: instance.values.merging(["id": id]) { first, _ in first }),
                                   body: encodeSecrets(apiBody), changes: changes,
                                   notes: part.method == "PATCH" ? ["Merged: fields the files leave out keep their live values."] : [])
                step.key = PendingStep.key("part \(instance.label)", resource.address)
                step.dependsOn.formUnion(dependencies)
                // A part inside another (selected groups inside a configuration) is written after that one, when this
                // plan writes it (a key no step has is no dependency).
                for parent in type.parts where part.pattern.hasPrefix(parent.pattern + ".") {
                    step.dependsOn.insert(PendingStep.key("part \(parent.pattern)", resource.address))
                }
                steps.append(step)
            }
        }
        if case .list = type.section, let current = self.live[resource.address] { planDroppedParts(resource, type, desired: desired, live: current) }
    }

    /// A part's value in the section: the section's own fields for the empty pattern, else what sits at its path.
    private func value(of part: SingletonPart, at instance: SingletonPart.Instance, in section: JSONValue, _ type: ResourceType) -> JSONValue? {
        if part.pattern.isEmpty {
            let own = type.ownFields(of: section.objectValue ?? [:])
            return own.isEmpty ? nil : .object(own)
        }
        // Members written by parts of their own under this one (a configuration's selected groups) are theirs.
        guard var object = section.value(at: instance.keyPath)?.objectValue else { return section.value(at: instance.keyPath) }
        for other in type.parts where other.pattern.hasPrefix(part.pattern + ".") {
            if let member = other.pattern.dropFirst(part.pattern.count + 1).split(separator: ".").first { object[String(member)] = nil }
        }
        return .object(object)
    }
}
