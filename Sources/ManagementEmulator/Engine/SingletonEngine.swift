import APIJSON

/// Serves every singleton of `CollectionTable.singletons`, and its part of the snapshot.
extension EmulatedTenant {
    func singleton(_ spec: SingletonSpec) -> [String: JSONValue]? { singletons[spec.path.description] }

    mutating func handleSingleton(_ spec: SingletonSpec, _ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        let key = spec.path.description
        let missing = spec.notFound ?? .unknownRoute
        switch request.method {
        case "GET":
            guard let value = singletons[key] else { throw missing }
            let item = presented(spec, value)
            return .ok(spec.projectsFields ? ListPagination(query: request.query).project(item) : item)
        case "POST":
            let body = try request.object()
            if let endpoint = spec.createEndpoint { try RequestFields.check(body, endpoint: endpoint) }
            try FieldRule.check(body, spec.fields, creating: true)
            if singletons[key] != nil { throw spec.conflict ?? missing }
            singletons[key] = body
            return APIResult(status: spec.createStatus ?? 201, body: presented(spec, body))
        case "DELETE":
            singletons[key] = nil
            return spec.deletion == .emptyObject ? .ok(.object([:])) : .noContent
        default:
            let body = try request.object()
            if let endpoint = spec.updateEndpoint { try RequestFields.check(body, endpoint: endpoint) }
            try FieldRule.check(body, spec.fields, creating: spec.updates == .replace)
            guard var value = singletons[key] else { throw missing }
            switch spec.updates {
            case .deepMerge: value = Self.merge(value, body)
            case .topLevelMerge: for (field, new) in body { value[field] = new == .null ? nil : new }
            case .replace: value = body
            }
            singletons[key] = value
            return .ok(presented(spec, value))
        }
    }

    private func presented(_ spec: SingletonSpec, _ value: [String: JSONValue]) -> JSONValue {
        .object(spec.hooks.present?(value, self) ?? value)
    }

    /// Loads each singleton's section; a fresh tenant (no snapshot) gets each one's initial value.
    mutating func loadSingletons(_ object: [String: JSONValue]?, source: String) throws {
        for spec in CollectionTable.singletons {
            guard let object else {
                singletons[spec.path.description] = spec.initial
                continue
            }
            switch object[spec.snapshot] {
            case .object(let value)?: singletons[spec.path.description] = value
            case nil, .null?: singletons[spec.path.description] = spec.alwaysExists ? [:] : nil
            case .some: throw SeedError(description: "\(source): `\(spec.snapshot)` is not an object")
            }
        }
    }

    /// Each singleton's section: as stored (state file), or as read and redacted (admin channel); `null` when absent.
    func singletonSections(includeSecrets: Bool) -> [String: JSONValue] {
        var sections: [String: JSONValue] = [:]
        for spec in CollectionTable.singletons {
            guard let value = singleton(spec) else {
                sections[spec.snapshot] = .null
                continue
            }
            let presented = spec.hooks.present?(value, self) ?? value
            sections[spec.snapshot] = .object(includeSecrets ? value : (spec.hooks.redactForSnapshot ?? { $0 })(presented))
        }
        return sections
    }
}
