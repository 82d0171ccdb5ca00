import APIJSON

/// Serves every singleton of `CollectionTable.singletons`: reads, merging or replacing writes, creates and deletes,
/// with the real status codes and errors.
extension EmulatedTenant {
    /// The stored object of a spec under the given path parameters.
    func singleton(_ spec: SingletonSpec, _ parameters: [String: String] = [:]) -> JSONValue? { singletons[spec.path.filled(parameters)] }

    mutating func handleSingleton(_ spec: SingletonSpec, _ request: APIRequest, _ parameters: [String: String]) throws(APIErrorResponse) -> APIResult {
        try Self.checkKeys(spec, parameters)
        if let feature = spec.feature, unavailableFeatures.contains(feature) { throw feature.refusal }
        let key = spec.path.filled(parameters)
        let missing = spec.notFound ?? .unknownRoute
        switch request.method {
        case "GET":
            guard let value = singletons[key] ?? spec.absentReads else { throw missing }
            let item = presented(spec, value, parameters)
            return .ok(spec.projectsFields ? ListPagination(query: request.query).project(item) : item)
        case "POST":
            let body = try request.object()
            try RequestFields.check(body, endpoint: spec.endpoint("POST"))
            try FieldRule.check(body, spec.fields, creating: true)
            if singletons[key] != nil { throw spec.conflict ?? missing }
            singletons[key] = .object(Self.withoutKeys(spec, body))
            return APIResult(status: spec.createStatus ?? 201, body: presented(spec, .object(body), parameters))
        case "DELETE":
            if singletons[key] == nil, spec.deletingMissing == .notFound { throw missing }
            singletons[key] = nil
            return spec.deletion == .emptyObject ? .ok(.object([:])) : .noContent
        default:
            guard let semantics = spec.writes[request.method] else { throw .unknownRoute }
            let body = try checkedBody(spec, request, semantics)
            guard let current = singletons[key] ?? spec.absentReads else { throw missing }
            let updated: JSONValue
            switch (semantics, current, body) {
            case (.deepMerge, .object(let stored), .object(let changes)): updated = .object(Self.merge(stored, changes))
            case (.topLevelMerge, .object(var stored), .object(let changes)):
                for (field, new) in changes { stored[field] = new == .null ? nil : new }
                updated = .object(stored)
            default: updated = body
            }
            var object = updated.objectValue.map { Self.withoutKeys(spec, $0) }
            if let stored = spec.stored, let kept = object, let changes = body.objectValue { object = try stored(changes, kept) }
            singletons[key] = object.map(JSONValue.object) ?? updated
            let answer = presented(spec, singletons[key] ?? updated, parameters)
            return .ok(spec.writeAnswer?(answer) ?? answer)
        }
    }

    /// The body of a write, checked: its shape, its top-level fields against the spec, their types and enums.
    private func checkedBody(_ spec: SingletonSpec, _ request: APIRequest, _ semantics: UpdateSemantics) throws(APIErrorResponse) -> JSONValue {
        if spec.arrayBody {
            guard let body = request.body, body.arrayValue != nil else {
                throw .invalidBody("Payload validation error: 'Expected type array but found type \(request.body.map(APIRequest.typeName) ?? "null")'.")
            }
            try spec.validate?(body)
            return body
        }
        let body = try request.object()
        if !spec.openBody { try RequestFields.check(body, endpoint: spec.endpoint(request.method)) }
        try FieldRule.check(body, spec.fields, creating: semantics == .replace || spec.requiredOnUpdate)
        try spec.validate?(.object(body))
        return .object(body)
    }

    /// How an object reads: write-only fields left out, the path parameters the spec presents added.
    func presented(_ spec: SingletonSpec, _ value: JSONValue, _ parameters: [String: String]) -> JSONValue {
        guard case .object(var object) = value else { return value }
        for path in spec.writeOnly { object = Self.removing(path, from: object) }
        for (parameter, field) in spec.presentedKeys { if let key = parameters[parameter] { object[field] = .string(key) } }
        return .object(object)
    }

    /// An object as stored: the presented key fields come from the path, never from the body.
    static func withoutKeys(_ spec: SingletonSpec, _ object: [String: JSONValue]) -> [String: JSONValue] {
        object.filter { field, _ in !spec.presentedKeys.values.contains(field) }
    }

    private static func removing(_ path: [String], from object: [String: JSONValue]) -> [String: JSONValue] {
        guard let first = path.first else { return object }
        var copy = object
        if path.count == 1 {
            copy[first] = nil
        } else if case .object(let nested)? = copy[first] {
            copy[first] = .object(removing(Array(path.dropFirst()), from: nested))
        }
        return copy
    }

    /// The API's 400 for a path parameter outside the spec's enum. The wording follows the API's body validation
    /// ("Payload validation error: 'No enum match for: …'"); no recording shows a refused path.
    static func checkKeys(_ spec: SingletonSpec, _ parameters: [String: String]) throws(APIErrorResponse) {
        for (parameter, allowed) in spec.keys.sorted(by: { $0.key < $1.key }) {
            guard let value = parameters[parameter], !allowed.contains(value) else { continue }
            throw APIErrorResponse(status: 400, message: "Path validation error: 'No enum match for: \"\(value)\"' on property \(parameter).", errorCode: "invalid_uri")
        }
    }
}
