import TenantConfig

/// Builds the steps for each desired resource and the deletions, with their dependencies (connections in
/// StepBuilder+Connections.swift, deletions in StepBuilder+Deletions.swift).
struct StepBuilder {
    let tenant: TenantDefinition
    let live: LiveState
    let desired: [DesiredResource]
    let secrets: [String: String]
    let missingSecrets: Set<String>
    let domain: String
    // Appended to by the connection and deletion planning in StepBuilder+*.swift; read by the Planner.
    var steps: [PendingStep] = []
    var kept: [KeptResource] = []
    let desiredAddresses: Set<ResourceAddress>

    init(tenant: TenantDefinition, live: LiveState, desired: [DesiredResource], secrets: [String: String], missingSecrets: Set<String>, domain: String) {
        self.tenant = tenant
        self.live = live
        self.desired = desired
        self.secrets = secrets
        self.missingSecrets = missingSecrets
        self.domain = domain
        desiredAddresses = Set(desired.map(\.address))
    }

    mutating func plan(_ resource: DesiredResource) throws(PlanError) {
        switch resource.address.kind {
        case .clients: planSimple(resource, collection: "/clients", idField: "client_id", immutableOnUpdate: [])
        case .resourceServers: planSimple(resource, collection: "/resource-servers", idField: "id", immutableOnUpdate: ["identifier"])
        case .rules: planSimple(resource, collection: "/rules", idField: "id", immutableOnUpdate: [])
        case .logStreams: planSimple(resource, collection: "/log-streams", idField: "id", immutableOnUpdate: ["type"])
        case .databases, .connections: try planConnection(resource)
        case .clientGrants: try planGrant(resource)
        case .actions: planAction(resource)
        case .triggers: planTriggerBindings(resource)
        case .tenant: planTenantSettings(resource)
        case .emailProvider: planEmailProvider(resource)
        case .rulesConfigs: break
        }
    }

    // MARK: - Resources that are one object behind one collection

    private mutating func planSimple(_ resource: DesiredResource, collection: String, idField: String, immutableOnUpdate: Set<String>) {
        let address = resource.address
        let payload = encodeSecrets(resource.payload)
        if let current = live[address] {
            let changes = fieldChanges(desired: resource.payload, live: current.object, skip: immutableOnUpdate)
            guard !changes.isEmpty else { return }
            let body = Dictionary(uniqueKeysWithValues: changes.compactMap { change in payload[change.path].map { (change.path, $0) } })
            add(.update, address, "PATCH", "\(collection)/\(current.id)", body: .object(body), changes: changes)
        } else {
            add(.create, address, "POST", collection, body: .object(payload), produces: ProducedID(address: address.description, field: idField),
                changes: creationChanges(resource.payload))
        }
    }

    // MARK: - Grants, actions, bindings, singletons

    private mutating func planGrant(_ resource: DesiredResource) throws(PlanError) {
        let address = resource.address
        guard let clientName = resource.payload["client_id"]?.stringValue, let audience = resource.payload["audience"]?.stringValue else { return }
        let clientID = try clientID(clientName, for: address)
        if let current = live[address] {
            let changes = fieldChanges(desired: resource.payload, live: current.object, skip: ["client_id", "audience", "subject_type"])
            guard !changes.isEmpty else { return }
            let body = Dictionary(uniqueKeysWithValues: changes.compactMap { c in resource.payload[c.path].map { (c.path, $0) } })
            add(.update, address, "PATCH", "/client-grants/\(current.id)", body: .object(body), changes: changes)
        } else {
            var payload = resource.payload
            payload["client_id"] = .string(clientID)
            var step = pending(.create, address, "POST", "/client-grants", body: .object(payload),
                               produces: ProducedID(address: address.description, field: "id"), changes: creationChanges(resource.payload))
            if clientID.hasPrefix("{{ref:") { step.dependsOn.insert(PendingStep.key("create", ResourceAddress(.clients, clientName))) }
            let server = ResourceAddress(.resourceServers, audience)
            if desiredAddresses.contains(server), live[server] == nil { step.dependsOn.insert(PendingStep.key("create", server)) }
            steps.append(step)
        }
    }

