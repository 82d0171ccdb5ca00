import TenantConfig

/// Builds the steps for each desired resource and the deletions, with their dependencies, as each type's
/// descriptor says. One function per planning style: standard objects here, connections in
/// StepBuilder+Connections.swift, sub-resources in StepBuilder+SubResources.swift, deletions in
/// StepBuilder+Deletions.swift, references in StepBuilder+References.swift.
struct StepBuilder {
    let tenant: TenantDefinition
    let live: LiveState
    let desired: [DesiredResource]
    let secrets: [String: String]
    let missingSecrets: Set<String>
    let domain: String
    /// Keys configuration digests; nil when the environment has none (configuration is then not compared).
    var digestKey: DigestKey?
    // Appended to by the planning in StepBuilder+*.swift; read by the Planner.
    var steps: [PendingStep] = []
    var kept: [KeptResource] = []
    /// What the plan says of a resource without a step (a flag waiting for the resource to be ready).
    var notes: [ResourceNote] = []
    let desiredAddresses: Set<ResourceAddress>

    init(tenant: TenantDefinition, live: LiveState, desired: [DesiredResource], secrets: [String: String], missingSecrets: Set<String>, domain: String) {
        self.tenant = tenant
        self.live = live
        self.desired = desired
        self.secrets = secrets
        self.missingSecrets = missingSecrets
        self.domain = domain
        // Resources the files declare but never write (hooks, rules configs) are not deleted either.
        desiredAddresses = Set(desired.map(\.address) + tenant.resources.map { ResourceAddress($0.kind, $0.key) })
    }

    mutating func plan(_ resource: DesiredResource) throws(PlanError) {
        let type = resource.address.kind.type
        switch type.planning {
        case .standard:
            try planStandard(resource, type)
            if !type.parts.isEmpty { try planParts(resource, type) }
            if !type.flags.isEmpty { planFlags(resource, type) }
        case .connection:
            try planConnection(resource)
            if !type.parts.isEmpty { try planParts(resource, type) }
        case .action: try planAction(resource, type)
        case .actionModule: try planActionModule(resource, type)
        case .triggerBindings: planTriggerBindings(resource, type)
        case .mergedSingleton: try planMergedSingleton(resource, type)
        case .singleton: try planSingleton(resource, type)
        case .parts: try planParts(resource, type)
        case .pages: try planPage(resource, type)
        case .notWritten: return
        }
    }

    // MARK: - One object behind one collection

    private mutating func planStandard(_ resource: DesiredResource, _ type: ResourceType) throws(PlanError) {
        let address = resource.address
        var (resolved, dependencies) = try resolveReferences(resource, type)
        // Parts kept at endpoints of their own (a profile's custom text) are written after the resource, by part.
        if !type.parts.isEmpty { resolved = type.ownFields(of: resolved) }
        // Flags are set at endpoints of their own (StepBuilder+Flags.swift).
        for flag in type.flags { resolved[flag.field] = nil }
        let payload = encodeSecrets(resolved)
        // A resource whose key is in its path is written without it.
        let inPath = type.api.keyInPath ? payload.filter { !type.keyFields.contains($0.key) } : payload
        if let current = live[address] {
            if try replaceIfImmutableChanged(resource, type, current: current, payload: payload, dependencies: dependencies) { return }
            let changes = displayed(fieldChanges(desired: resolved, live: current.object, type: type, skip: Set(type.immutableFields.map(\.field))), resource, type)
            if !changes.isEmpty, let method = type.lifecycle.update {
                // PATCH sends what changed; PUT replaces the resource, so it sends all of it.
                let body = method == "PUT" ? inPath
                    : Dictionary(uniqueKeysWithValues: changes.compactMap { change in payload[change.path].map { (change.path, $0) } })
                var step = pending(.update, address, method, type.api.itemPath(current.id, keyFields: type.keyFields), body: .object(written(body, type)),
                                   changes: changes)
                step.dependsOn.formUnion(dependencies)
                steps.append(step)
            }
            try planSubResources(resource, type, parentID: current.id, liveObject: current.object, createdHere: false)
        } else {
            guard let method = type.lifecycle.create else { return }
            let atItem = type.lifecycle.createsAtItemPath
            if register(resource, type, payload: payload, dependencies: dependencies, notes: []) { return }
            let (created, after) = splitCreate(atItem ? inPath : payload, type)
            var step = pending(.create, address, method, atItem ? type.api.itemPath(address.key, keyFields: type.keyFields) : type.api.path,
                               body: .object(written(created, type)),
                               produces: type.api.idField.isEmpty ? nil : ProducedID(address: address.description, field: type.api.idField),
                               changes: creationChanges(resource.payload, type: type))
            step.dependsOn.formUnion(dependencies)
            steps.append(step)
            appendSetAfterCreate(after, type, address, create: step.key)
            try planSubResources(resource, type, parentID: "{{ref:\(address)}}", liveObject: [:], createdHere: true)
        }
    }

