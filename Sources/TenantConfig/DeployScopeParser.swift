/// Reads `exclude:` and `ignore_fields:` of tenantctl.yaml (docs/settings.md), every problem a finding at its place:
///
/// ```yaml
/// exclude:
///   clients:
///     - Terraform API client                 # a name
///     - name: "tf-*"                         # a glob pattern, with the reason plans show
///       reason: managed by Terraform (infra repo)
/// ignore_fields:
///   clients: [callbacks, client_metadata.owner]
/// ```
enum DeployScopeParser {
    static func exclusions(_ entry: ConfigEntry, findings: inout [Finding]) -> [ResourceExclusion] {
        guard entry.value.isMapping else {
            findings.append(.wrongType(entry, expected: "a mapping of resource type to the names (or glob patterns) to leave alone"))
            return []
        }
        var exclusions: [ResourceExclusion] = []
        for section in entry.value.entries {
            guard let kind = kind(section, in: "exclude", findings: &findings) else { continue }
            switch kind.type.section {
            case .singleton:
                findings.append(.loader("wrong-type", section.keyLocation,
                    "`exclude.\(kind.rawValue)`: \(kind.noun) are one object, not named resources; leave the section out of tenant.yaml, or name fields in `ignore_fields.\(kind.rawValue)`"))
                continue
            case .list, .map: break
            }
            guard section.value.isSequence else {
                findings.append(.wrongType(section, expected: "a list of \(kind.noun) names or glob patterns"))
                continue
            }
            for item in section.value.items {
                let text: String?, reason: String?, textNode: ConfigNode
                if item.isMapping {
                    for extra in item.entries where !["name", "reason"].contains(extra.key) {
                        findings.append(.unknownKey(extra, among: ["name", "reason"], in: "an entry of `exclude.\(kind.rawValue)`"))
                    }
                    textNode = item["name"] ?? item
                    text = item["name"]?.string
                    reason = item["reason"]?.string
                    if item["reason"] != nil && reason?.isEmpty != false {
                        findings.append(.loader("wrong-type", item["reason"]!.location, "`reason` of an entry of `exclude.\(kind.rawValue)` is the text plans show: a non-empty string"))
                    }
                } else {
                    (text, reason, textNode) = (item.string, nil, item)
                }
                guard let text, !text.isEmpty else {
                    findings.append(.loader("wrong-type", textNode.location,
                        "each entry of `exclude.\(kind.rawValue)` is a \(kind.noun) name or glob pattern (a string), or `{name: …, reason: …}`; found \(textNode.typeName)"))
                    continue
                }
                do {
                    exclusions.append(ResourceExclusion(kind: kind, pattern: try NamePattern(text), reason: reason, location: textNode.location))
                } catch {
                    findings.append(.loader("exclude-pattern", textNode.location, "`exclude.\(kind.rawValue)`: the pattern `\(text)` does not compile: \(error.message)"))
                }
            }
        }
        return exclusions
    }

    static func ignoredFields(_ entry: ConfigEntry, findings: inout [Finding]) -> [IgnoredField] {
        guard entry.value.isMapping else {
            findings.append(.wrongType(entry, expected: "a mapping of resource type to the field paths to leave alone"))
            return []
        }
        var fields: [IgnoredField] = []
        for section in entry.value.entries {
            guard let kind = kind(section, in: "ignore_fields", findings: &findings) else { continue }
            guard section.value.isSequence else {
                findings.append(.wrongType(section, expected: "a list of field paths (`callbacks`, `client_metadata.owner`)"))
                continue
            }
            for item in section.value.items {
                guard let path = item.string, !path.isEmpty, !path.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
                    findings.append(.loader("wrong-type", item.location,
                        "each entry of `ignore_fields.\(kind.rawValue)` is a field path such as `callbacks` or `client_metadata.owner`, found \(item.string.map { "`\($0)`" } ?? item.typeName)"))
                    continue
                }
                if let problem = problem(ignoring: path, of: kind.type) {
                    findings.append(.loader("ignore-field", item.location, "`ignore_fields.\(kind.rawValue)`: \(problem)"))
                    continue
                }
                fields.append(IgnoredField(kind: kind, path: path, location: item.location))
            }
        }
        return fields
    }

    /// Why a field cannot be left alone: what names the resource, or a name the API holds as an id (the live value
    /// is an id, the files' a name).
    static func problem(ignoring path: String, of type: ResourceType) -> String? {
        let first = String(path.split(separator: ".")[0])
        if type.keyFields.contains(first) {
            return "`\(first)` names the \(type.noun); it cannot be ignored (exclude the \(type.noun) instead)"
        }
        if let reference = type.references.first(where: { $0.inAPI == .id && $0.path.topLevelField == first }) {
            return "`\(first)` names \(reference.targets.map { $0.type.noun + "s" }.joined(separator: " or ")), which the API holds as ids; it cannot be ignored"
        }
        // The live value of a secret is hidden or ciphertext: keeping it would send that back.
        let components = path.split(separator: ".").map(String.init)
        if let secret = type.secretFields.first(where: { secret in
            secret.pattern.covers(path) || (components.count < secret.pattern.segments.count
                && zip(secret.pattern.segments, components).allSatisfy { FieldPattern.glob($0.glob, matches: $1) })
        }) {
            return "`\(path)` \(secret.pattern.covers(path) ? "is" : "holds") a secret (`\(secret.pattern)`) the API never returns in clear, so tenantctl cannot keep its live value; give it with a secret keyword\(secret.pattern.covers(path) ? "" : ", or ignore the fields beside it one by one")"
        }
        return nil
    }

    private static func kind(_ section: ConfigEntry, in setting: String, findings: inout [Finding]) -> ResourceKind? {
        if let kind = ResourceKind(rawValue: section.key) { return kind }
        findings.append(.unknownKey(section, among: ResourceKind.allCases.map(\.rawValue), in: "`\(setting)` (a resource type, as tenant.yaml names its section)"))
        return nil
    }
}
