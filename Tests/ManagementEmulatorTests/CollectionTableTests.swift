import APIJSON
import Foundation
import Testing
@testable import ManagementEmulator

/// The emulator's collection table, checked for consistency and against the Management API's OpenAPI spec.
@Suite struct CollectionTableTests {
    static let specFile = RecordedInteractionsTests.referenceRoot.appendingPathComponent("management-api-oas.json")
    static let specIsPresent = FileManager.default.fileExists(atPath: specFile.path)

    /// Where the table knowingly departs from the spec, and what says so.
    static let departures: [String: String] = [
        // A go-auth0 recording (TestRoleManager_Permissions) shows 204; the spec says 200.
        "status DELETE roles/{id}/permissions": "204",
        // The recorded go-auth0__TestResourceServer_Update answers 200; the spec says 201.
        "status PATCH resource-servers/{id}": "200",
        // These operations' 403 descriptions name `read:user-attribute-profiles`, `read:connection-profiles` and
        // `read:phone_provider`; the same operations' security requirements (and every other operation of these
        // collections) name the scopes with underscores and in the plural, which the table asks.
        "scope GET user-attribute-profiles/{id}": "read:user_attribute_profiles",
        "scope DELETE user-attribute-profiles/{id}": "delete:user_attribute_profiles",
        "scope GET connection-profiles/{id}": "read:connection_profiles",
        "scope DELETE connection-profiles/{id}": "delete:connection_profiles",
        "scope GET branding/phone/providers": "read:phone_providers",
        "scope POST branding/phone/providers": "create:phone_providers",
        "scope GET branding/phone/providers/{id}": "read:phone_providers",
        "scope PATCH branding/phone/providers/{id}": "update:phone_providers",
        "scope DELETE branding/phone/providers/{id}": "delete:phone_providers",
    ]

