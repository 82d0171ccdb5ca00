/// A placeholder that stands for a secret keyword's value inside the loaded model.
///
/// Secrets never enter the model in clear: `##DB_API_SECRET##` is replaced by `⟦secret:DB_API_SECRET⟧`, which
/// renderers print as a reference and only the apply step resolves from the environment.
public enum SecretReference {
    static let open = "⟦secret:"
    static let close = "⟧"
    /// What stands for a write-only secret the live tenant holds but tenantctl never reads or keeps
    /// (a log stream's token, a social connection's client secret).
    public static let redacted = "<redacted>"

    /// The marker that stands for the secret keyword `name`.
    public static func marker(for name: String) -> String { "\(open)\(name)\(close)" }

    /// The secret keyword names a string refers to, in order of appearance.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: open) {
            let after = rest[start.upperBound...]
            guard let end = after.range(of: close) else { break }
            names.append(String(after[..<end.lowerBound]))
            rest = after[end.upperBound...]
        }
        return names
    }

    /// Whether a string holds at least one secret reference.
    public static func contains(_ text: String) -> Bool { text.contains(open) }

    /// The text with each marker replaced by `transform(name)` (for display: `${NAME}`; for apply: the value).
    public static func substitute(in text: String, _ transform: (String) -> String) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: open) {
            let after = rest[start.upperBound...]
            guard let end = after.range(of: close) else { break }
            result += rest[..<start.lowerBound]
            result += transform(String(after[..<end.lowerBound]))
            rest = after[end.upperBound...]
        }
        return result + rest
    }

    /// Whether a keyword name says it holds a secret (`…SECRET…`, `…PASSWORD…`, `…TOKEN…`, `…API_KEY…`, …).
    public static func nameLooksSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL", "_PASS"]
            .contains { upper.contains($0) } || upper.hasSuffix("_KEY")
    }
}
