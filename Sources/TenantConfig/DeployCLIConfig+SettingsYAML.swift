/// The tenantctl.yaml `init` writes from a Deploy CLI config.json: each setting with a comment saying where it came
/// from; secret keywords by name only.
extension DeployCLIConfig {
    /// tenantctl.yaml, commented: where each setting came from, and the secrets to set.
    public func settingsYAML(domain override: String?) -> String {
        var text = "# Deploy settings (docs/settings.md), made by `tenantctl init` from \(file).\n"
        if let domain = override ?? domain {
            text += "domain: \(Self.scalar(domain))\n"
        } else {
            text += "# domain: acme-dev.eu.auth0.com   # (AUTH0_DOMAIN was not set; --domain or AUTH0_DOMAIN in the environment also name it)\n"
        }
        text += "allow_deletes: \(allowDeletes ?? false)\n"
        if let managed {
            text += "# From AUTH0_INCLUDED_ONLY / AUTH0_EXCLUDED: the types tenantctl changes; the others are read, never written.\n"
            text += "managed:\n" + ResourceKind.allCases.filter(managed.contains).map { "  - \($0.rawValue)\n" }.joined()
        }
        if !keywords.isEmpty {
            text += "# From AUTH0_KEYWORD_REPLACE_MAPPINGS: ##KEY## inserts the text, @@KEY@@ the JSON value.\n"
            text += "keywords:\n"
            for name in keywords.keys.sorted() {
                let value: JSONValue = switch keywords[name]! {
                case .string(let string): .string(string)
                case .json(let json): json
                }
                text += "  \(name): \(Self.inline(value))\n"
            }
        }
        if !secretKeywords.isEmpty {
            text += "# Named or valued like secrets in AUTH0_KEYWORD_REPLACE_MAPPINGS: their values are not written here.\n"
            text += "# Set each in the environment (a CI secret) before plan or apply.\n"
            text += "secrets:\n" + secretKeywords.sorted().map { "  - \($0)\n" }.joined()
        }
        if !exclusions.isEmpty {
            text += "# From the AUTH0_EXCLUDED_* settings: resources plan, drift and apply leave alone.\n"
            text += "exclude:\n"
            for kind in ResourceKind.allCases {
                let entries = exclusions.filter { $0.kind == kind }
                guard !entries.isEmpty else { continue }
                text += "  \(kind.rawValue):\n"
                for entry in entries {
                    text += "    - name: \(Self.scalar(entry.pattern.description))\n"
                    if let reason = entry.reason { text += "      reason: \(Self.scalar(reason))\n" }
                }
            }
        }
        if !ignoredFields.isEmpty {
            text += "# From EXCLUDED_PROPS and AUTH0_IGNORE_DRY_RUN_FIELDS: fields plan, drift and apply leave alone (the live value is kept).\n"
            text += "ignore_fields:\n"
            for kind in ResourceKind.allCases {
                let entries = ignoredFields.filter { $0.field.kind == kind }
                guard !entries.isEmpty else { continue }
                text += "  \(kind.rawValue):\n" + entries.map { "    - \(Self.scalar($0.field.path))   # \($0.from)\n" }.joined()
            }
        }
        return text
    }

    /// One YAML scalar: plain when YAML reads it back as this string, else double-quoted (JSON's quoting is YAML's).
    static func scalar(_ text: String) -> String {
        let plain = text.first.map { $0.isLetter || $0 == "_" } == true
            && text.allSatisfy { $0.isLetter || $0.isNumber || "_.-/@".contains($0) }
            && !["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"].contains(text.lowercased())
        return plain ? text : String(decoding: JSONValue.string(text).encoded(), as: UTF8.self)
    }

    /// A value on one line (a flow list or mapping for JSON values).
    static func inline(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): scalar(text)
        default: String(decoding: value.encoded(), as: UTF8.self)
        }
    }
}
