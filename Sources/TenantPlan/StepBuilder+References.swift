import TenantConfig

/// References: the names the files use where the API wants ids (or the same value), resolved to a live id or to the
/// id a create step of this plan will produce, and the dependencies they make.
extension StepBuilder {
    /// The payload with every top-level reference the API wants as an id resolved, and the steps it must follow.
    func resolveReferences(_ resource: DesiredResource, _ type: ResourceType) throws(PlanError) -> ([String: JSONValue], Set<String>) {
        var payload = resource.payload
        var dependencies: Set<String> = []
        for reference in type.references {
            guard let field = reference.path.topLevelField, reference.path.segments.count == 1, let value = payload[field] else {
                // A name deep inside the resource (a flow's vault connection, a stream's action): resolved where it is.
                try resolveNested(reference, in: &payload, dependencies: &dependencies, for: resource)
                continue
            }
            let names: [String] = if case .string(let name) = value { [name] } else { value.arrayValue?.compactMap(\.stringValue) ?? [] }
            var resolved: [JSONValue] = []
            for name in names where !reference.isBuiltIn(name) {
                // The API checks a value it keeps as is (an audience); only an id must be found here.
                guard reference.inAPI == .id || reference.targets.contains(where: { live[ResourceAddress($0, name)] != nil || desiredAddresses.contains(ResourceAddress($0, name)) }) else {
                    resolved.append(.string(name))
                    continue
                }
                let target = try self.target(of: name, reference.targets, for: resource.address, at: resource.location(of: field), label: reference.label)
                dependencies.formUnion(reference.followsChanges ? target.changeKeys : target.createKey.map { [$0] } ?? [])
                resolved.append(.string(reference.inAPI == .id ? target.id : name))
            }
            if reference.inAPI == .id {
                let apiValue: JSONValue = if case .string = value { resolved.first ?? value } else { .array(resolved) }
                if let apiField = reference.apiField { payload[field] = nil; payload[apiField] = apiValue } else { payload[field] = apiValue }
            }
        }
        return (payload, dependencies)
    }

    /// Resolves every value a nested reference's pattern matches, in place.
    private func resolveNested(_ reference: Reference, in payload: inout [String: JSONValue], dependencies: inout Set<String>,
                               for resource: DesiredResource) throws(PlanError) {
        var failure: PlanError?
        var found: Set<String> = []
        let rewritten = reference.path.rewrite(.object(payload)) { value in
            guard let name = value.stringValue, !reference.isBuiltIn(name), failure == nil else { return value }
            do throws(PlanError) {
                let target = try self.target(of: name, reference.targets, for: resource.address, at: self.location(of: name, reference, in: resource), label: reference.label)
                found.formUnion(reference.followsChanges ? target.changeKeys : target.createKey.map { [$0] } ?? [])
                return reference.inAPI == .id ? .string(target.id) : value
            } catch {
                failure = error
                return value
            }
        }
        if let failure { throw failure }
        dependencies.formUnion(found)
        payload = rewritten.objectValue ?? payload
    }

    /// A resolved reference: the id to send, and the step that creates it when this plan does.
    struct ResolvedTarget {
        var id: String
        var createKey: String?
        var changeKeys: [String]
    }

    /// The resource a name points at: live (its id), being created by this plan (a `{{ref:…}}` placeholder), or an
    /// id of a live resource written as is. Anything else is an error with the file and line of the name.
    func target(of name: String, _ kinds: [ResourceKind], for address: ResourceAddress, at location: SourceLocation, label: String?) throws(PlanError) -> ResolvedTarget {
        for kind in kinds {
            let targetAddress = ResourceAddress(kind, name)
            let changes = desiredAddresses.contains(targetAddress) ? Self.changeKeys(targetAddress) : []
            if let current = live[targetAddress] { return ResolvedTarget(id: current.id, createKey: nil, changeKeys: changes) }
            if desiredAddresses.contains(targetAddress) {
                let key = PendingStep.key("create", targetAddress)
                return ResolvedTarget(id: "{{ref:\(targetAddress)}}", createKey: key, changeKeys: changes)
            }
        }
        if live.names.contains(id: name, among: kinds) { return ResolvedTarget(id: name, createKey: nil, changeKeys: []) }
        throw .unresolvedReference(address, name, label ?? kinds[0].type.noun, location: location)
    }

    /// Field changes as a reviewer reads them: a field the API holds as an id shows the names on both sides.
    func displayed(_ changes: [FieldChange], _ resource: DesiredResource, _ type: ResourceType) -> [FieldChange] {
        changes.map { change in
            guard let reference = type.references.first(where: { $0.inAPI == .id && $0.path.topLevelField == change.path && $0.path.segments.count == 1 })
            else { return namingNestedReferences(change, type) }
            var shown = change
            shown.after = resource.payload[change.path]
            shown.before = change.before.map { before in
                if case .string(let id) = before { return .string(live.names.key(of: id, among: reference.targets) ?? id) }
                return .array((before.arrayValue ?? []).map { .string(live.names.key(of: $0.stringValue ?? "", among: reference.targets) ?? $0.stringValue ?? "") })
            }
            return shown
        }
    }
}
