import TenantConfig

/// Sub-resources: collections the API manages under each resource (a connection's enabled clients, an
/// organization's enabled connections, a role's permissions). The files' items are resolved to what the API
/// wants, compared with the live items by their key, and written in the style the descriptor names.
extension StepBuilder {
    mutating func planSubResources(_ resource: DesiredResource, _ type: ResourceType, parentID: String,
                                   liveObject: [String: JSONValue], createdHere: Bool) throws(PlanError) {
        for sub in type.subResources {
            // A field the files leave out leaves the live items alone.
            guard let filesItems = resource.subItems[sub.field] else { continue }
            var dependencies: Set<String> = createdHere ? [PendingStep.key("create", resource.address)] : []
            var wanted: [(key: String, item: [String: JSONValue], shown: JSONValue)] = []
            let nodes = resource.source[sub.field]?.items ?? []
            for (index, filesItem) in filesItems.enumerated() {
                let node = index < nodes.count ? nodes[index] : nil
                let (item, itemDependencies) = try apiItem(filesItem, sub, of: resource, node: node)
                dependencies.formUnion(itemDependencies)
                wanted.append((itemKey(item, sub), item, filesItem))
            }
            let current = liveItems(liveObject[sub.snapshotField], sub)
            let currentKeys = Set(current.map { itemKey($0, sub) })
            let wantedKeys = Set(wanted.map(\.key))
            var seen: Set<String> = []
            let added = wanted.filter { !currentKeys.contains($0.key) && seen.insert($0.key).inserted }.sorted { $0.key < $1.key }
            let removed = current.filter { !wantedKeys.contains(itemKey($0, sub)) }.sorted { itemKey($0, sub) < itemKey($1, sub) }
            let base = type.api.itemPath(parentID, keyFields: type.keyFields) + "/" + sub.pathSuffix
            var calls: [(method: String, path: String, body: JSONValue?, changes: [FieldChange])] = []
            switch sub.write {
            case .toggle(let statusField, let maxItems):
                let keyField = sub.itemKey[0]
                let items = added.map { (JSONValue.object([keyField: $0.item[keyField] ?? .null, statusField: .bool(true)]), FieldChange(path: sub.field, before: nil, after: $0.shown)) }
                    + removed.map { (JSONValue.object([keyField: $0[keyField] ?? .null, statusField: .bool(false)]), FieldChange(path: sub.field, before: shown($0, sub), after: nil)) }
                for start in stride(from: 0, to: items.count, by: maxItems) {
                    let chunk = items[start..<min(start + maxItems, items.count)]
                    calls.append(("PATCH", base, .array(chunk.map(\.0)), chunk.map(\.1)))
                }
            case .perItem(let itemIDField, let updatable):
                for add in added { calls.append(("POST", base, .object(encodeSecrets(add.item)), [FieldChange(path: sub.field, before: nil, after: add.shown)])) }
                for want in wanted where currentKeys.contains(want.key) {
                    guard let live = current.first(where: { itemKey($0, sub) == want.key }), let id = live[itemIDField]?.stringValue else { continue }
                    let changed = want.item.filter { key, value in updatable.contains(key) && !JSONNormalizer.satisfies(live[key], value, key: key) }
                    guard !changed.isEmpty else { continue }
                    let changes = changed.keys.sorted().map { FieldChange(path: "\(sub.field)[\(want.key)].\($0)", before: live[$0], after: changed[$0]) }
                    calls.append(("PATCH", "\(base)/\(id)", .object(encodeSecrets(changed)), changes))
                }
                for gone in removed {
                    guard let id = gone[itemIDField]?.stringValue else { continue }
                    calls.append(("DELETE", "\(base)/\(id)", nil, [FieldChange(path: sub.field, before: shown(gone, sub), after: nil)]))
                }
            case .associate(let bodyField):
                let keyField = sub.itemKey[0]
                for add in added { calls.append(("POST", base, .object([bodyField: add.item[keyField] ?? .null]), [FieldChange(path: sub.field, before: nil, after: add.shown)])) }
                for gone in removed {
                    guard let id = gone[keyField]?.stringValue else { continue }
                    calls.append(("DELETE", "\(base)/\(id)", nil, [FieldChange(path: sub.field, before: shown(gone, sub), after: nil)]))
                }
            case .addRemoveLists(let wrapper):
                if !added.isEmpty {
                    calls.append(("POST", base, .object([wrapper: .array(added.map { .object($0.item) })]), added.map { FieldChange(path: sub.field, before: nil, after: $0.shown) }))
                }
                if !removed.isEmpty {
                    calls.append(("DELETE", base, .object([wrapper: .array(removed.map(JSONValue.object))]), removed.map { FieldChange(path: sub.field, before: shown($0, sub), after: nil) }))
                }
            }
            for (index, call) in calls.enumerated() {
                var step = pending(.update, resource.address, call.method, call.path, body: call.body, changes: call.changes)
                step.key = PendingStep.key("\(sub.field)\(index)", resource.address)
                step.rank = sub.rank
                step.subResource = sub.field
                step.dependsOn.formUnion(dependencies)
                steps.append(step)
            }
        }
    }

