/// docs/resource-types.md, written from the table itself so that it can never disagree with what tenantctl does
/// (a test keeps the committed file in sync).
public enum ResourceTypeDocumentation {
    public static func markdown() -> String {
        var lines = [
            "# Resource types",
            "",
            "Every section of `tenant.yaml` tenantctl manages, as its descriptor in `Sources/TenantConfig/ResourceTypes/` says.",
            "Generated from the table: `UPDATE_GOLDEN=1 swift test --filter ResourceTypeDocumentationTests` rewrites it.",
            "",
            "- **Key**: what names a resource in the files (unique in its section). A singleton section has none: it is merged,",
            "  and left alone when the files leave it out.",
            "- **Delete**: what happens to a live resource the files do not declare (only with `allow_deletes: true`).",
            "- **Secrets**: fields never shown in plans (`(sensitive)`), never written to snapshots or exports in clear, and",
            "  reported by `secret-literal` when written in clear. *drop*: Auth0 makes the value, tenantctl never keeps it;",
            "  *redact*: kept as `<redacted>` and exported as a secret keyword; *write-only*: the API never returns it, so it",
            "  cannot be compared and is sent with its object; *ciphertext*: compared through a salted digest (docs/secrets.md).",
            "",
            "| section | key | API | delete | secrets | files beside the YAML | also |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for kind in ResourceKind.allCases {
            let type = kind.type
            let key: String = switch type.section {
            case .list(let fields): fields.map { "`\($0)`" }.joined(separator: " + ")
            case .singleton: "(singleton)"
            case .map: "(name → list)"
            }
            var paths: [String]
            switch type.api.listing {
            case .parts: paths = type.parts.map { "`\($0.method) \($0.path)`" }
            case .pages: paths = ResourceType.pageTargets.map { "`\($0.name)`: " + ($0.tenantSettingsField.map { "`/tenants/settings` `\($0)`" } ?? "global client") }
            case .paged, .checkpoint, .plain, .singleton, .perName, .keyed, .single, .unpaged:
                paths = ["`\(type.api.itemPathTemplate ?? type.api.path)`"]
                if let create = type.lifecycle.create { paths.append("create `\(create)`") }
                if let update = type.lifecycle.update { paths.append("update `\(update)`") }
            }
            paths += type.subResources.map { "\($0.noun)s: `…/\($0.pathSuffix)`" }
            paths += type.flags.map { "`\($0.field)`: `\($0.method) \($0.path)`" + ($0.requires.map { " once `\($0.field)` is `\($0.value)`" } ?? "") }
            // Parts of each resource at endpoints of their own (a profile's custom text, a connection's directory provisioning).
            if case .list = type.section {
                paths += type.parts.map { part in
                    let methods = [part.lifecycle.createMethod, part.method, part.lifecycle.createMethod.map { _ in "DELETE" }].compactMap { $0 }
                    return "`\(part.pattern)`: " + methods.map { "`\($0)`" }.joined(separator: ", ") + " `\(part.path)`" + (part.listedAt.map { ", all listed at `\($0.path)`" } ?? "")
                }
            }
            let delete: String = switch type.lifecycle.delete {
            case .item(let query): "DELETE" + (query.map { " `?\($0)`" } ?? "")
            case .path(let path): "`DELETE \(path)`"
            case .never(let why): "never: \(why)"
            }
            let secrets = type.secretFields.map { secret -> String in
                let how: String = switch secret.onRead {
                case .drop: "drop"
                case .redact: "redact"
                case .writeOnly: "write-only"
                case .ciphertext: "ciphertext"
                }
                return "`\(secret.pattern)` (\(how))"
            }.joined(separator: ", ")
            let files = type.files.map { "`\($0.pattern)` → `\($0.exportPath)`" }.joined(separator: ", ")
            var also: [String] = []
            if let endOfLife = type.endOfLife { also.append("end of life \(endOfLife.date): never created or updated") }
            if !type.immutableFields.isEmpty { also.append("immutable: " + type.immutableFields.map { "`\($0.field)`" }.joined(separator: ", ")) }
            if !type.references.isEmpty { also.append("names " + type.references.map { "`\($0.path)` → " + $0.targets.map(\.rawValue).joined(separator: "/") }.joined(separator: ", ")) }
            if !type.formerNames.isEmpty { also.append("former names: " + type.formerNames.sorted { $0.key < $1.key }.map { "`\($0.key)` → `\($0.value)`" }.joined(separator: ", ")) }
            if let registration = type.lifecycle.registration { also.append("with `\(registration.field)`: registered by `\(registration.method) \(registration.path)`, the rest set right after") }
            if !type.lifecycle.setAfterCreate.isEmpty { also.append("set right after the create: " + type.lifecycle.setAfterCreate.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")) }
            if let adjustment = type.adjustWrite { also.append(adjustment.summary) }
            if !type.unmanagedFields.isEmpty { also.append("not managed yet: " + type.unmanagedFields.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")) }
            lines.append("| `\(kind.rawValue)` | \(key) | \(paths.joined(separator: "; ")) | \(delete) | \(secrets) | \(files) | \(also.joined(separator: "; ")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
