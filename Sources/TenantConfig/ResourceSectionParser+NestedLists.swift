/// Nested lists (`screenRenderers: [{prompt: {screen: file}}]`) are merged into one mapping by their levels: a value
/// named twice would silently lose one of its writings, so the second is an error at its line.
extension ResourceSectionParser {
    static func nestedListFindings(_ type: ResourceType, _ section: ConfigNode) -> [Finding] {
        var findings: [Finding] = []
        for list in type.nestedLists {
            guard let written = section[list.member], written.isSequence else { continue }
            var seen: [[String]: SourceLocation] = [:]
            for item in written.items {
                for (path, location) in Self.leaves(item, depth: list.levels.count) {
                    if let first = seen[path] {
                        let place = first.file == location.file ? "line \(first.line)" : "\(first)"
                        findings.append(.loader("duplicate-name", location,
                            "`\(list.member)` names \(zip(list.levels, path).map { "\($0) `\($1)`" }.joined(separator: ", ")) twice (first at \(place)); keep one"))
                    } else {
                        seen[path] = location
                    }
                }
            }
        }
        return findings
    }

    /// Each value of a nested mapping with its keys, and where its key is written.
    private static func leaves(_ node: ConfigNode, depth: Int) -> [([String], SourceLocation)] {
        guard depth > 0, node.isMapping else { return [] }
        return node.entries.flatMap { entry -> [([String], SourceLocation)] in
            depth == 1 ? [([entry.key], entry.keyLocation)] : leaves(entry.value, depth: depth - 1).map { ([entry.key] + $0.0, $0.1) }
        }
    }
}
