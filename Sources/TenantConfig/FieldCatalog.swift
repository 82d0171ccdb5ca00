import Foundation

/// The field names the Management API accepts, per Deploy CLI section, derived from its OpenAPI spec by
/// `scripts/derive-api-fields.py` (the committed `Resources/api-fields.json`), plus the Deploy CLI's own keys.
public struct FieldCatalog: Sendable {
    /// The keys an object accepts. `open` objects accept any key (free-form maps, or options the API leaves open);
    /// in those only a near miss of a known key is reported.
    public struct Node: Sendable {
        public var keys: [String: Node?]
        public var open: Bool
        /// The string limits the API enforces on the object's own fields.
        public var limits: [String: StringLimit] = [:]

        /// The child node for a key (nil when the key's value is a leaf or unknown).
        public func child(_ key: String) -> Node? { keys[key] ?? nil }
    }

    /// What the API accepts in a string field, from its OpenAPI schema.
    public struct StringLimit: Sendable, Equatable {
        public var minLength: Int?
        public var maxLength: Int?
        public var pattern: String?
        /// A named format the spec gives without a pattern (`organization-name`).
        public var format: String?
    }

    public var sections: [String: Node]

    /// Why a field catalog could not be loaded.
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case notACatalog(String)

        public var description: String {
            let consequence = "without it no unknown key in tenant.yaml would be reported, so tenantctl stops; this build is broken: reinstall tenantctl or build it again"
            switch self {
            case .unreadable(let why): return "the field catalog bundled with tenantctl (api-fields.json) cannot be read (\(why)); \(consequence)"
            case .notACatalog(let why): return "the field catalog bundled with tenantctl (api-fields.json) is not a catalog: \(why); \(consequence)"
            }
        }
    }

    /// The catalog bundled with tenantctl (embedded in the binary). A catalog that cannot be loaded stops the
    /// process with the reason: carrying on with an empty one would switch off every unknown-key check.
    public static let bundled: FieldCatalog = loadOrExit { Data(PackageResources.api_fields_json) }

    /// Loads the catalog `read` returns, or writes why it cannot to standard error and exits with status 70
    /// (EX_SOFTWARE: the build itself is at fault, not the user's files).
    static func loadOrExit(_ read: () throws -> Data) -> FieldCatalog {
        do {
            return try load(read)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(70)
        }
    }

    /// Parses the catalog `read` returns: the Management API's fields per Deploy CLI section, plus the Deploy
    /// CLI's own keys.
    public static func load(_ read: () throws -> Data) throws(LoadError) -> FieldCatalog {
        let data: Data
        do { data = try read() } catch { throw .unreadable("\(error)") }
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch { throw .notACatalog("it is not JSON (\(error))") }
        guard case .object(let root) = json else { throw .notACatalog("it is not a JSON object") }
        var sections: [String: Node] = [:]
        for (name, value) in root where !name.hasPrefix("_") {
            guard let node = node(from: value) else { throw .notACatalog("section `\(name)` has no `keys` object") }
            sections[name] = node
        }
        guard !sections.isEmpty else { throw .notACatalog("it has no sections") }
        return FieldCatalog(sections: sections).withDeployCLIKeys()
    }

    private static func node(from value: JSONValue) -> Node? {
        guard let keys = value["keys"]?.objectValue else { return nil }
        var children: [String: Node?] = [:]
        for (key, child) in keys { children[key] = child.isNull ? Node?.none : node(from: child) }
        var limits: [String: StringLimit] = [:]
        for (key, limit) in value["limits"]?.objectValue ?? [:] {
            limits[key] = StringLimit(minLength: limit["minLength"]?.numberValue.map { Int($0) }, maxLength: limit["maxLength"]?.numberValue.map { Int($0) },
                                      pattern: limit["pattern"]?.stringValue, format: limit["format"]?.stringValue)
        }
        return Node(keys: children, open: value["open"]?.boolValue ?? false, limits: limits)
    }

    /// Keys the Deploy CLI format adds to the API's own (file references, names in place of ids).
    private func withDeployCLIKeys() -> FieldCatalog {
        var copy = self
        for section in ["databases", "connections"] {
            copy.sections[section]?.keys["enabled_clients"] = Node?.none
        }
        copy.sections["actions"]?.keys["code"] = Node?.none
        copy.sections["actions"]?.keys["deployed"] = Node?.none
        copy.sections["actions"]?.keys["status"] = Node?.none
        copy.sections["rules"]?.keys["script"] = Node?.none
        copy.sections["rules"]?.keys["stage"] = Node?.none
        copy.sections["rulesConfigs"]?.keys["value"] = Node?.none
        // Organization client associations (`/organizations/{id}/clients`): in the Deploy CLI format, not yet in the spec.
        copy.sections["organizations"]?.keys["clients"] = Node(keys: ["client_id": nil, "use_for_member_access": nil], open: false)
        return copy
    }
}

/// Finds the known key a mistyped one was most likely meant to be.
public enum NearestKey {
    /// The closest candidate within an edit distance that makes a typo plausible, or nil.
    public static func suggestion(for key: String, among candidates: some Sequence<String>) -> String? {
        let lowered = key.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(2, min(key.count, candidate.count) / 3)
        return distance <= allowed ? candidate : nil
    }

    /// Levenshtein distance, treating `_`/`-` differences and case as edits like any other.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
