/// A resource name, or a glob pattern over names, as `exclude:` in tenantctl.yaml writes them: `*` matches any run of
/// characters, `?` one character, `[abc]`, `[a-z]` and `[!a-z]` one character of (or not of) a set, and `\` takes the
/// next character literally (`App \[beta\]`). Matching is case-sensitive, as Auth0 names are. A name with none of
/// these characters matches itself only.
public struct NamePattern: Sendable, Hashable, CustomStringConvertible {
    /// Why a pattern does not compile.
    public struct CompileError: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private enum Token: Sendable, Hashable {
        case literal(Character)
        case any
        case anyRun
        case set([ClosedRange<Character>], negated: Bool)
    }

    public let description: String
    private let tokens: [Token]

    /// The pattern `text` writes; throws, saying why and what to write instead, when it does not compile.
    public init(_ text: String) throws(CompileError) {
        description = text
        var tokens: [Token] = []
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\\":
                guard let next = characters.popFirst() else {
                    throw CompileError(message: "it ends with `\\`, which takes the next character literally; write `\\\\` for a backslash")
                }
                tokens.append(.literal(next))
            case "*": tokens.append(.anyRun)
            case "?": tokens.append(.any)
            case "[":
                var negated = false
                if characters.first == "!" || characters.first == "^" { negated = true; characters.removeFirst() }
                var ranges: [ClosedRange<Character>] = []
                var closed = false
                var first = true
                while let member = characters.popFirst() {
                    if member == "]" && !first { closed = true; break }
                    first = false
                    var low = member
                    if low == "\\" {
                        guard let escaped = characters.popFirst() else { break }
                        low = escaped
                    }
                    if characters.first == "-", characters.dropFirst().first.map({ $0 != "]" }) == true {
                        characters.removeFirst()
                        var high = characters.removeFirst()
                        if high == "\\", let escaped = characters.popFirst() { high = escaped }
                        guard low <= high else {
                            throw CompileError(message: "the range `\(low)-\(high)` in a `[…]` set runs backwards; write `\(high)-\(low)`")
                        }
                        ranges.append(low...high)
                    } else {
                        ranges.append(low...low)
                    }
                }
                guard closed else {
                    throw CompileError(message: "`[` opens a set of characters that is never closed with `]`; write `\\[` for a literal bracket")
                }
                tokens.append(.set(ranges, negated: negated))
            default:
                tokens.append(.literal(character))
            }
        }
        self.tokens = tokens
    }

    /// A pattern matching exactly `name`, whatever characters it holds (a Deploy CLI exclusion names one resource).
    /// Written with its special characters escaped, so that it reads back as the same pattern.
    public static func exactly(_ name: String) -> NamePattern {
        NamePattern(literal: name)
    }

    private init(literal name: String) {
        description = name.map { "\\*?[]".contains($0) ? "\\\($0)" : String($0) }.joined()
        tokens = name.map(Token.literal)
    }

    /// Whether the pattern holds a wildcard or a set (rather than naming one resource).
    public var isGlob: Bool {
        tokens.contains { if case .literal = $0 { false } else { true } }
    }

    /// Whether `name` is one the pattern names (the whole name, case-sensitive).
    public func matches(_ name: String) -> Bool {
        Self.match(tokens[...], Array(name)[...])
    }

    private static func match(_ pattern: ArraySlice<Token>, _ name: ArraySlice<Character>) -> Bool {
        var pattern = pattern, name = name
        // Iterative for literals; a run tries each split (names are short).
        while let token = pattern.first {
            switch token {
            case .anyRun:
                let rest = pattern.dropFirst()
                if rest.isEmpty { return true }
                for start in name.indices + [name.endIndex] where match(rest, name[start...]) { return true }
                return false
            case .any:
                guard !name.isEmpty else { return false }
            case .literal(let character):
                guard name.first == character else { return false }
            case .set(let ranges, let negated):
                guard let character = name.first, ranges.contains(where: { $0.contains(character) }) != negated else { return false }
            }
            pattern = pattern.dropFirst()
            name = name.dropFirst()
        }
        return name.isEmpty
    }
}
