import Foundation

/// The secret values tenantctl was given, as canaries to look for in everything it is about to write: the
/// credentials (`AUTH0_CLIENT_SECRET`, `AUTH0_ACCESS_TOKEN`) and every secret keyword's value. Secrets never enter
/// the model (`SecretReference`) and files are read under `TenantFileAccess`'s rules, so a canary found in an output
/// means a bug or an attack got past both: the output is refused, never written.
///
/// A secret keyword is one a tenant declares under `secrets:`, or any environment variable named like a secret
/// (`…SECRET…`, `…TOKEN…`, `…PASSWORD…`, `…_KEY`). The second half does not depend on tenantctl.yaml, which a pull
/// request can edit to stop declaring a secret.
public struct SecretCanaries: Sendable, Equatable {
    /// The credentials tenantctl authenticates with.
    public static let credentialNames = ["AUTH0_CLIENT_SECRET", "AUTH0_ACCESS_TOKEN"]
    /// Shorter values are not watched: they would turn up in ordinary text by chance.
    public static let minimumLength = 8

    /// One watched value: the variable that holds it and the byte forms it can take in an output.
    public struct Canary: Sendable, Equatable {
        public var name: String
        public var value: String
        /// As written, JSON-escaped (with and without escaped slashes), and percent-encoded (where those differ).
        var forms: [Data]

        init(name: String, value: String) {
            self.name = name
            self.value = value
            let escaped = String(String(decoding: JSONValue.string(value).encoded(), as: UTF8.self).dropFirst().dropLast())
            let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)
            var forms: [Data] = []
            for form in [value, escaped, escaped.replacingOccurrences(of: "/", with: "\\/"), encoded].compactMap({ $0 }) where !forms.contains(Data(form.utf8)) {
                forms.append(Data(form.utf8))
            }
            self.forms = forms
        }
    }

    /// What is watched, by variable name.
    public private(set) var canaries: [Canary] = []
    /// Every form of every canary, searched in one pass (rebuilt when the canaries change).
    private var search = CanarySearch([])

    /// The credentials and every environment variable named like a secret, plus `secretKeywords`.
    public init(environment: [String: String], secretKeywords: some Sequence<String> = [String]()) {
        let named = environment.keys.filter { Self.credentialNames.contains($0) || SecretReference.nameLooksSecret($0) }
        watch(named, in: environment)
        watch(secretKeywords, in: environment)
    }

    /// Watches these variables' values too (a tenant's declared secret keywords, a plan's secrets).
    public mutating func watch(_ names: some Sequence<String>, in environment: [String: String]) {
        var watched = Set(canaries.map(\.name))
        var added = false
        for name in names where !watched.contains(name) {
            guard let value = environment[name], value.count >= Self.minimumLength else { continue }
            canaries.append(Canary(name: name, value: value))
            watched.insert(name)
            added = true
        }
        guard added else { return }
        canaries.sort { $0.name < $1.name }
        search = CanarySearch(canaries.map(\.forms))
    }

    /// The value of a watched variable.
    public func value(of name: String) -> String? {
        canaries.first { $0.name == name }?.value
    }

    /// The name of the first variable (alphabetically) whose value `data` holds, in any of its forms.
    public func firstLeak(in data: Data) -> String? {
        search.firstCanary(in: data).map { canaries[$0].name }
    }

    public static func == (a: SecretCanaries, b: SecretCanaries) -> Bool { a.canaries == b.canaries }
}
