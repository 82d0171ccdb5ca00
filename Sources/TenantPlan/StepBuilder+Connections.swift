import TenantConfig

/// Connections: options replaced whole, scripts as diffs, configuration by digest, enabled clients.
extension StepBuilder {
    mutating func planConnection(_ resource: DesiredResource) throws(PlanError) {
        let address = resource.address
        var payload = resource.payload
        var options = payload["options"]?.objectValue ?? [:]
        let configuration = options["configuration"]?.objectValue
        var notes: [String] = []
        var metadata = payload["metadata"]?.objectValue ?? [:]
        // The configuration's values with secrets substituted; nil while a secret they use is not set.
        let unsetSecrets = (configuration ?? [:]).values.flatMap { SecretReference.names(in: $0.stringValue ?? "") }
            .filter(missingSecrets.contains).sorted()
        let resolved = unsetSecrets.isEmpty ? configuration?.mapValues { value -> String in
            let text = value.stringValue ?? String(decoding: value.encoded(), as: UTF8.self)
            return SecretReference.substitute(in: text) { secrets[$0] ?? "" }
        } : nil
        if let resolved {
            do {
                metadata[ConfigurationDigest.metadataKey] = .string(try ConfigurationDigest.metadataValue(for: resolved, domain: domain, connection: address.key))
            } catch { throw .digestFailed(error) }
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
            let keys = configuration.keys.sorted().joined(separator: ", ")
            if let resolved {
                let matches: Bool?
                do { matches = try ConfigurationDigest.matches(stored, resolved) } catch { throw .digestFailed(error) }
                switch matches {
                case true?:
                    let liveKeys = Set((liveOptions["configuration"]?.objectValue ?? [:]).keys)
                    if liveKeys != Set(configuration.keys) {
                        optionsChanged = true
                        changes.append(FieldChange(path: "options.configuration", before: .string("keys: \(liveKeys.sorted().joined(separator: ", "))"), after: .string("keys: \(keys)")))
                    }
                case false?:
                    optionsChanged = true
                    changes.append(FieldChange(path: "options.configuration", before: .string("(sensitive)"), after: .string("(sensitive, changed; keys: \(keys))")))
                case nil:
                    // No digest stored by tenantctl yet.
                    optionsChanged = true
                    changes.append(FieldChange(path: "options.configuration", before: .string("(sensitive, not written by tenantctl)"), after: .string("(sensitive; keys: \(keys))")))
                    notes.append("Adopt configuration: the API only returns configuration values as ciphertext and this connection has no tenantctl digest yet, so tenantctl cannot tell whether they changed. This update writes the values from the environment once and records their digest; later plans compare digests.")
                }
            } else {
                notes.append("Cannot tell whether the configuration changed: \(unsetSecrets.joined(separator: ", ")) not set in the environment. This plan is a preview and cannot be applied.")
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
    mutating func planEnablement(_ resource: DesiredResource, connectionPath: String, liveEnabled: Set<String>, createdHere: Bool) throws(PlanError) {
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
}