    /// An immutable field that differs: the resource is deleted and created again, or the plan is refused.
    private mutating func replaceIfImmutableChanged(_ resource: DesiredResource, _ type: ResourceType, current: LiveResource,
                                                    payload: [String: JSONValue], dependencies: Set<String>) throws(PlanError) -> Bool {
        let changed = type.immutableFields.filter { field in
            // As the API holds it: a name the files give is resolved first (a token exchange profile's `action_id`).
            guard let wanted = payload[field.field] else { return false }
            return !JSONNormalizer.satisfies(current.object[field.field], wanted, key: field.field)
        }
        guard let first = changed.first else { return false }
        if case .refuse(let reason) = first.onChange {
            throw .immutableField(resource.address, field: first.field, reason: reason, location: resource.location(of: first.field))
        }
        let address = resource.address
        let fields = changed.map { "`\($0.field)`" }.joined(separator: ", ")
        var delete = pending(.delete, address, "DELETE", type.api.itemPath(current.id), body: nil, changes: [],
                             notes: ["Replaced: \(fields) cannot change in place, so the live \(type.noun) is deleted and created again (it gets a new id)."])
        delete.key = PendingStep.key("replace", address)
        steps.append(delete)
        if register(resource, type, payload: payload, dependencies: dependencies.union([delete.key]),
                        notes: ["Replaces the \(type.noun) deleted in the step before (\(fields) changed)."]) { return true }
        let (created, after) = splitCreate(payload, type)
        var create = pending(.create, address, type.lifecycle.create ?? "POST", type.api.path, body: .object(written(created, type)),
                             produces: ProducedID(address: address.description, field: type.api.idField), changes: creationChanges(resource.payload, type: type),
                             notes: ["Replaces the \(type.noun) deleted in the step before (\(fields) changed)."])
        create.dependsOn = dependencies.union([delete.key])
        steps.append(create)
        appendSetAfterCreate(after, type, address, create: create.key)
        try planSubResources(resource, type, parentID: "{{ref:\(address)}}", liveObject: [:], createdHere: true)
        return true
    }

    // MARK: - Actions and trigger bindings

