import Foundation

/// Where the Management API is: `https://<domain>`, or `http://` for a loopback address (the emulator).
public struct ManagementEndpoint: Sendable, Equatable {
    /// `https://acme.eu.auth0.com` or `http://127.0.0.1:8443`, without a trailing slash.
    public let baseURL: String

    /// Why a domain cannot be used.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case insecure(String)
        case malformed(String)

        public var description: String {
            switch self {
            case .empty: "no tenant domain: pass --domain, set `domain` in tenantctl.yaml, or export AUTH0_DOMAIN"
            case .insecure(let d): "\(d): http:// is only accepted for loopback addresses (the emulator); use https:// or a bare domain"
            case .malformed(let d): "\(d) is not a domain (expected acme.eu.auth0.com, https://acme.eu.auth0.com or http://127.0.0.1:PORT)"
            }
        }
    }

    /// A bare host means `https://host`; `http://` only for 127.0.0.1, localhost and ::1.
    public init(domain: String) throws(Problem) {
        let trimmed = domain.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        let withScheme = trimmed.contains("://") ? trimmed : "https://\(trimmed)"
        guard let url = URLComponents(string: withScheme), let host = url.host, !host.isEmpty, ["http", "https"].contains(url.scheme ?? "") else {
            throw .malformed(domain)
        }
        if url.scheme == "http", !["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) { throw .insecure(domain) }
        var base = "\(url.scheme!)://\(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)"
        if let port = url.port { base += ":\(port)" }
        baseURL = base
    }

    /// The base URL a plan's domain stands for (`acme.eu.auth0.com` → `https://acme.eu.auth0.com`).
    public static func defaultBaseURL(forDomain domain: String) -> String {
        (try? ManagementEndpoint(domain: domain))?.baseURL ?? "https://\(domain)"
    }

    /// The token audience for this API.
    public var audience: String { "\(baseURL)/api/v2/" }
}

/// How tenantctl authenticates: a ready token, or the client credentials grant.
public enum ManagementCredentials: Sendable, Equatable {
    case accessToken(String)
    case clientCredentials(id: String, secret: String)

    /// From `AUTH0_ACCESS_TOKEN`, or `AUTH0_CLIENT_ID` and `AUTH0_CLIENT_SECRET`; nil when neither is set.
    public static func fromEnvironment(_ environment: [String: String]) -> ManagementCredentials? {
        if let token = environment["AUTH0_ACCESS_TOKEN"], !token.isEmpty { return .accessToken(token) }
        if let id = environment["AUTH0_CLIENT_ID"], let secret = environment["AUTH0_CLIENT_SECRET"], !id.isEmpty, !secret.isEmpty {
            return .clientCredentials(id: id, secret: secret)
        }
        return nil
    }
}
