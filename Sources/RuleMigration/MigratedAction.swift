import Foundation

/// One rule converted into an action: the names, where the code goes, and how tenant.yaml declares it.
public struct MigratedAction: Sendable, Equatable {
    public var ruleName: String
    /// The action's name: the rule's, in lower case with hyphens (`Add roles` → `add-roles`).
    public var actionName: String
    /// The code file as the YAML names it (`./actions/add-roles/code.js`).
    public var codeReference: String
    /// The code file's path from the working directory.
    public var codePath: String
    public var converted: ConvertedRule
    /// The action secrets (`rulesConfigs` keys the code reads), each with its value as written in `rulesConfigs`.
    public var secrets: [ActionSecret]
    /// Whether it is bound to post-login: a disabled rule ran nowhere, so its action is created but not bound.
    public var bound: Bool

    /// The action's name for a rule's: lower case, every run of other characters a hyphen.
    public static func name(forRule rule: String) -> String {
        var name = ""
        var pendingHyphen = false
        for character in rule.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingHyphen && !name.isEmpty { name.append("-") }
                name.append(character)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return name.isEmpty ? "rule" : name
    }

    /// The `actions:` entry, at two spaces.
    var yamlEntry: String {
        var lines = [
            "  - name: \(YAMLScalar.quoted(actionName))",
            "    code: \(YAMLScalar.quoted(codeReference))",
            "    runtime: node22",
            "    deployed: true",
        ]
        if converted.dependencies.isEmpty {
            lines.append("    dependencies: []")
        } else {
            lines.append("    dependencies:")
            for dependency in converted.dependencies {
                lines += ["      - name: \(YAMLScalar.quoted(dependency.name))", "        version: \(YAMLScalar.quoted(dependency.version))"]
            }
        }
        if !secrets.isEmpty {
            lines.append("    secrets:")
            for secret in secrets { lines += ["      - name: \(YAMLScalar.quoted(secret.name))", "        value: \(secret.value)"] }
        }
        lines += ["    supported_triggers:", "      - id: post-login", "        version: v3"]
        return lines.joined(separator: "\n")
    }

    /// The `triggers: post-login:` binding, at two spaces.
    var yamlBinding: String {
        "  - action_name: \(YAMLScalar.quoted(actionName))\n    display_name: \(YAMLScalar.quoted(ruleName))"
    }
}

/// An action secret fed from a secret keyword: `name` and its value as `rulesConfigs` wrote it (`##SLACK_TOKEN##`).
public struct ActionSecret: Sendable, Hashable {
    public var name: String
    /// The YAML text of the value, written as is.
    public var value: String
}

/// YAML scalars written plain when YAML reads them back as the same string, double-quoted otherwise.
enum YAMLScalar {
    static func quoted(_ text: String) -> String {
        let reserved: Set<String> = ["", "~", "null", "true", "false", "yes", "no", "on", "off"]
        let plain = !reserved.contains(text.lowercased()) && Double(text) == nil
            && text.first.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "/" || $0 == "_" } == true
            && text.allSatisfy { $0.isLetter || $0.isNumber || " ._/-@^~".contains($0) } && text.last != " "
        guard !plain else { return text }
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 { escaped += String(format: "\\x%02X", scalar.value) } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped + "\""
    }
}