    private mutating func planAction(_ resource: DesiredResource, _ type: ResourceType) throws(PlanError) {
        let address = resource.address
        var (payload, dependencies) = try resolveReferences(resource, type)
        let deployed = payload.removeValue(forKey: "deployed")?.boolValue ?? true
        let current = live[address]
        var changedCode = false
        if let current {
            var changes = fieldChanges(desired: payload, live: current.object, type: type, skip: Set(type.keyFields))
            if let i = changes.firstIndex(where: { $0.path == "code" }) {
                changedCode = true
                changes[i] = FieldChange(path: "code", before: nil, after: nil,
                                         diff: LineDiff.unified(from: current.object["code"]?.stringValue ?? "", to: payload["code"]?.stringValue ?? ""))
            }
            if !changes.isEmpty, let method = type.lifecycle.update {
                let body = Dictionary(uniqueKeysWithValues: changes.compactMap { c in payload[c.path].map { (c.path, $0) } })
                var step = pending(.update, address, method, type.api.itemPath(current.id), body: .object(encodeSecrets(body)), changes: changes)
                step.dependsOn.formUnion(dependencies)
                steps.append(step)
            }
            let liveDeployed = current.object["all_changes_deployed"]?.boolValue ?? current.object["deployed"]?.boolValue ?? true
            guard deployed, changedCode || !changes.isEmpty || !liveDeployed else { return }
            var step = pending(.deploy, address, "POST", type.api.itemPath(current.id) + "/deploy", body: nil, changes: [],
                               notes: ["Deploys the action's latest version so its triggers run it."])
            step.key = PendingStep.key("deploy", address)
            step.rank = StepRank.deploy
            if !changes.isEmpty { step.dependsOn.insert(PendingStep.key("update", address)) }
            steps.append(step)
        } else {
            guard let method = type.lifecycle.create else { return }
            var step = pending(.create, address, method, type.api.path, body: .object(encodeSecrets(payload)),
                               produces: ProducedID(address: address.description, field: type.api.idField), changes: creationChanges(payload, type: type))
            step.dependsOn.formUnion(dependencies)
            steps.append(step)
            guard deployed else { return }
            var deploy = pending(.deploy, address, "POST", type.api.itemPath("{{ref:\(address)}}") + "/deploy", body: nil, changes: [], notes: [])
            deploy.key = PendingStep.key("deploy", address)
            deploy.rank = StepRank.deploy
            deploy.dependsOn.insert(PendingStep.key("create", address))
            steps.append(deploy)
        }
    }

    private mutating func planTriggerBindings(_ resource: DesiredResource, _ type: ResourceType) {
        let address = resource.address
        let liveBindings = (live[address]?.object["bindings"]?.arrayValue ?? []).map { binding in
            DesiredResource.Binding(action: binding["action"]?["name"]?.stringValue ?? "?", displayName: binding["display_name"]?.stringValue ?? "")
        }
        guard liveBindings != resource.bindings, let method = type.lifecycle.update else { return }
        let body = JSONValue.object(["bindings": .array(resource.bindings.map {
            .object(["ref": .object(["type": .string("action_name"), "value": .string($0.action)]), "display_name": .string($0.displayName)])
        })])
        let describe: ([DesiredResource.Binding]) -> JSONValue = { .array($0.map { .string("\($0.action) (\($0.displayName))") }) }
        var step = pending(.update, address, method, "\(type.api.path)/\(address.key)/bindings", body: body,
                           changes: [FieldChange(path: "bindings", before: describe(liveBindings), after: describe(resource.bindings))],
                           notes: ["Trigger bindings are replaced as a whole list, in this order."])
        for binding in resource.bindings {
            for reference in type.references {
                step.dependsOn.formUnion(reference.targets.flatMap { Self.changeKeys(ResourceAddress($0, binding.action)) })
            }
        }
        steps.append(step)
    }

    // MARK: - Singletons

    /// Tenant-wide settings: the changed fields merged into the live object.
    private mutating func planMergedSingleton(_ resource: DesiredResource, _ type: ResourceType) throws(PlanError) {
        let (resolved, dependencies) = try resolveReferences(resource, type)
        let current = live[resource.address]?.object ?? [:]
        let changes = fieldChanges(desired: resolved, live: current, type: type, skip: [])
        guard !changes.isEmpty, let method = type.lifecycle.update else { return }
        let body = Dictionary(uniqueKeysWithValues: changes.compactMap { c in resolved[c.path].map { (c.path, $0) } })
        var step = pending(.update, resource.address, method, type.api.path, body: .object(written(encodeSecrets(body), type)), changes: changes,
                           notes: ["\(type.noun.prefix(1).uppercased() + type.noun.dropFirst()) are merged: fields the files leave out keep their live values."])
        step.dependsOn.formUnion(dependencies)
        steps.append(step)
    }

