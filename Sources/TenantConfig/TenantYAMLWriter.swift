import Yams

/// Writes JSON values as YAML the loader reads back identically: `name`-like keys first, then sorted keys;
/// strings quoted whenever YAML would otherwise read them as something else.
public enum TenantYAMLWriter {
    /// Keys written first in a mapping, in this order, so files read naturally.
    static let leadingKeys = ["name", "identifier", "client_id", "audience", "strategy", "template", "key"]

    public static func yaml(_ value: JSONValue) -> String {
        // Serializing a node built from plain values cannot fail.
        (try? Yams.serialize(node: node(value), width: -1, allowUnicode: true)) ?? ""
    }

    static func node(_ value: JSONValue) -> Node {
        switch value {
        case .null: return Node.Scalar("null", .implicit, .plain).node
        case .bool(let b): return Node.Scalar(b ? "true" : "false", .implicit, .plain).node
        case .number(let n):
            let text = n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            return Node.Scalar(text, .implicit, .plain).node
        case .string(let s): return string(s)
        case .array(let items): return .sequence(Node.Sequence(items.map(node)))
        case .object(let members):
            let keys = leadingKeys.filter { members[$0] != nil } + members.keys.filter { !leadingKeys.contains($0) }.sorted()
            return .mapping(Node.Mapping(keys.map { (Node.Scalar($0).node, node(members[$0]!)) }))
        }
    }

    static func string(_ s: String) -> Node {
        if s.contains("\n") { return Node.Scalar(s, .implicit, .literal).node }
        let lower = s.lowercased()
        let ambiguous = ["", "~", "null", "true", "false", "yes", "no", "on", "off"].contains(lower)
            || Double(s) != nil || Int(s) != nil
            || s.first.map { "!&*-?:,[]{}#|>@`\"'%= ".contains($0) } == true
            || s.contains(": ") || s.contains(" #") || s.hasSuffix(":") || s.hasSuffix(" ")
        return Node.Scalar(s, .implicit, ambiguous ? .singleQuoted : .plain).node
    }
}

private extension Node.Scalar {
    var node: Node { .scalar(self) }
}
