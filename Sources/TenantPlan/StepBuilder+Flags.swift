import TenantConfig

/// Flags the API keeps on one resource of a type at a time and sets through an endpoint of their own (a custom
/// domain's `is_default`): a resource the files flag gets the call that names it, once the live resource is ready
/// for it; until then, and when the files clear a flag (no call clears one: another resource takes it), the plan
/// says so in a note that does not change the exit code.
extension StepBuilder {
    mutating func planFlags(_ resource: DesiredResource, _ type: ResourceType) {
        let address = resource.address
        for flag in type.flags {
            guard let wanted = resource.payload[flag.field]?.boolValue else { continue }
            let current = live[address]
            let isSet = current?.object[flag.field]?.boolValue ?? false
            guard wanted != isSet else { continue }
            guard wanted else {
                let takenElsewhere = desired.contains { other in
                    other.address.kind == address.kind && other.address != address && other.payload[flag.field]?.boolValue == true
                }
                if !takenElsewhere {
                    notes.append(ResourceNote(resource: address, note: "`\(flag.field)` stays true: no call clears it; \(flag.clearing)."))
                }
                continue
            }
            // A resource this plan creates or replaces is new on the tenant: not ready for the flag yet.
            let made = steps.contains { $0.resource == address && $0.action == .create }
            if let requires = flag.requires, made || current?.object[requires.field]?.stringValue != requires.value {
                let state = made ? "this plan creates it" : current?.object[requires.field]?.stringValue.map { "its `\(requires.field)` is \($0)" } ?? "it does not exist yet"
                notes.append(ResourceNote(resource: address, note:
                    "`\(flag.field)` waits: it can be set once the \(type.noun)'s `\(requires.field)` is \(requires.value), and \(state); \(requires.meanwhile)."))
                continue
            }
            let name = resource.payload[flag.namedBy] ?? .string(address.key)
            var step = pending(.update, address, flag.method, flag.path, body: .object([flag.namedBy: name]),
                               changes: [FieldChange(path: flag.field, before: .bool(isSet), after: .bool(true))])
            step.key = PendingStep.key("flag \(flag.field)", address)
            steps.append(step)
        }
    }
}