    /// One object at a fixed path: created when absent, else its changed fields.
    private mutating func planSingleton(_ resource: DesiredResource, _ type: ResourceType) throws(PlanError) {
        let (resolved, dependencies) = try resolveReferences(resource, type)
        var step: PendingStep
        if let current = live[resource.address] {
            let changes = fieldChanges(desired: resolved, live: current.object, type: type, skip: [])
            guard !changes.isEmpty, let method = type.lifecycle.update else { return }
            let body = Dictionary(uniqueKeysWithValues: changes.compactMap { c in resolved[c.path].map { (c.path, $0) } })
            step = pending(.update, resource.address, method, type.api.path, body: .object(written(encodeSecrets(body), type)), changes: changes)
        } else {
            guard let method = type.lifecycle.create else { return }
            step = pending(.create, resource.address, method, type.api.path, body: .object(written(encodeSecrets(resolved), type)),
                           changes: creationChanges(resolved, type: type))
        }
        step.dependsOn.formUnion(dependencies)
        steps.append(step)
    }

    // MARK: - Shared pieces

    /// A create's body without the fields the API refuses on create, and those of them whose wanted value is not the
    /// one a new resource gets.
    func splitCreate(_ body: [String: JSONValue], _ type: ResourceType) -> (create: [String: JSONValue], after: [String: JSONValue]) {
        var create = body
        var after: [String: JSONValue] = [:]
        for (field, initial) in type.lifecycle.setAfterCreate {
            guard let wanted = create.removeValue(forKey: field) else { continue }
            if !JSONNormalizer.satisfies(initial, wanted, key: field) { after[field] = wanted }
        }
        return (create, after)
    }

    /// The update that sets, right after a create, what the create could not.
    mutating func appendSetAfterCreate(_ after: [String: JSONValue], _ type: ResourceType, _ address: ResourceAddress, create: String, note: String? = nil) {
        guard !after.isEmpty, let method = type.lifecycle.update else { return }
        let fields = after.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
        var step = pending(.update, address, method, type.api.itemPath("{{ref:\(address)}}", keyFields: type.keyFields), body: .object(written(after, type)),
                           changes: [], notes: [note ?? "\(fields) cannot be given when a \(type.noun) is created: set right after."])
        step.key = PendingStep.key("set-after-create", address)
        step.dependsOn = [create]
        steps.append(step)
    }

    /// A body as the API takes it (the type's `adjustWrite`): tenant session lifetimes in fractional hours in minutes.
    func written(_ body: [String: JSONValue], _ type: ResourceType) -> [String: JSONValue] {
        guard let adjust = type.adjustWrite else { return body }
        var adjusted = body
        adjust.apply(&adjusted)
        return adjusted
    }

    func pending(_ action: ChangeAction, _ address: ResourceAddress, _ method: String, _ path: String, body: JSONValue?,
                 produces: ProducedID? = nil, changes: [FieldChange], notes: [String] = []) -> PendingStep {
        let verb = action.rawValue
        return PendingStep(key: PendingStep.key(verb, address), action: action, resource: address, method: method, path: path, body: body,
                           produces: produces, changes: changes, notes: notes, dependsOn: [], rank: StepRank.forward(address.kind))
    }

    mutating func add(_ action: ChangeAction, _ address: ResourceAddress, _ method: String, _ path: String, body: JSONValue?,
                      produces: ProducedID? = nil, changes: [FieldChange], notes: [String] = []) {
        steps.append(pending(action, address, method, path, body: body, produces: produces, changes: changes, notes: notes))
    }

    /// The keys of every step that may change a resource (created, updated, deployed), for "after what it names".
    static func changeKeys(_ address: ResourceAddress) -> [String] {
        ["create", "update", "deploy"].map { PendingStep.key($0, address) }
    }

