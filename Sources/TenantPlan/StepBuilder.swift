import TenantConfig

/// Builds the steps for each desired resource and the deletions, with their dependencies.
struct StepBuilder {
    let tenant: TenantDefinition
    let live: LiveState
    let desired: [DesiredResource]
    let secrets: [String: String]
    let missingSecrets: Set<String>
    let domain: String
    private(set) var steps: [PendingStep] = []
    private(set) var kept: [KeptResource] = []
    private let desiredAddresses: Set<ResourceAddress>

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

    // MARK: - Connections: options replaced whole, scripts as diffs, configuration by digest, enabled clients

    private mutating func planConnection(_ resource: DesiredResource) throws(PlanError) {
        let address = resource.address
        var payload = resource.payload
        var options = payload["options"]?.objectValue ?? [:]
        let configuration = options["configuration"]?.objectValue
        var notes: [String] = []
        var metadata = payload["metadata"]?.objectValue ?? [:]
        let usesUnsetSecret = configuration?.values.contains { SecretReference.names(in: $0.stringValue ?? "").contains(where: missingSecrets.contains) } ?? false
        if let configuration, !usesUnsetSecret {
            let resolved = configuration.mapValues { value -> String in
                let text = value.stringValue ?? String(decoding: value.encoded(), as: UTF8.self)
                return SecretReference.substitute(in: text) { secrets[$0] ?? "" }
            }
            metadata[ConfigurationDigest.metadataKey] = .string(ConfigurationDigest.metadataValue(for: resolved, domain: domain, connection: address.key))
        }
        if !metadata.isEmpty { payload["metadata"] = .object(metadata) }

        guard let current = live[address] else {
            payload["name"] = .string(address.key)
            let changes = creationChanges(payload)
            add(.create, address, "POST", "/connections", body: .object(encodeSecrets(payload)),
                produces: ProducedID(address: address.description, field: "id"), changes: changes)
            try planEnablement(resource, connectionPath: "{{ref:\(address)}}", liveEnabled: [], createdHere: true)
            return
        }
        var changes: [FieldChange] = []
        let liveOptions = current.object["options"]?.objectValue ?? [:]
        var optionsChanged = false

        // Scripts: line diffs, and the drift the dashboard causes.
        let desiredScripts = options["customScripts"]?.objectValue ?? [:]
        let liveScripts = liveOptions["customScripts"]?.objectValue ?? [:]
        for name in Set(desiredScripts.keys).union(liveScripts.keys).sorted() {
            let new = desiredScripts[name]?.stringValue ?? "", old = liveScripts[name]?.stringValue ?? ""
            guard new != old else { continue }
            optionsChanged = true
            changes.append(FieldChange(path: "options.customScripts.\(name)", before: old.isEmpty ? nil : .string("(\(old.count) characters)"),
                                       after: new.isEmpty ? nil : .string("(\(new.count) characters)"), diff: LineDiff.unified(from: old, to: new)))
            if name == DatabaseScriptName.changeEmail.rawValue, old.isEmpty, !new.isEmpty {
                notes.append("The live connection has no change_email script: saving a custom database connection in the Auth0 dashboard deletes it (the dashboard cannot edit it). This update restores it.")
            }
        }
        // Configuration: compared through the digest, never by value.
        if let configuration {
            let stored = (current.object["metadata"]?.objectValue?[ConfigurationDigest.metadataKey])?.stringValue
            let resolved = configuration.mapValues { value -> String in
                SecretReference.substitute(in: value.stringValue ?? String(decoding: value.encoded(), as: UTF8.self)) { secrets[$0] ?? "" }
            }
            let keys = configuration.keys.sorted().joined(separator: ", ")
            let unset = configuration.values.flatMap { SecretReference.names(in: $0.stringValue ?? "") }.filter(missingSecrets.contains).sorted()
            let verdict: Bool?? = unset.isEmpty ? .some(ConfigurationDigest.matches(stored, resolved)) : .none
            switch verdict {
            case .none:
                notes.append("Cannot tell whether the configuration changed: \(unset.joined(separator: ", ")) not set in the environment. This plan is a preview and cannot be applied.")
            case .some(let matches):
            switch matches {
            case .some(true):
                let liveKeys = Set((liveOptions["configuration"]?.objectValue ?? [:]).keys)
                if liveKeys != Set(configuration.keys) {
                    optionsChanged = true
                    changes.append(FieldChange(path: "options.configuration", before: .string("keys: \(liveKeys.sorted().joined(separator: ", "))"), after: .string("keys: \(keys)")))
                }
            case .some(false):
                optionsChanged = true
                changes.append(FieldChange(path: "options.configuration", before: .string("(sensitive)"), after: .string("(sensitive, changed; keys: \(keys))")))
            case .none:
                optionsChanged = true
                changes.append(FieldChange(path: "options.configuration", before: .string("(sensitive, not written by tenantctl)"), after: .string("(sensitive; keys: \(keys))")))
                notes.append("Adopt configuration: the API only returns configuration values as ciphertext and this connection has no tenantctl digest yet, so tenantctl cannot tell whether they changed. This update writes the values from the environment once and records their digest; later plans compare digests.")
            }
            }
        } else if liveOptions["configuration"] != nil {
            optionsChanged = true
            changes.append(FieldChange(path: "options.configuration", before: .string("(sensitive)"), after: nil))
        }
        // Every other option: the PATCH replaces options whole, so live options the files omit disappear.
        var removed: [String] = []
        for key in Set(options.keys).union(liveOptions.keys).sorted() where key != "customScripts" && key != "configuration" {
            let new = options[key], old = liveOptions[key]
            if new == nil {
                optionsChanged = true
                removed.append(key)
                changes.append(FieldChange(path: "options.\(key)", before: redact(old, path: "options.\(key)"), after: nil))
            } else if !JSONNormalizer.hiddenSecret(old, new!), old.map({ JSONNormalizer.normalize($0, key: key) }) != JSONNormalizer.normalize(new!, key: key) {
                optionsChanged = true
                changes.append(FieldChange(path: "options.\(key)", before: redact(old, path: "options.\(key)"), after: redact(new, path: "options.\(key)")))
            }
        }
        if !removed.isEmpty {
            notes.append("A connection update replaces `options` as a whole: \(removed.map { "`\($0)`" }.joined(separator: ", ")) set on the tenant but absent from the files will be removed. Add them to the files to keep them.")
        }
        // Top-level fields other than options (display_name, metadata, realms, ...).
        var topLevel = payload
        topLevel["options"] = nil
        topLevel["name"] = nil
        topLevel["strategy"] = nil
        let topChanges = fieldChanges(desired: topLevel, live: current.object, skip: [])
        changes += topChanges
        var body: [String: JSONValue] = [:]
        for change in topChanges { body[change.path] = topLevel[change.path] }
        if optionsChanged {
            if configuration != nil { options["configuration"] = .object(configuration!) }
            body["options"] = .object(options)
            if let metadata = payload["metadata"] {
                var merged = current.object["metadata"]?.objectValue ?? [:]
                for (k, v) in metadata.objectValue ?? [:] { merged[k] = v }
                body["metadata"] = .object(merged)
            }
        }
        if !body.isEmpty {
            add(.update, address, "PATCH", "/connections/\(current.id)", body: .object(encodeSecrets(body)), changes: changes, notes: notes)
        }
        let liveEnabled = Set(current.object["enabled_clients"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        try planEnablement(resource, connectionPath: current.id, liveEnabled: liveEnabled, createdHere: false)
    }

    /// `PATCH /connections/{id}/clients` with the clients to enable and disable (at most 50 per call).
    private mutating func planEnablement(_ resource: DesiredResource, connectionPath: String, liveEnabled: Set<String>, createdHere: Bool) throws(PlanError) {
        guard let names = resource.enabledClients else { return }
        var desiredIDs: [String: String] = [:]
        var dependencies: Set<String> = createdHere ? [PendingStep.key("create", resource.address)] : []
        for name in names {
            let id = try clientID(name, for: resource.address)
            desiredIDs[id] = name
            if id.hasPrefix("{{ref:") { dependencies.insert(PendingStep.key("create", ResourceAddress(.clients, name))) }
        }
        let enable = desiredIDs.keys.filter { !liveEnabled.contains($0) }.sorted()
        let disable = liveEnabled.subtracting(desiredIDs.keys).sorted()
        let items = enable.map { JSONValue.object(["client_id": .string($0), "status": .bool(true)]) }
            + disable.map { JSONValue.object(["client_id": .string($0), "status": .bool(false)]) }
        let chunks = stride(from: 0, to: items.count, by: 50).map { Array(items[$0..<min($0 + 50, items.count)]) }
        for (index, chunk) in chunks.enumerated() {
            var changes: [FieldChange] = []
            for item in chunk {
                let id = item["client_id"]!.stringValue!
                let name = desiredIDs[id] ?? live.clientNamesByID[id] ?? id
                changes.append(FieldChange(path: "enabled_clients", before: item["status"] == .bool(true) ? nil : .string(name),
                                           after: item["status"] == .bool(true) ? .string(name) : nil))
            }
            var step = pending(.update, resource.address, "PATCH", "/connections/\(connectionPath)/clients", body: .array(chunk), changes: changes)
            step.key = PendingStep.key("enable\(index)", resource.address)
            step.rank = StepRank.enablement
            step.dependsOn.formUnion(dependencies)
            steps.append(step)
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

    // MARK: - Deletions

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

    // MARK: - Shared pieces

    private func clientID(_ name: String, for address: ResourceAddress) throws(PlanError) -> String {
        if let current = live[ResourceAddress(.clients, name)] { return current.id }
        if live.clientNamesByID[name] != nil { return name }
        if desiredAddresses.contains(ResourceAddress(.clients, name)) { return "{{ref:clients/\(name)}}" }
        throw .unresolvedReference(address, name)
    }

    private func pending(_ action: ChangeAction, _ address: ResourceAddress, _ method: String, _ path: String, body: JSONValue?,
                         produces: ProducedID? = nil, changes: [FieldChange], notes: [String] = []) -> PendingStep {
        let verb = action.rawValue
        return PendingStep(key: PendingStep.key(verb, address), action: action, resource: address, method: method, path: path, body: body,
                           produces: produces, changes: changes, notes: notes, dependsOn: [], rank: StepRank.forward(address.kind))
    }

    private mutating func add(_ action: ChangeAction, _ address: ResourceAddress, _ method: String, _ path: String, body: JSONValue?,
                              produces: ProducedID? = nil, changes: [FieldChange], notes: [String] = []) {
        var step = pending(action, address, method, path, body: body, produces: produces, changes: changes, notes: notes)
        if address.kind == .tenant {
            // Tenant settings go last: after every other create and update.
            step.dependsOn = Set(steps.filter { $0.action != .delete }.map(\.key))
        }
        steps.append(step)
    }

    /// Top-level fields whose live value differs from the desired one (scripts as line diffs).
    private func fieldChanges(desired: [String: JSONValue], live: [String: JSONValue], skip: Set<String>) -> [FieldChange] {
        desired.keys.sorted().compactMap { key in
            guard !skip.contains(key), let new = desired[key], !JSONNormalizer.satisfies(live[key], new, key: key) else { return nil }
            if ["script", "code"].contains(key), case .string(let newText) = new {
                return FieldChange(path: key, before: nil, after: nil, diff: LineDiff.unified(from: live[key]?.stringValue ?? "", to: newText))
            }
            return FieldChange(path: key, before: redact(live[key], path: key), after: redact(new, path: key))
        }
    }

    private func creationChanges(_ payload: [String: JSONValue]) -> [FieldChange] {
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