    private mutating func planAction(_ resource: DesiredResource) {
        let address = resource.address
        var payload = resource.payload
        let deployed = payload.removeValue(forKey: "deployed")?.boolValue ?? true
        let current = live[address]
        var changedCode = false
        if let current {
            var changes = fieldChanges(desired: payload, live: current.object, skip: ["name"])
            if let i = changes.firstIndex(where: { $0.path == "code" }) {
                changedCode = true
                changes[i] = FieldChange(path: "code", before: nil, after: nil,
                                         diff: LineDiff.unified(from: current.object["code"]?.stringValue ?? "", to: payload["code"]?.stringValue ?? ""))
            }
            if !changes.isEmpty {
                let body = Dictionary(uniqueKeysWithValues: changes.compactMap { c in payload[c.path].map { (c.path, $0) } })
                add(.update, address, "PATCH", "/actions/actions/\(current.id)", body: .object(encodeSecrets(body)), changes: changes)
            }
            let liveDeployed = current.object["all_changes_deployed"]?.boolValue ?? current.object["deployed"]?.boolValue ?? true
            guard deployed, changedCode || !changes.isEmpty || !liveDeployed else { return }
            var step = pending(.deploy, address, "POST", "/actions/actions/\(current.id)/deploy", body: nil, changes: [],
                               notes: ["Deploys the action's latest version so its triggers run it."])
            step.key = PendingStep.key("deploy", address)
            step.rank = StepRank.deploy
            if !changes.isEmpty { step.dependsOn.insert(PendingStep.key("update", address)) }
            steps.append(step)
        } else {
            add(.create, address, "POST", "/actions/actions", body: .object(encodeSecrets(payload)),
                produces: ProducedID(address: address.description, field: "id"), changes: creationChanges(payload))
            guard deployed else { return }
            var step = pending(.deploy, address, "POST", "/actions/actions/{{ref:\(address)}}/deploy", body: nil, changes: [], notes: [])
            step.key = PendingStep.key("deploy", address)
            step.rank = StepRank.deploy
            step.dependsOn.insert(PendingStep.key("create", address))
            steps.append(step)
        }
    }

    private mutating func planTriggerBindings(_ resource: DesiredResource) {
        let address = resource.address
        let liveBindings = (live[address]?.object["bindings"]?.arrayValue ?? []).map { binding in
            DesiredResource.Binding(action: binding["action"]?["name"]?.stringValue ?? "?", displayName: binding["display_name"]?.stringValue ?? "")
        }
        guard liveBindings != resource.bindings else { return }
        let body = JSONValue.object(["bindings": .array(resource.bindings.map {
            .object(["ref": .object(["type": .string("action_name"), "value": .string($0.action)]), "display_name": .string($0.displayName)])
        })])
        let describe: ([DesiredResource.Binding]) -> JSONValue = { .array($0.map { .string("\($0.action) (\($0.displayName))") }) }
        var step = pending(.update, address, "PATCH", "/actions/triggers/\(address.key)/bindings", body: body,
                           changes: [FieldChange(path: "bindings", before: describe(liveBindings), after: describe(resource.bindings))],
                           notes: ["Trigger bindings are replaced as a whole list, in this order."])
        for binding in resource.bindings {
            step.dependsOn.insert(PendingStep.key("deploy", ResourceAddress(.actions, binding.action)))
            step.dependsOn.insert(PendingStep.key("create", ResourceAddress(.actions, binding.action)))
        }
        steps.append(step)
    }

    private mutating func planTenantSettings(_ resource: DesiredResource) {
        let current = live[resource.address]?.object ?? [:]
        let changes = fieldChanges(desired: resource.payload, live: current, skip: [])
        guard !changes.isEmpty else { return }
        let body = Dictionary(uniqueKeysWithValues: changes.compactMap { c in resource.payload[c.path].map { (c.path, $0) } })
        add(.update, resource.address, "PATCH", "/tenants/settings", body: .object(encodeSecrets(body)), changes: changes,
            notes: ["Tenant settings are merged: fields the files leave out keep their live values."])
    }