    /// Top-level fields whose live value differs from the desired one (scripts as line diffs). Secrets the API never
    /// returns cannot be compared and are left out; so are the read-only parts of the live object.
    func fieldChanges(desired: [String: JSONValue], live: [String: JSONValue], type: ResourceType, skip: Set<String>) -> [FieldChange] {
        let comparableDesired = Self.withoutUnreadableSecrets(.object(desired), type).objectValue ?? desired
        var comparableLive = JSONValue.object(live)
        for field in type.readOnlyFields where field.contains(".") || field.contains("[]") {
            comparableLive = FieldPattern(field).rewrite(comparableLive) { _ in nil }
        }
        let liveObject = comparableLive.objectValue ?? live
        return comparableDesired.keys.sorted().compactMap { key in
            guard !skip.contains(key), let new = comparableDesired[key], !JSONNormalizer.satisfies(liveObject[key], new, key: key) else { return nil }
            if ["script", "code"].contains(key), case .string(let newText) = new {
                return FieldChange(path: key, before: nil, after: nil, diff: LineDiff.unified(from: live[key]?.stringValue ?? "", to: newText))
            }
            return FieldChange(path: key, before: redact(live[key], path: key, type: type), after: redact(desired[key], path: key, type: type))
        }
    }

    /// The object without the secrets the API never returns (write-only or generated by Auth0).
    static func withoutUnreadableSecrets(_ value: JSONValue, _ type: ResourceType) -> JSONValue {
        type.secretFields.filter { $0.onRead == .drop || $0.onRead == .writeOnly }.reduce(value) { result, secret in
            secret.pattern.rewrite(result) { _ in nil }
        }
    }

    func creationChanges(_ payload: [String: JSONValue], type: ResourceType) -> [FieldChange] {
        payload.keys.sorted().map { key in
            let value = payload[key]!
            if ["script", "code"].contains(key), case .string(let text) = value {
                return FieldChange(path: key, before: nil, after: nil, diff: LineDiff.unified(from: "", to: text))
            }
            return FieldChange(path: key, before: nil, after: redact(value, path: key, type: type))
        }
    }

    /// What a reviewer may see: every field the type marks secret as `(sensitive)` (from a keyword or written in
    /// clear), secret keywords elsewhere by name, scripts by size.
    func redact(_ value: JSONValue?, path: String, type: ResourceType) -> JSONValue? {
        redact(value, components: path.isEmpty ? [] : path.split(separator: ".").map(String.init), type: type)
    }

    private func redact(_ value: JSONValue?, components: [String], type: ResourceType) -> JSONValue? {
        guard let value else { return nil }
        let path = components.joined(separator: ".")
        if path == "metadata.\(ConfigurationDigest.metadataKey)" { return .string("(configuration digest)") }
        if Self.isSecret(components, type), !value.isNull { return .string("(sensitive)") }
        if path.hasSuffix("customScripts"), let scripts = value.objectValue {
            return .object(scripts.mapValues { .string("(\($0.stringValue?.count ?? 0) characters)") })
        }
        switch value {
        case .string(let s) where SecretReference.contains(s):
            return .string(SecretReference.substitute(in: s) { "(secret \($0))" })
        case .array(let items):
            return .array(items.map { redact($0, components: components + ["[]"], type: type)! })
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (k, v) in members { out[k] = redact(v, components: components + [k], type: type) }
            return .object(out)
        default:
            return value
        }
    }

    /// Whether a field (keys, `[]` for list items) is one the type marks secret, or lies inside one.
    static func isSecret(_ components: [String], _ type: ResourceType) -> Bool {
        guard !components.isEmpty else { return false }
        return type.secretFields.contains { secret in
            (1...components.count).contains { secret.pattern.matches(Array(components.prefix($0))) }
        }
    }

    /// Secret markers become `{{secret:NAME}}` placeholders that only apply resolves.
    func encodeSecrets(_ payload: [String: JSONValue]) -> [String: JSONValue] {
        payload.mapValues(encodeSecrets)
    }

    func encodeSecrets(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s) where SecretReference.contains(s): .string(SecretReference.substitute(in: s) { "{{secret:\($0)}}" })
        case .array(let items): .array(items.map(encodeSecrets))
        case .object(let members): .object(members.mapValues(encodeSecrets))
        default: value
        }
    }
}
