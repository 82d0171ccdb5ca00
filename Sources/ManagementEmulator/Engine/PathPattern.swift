/// An API path relative to `/api/v2` with named parameters: `organizations/{id}/enabled_connections`.
struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]

    init(_ text: String) {
        segments = text.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
    }

    private init(segments: [Segment]) { self.segments = segments }

    var description: String {
        segments.map { if case .parameter(let name) = $0 { "{\(name)}" } else if case .literal(let text) = $0 { text } else { "" } }.joined(separator: "/")
    }

    /// The first literal segment: the part of the path that routes to this emulator's endpoints.
    var root: String {
        if case .literal(let text)? = segments.first { return text }
        return ""
    }

    /// How many segments are fixed text: the more, the more specific a match.
    var literalCount: Int { segments.filter { if case .literal = $0 { true } else { false } }.count }

    /// The parameter names, in order.
    var parameters: [String] { segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } } }

    func appending(parameter name: String) -> PathPattern { PathPattern(segments: segments + [.parameter(name)]) }

    /// The pattern without its last two segments (`organizations/{id}/members` → `organizations`), when the
    /// second-to-last is a parameter: the collection this one is a sub-resource of.
    var parentCollection: (path: PathPattern, parameter: String)? {
        guard segments.count >= 3, case .parameter(let name) = segments[segments.count - 2] else { return nil }
        return (PathPattern(segments: Array(segments.dropLast(2))), name)
    }

    /// The parameter values when `path` has this shape, nil otherwise.
    func match(_ path: [String]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var values: [String: String] = [:]
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let text): if text != part { return nil }
            case .parameter(let name): values[name] = part
            }
        }
        return values
    }

    /// The concrete path with the parameters filled in (parameters missing from `values` stay as `{name}`).
    func filled(_ values: [String: String]) -> String {
        segments.map {
            switch $0 {
            case .literal(let text): text
            case .parameter(let name): values[name] ?? "{\(name)}"
            }
        }.joined(separator: "/")
    }
}