    /// A files item in the API's shape: names resolved to ids, and the steps the item must follow.
    private func apiItem(_ filesItem: JSONValue, _ sub: SubResource, of resource: DesiredResource, node: ConfigNode?) throws(PlanError) -> ([String: JSONValue], Set<String>) {
        var item = filesItem.objectValue ?? [:]
        var dependencies: Set<String> = []
        for reference in sub.itemReferences {
            let name = reference.filesField.isEmpty ? filesItem.stringValue : item[reference.filesField]?.stringValue
            guard var name else { continue }
            let location = (reference.filesField.isEmpty ? node : node?[reference.filesField])?.location ?? resource.location(of: sub.field)
            if reference.matchesKeyPrefix {
                name = try completedKey(name, reference, item: &item, for: resource, at: location)
            }
            let target = try self.target(of: name, reference.targets, for: resource.address, at: location, label: nil)
            if let key = target.createKey { dependencies.insert(key) }
            // A value the API checks against the target as it is (a permission against its API's scopes): after its changes.
            if reference.inAPI == .sameValue { dependencies.formUnion(target.changeKeys) }
            if !reference.filesField.isEmpty { item[reference.filesField] = nil }
            item[reference.apiField] = .string(reference.inAPI == .id ? target.id : name)
        }
        return (item, dependencies)
    }

    /// The full key of a target named by the first part of its key (an organization's client grant named by its
    /// client): the item's other key fields complete it, or the only candidate does.
    private func completedKey(_ name: String, _ reference: ItemReference, item: inout [String: JSONValue], for resource: DesiredResource,
                              at location: SourceLocation) throws(PlanError) -> String {
        let targetType = reference.targets[0].type
        let rest = targetType.keyFields.dropFirst()
        if rest.allSatisfy({ item[$0]?.stringValue != nil }) {
            let key = ResourceType.joinKey([name] + rest.map { item[$0]!.stringValue! })
            for field in rest { item[field] = nil }
            return key
        }
        let prefix = ResourceType.joinKey([name, ""])
        let candidates = Set(desiredAddresses.filter { reference.targets.contains($0.kind) && $0.key.hasPrefix(prefix) }.map(\.key)
            + reference.targets.flatMap { live.resources($0) }.map(\.address.key).filter { $0.hasPrefix(prefix) })
        guard candidates.count == 1, let only = candidates.first else {
            throw .ambiguousReference(resource.address, name, targetType.noun, candidates: candidates.sorted(), location: location)
        }
        return only
    }

    /// The live items as the API lists them, without what the API sets itself.
    private func liveItems(_ value: JSONValue?, _ sub: SubResource) -> [[String: JSONValue]] {
        (value?.arrayValue ?? []).compactMap { item in
            if let field = sub.snapshotValuesOf, let id = item.stringValue { return [field: .string(id)] }
            guard var object = item.objectValue else { return nil }
            // The id a per-item call needs stays, whatever else the API set itself.
            let kept: String? = if case .perItem(let idField, _) = sub.write { idField } else { nil }
            for field in sub.itemReadOnlyFields where field != kept { object[field] = nil }
            return object
        }
    }

    private func itemKey(_ item: [String: JSONValue], _ sub: SubResource) -> String {
        sub.itemKey.map { item[$0]?.stringValue ?? item[$0].map { String(decoding: $0.encoded(), as: UTF8.self) } ?? "" }.joined(separator: "\u{1}")
    }

    /// A live item as the files would write it: ids turned into names, what the API sets itself left out.
    private func shown(_ item: [String: JSONValue], _ sub: SubResource) -> JSONValue {
        let item = item.filter { !sub.itemReadOnlyFields.contains($0.key) }
        if let whole = sub.itemReferences.first(where: { $0.filesField.isEmpty }) {
            let id = item[whole.apiField]?.stringValue ?? ""
            return .string(live.names.key(of: id, among: whole.targets) ?? id)
        }
        var object = item
        for reference in sub.itemReferences {
            guard let value = object.removeValue(forKey: reference.apiField)?.stringValue else { continue }
            let name = reference.inAPI == .id ? live.names.key(of: value, among: reference.targets) ?? value : value
            for (field, part) in reference.filesFields(naming: name) { object[field] = .string(part) }
        }
        return .object(object)
    }
}
