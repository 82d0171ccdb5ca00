import Foundation

/// Checks a string against what the Management API accepts for its field (length, pattern, named format), so that a
/// value the API would refuse is an error with its file and line before any call.
enum StringLimitCheck {
    /// Named formats the spec gives without a pattern, with what they allow (Auth0's documentation).
    static let formats: [String: (pattern: String, description: String)] = [
        "organization-name": ("^[a-z0-9_-]+$", "lowercase letters, digits, `-` and `_`"),
    ]

    /// What is wrong with the value, phrased to follow "`field` in `section` ", or nil when the API accepts it.
    static func problem(_ text: String, _ limit: FieldCatalog.StringLimit) -> String? {
        let length = text.count
        if let maximum = limit.maxLength, length > maximum {
            return "is \(length) characters long; the Management API accepts at most \(maximum). Shorten it."
        }
        if let minimum = limit.minLength, length < minimum {
            return "is \(length == 0 ? "empty" : "\(length) characters long"); the Management API needs at least \(minimum)."
        }
        if let format = limit.format.flatMap({ formats[$0] }), !matches(text, format.pattern) {
            return "is `\(text)`: the Management API accepts only \(format.description) here."
        }
        if let pattern = limit.pattern, !matches(text, pattern) {
            return "is `\(text)`, which the Management API refuses (it must match `\(pattern)`)."
        }
        return nil
    }

    private static func matches(_ text: String, _ pattern: String) -> Bool {
        // A pattern this build cannot compile is not held against the user's value.
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return true }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
