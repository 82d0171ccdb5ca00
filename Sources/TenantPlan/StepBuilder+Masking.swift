import TenantConfig

/// What a plan never shows: the values of a type's secret fields, whatever their source (Terraform's `sensitive`).
extension StepBuilder {
    /// The value of the field at `path` with every secret field of the type inside it masked: a secret written as a
    /// keyword stays (the plan names the keyword), a value written in clear is `(sensitive)`.
    static func maskingSecretFields(_ value: JSONValue, at path: String, _ type: ResourceType) -> JSONValue {
        guard !type.secretFields.isEmpty, !path.isEmpty else { return value }
        let keys = path.split(separator: ".").map(String.init)
        var wrapped = value
        for key in keys.reversed() { wrapped = .object([key: wrapped]) }
        for secret in type.secretFields {
            wrapped = secret.pattern.rewrite(wrapped, failClosed: true) { found in
                switch found {
                case .null: found
                case .string(let text) where SecretReference.contains(text) || text == SecretReference.redacted: found
                default: .string("(sensitive)")
                }
            }
        }
        return wrapped.value(at: keys) ?? value
    }

    /// Whether `path` is where the type keeps values the API returns only as ciphertext (a connection's
    /// `options.configuration`), or lies inside it: every value there is shown as `(sensitive)`.
    static func holdsCiphertext(_ path: String, _ type: ResourceType) -> Bool {
        type.secretFields.contains { secret in
            guard secret.onRead == .ciphertext else { return false }
            let parent = secret.pattern.segments.dropLast().map(\.glob).joined(separator: ".")
            return !parent.isEmpty && (path == parent || path.hasPrefix(parent + "."))
        }
    }
}
