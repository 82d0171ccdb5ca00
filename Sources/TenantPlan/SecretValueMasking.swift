import TenantConfig

extension TenantSnapshot {
    /// The snapshot with every string that is exactly the value of a secret keyword replaced by that keyword's
    /// marker. A secret keyword may stand in a field the API returns in clear (a captcha provider's `site_key`,
    /// written `##CAPTCHA_…_SITE_KEY##` in the Deploy CLI's example): compared as markers, the same value is no
    /// change, and a diff never prints the live value of a secret.
    ///
    /// The secrets named in `withinText` are also masked where they stand inside a longer string: the files use them
    /// inside text (an HTML page's `##RECAPTCHA_SITE_KEY##`), so the live page holds the value among its lines.
    func maskingSecretValues(_ secrets: [String: String], withinText: Set<String> = []) -> TenantSnapshot {
        let markers = Dictionary(secrets.filter { !$0.value.isEmpty }.map { ($0.value, SecretReference.marker(for: $0.key)) }) { first, _ in first }
        guard !markers.isEmpty else { return self }
        // Longest first, so a value holding another is masked whole.
        let inside = secrets.filter { withinText.contains($0.key) && !$0.value.isEmpty }
            .map { (value: $0.value, marker: SecretReference.marker(for: $0.key)) }
            .sorted { ($0.value.count, $0.value) > ($1.value.count, $1.value) }
        func masked(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text):
                if let marker = markers[text] { return .string(marker) }
                var result = text
                for (secret, marker) in inside where result.contains(secret) { result = result.replacing(secret, with: marker) }
                return .string(result)
            case .object(let members): return .object(members.mapValues(masked))
            case .array(let items): return .array(items.map(masked))
            case .null, .bool, .number: return value
            }
        }
        var copy = self
        copy.sections = sections.mapValues(masked)
        return copy
    }
}

extension Planner {
    /// The secret keywords the desired resources use inside a longer string (`Hello ⟦secret:NAME⟧`), not as a
    /// whole value.
    static func secretsWithinText(_ desired: [DesiredResource]) -> Set<String> {
        var names: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .string(let text):
                guard SecretReference.contains(text) else { return }
                let used = SecretReference.names(in: text)
                if used.count > 1 || text != SecretReference.marker(for: used.first ?? "") { names.formUnion(used) }
            case .array(let items): items.forEach(collect)
            case .object(let members): members.values.forEach(collect)
            case .null, .bool, .number: break
            }
        }
        for resource in desired { collect(.object(resource.payload)) }
        return names
    }
}