    @Test func everyWriteEndpointIsKnownToTheFieldCheck() {
        // RequestFields.check lets an unknown endpoint name through: a misspelt name would check nothing.
        let singletonWrites = CollectionTable.singletons.filter { !$0.openBody && !$0.arrayBody }.flatMap { spec in
            spec.writes.keys.sorted().map(spec.endpoint) + (spec.createStatus != nil ? [spec.endpoint("POST")] : [])
        }
        let names = CollectionTable.all.flatMap { [$0.createEndpoint, $0.updateEndpoint].compactMap { $0 } } + singletonWrites
            + ["POST /roles/{id}/permissions", "DELETE /roles/{id}/permissions", "POST /organizations/{id}/enabled_connections",
               "POST /email-templates", "POST /branding/themes", "PUT /branding/templates/universal-login"]
        for name in names { #expect(RequestFields.allowed[name] != nil, "\(name) is not in request-fields.json: add it to scripts/derive-api-fields.py") }
    }

    @Test func subResourcesHangUnderACollectionOfTheTable() {
        for spec in CollectionTable.all {
            guard let (parent, parameter) = spec.path.parentCollection else { continue }
            #expect(CollectionTable.spec(at: parent) != nil, "\(spec.path) has no parent spec at \(parent)")
            #expect(parameter != spec.itemParameter, "\(spec.path)")
            if let storage = spec.storage { #expect(CollectionTable.spec(at: storage) != nil, "\(spec.path) stores in \(storage), which no spec owns") }
        }
        var embedded: Set<String> = []
        for spec in CollectionTable.all {
            switch spec.snapshot {
            case .section(let name):
                let inserted = embedded.insert(name).inserted
                #expect(inserted, "two specs write the section \(name)")
            case .embedded(let key, _):
                let inserted = embedded.insert("\(spec.path.parentCollection?.path.description ?? "")/\(key)").inserted
                #expect(inserted, "two specs embed \(key) in the same parent")
            case .none:
                #expect(spec.storage != nil, "\(spec.path) is in no snapshot but owns its table")
            }
        }
    }

    @Test func singletonSectionsAreTheirsAlone() {
        let collectionSections = Set(CollectionTable.all.compactMap { spec -> String? in
            if case .section(let name) = spec.snapshot { return name }
            return nil
        })
        var kinds: [String: String] = [:]
        var members: Set<String> = []
        for spec in CollectionTable.singletons {
            let name = spec.snapshot.section
            #expect(!collectionSections.contains(name), "\(name) is a collection's section too")
            let kind: String
            switch spec.snapshot {
            case .section: kind = "section"
            case .member(_, let key):
                kind = "object"
                #expect(members.insert("\(name).\(key)").inserted, "two specs write \(name).\(key)")
            case .item, .items: kind = "list"
            }
            if kind == "section" { #expect(kinds[name] == nil, "two specs write the section \(name)") }
            #expect(kinds[name] == nil || kinds[name] == kind, "\(name) is written as a \(kinds[name] ?? "") and a \(kind)")
            kinds[name] = kind
        }
    }

    @Test(.enabled(if: specIsPresent, "\(RecordedInteractionsTests.absence("the Management API's spec in the reference folder", then: "CI runs it with it"))"))
    func routesScopesStatusesAndPagingAgreeWithTheSpec() throws {
        let root = try JSONValue.parse(Data(contentsOf: Self.specFile))
        let paths = try #require(root["paths"]?.objectValue)
        for route in CollectionRoutes.all {
            let (specPath, operations) = try #require(paths.first { PathPattern($0.key).segments.count == route.path.segments.count && Self.sameShape(PathPattern($0.key), route.path) },
                                                      "\(route.path) is not a path of the spec")
            for method in ["GET", "POST", "PATCH", "PUT", "DELETE"] where route.accepts(method) {
                let operation = try #require(operations[method.lowercased()], "\(method) \(specPath) is not in the spec")
                let label = "\(method) \(route.path)"
                // The spec names an operation's scope in its security section and in its 403's description. Where
                // they differ (POST /rules: security create:rules, 403 read:rules; PATCH /hooks/{id}: security
                // update:hooks, 403 create:hooks, which the emulator keeps), the emulator asks one of them.
                let scopes = (Self.securityScopes(operation) ?? []) + (Self.scopes(operation) ?? [])
                if !scopes.isEmpty {
                    let scope = route.scope(for: method)
                    #expect(scopes.contains(scope) || Self.departures["scope \(label)"] == scope, "\(label) asks \(scope); the spec names \(scopes)")
                }
                let successes = (operation["responses"]?.objectValue ?? [:]).keys.filter { $0.hasPrefix("2") }
                for status in Self.statuses(route, method) {
                    #expect(successes.contains(status) || Self.departures["status \(label)"] == status, "\(label) answers \(status); the spec \(successes.sorted())")
                }
                if method == "GET", case .collection(let spec) = route.kind {
                    let parameters = Set((operation["parameters"]?.arrayValue ?? []).compactMap { Self.parameterName($0, root) })
                    switch spec.listing {
                    case .plainArray: #expect(!parameters.contains("page"), "\(label) pages in the spec")
                    case .offset: #expect(parameters.contains("page") && !parameters.contains("take"), "\(label): the spec's paging is \(parameters.sorted())")
                    case .offsetOrCheckpoint: #expect(parameters.contains("page") && parameters.contains("take"), "\(label): the spec's paging is \(parameters.sorted())")
                    case .offsetWrapped: #expect(parameters.contains("page") && !parameters.contains("take"), "\(label): the spec's paging is \(parameters.sorted())")
                    case .unpaged: #expect(!parameters.contains("page") && !parameters.contains("take"), "\(label) pages in the spec")
                    case .checkpoint: #expect(!parameters.contains("page") && parameters.contains("take"), "\(label): the spec's paging is \(parameters.sorted())")
                    }
                }
            }
        }
    }

    static func sameShape(_ a: PathPattern, _ b: PathPattern) -> Bool {
        zip(a.segments, b.segments).allSatisfy { pair in
            switch pair {
            case (.literal(let x), .literal(let y)): x == y
            case (.parameter, .parameter): true
            default: false
            }
        }
    }

    /// The scopes of an operation's `security` section (`[{"bearerAuth": ["read:rules"]}]`), when it has one.
    static func securityScopes(_ operation: JSONValue) -> [String]? {
        let scopes = (operation["security"]?.arrayValue ?? []).flatMap { requirement in
            (requirement.objectValue ?? [:]).values.flatMap { $0.arrayValue?.compactMap(\.stringValue) ?? [] }
        }
        return scopes.isEmpty ? nil : scopes
    }

    /// The scopes an operation's 403 description names ("…expected any of: read:organizations, …").
    static func scopes(_ operation: JSONValue) -> [String]? {
        guard let text = operation["responses"]?["403"]?["description"]?.stringValue,
              let range = text.range(of: #"expected( any of)?:\s*"#, options: .regularExpression) else { return nil }
        return text[range.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " .")) }
    }

    /// The statuses the emulator answers a successful request with; none when it never succeeds (hook writes).
    static func statuses(_ route: CollectionRoutes.Route, _ method: String) -> [String] {
        if case .custom(let custom) = route.kind, !custom.statuses.isEmpty { return custom.statuses.map(String.init) }
        return status(route, method).map { [$0] } ?? []
    }

    static func status(_ route: CollectionRoutes.Route, _ method: String) -> String? {
        switch route.kind {
        case .custom(let custom):
            if custom.path.description == "roles/{id}/permissions" { return method == "POST" ? "201" : "204" }
            return method == "GET" ? "200" : nil
        case .singletonList: return "200"
        case .collection(let spec): return method == "POST" ? spec.createStatus.map(String.init) : "200"
        case .item(let spec): return method == "DELETE" ? (spec.deletion == .emptyObject ? "200" : "204") : "200"
        case .singleton(let spec):
            switch method {
            case "POST": return spec.createStatus.map(String.init)
            case "DELETE": return spec.deletion == .emptyObject ? "200" : "204"
            default: return "200"
            }
        }
    }

    static func parameterName(_ parameter: JSONValue, _ root: JSONValue) -> String? {
        if let reference = parameter["$ref"]?.stringValue, let name = reference.split(separator: "/").last {
            return root["components"]?["parameters"]?[String(name)]?["name"]?.stringValue
        }
        return parameter["name"]?.stringValue
    }
}
