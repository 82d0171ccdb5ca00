import TenantConfig

/// Resources registered from a document the API fetches (a CIMD client, `POST /clients/cimd/register`): the
/// registration sends the document's URL alone and produces the id; what else the files say is set right after, as
/// the files say it (the document's mapping gives only a start).
extension StepBuilder {
    /// Appends the registration and the update after it when the type registers and the files give the field;
    /// false otherwise (the resource is created as usual).
    mutating func register(_ resource: DesiredResource, _ type: ResourceType, payload: [String: JSONValue], dependencies: Set<String>,
                           notes: [String]) -> Bool {
        guard let registration = type.lifecycle.registration, let value = payload[registration.field] else { return false }
        let address = resource.address
        var step = pending(.create, address, registration.method, registration.path, body: .object([registration.field: value]),
                           produces: ProducedID(address: address.description, field: type.api.idField),
                           changes: creationChanges(resource.payload, type: type),
                           notes: notes + ["Registered from the document at `\(registration.field)`, which Auth0 fetches and maps; the other fields are set right after."])
        step.dependsOn.formUnion(dependencies)
        steps.append(step)
        var after = payload
        after[registration.field] = nil
        appendSetAfterCreate(after, type, address, create: step.key, note: "What the files say beyond the registered document, set on the new \(type.noun).")
        return true
    }
}
