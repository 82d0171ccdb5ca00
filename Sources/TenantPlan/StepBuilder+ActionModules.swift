import TenantConfig

extension StepBuilder {
    /// An action module. Actions name a module's published version (`module_name`, `module_version_number`), never
    /// its draft, so a module is created published (`publish: true`, the draft becomes version 1, in the same call)
    /// and every change to its draft is followed by `POST …/versions`, which publishes it as the next version. A
    /// draft left unpublished on the tenant is published too. `publish: false` in the files keeps changes in the
    /// draft. Actions that name a module follow these steps.
    mutating func planActionModule(_ resource: DesiredResource, _ type: ResourceType) throws(PlanError) {
        let address = resource.address
        var (resolved, dependencies) = try resolveReferences(resource, type)
        let publishes = resolved.removeValue(forKey: "publish")?.boolValue ?? true
        let payload = encodeSecrets(resolved)
        guard let current = live[address] else {
            guard let method = type.lifecycle.create else { return }
            var body = payload
            if publishes { body["publish"] = .bool(true) }
            var step = pending(.create, address, method, type.api.path, body: .object(body),
                               produces: ProducedID(address: address.description, field: type.api.idField), changes: creationChanges(resolved, type: type),
                               notes: publishes ? ["Created published: its code becomes version 1, which actions can name."] : [])
            step.dependsOn.formUnion(dependencies)
            steps.append(step)
            return
        }
        for field in type.immutableFields {
            guard case .refuse(let reason) = field.onChange, let wanted = resolved[field.field],
                  !JSONNormalizer.satisfies(current.object[field.field], wanted, key: field.field) else { continue }
            throw .immutableField(address, field: field.field, reason: reason, location: resource.location(of: field.field))
        }
        let changes = displayed(fieldChanges(desired: resolved, live: current.object, type: type, skip: Set(type.keyFields)), resource, type)
        if !changes.isEmpty, let method = type.lifecycle.update {
            let body = Dictionary(uniqueKeysWithValues: changes.compactMap { change in payload[change.path].map { (change.path, $0) } })
            var step = pending(.update, address, method, type.api.itemPath(current.id), body: .object(body), changes: changes)
            step.dependsOn.formUnion(dependencies)
            steps.append(step)
        }
        let allPublished = current.object["all_changes_published"]?.boolValue ?? true
        guard publishes, !changes.isEmpty || !allPublished else { return }
        let next = Int(current.object["latest_version_number"]?.numberValue ?? 0) + 1
        var publish = pending(.deploy, address, "POST", type.api.itemPath(current.id) + "/versions", body: nil, changes: [],
                              notes: ["Publishes the module's draft as version \(next), which actions can then name (each action keeps the version it names)."])
        publish.key = PendingStep.key("deploy", address)
        if !changes.isEmpty { publish.dependsOn.insert(PendingStep.key("update", address)) }
        steps.append(publish)
    }
}
