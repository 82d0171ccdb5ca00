import TenantConfig

/// Connections: options replaced whole, scripts as diffs, configuration by digest (enabled clients are a
/// sub-resource, StepBuilder+SubResources.swift).
extension StepBuilder {
    mutating func planConnection(_ resource: DesiredResource) throws(PlanError) {
        let address = resource.address
        let type = address.kind.type
        // Parts kept at endpoints of their own (directory provisioning) are written after the connection, by part.
        var payload = type.ownFields(of: resource.payload)
        var options = payload["options"]?.objectValue ?? [:]
        let configuration = options["configuration"]?.objectValue
        var notes: [String] = []
        var metadata = payload["metadata"]?.objectValue ?? [:]
        // The configuration's values with secrets substituted; nil while a secret they use, or the digest key, is not set.
        let unsetSecrets = ((configuration ?? [:]).values.flatMap { SecretReference.names(in: $0.stringValue ?? "") }.filter(missingSecrets.contains)
            + (configuration != nil && digestKey == nil ? [DigestKey.variable] : [])).sorted()
        let resolved = unsetSecrets.isEmpty ? configuration.map { ConfigurationDigest.resolved($0, secrets: secrets) } : nil
        let stored = (live[address]?.object["metadata"]?.objectValue?[ConfigurationDigest.metadataKey])?.stringValue
        if let resolved, let digestKey {
            do {
                metadata[ConfigurationDigest.metadataKey] = .string(try ConfigurationDigest.metadataValue(for: resolved, stored: stored, key: digestKey, domain: domain, connection: address.key))
            } catch { throw .digestFailed(error) }
        }
        if !metadata.isEmpty { payload["metadata"] = .object(metadata) }

        guard let current = live[address] else {
            payload["name"] = .string(address.key)
            let changes = creationChanges(payload, type: type)
            add(.create, address, type.lifecycle.create ?? "POST", type.api.path, body: .object(encodeSecrets(payload)),
                produces: ProducedID(address: address.description, field: type.api.idField), changes: changes)
            try planSubResources(resource, type, parentID: "{{ref:\(address)}}", liveObject: [:], createdHere: true)
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
            let keys = configuration.keys.sorted().joined(separator: ", ")
            if let resolved, let digestKey {
                let verdict: ConfigurationDigest.Verdict
                do { verdict = try ConfigurationDigest.verdict(stored, resolved, key: digestKey, domain: domain, connection: address.key) } catch { throw .digestFailed(error) }
                switch verdict {
                case .same:
                    let liveKeys = Set((liveOptions["configuration"]?.objectValue ?? [:]).keys)
                    if liveKeys != Set(configuration.keys) {
                        optionsChanged = true
                        changes.append(FieldChange(path: "options.configuration", before: .string("keys: \(liveKeys.sorted().joined(separator: ", "))"), after: .string("keys: \(keys)")))
                    }
                case .changed:
                    optionsChanged = true
                    changes.append(FieldChange(path: "options.configuration", before: .string("(sensitive)"), after: .string("(sensitive, changed; keys: \(keys))")))
                case .otherKey:
                    optionsChanged = true
                    changes.append(FieldChange(path: "options.configuration", before: .string("(sensitive, digest made with another key)"), after: .string("(sensitive; keys: \(keys))")))
                    notes.append("The configuration's digest was made with another \(DigestKey.variable), so tenantctl cannot tell whether the values changed. This update writes the values from the environment and records their digest with the current key. If the key changed by mistake, set the one the tenant's digests were made with instead.")
                case .none:
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
                changes.append(FieldChange(path: "options.\(key)", before: redact(old, path: "options.\(key)", type: type), after: nil))
            } else if !JSONNormalizer.hiddenSecret(old, new!), old.map({ JSONNormalizer.normalize($0, key: key) }) != JSONNormalizer.normalize(new!, key: key) {
                optionsChanged = true
                changes.append(FieldChange(path: "options.\(key)", before: redact(old, path: "options.\(key)", type: type), after: redact(new, path: "options.\(key)", type: type)))
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
        let topChanges = fieldChanges(desired: topLevel, live: current.object, type: type, skip: [])
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
            add(.update, address, type.lifecycle.update ?? "PATCH", type.api.itemPath(current.id), body: .object(encodeSecrets(body)), changes: changes, notes: notes)
        }
        try planSubResources(resource, type, parentID: current.id, liveObject: current.object, createdHere: false)
    }
}
