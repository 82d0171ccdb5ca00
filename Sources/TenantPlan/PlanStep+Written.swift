import TenantConfig

/// A step as the plan file holds it: what `PlanComparison` digests and compares, computed from the values directly
/// rather than by writing the steps out and reading them back.
extension PlanStep {
    /// The step once written and read back: an explicit JSON null where the file may leave a value out (a body, a
    /// change's before or after) reads back as absent.
    var asWritten: PlanStep {
        var step = self
        if step.body == .null { step.body = nil }
        for index in step.changes.indices {
            if step.changes[index].before == .null { step.changes[index].before = nil }
            if step.changes[index].after == .null { step.changes[index].after = nil }
        }
        return step
    }

    /// The step as the plan file's JSON writes it (the keys of `CodingKeys`, absent values left out), so its compact
    /// text is the text `JSONEncoder` writes for the step read back.
    var writtenJSON: JSONValue {
        let step = asWritten
        var object: [String: JSONValue] = [
            "number": .number(Double(step.number)), "action": .string(step.action.rawValue),
            "resource": .object(["kind": .string(step.resource.kind.rawValue), "key": .string(step.resource.key)]),
            "method": .string(step.method), "path": .string(step.path),
            "changes": .array(step.changes.map { change in
                var written: [String: JSONValue] = ["path": .string(change.path)]
                written["before"] = change.before
                written["after"] = change.after
                written["diff"] = change.diff.map(JSONValue.string)
                return .object(written)
            }),
            "notes": .array(step.notes.map(JSONValue.string)), "depends_on": .array(step.dependsOn.map { .number(Double($0)) }),
        ]
        object["body"] = step.body
        object["produces"] = step.produces.map { .object(["address": .string($0.address), "field": .string($0.field)]) }
        object["sub_resource"] = step.subResource.map(JSONValue.string)
        object["placeholders"] = step.placeholders.map { placeholders in
            .array(placeholders.map { placeholder in
                var written: [String: JSONValue] = ["at": .string(placeholder.at)]
                written["refs"] = placeholder.refs.map { .array($0.map(JSONValue.string)) }
                written["secrets"] = placeholder.secrets.map { .array($0.map(JSONValue.string)) }
                return .object(written)
            })
        }
        return .object(object)
    }
}
