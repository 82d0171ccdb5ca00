import TenantConfig

/// Hosted pages: each written where it lives (tenant settings under a field of its own, or the global client),
/// only the fields that changed.
extension StepBuilder {
    mutating func planPage(_ resource: DesiredResource, _ type: ResourceType) throws(PlanError) {
        guard let target = ResourceType.pageTargets.first(where: { $0.name == resource.address.key }) else {
            let names = ResourceType.pageTargets.map { "`\($0.name)`" }.joined(separator: ", ")
            throw .unsupported(resource.address, "tenantctl manages the pages \(names)", location: resource.location)
        }
        let current = live[resource.address]?.object ?? [:]
        let changes = fieldChanges(desired: resource.payload, live: current, type: type, skip: ["name"])
        guard !changes.isEmpty, let method = type.lifecycle.update else { return }
        var fields: [String: JSONValue] = [:]
        for change in changes {
            guard let apiField = target.fields[change.path], let value = resource.payload[change.path] else { continue }
            fields[apiField] = value
        }
        let path: String, body: JSONValue
        if let field = target.tenantSettingsField {
            // Tenant settings merge nested objects: the page's other fields keep their values.
            (path, body) = (type.api.path, .object([field: .object(fields)]))
        } else {
            guard let client = current["client_id"]?.stringValue ?? live.globalClientID else {
                throw .unsupported(resource.address, "the tenant's global client (which holds the login page) was not read", location: resource.location)
            }
            (path, body) = ("/clients/\(client)", .object(fields))
        }
        var step = pending(.update, resource.address, method, path, body: encodeSecrets(body), changes: changes,
                           notes: ["Merged: fields the files leave out keep their live values."])
        step.key = PendingStep.key("page", resource.address)
        steps.append(step)
    }
}
