import APIJSON
import Foundation
import Testing
@testable import ManagementEmulator

/// Replays what the Deploy CLI recorded against its real tenant for issue 14's collections
/// (the reference folder's `a0deploy/recordings`, trimmed copies in `Fixtures/a0deploy-collections`): every status and
/// every answer must be the recorded one, except the time a write stamps (`updated_at`, from the first write on),
/// which the emulator stamps with its own clock. A self-service profile's custom text is not replayed: it is managed apart from the profile.
@Suite struct DeployCLICollectionRecordingsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/a0deploy-collections")
    static let source = DeployCLIRecordingsTests.source
    static let sourceIsPresent = DeployCLIRecordingsTests.sourceIsPresent

    /// The collections replayed, by API path, with the snapshot section a seed puts their items in.
    static let sections: [(path: String, section: String, plural: String?)] = [
        ("/api/v2/custom-domains", "custom_domains", nil),
        ("/api/v2/token-exchange-profiles", "token_exchange_profiles", "token_exchange_profiles"),
        ("/api/v2/actions/modules", "action_modules", "modules"),
        ("/api/v2/event-streams", "event_streams", "eventStreams"),
        ("/api/v2/flows/vault/connections", "flow_vault_connections", "connections"),
        ("/api/v2/flows", "flows", "flows"),
        ("/api/v2/forms", "forms", "forms"),
        ("/api/v2/user-attribute-profiles", "user_attribute_profiles", "user_attribute_profiles"),
        ("/api/v2/self-service-profiles", "self_service_profiles", "self_service_profiles"),
        ("/api/v2/network-acls", "network_acls", "network_acls"),
        ("/api/v2/connection-profiles", "connection_profiles", "connection_profiles"),
        ("/api/v2/rate-limit-policies", "rate_limit_policies", "rate_limit_policies"),
        ("/api/v2/branding/phone/providers", "phone_providers", "providers"),
        ("/api/v2/branding/phone/templates", "phone_templates", "templates"),
    ]

    /// The exchanges of one recording with these collections, each keeping the fields the copies keep.
    static func exchanges(_ url: URL) throws -> [JSONValue] {
        let all = try #require(try JSONValue.parse(Data(contentsOf: url)).arrayValue, "\(url.lastPathComponent) is not a list of exchanges")
        return all.filter { exchange in
            let path = Self.path(exchange)
            return !path.contains("/custom-text/") && sections.contains { path == $0.path || path.hasPrefix($0.path + "/") }
        }.map { exchange in
            .object((exchange.objectValue ?? [:]).filter { ["scope", "method", "path", "body", "status", "response"].contains($0.key) })
        }
    }

    static func path(_ exchange: JSONValue) -> String {
        exchange["path"]?.stringValue?.split(separator: "?").first.map(String.init) ?? ""
    }

    @Test func theTrimmedCopiesArePresent() {
        #expect(DeployCLIRecordingsTests.names(in: Self.fixtures).count >= 2, "expected the trimmed recordings in Fixtures/a0deploy-collections")
    }

    @Test(arguments: DeployCLIRecordingsTests.names(in: fixtures))
    func replayTheTrimmedCopy(_ name: String) async throws {
        try await Self.replay(try Self.exchanges(Self.fixtures.appendingPathComponent(name)), name)
    }

    @Test(.enabled(if: sourceIsPresent, "\(DeployCLIRecordingsTests.absent)"))
    func theTrimmedCopiesAreExactlyTheSource() throws {
        var withSections: [String] = []
        for name in DeployCLIRecordingsTests.names(in: Self.source) {
            let trimmed = try Self.exchanges(Self.source.appendingPathComponent(name))
            guard !trimmed.isEmpty else { continue }
            withSections.append(name)
            let copy = Self.fixtures.appendingPathComponent(name)
            #expect(FileManager.default.fileExists(atPath: copy.path), "\(name) has exchanges of these collections but no trimmed copy in Fixtures/a0deploy-collections")
            if FileManager.default.fileExists(atPath: copy.path) { #expect(try JSONValue.parse(Data(contentsOf: copy)) == .array(trimmed), "\(name)") }
        }
        #expect(withSections == DeployCLIRecordingsTests.names(in: Self.fixtures))
    }

    @Test(.enabled(if: sourceIsPresent, "\(DeployCLIRecordingsTests.absent)"), arguments: sourceIsPresent ? DeployCLIRecordingsTests.names(in: source) : [])
    func replayTheSource(_ name: String) async throws {
        let exchanges = try Self.exchanges(Self.source.appendingPathComponent(name))
        if !exchanges.isEmpty { try await Self.replay(exchanges, name) }
    }

    // MARK: - Replay

    /// What the recording reads existed on the real tenant: each item as first read whole (a form's own GET rather
    /// than its list's summary), in the order the lists give them.
    static func seed(_ exchanges: [JSONValue]) -> JSONValue {
        var order: [String: [String]] = [:]
        var items: [String: [String: [String: JSONValue]]] = [:]
        for exchange in exchanges where exchange["method"] == .string("GET") && exchange["status"] == .number(200) {
            let path = Self.path(exchange)
            // The most specific collection the path is (vault connections before flows).
            guard let collection = sections.filter({ path == $0.path || path.hasPrefix($0.path + "/") }).max(by: { $0.path.count < $1.path.count }) else { continue }
            let response = exchange["response"]
            var found: [[String: JSONValue]] = []
            var whole = false
            if path == collection.path {
                found = (collection.plural.flatMap { response?[$0]?.arrayValue } ?? response?.arrayValue ?? []).compactMap(\.objectValue)
            } else if let item = response?.objectValue {
                found = [item]
                whole = true
            }
            for item in found {
                guard let id = (item["id"] ?? item["custom_domain_id"])?.stringValue else { continue }
                if items[collection.section]?[id] == nil { order[collection.section, default: []].append(id) }
                if whole || items[collection.section]?[id] == nil { items[collection.section, default: [:]][id] = item }
            }
        }
        var root: [String: JSONValue] = ["format_version": .number(1)]
        for (section, ids) in order { root[section] = .array(ids.compactMap { items[section]?[$0].map(JSONValue.object) }) }
        return .object(root)
    }

    static func replay(_ exchanges: [JSONValue], _ name: String) async throws {
        // The recorded token lacked the scopes its 403 answers name; the emulator's token lacks them too.
        let missing = Set(exchanges.compactMap { $0["response"]?["message"]?.stringValue }
            .filter { $0.hasPrefix("Insufficient scope, expected any of: ") }
            .flatMap { $0.dropFirst("Insufficient scope, expected any of: ".count).components(separatedBy: ", ") })
        let seed = seed(exchanges).encoded()
        let http = try await EmulatorHTTP.start {
            $0.domain = "auth0-deploy-cli-e2e.us.auth0.com"
            $0.seed = seed
            $0.grantedScopes = ManagementScopes.all.filter { !missing.contains($0) }
        }
        defer { Task { await http.stop() } }
        var written = false
        for exchange in exchanges {
            let method = exchange["method"]?.stringValue ?? "GET"
            let path = exchange["path"]?.stringValue ?? ""
            let body = exchange["body"].flatMap { $0 == .string("") ? nil : $0.encoded() }
            let reply = try await http.call(method, path, rawBody: body)
            #expect(.number(Double(reply.status)) == exchange["status"], "\(name): \(method) \(path) answered \(reply.status): \(reply.raw.prefix(300))")
            let recorded = exchange["response"] ?? .null
            if recorded == .string("") {
                #expect(reply.raw.isEmpty, "\(name): \(method) \(path) answered a body")
                continue
            }
            // Once the replay writes, the items it wrote carry the emulator's time.
            written = written || method != "GET"
            let stamped = written ? ["updated_at"] : []
            #expect(reply.body.map { Self.unstamped($0, stamped) } == Self.unstamped(recorded, stamped),
                    "\(name): \(method) \(path): the emulator answered \(reply.raw.prefix(500))")
        }
    }

    /// The value with the times a write stamps replaced by a marker (present on both sides or on neither).
    static func unstamped(_ value: JSONValue, _ fields: [String]) -> JSONValue {
        switch value {
        case .object(var object):
            for field in fields where object[field] != nil { object[field] = .string("<stamped>") }
            return .object(object.mapValues { unstamped($0, fields) })
        case .array(let items): return .array(items.map { unstamped($0, fields) })
        default: return value
        }
    }
}