    private mutating func planEmailProvider(_ resource: DesiredResource) {
        if let current = live[resource.address] {
            let changes = fieldChanges(desired: resource.payload, live: current.object, skip: [])
            guard !changes.isEmpty else { return }
            let body = Dictionary(uniqueKeysWithValues: changes.compactMap { c in resource.payload[c.path].map { (c.path, $0) } })
            add(.update, resource.address, "PATCH", "/emails/provider", body: .object(encodeSecrets(body)), changes: changes)
        } else {
            add(.create, resource.address, "POST", "/emails/provider", body: .object(encodeSecrets(resource.payload)), changes: creationChanges(resource.payload))
        }
    }

    // MARK: - Shared pieces

    func clientID(_ name: String, for address: ResourceAddress) throws(PlanError) -> String {
        if let current = live[ResourceAddress(.clients, name)] { return current.id }
        if live.clientNamesByID[name] != nil { return name }
        if desiredAddresses.contains(ResourceAddress(.clients, name)) { return "{{ref:clients/\(name)}}" }
        throw .unresolvedReference(address, name)
    }

    func pending(_ action: ChangeAction, _ address: ResourceAddress, _ method: String, _ path: String, body: JSONValue?,
                         produces: ProducedID? = nil, changes: [FieldChange], notes: [String] = []) -> PendingStep {
        let verb = action.rawValue
        return PendingStep(key: PendingStep.key(verb, address), action: action, resource: address, method: method, path: path, body: body,
                           produces: produces, changes: changes, notes: notes, dependsOn: [], rank: StepRank.forward(address.kind))
    }

    mutating func add(_ action: ChangeAction, _ address: ResourceAddress, _ method: String, _ path: String, body: JSONValue?,
                              produces: ProducedID? = nil, changes: [FieldChange], notes: [String] = []) {
        var step = pending(action, address, method, path, body: body, produces: produces, changes: changes, notes: notes)
        if address.kind == .tenant {
            // Tenant settings go last: after every other create and update.
            step.dependsOn = Set(steps.filter { $0.action != .delete }.map(\.key))
        }
        steps.append(step)
    }

    /// Top-level fields whose live value differs from the desired one (scripts as line diffs).
    func fieldChanges(desired: [String: JSONValue], live: [String: JSONValue], skip: Set<String>) -> [FieldChange] {
        desired.keys.sorted().compactMap { key in
            guard !skip.contains(key), let new = desired[key], !JSONNormalizer.satisfies(live[key], new, key: key) else { return nil }
            if ["script", "code"].contains(key), case .string(let newText) = new {
                return FieldChange(path: key, before: nil, after: nil, diff: LineDiff.unified(from: live[key]?.stringValue ?? "", to: newText))
            }
            return FieldChange(path: key, before: redact(live[key], path: key), after: redact(new, path: key))
        }
    }

    func creationChanges(_ payload: [String: JSONValue]) -> [FieldChange] {
        payload.keys.sorted().map { key in
            let value = payload[key]!
            if ["script", "code"].contains(key), case .string(let text) = value {
                return FieldChange(path: key, before: nil, after: nil, diff: LineDiff.unified(from: "", to: text))
            }
            return FieldChange(path: key, before: nil, after: redact(value, path: key))
        }
    }

    /// What a reviewer may see: secret references by name, configuration values never, scripts by size.
    func redact(_ value: JSONValue?, path: String) -> JSONValue? {
        guard let value else { return nil }
        if path == "metadata.\(ConfigurationDigest.metadataKey)" { return .string("(configuration digest)") }
        if path.hasSuffix("configuration") || path.contains(".configuration.") {
            return .object((value.objectValue ?? [:]).mapValues { _ in .string("(sensitive)") })
        }
        if path.hasSuffix("customScripts"), let scripts = value.objectValue {
            return .object(scripts.mapValues { .string("(\($0.stringValue?.count ?? 0) characters)") })
        }
        switch value {
        case .string(let s) where SecretReference.contains(s):
            return .string(SecretReference.substitute(in: s) { "(secret \($0))" })
        case .array(let items):
            return .array(items.map { redact($0, path: "")! })
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (k, v) in members { out[k] = redact(v, path: path.isEmpty ? k : "\(path).\(k)") }
            return .object(out)
        default:
            return value
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
