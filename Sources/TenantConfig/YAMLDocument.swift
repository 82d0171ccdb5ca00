import Foundation
import Yams

/// Parses YAML text into `ConfigNode`s that remember where each value came from.
/// Guards against inputs that would exhaust memory: alias expansion is bounded by `maximumNodes`.
public enum YAMLDocument {
    /// The most values one document may expand to (aliases included) before it is refused.
    public static let maximumNodes = 1_000_000

    /// Why a YAML document could not be turned into a value tree.
    public enum ParseError: Error, Equatable {
        case syntax(message: String, line: Int, column: Int)
        case tooManyNodes(limit: Int)
        case nonStringKey(line: Int, column: Int)
    }

    /// Parses one document; an empty document is `nil`.
    public static func parse(_ text: String, file: String) throws(ParseError) -> ConfigNode? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw .syntax(message: "\(error)", line: 1, column: 1)
        }
        guard let node else { return nil }
        var budget = maximumNodes
        return try convert(node, file: file, budget: &budget)
    }

    private static func syntaxError(_ error: YamlError) -> ParseError {
        switch error {
        case .scanner(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .syntax(message: what, line: mark.line, column: mark.column)
        case .parser(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .syntax(message: what, line: mark.line, column: mark.column)
        case .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .syntax(message: what, line: mark.line, column: mark.column)
        case .reader(let problem, _, _, _):
            return .syntax(message: problem, line: 1, column: 1)
        default:
            return .syntax(message: "\(error)", line: 1, column: 1)
        }
    }

    private static func convert(_ node: Node, file: String, budget: inout Int) throws(ParseError) -> ConfigNode {
        budget -= 1
        guard budget >= 0 else { throw .tooManyNodes(limit: maximumNodes) }
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            return ConfigNode(scalarValue(scalar), at: location)
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, file: file, budget: &budget)) }
            return ConfigNode(.sequence(items), at: location)
        case .mapping(let mapping):
            var entries: [ConfigEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw .nonStringKey(line: key.mark?.line ?? location.line, column: key.mark?.column ?? location.column)
                }
                let keyLocation = SourceLocation(file: file, line: key.mark?.line ?? location.line, column: key.mark?.column ?? location.column)
                entries.append(ConfigEntry(key: keyScalar.string, keyLocation: keyLocation, value: try convert(value, file: file, budget: &budget)))
            }
            return ConfigNode(.mapping(entries), at: location)
        case .alias:
            // Yams resolves aliases while composing; an unresolved alias is a syntax problem.
            throw .syntax(message: "unresolved alias", line: location.line, column: location.column)
        }
    }

    /// YAML 1.2 core schema resolution of a scalar, as the Deploy CLI's js-yaml does for unquoted values.
    private static func scalarValue(_ scalar: Node.Scalar) -> ConfigNode.Value {
        guard scalar.style == .plain else { return .string(scalar.string) }
        let text = scalar.string
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let int = Int(text) { return .int(int) }
        if text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
           let double = Double(text), !text.lowercased().hasPrefix("0x") {
            return .double(double)
        }
        return .string(text)
    }
}
