#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        guard contains(text) else { return [] }
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

    /// Whether a string holds at least one secret reference. Searched as UTF-8 bytes: every string of every
    /// resource (scripts included) is asked, and Foundation's string search is slow on long ones.
    public static func contains(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= openUTF8.count, let base = bytes.baseAddress else { return false }
            var offset = 0
            let last = bytes.count - openUTF8.count
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(openUTF8[0]), last - offset + 1) else { return false }
                let position = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                if openUTF8.withUnsafeBufferPointer({ memcmp(base + position, $0.baseAddress!, openUTF8.count) }) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }

    private static let openUTF8 = Array(open.utf8)

    /// The text with each marker replaced by `transform(name)` (for display: `${NAME}`; for apply: the value).
    public static func substitute(in text: String, _ transform: (String) -> String) -> String {
        guard contains(text) else { return text }
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
