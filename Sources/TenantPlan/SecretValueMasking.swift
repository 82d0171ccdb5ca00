import TenantConfig

extension TenantSnapshot {
    /// The snapshot with every string that is exactly the value of a secret keyword replaced by that keyword's
    /// marker. A secret keyword may stand in a field the API returns in clear (a captcha provider's `site_key`,
    /// written `##CAPTCHA_…_SITE_KEY##` in the Deploy CLI's example): compared as markers, the same value is no
    /// change, and a diff never prints the live value of a secret.
    func maskingSecretValues(_ secrets: [String: String]) -> TenantSnapshot {
        let markers = Dictionary(secrets.filter { !$0.value.isEmpty }.map { ($0.value, SecretReference.marker(for: $0.key)) }) { first, _ in first }
        guard !markers.isEmpty else { return self }
        func masked(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text): markers[text].map(JSONValue.string) ?? value
            case .object(let members): .object(members.mapValues(masked))
            case .array(let items): .array(items.map(masked))
            case .null, .bool, .number: value
            }
        }
        var copy = self
        copy.sections = sections.mapValues(masked)
        return copy
    }
}
