import APIJSON

/// One field of a request body as the OpenAPI spec describes it, checked with the API's own messages
/// ("Payload validation error: '…' on property name (The name of this organization).").
struct FieldRule: Sendable {
    var name: String
    /// JSON Schema type: string, number, integer, boolean, array, object.
    var type: String
    /// Required on create (updates never require a field).
    var required = false
    /// `null` is a value of the field (the spec's `"type": ["string", "null"]`), even when it is required.
    var nullable = false
    var minLength: Int?
    var maxLength: Int?
    var minItems: Int?
    var maxItems: Int?
    var minimum: Double?
    var maximum: Double?
    var allowed: [String]?
    var format: FieldFormat?
    /// The spec's description of the field, quoted after the property name in messages.
    var description: String?

    static func string(_ name: String, required: Bool = false, nullable: Bool = false, minLength: Int? = nil, maxLength: Int? = nil,
                       allowed: [String]? = nil, format: FieldFormat? = nil, description: String? = nil) -> FieldRule {
        FieldRule(name: name, type: "string", required: required, nullable: nullable, minLength: minLength, maxLength: maxLength, allowed: allowed,
                  format: format, description: description)
    }

    static func of(_ type: String, _ name: String, required: Bool = false, nullable: Bool = false, minItems: Int? = nil, maxItems: Int? = nil,
                   description: String? = nil) -> FieldRule {
        FieldRule(name: name, type: type, required: required, nullable: nullable, minItems: minItems, maxItems: maxItems, description: description)
    }

    static func integer(_ name: String, required: Bool = false, minimum: Double? = nil, maximum: Double? = nil, description: String? = nil) -> FieldRule {
        FieldRule(name: name, type: "integer", required: required, minimum: minimum, maximum: maximum, description: description)
    }

    /// Throws the API's 400 for the first rule `body` breaks.
    static func check(_ body: [String: JSONValue], _ rules: [FieldRule], creating: Bool) throws(APIErrorResponse) {
        for rule in rules {
            guard let value = body[rule.name] else {
                if creating && rule.required { throw .invalidBody("Payload validation error: 'Missing required property: \(rule.name)'.") }
                continue
            }
            try rule.check(value)
        }
    }

    private func failure(_ problem: String) -> APIErrorResponse {
        .invalidBody("Payload validation error: '\(problem)' on property \(name)\(description.map { " (\($0))" } ?? "").")
    }

    func check(_ value: JSONValue) throws(APIErrorResponse) {
        // A null is a type error for a required field that cannot be null, and clears an optional one.
        if value == .null {
            if required && !nullable { throw failure("Expected type \(type) but found type null") }
            return
        }
        let actual = APIRequest.typeName(value)
        guard actual == type || (type == "integer" && actual == "number") else {
            throw failure("Expected type \(type) but found type \(actual)")
        }
        if case .string(let text) = value {
            if let minLength, text.count < minLength { throw failure("String is too short (\(text.count) chars), minimum \(minLength)") }
            if let maxLength, text.count > maxLength { throw failure("String is too long (\(text.count) chars), maximum \(maxLength)") }
            if let allowed, !allowed.contains(text) { throw failure("No enum match for: \"\(text)\"") }
            if let format, !format.accepts(text) { throw failure(format.problem(text)) }
        }
        if case .number(let number) = value {
            // The wording of the API's JSON schema validator for the other limits ("String is too short (0 chars),
            // minimum 1") applied to numbers; no recording shows a number refused.
            let shown = number == number.rounded() ? String(Int(number)) : String(number)
            if type == "integer", number != number.rounded() { throw failure("Expected type integer but found type number") }
            if let minimum, number < minimum { throw failure("Value \(shown) is less than minimum \(Int(minimum))") }
            if let maximum, number > maximum { throw failure("Value \(shown) is greater than maximum \(Int(maximum))") }
        }
        if case .array(let items) = value {
            if let minItems, items.count < minItems { throw failure("Array is too short (\(items.count)), minimum \(minItems)") }
            if let maxItems, items.count > maxItems { throw failure("Array is too long (\(items.count)), maximum \(maxItems)") }
        }
    }
}

/// A string format or pattern of the spec, what it accepts, and how the API words a refusal.
struct FieldFormat: Sendable {
    var accepts: @Sendable (String) -> Bool
    var problem: @Sendable (String) -> String

    /// `"format": "organization-name"`. What it accepts is Auth0's documented rule for organization names: "May
    /// contain lowercase alphabetical characters, numbers, underscores (_), and dashes (-). Can start with a
    /// number." (auth0.com/docs/manage-users/organizations/configure-organizations/create-organizations); the
    /// length limits are the spec's minLength/maxLength. The message is the API's wording for a failed format,
    /// as recorded for other formats ("Object didn't pass validation for format absolute-https-uri-or-empty: …").
    static let organizationName = FieldFormat(
        accepts: { name in name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" } },
        problem: { "Object didn't pass validation for format organization-name: \($0)" }
    )

    /// The spec's `pattern` for discovery domains: dot-separated labels of letters, digits and inner hyphens.
    static let domainPattern = "^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$"
    static let domainName = FieldFormat(
        accepts: { domain in
            domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
                !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.unicodeScalars.allSatisfy { $0.isASCII && (("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-") }
            }
        },
        problem: { "String does not match pattern \(domainPattern): \($0)" }
    )
}
