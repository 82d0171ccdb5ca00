import TenantConfig

/// Where one of a step's placeholders sits and what it stands for: the id an earlier step creates
/// (`{{ref:<address>}}`) or a secret keyword's value (`{{secret:NAME}}`). The planner records them once, when it
/// assembles the steps; apply substitutes exactly these, at exactly these places, and sends every other string as
/// written (a script that happens to hold `{{secret:…}}` text is never filled in). Part of the plan file, so a
/// changed index is a changed step that apply refuses.
public struct StepPlaceholder: Codable, Sendable, Equatable {
    /// `path` for the step's API path; otherwise a JSON Pointer (RFC 6901) to a string of the body:
    /// `/options/configuration/CLIENT_SECRET`, `/client_id`, `/enabled_clients/0`.
    public var at: String
    /// The addresses whose created ids go here, in order of appearance.
    public var refs: [String]?
    /// The secret keywords whose values go here, in order of appearance.
    public var secrets: [String]?

    public init(at: String, refs: [String]? = nil, secrets: [String]? = nil) {
        self.at = at
        self.refs = refs
        self.secrets = secrets
    }

    /// `at` for the step's path.
    public static let pathLocation = "path"

    public static func reference(_ address: String) -> String { "{{ref:\(address)}}" }
    public static func secret(_ name: String) -> String { "{{secret:\(name)}}" }

    /// Every placeholder of a step: in its path and in every string of its body. Only names the plan knows count:
    /// `refs` that a step of this plan creates, `secrets` the plan resolved (or lacks); other text that looks like a
    /// placeholder is the files' own text and stays as written.
    public static func index(path: String, body: JSONValue?, refs: Set<String>, secrets: Set<String>) -> [StepPlaceholder] {
        var found: [StepPlaceholder] = []
        if let placeholder = scan(path, at: pathLocation, refs: refs, secrets: []) { found.append(placeholder) }
        if let body { walk(body, pointer: "", refs: refs, secrets: secrets, into: &found) }
        return found
    }

    private static func walk(_ value: JSONValue, pointer: String, refs: Set<String>, secrets: Set<String>, into found: inout [StepPlaceholder]) {
        switch value {
        case .string(let text):
            if let placeholder = scan(text, at: pointer, refs: refs, secrets: secrets) { found.append(placeholder) }
        case .array(let items):
            for (index, item) in items.enumerated() { walk(item, pointer: "\(pointer)/\(index)", refs: refs, secrets: secrets, into: &found) }
        case .object(let members):
            // Sorted, so that the index of a body is always written in the same order.
            for key in members.keys.sorted() {
                walk(members[key]!, pointer: pointer + "/" + JSONPointer.escape(key), refs: refs, secrets: secrets, into: &found)
            }
        case .null, .bool, .number:
            break
        }
    }

    /// The placeholders one string holds, or nil. Looks for `{{` bytes first: nearly every string has none.
    static func scan(_ text: String, at location: String, refs: Set<String>, secrets: Set<String>) -> StepPlaceholder? {
        guard holdsDoubleBrace(text) else { return nil }
        var foundRefs: [String] = [], foundSecrets: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            let inner = after[..<close.lowerBound]
            if inner.hasPrefix("ref:"), refs.contains(String(inner.dropFirst(4))) {
                foundRefs.append(String(inner.dropFirst(4)))
            } else if inner.hasPrefix("secret:"), secrets.contains(String(inner.dropFirst(7))) {
                foundSecrets.append(String(inner.dropFirst(7)))
            }
            rest = after[close.upperBound...]
        }
        guard !foundRefs.isEmpty || !foundSecrets.isEmpty else { return nil }
        return StepPlaceholder(at: location, refs: foundRefs.isEmpty ? nil : foundRefs, secrets: foundSecrets.isEmpty ? nil : foundSecrets)
    }

    private static func holdsDoubleBrace(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == byte { return true }
            previous = byte
        }
        return false
    }
}

/// JSON Pointers (RFC 6901) into a body: `/options/configuration/KEY`, `~1` for `/` and `~0` for `~` in a key.
public enum JSONPointer {
    static func escape(_ key: String) -> String {
        guard key.contains("~") || key.contains("/") else { return key }
        return key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The pointer's reference tokens; nil when it is not a pointer (it must start with `/`).
    public static func tokens(_ pointer: String) -> [String]? {
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// `value` with the string the pointer names replaced by `transform(string)`; nil when the pointer does not
    /// name a string of `value`.
    public static func replacingString(at pointer: String, in value: JSONValue, _ transform: (String) throws -> String) rethrows -> JSONValue? {
        guard let tokens = tokens(pointer) else { return nil }
        return try replacing(tokens[...], in: value, transform)
    }

    private static func replacing(_ tokens: ArraySlice<String>, in value: JSONValue, _ transform: (String) throws -> String) rethrows -> JSONValue? {
        guard let token = tokens.first else {
            guard case .string(let text) = value else { return nil }
            return .string(try transform(text))
        }
        switch value {
        case .object(var members):
            guard let member = members[token], let replaced = try replacing(tokens.dropFirst(), in: member, transform) else { return nil }
            members[token] = replaced
            return .object(members)
        case .array(var items):
            guard let index = Int(token), String(index) == token, items.indices.contains(index),
                  let replaced = try replacing(tokens.dropFirst(), in: items[index], transform) else { return nil }
            items[index] = replaced
            return .array(items)
        default:
            return nil
        }
    }
}
