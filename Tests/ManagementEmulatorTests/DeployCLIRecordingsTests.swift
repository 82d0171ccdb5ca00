import APIJSON
import Foundation
import Testing
@testable import ManagementEmulator

/// Replays the exchanges the Deploy CLI recorded against its real tenant (the reference folder's `a0deploy/recordings`,
/// trimmed copies in `Fixtures/a0deploy`) with the endpoints the emulator serves as data: organizations, roles,
/// hooks, email templates, guardian, attack protection, risk assessment, supplemental signals, prompts, branding
/// (its phone providers and templates apart) and the global client. Every status and every answer must be the
/// recorded one.
@Suite struct DeployCLIRecordingsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/a0deploy")
    static let source = RecordedInteractionsTests.referenceRoot.appendingPathComponent("a0deploy/recordings")
    static let sourceIsPresent = FileManager.default.fileExists(atPath: source.path)
    static let absent = RecordedInteractionsTests.absence("the Deploy CLI's recordings in \(source.path)",
                                                          then: "only the trimmed copies in Fixtures/a0deploy are replayed")

    static func names(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The paths replayed here, with everything under them.
    static let replayedRoots = ["/api/v2/organizations", "/api/v2/roles", "/api/v2/hooks", "/api/v2/email-templates", "/api/v2/guardian",
                                "/api/v2/attack-protection", "/api/v2/risk-assessments", "/api/v2/supplemental-signals", "/api/v2/prompts",
                                "/api/v2/branding"]
    /// Under a replayed root, served elsewhere (by the collection table's phone provider and template specs).
    static let notReplayed = ["/api/v2/branding/phone"]

    /// The exchanges of one recording with the sections replayed here, each keeping the fields the copies keep.
    /// Of `/clients`, only the global client: its listing (`is_global=true`) and its own path.
    static func exchanges(_ url: URL) throws -> [JSONValue] {
        let all = try #require(try JSONValue.parse(Data(contentsOf: url)).arrayValue, "\(url.lastPathComponent) is not a list of exchanges")
        let globalClients = Set(all.filter { isGlobalListing($0) }.flatMap { $0["response"]?["clients"]?.arrayValue ?? [] }.compactMap { $0["client_id"]?.stringValue })
        return all.filter { exchange in
            let path = exchange["path"]?.stringValue?.split(separator: "?").first.map(String.init) ?? ""
            func under(_ roots: [String]) -> Bool { roots.contains { path == $0 || path.hasPrefix($0 + "/") } }
            return (under(replayedRoots) && !under(notReplayed)) || isGlobalListing(exchange)
                || globalClients.contains { path == "/api/v2/clients/\($0)" }
        }.map { exchange in
            .object((exchange.objectValue ?? [:]).filter { ["scope", "method", "path", "body", "status", "response"].contains($0.key) })
        }
    }

    static func isGlobalListing(_ exchange: JSONValue) -> Bool {
        let path = exchange["path"]?.stringValue ?? ""
        return exchange["method"] == .string("GET") && path.hasPrefix("/api/v2/clients?") && path.contains("is_global=true")
    }

    @Test func theTrimmedCopiesArePresent() {
        #expect(Self.names(in: Self.fixtures).count >= 2, "expected the trimmed recordings in Fixtures/a0deploy")
    }

    @Test(arguments: names(in: fixtures))
    func replayTheTrimmedCopy(_ name: String) async throws {
        try await Self.replay(try Self.exchanges(Self.fixtures.appendingPathComponent(name)), name)
    }

    @Test(.enabled(if: sourceIsPresent, "\(absent)"))
    func theTrimmedCopiesAreExactlyTheSource() throws {
        var withSections: [String] = []
        for name in Self.names(in: Self.source) {
            let trimmed = try Self.exchanges(Self.source.appendingPathComponent(name))
            guard !trimmed.isEmpty else { continue }
            withSections.append(name)
            let copy = Self.fixtures.appendingPathComponent(name)
            #expect(FileManager.default.fileExists(atPath: copy.path), "\(name) has exchanges replayed here but no trimmed copy in Fixtures/a0deploy")
            if FileManager.default.fileExists(atPath: copy.path) { #expect(try JSONValue.parse(Data(contentsOf: copy)) == .array(trimmed), "\(name)") }
        }
        #expect(withSections == Self.names(in: Self.fixtures))
    }

    @Test(.enabled(if: sourceIsPresent, "\(absent)"), arguments: sourceIsPresent ? names(in: source) : [])
    func replayTheSource(_ name: String) async throws {
        let exchanges = try Self.exchanges(Self.source.appendingPathComponent(name))
        if !exchanges.isEmpty { try await Self.replay(exchanges, name) }
    }

    // MARK: - Replay

    /// What the recording reads before (or without) creating it existed on the real tenant: the seed, with the
    /// recorded ids, and each organization's and role's sub-lists as first read.
    static func seed(_ exchanges: [JSONValue]) -> JSONValue {
        var created: Set<String> = []
        var order: [String: [String]] = [:]
        var items: [String: [String: [String: JSONValue]]] = [:]
        var embedded: [String: [String: JSONValue]] = [:]
        let subLists = ["connections": ("enabled_connections", "connections"), "enabled_connections": ("enabled_connections", "enabled_connections"),
                        "client-grants": ("client_grants", "client_grants"), "discovery-domains": ("discovery_domains", "domains"),
                        "permissions": ("permissions", "permissions")]
        for exchange in exchanges {
            let response = exchange["response"]
            if exchange["method"] == .string("POST"), let id = response?["id"]?.stringValue { created.insert(id) }
            guard exchange["method"] == .string("GET"), exchange["status"] == .number(200) else { continue }
            let segments = (exchange["path"]?.stringValue ?? "").split(separator: "?").first.map { $0.split(separator: "/").dropFirst(2).map(String.init) } ?? []
            if segments.count == 1, let section = ["organizations": "organizations", "roles": "roles", "hooks": "hooks"][segments[0]] {
                for case .object(let item) in response?[segments[0]]?.arrayValue ?? response?.arrayValue ?? [] {
                    guard let id = item["id"]?.stringValue, !created.contains(id), items[section]?[id] == nil else { continue }
                    items[section, default: [:]][id] = item
                    order[section, default: []].append(id)
                }
            } else if segments.count == 3, let (key, plural) = subLists[segments[2]], embedded[segments[1]]?[key] == nil {
                embedded[segments[1], default: [:]][key] = response?[plural] ?? response ?? .array([])
            }
        }
        var root: [String: JSONValue] = ["format_version": .number(1)]
        for (section, ids) in order {
            root[section] = .array(ids.compactMap { id in
                items[section]?[id].map { item in .object(item.merging(embedded[id] ?? [:]) { current, _ in current }) }
            })
        }
        if let global = exchanges.first(where: isGlobalListing)?["response"]?["clients"] { root["clients"] = global }
        root.merge(singletonSections(exchanges)) { current, _ in current }
        return .object(root)
    }

    /// The tenant-wide objects as the recording first reads them, written by the emulator's own singleton table
    /// into the snapshot sections it loads: each `GET` of one object, and each item of a listing (`GET
    /// /guardian/factors`, `GET /prompts/rendering`). An empty answer (`{}`: an unset provider or custom text) seeds
    /// nothing; a 404 neither.
    static func singletonSections(_ exchanges: [JSONValue]) -> [String: JSONValue] {
        guard var tenant = try? EmulatedTenant(domain: "deploy-cli-dev.eu.auth0.com", snapshot: nil, source: "the recording") else { return [:] }
        var seen: Set<String> = []
        for exchange in exchanges where exchange["method"] == .string("GET") && exchange["status"] == .number(200) {
            let path = (exchange["path"]?.stringValue ?? "").split(separator: "?").first.map(String.init) ?? ""
            let segments = path.split(separator: "/").dropFirst(2).map(String.init)
            guard seen.insert(path).inserted, let (route, parameters) = CollectionRoutes.route(segments, method: "GET"),
                  let response = exchange["response"] else { continue }
            switch route.kind {
            case .singleton(let spec):
                if response.objectValue?.isEmpty == true { continue }
                tenant.singletons[spec.path.filled(parameters)] = response.objectValue.map { .object(EmulatedTenant.withoutKeys(spec, $0)) } ?? response
            case .singletonList(let listing):
                for item in (listing.plural.flatMap { response[$0] } ?? response).arrayValue ?? [] {
                    guard let object = item.objectValue else { continue }
                    var keys: [String: String] = [:]
                    for (parameter, field) in listing.of.presentedKeys { keys[parameter] = object[field]?.stringValue }
                    tenant.singletons[listing.of.path.filled(keys)] = .object(EmulatedTenant.withoutKeys(listing.of, object))
                }
            default: continue
            }
        }
        return tenant.singletonSections(includeSecrets: true)
    }

    /// An answer as compared: the recorder wrote `[REDACTED]` for a client's secret and signing keys, and the real
    /// list shows a placeholder key subject; the emulator never lists a secret.
    static func comparable(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            .object(object.filter { !["client_secret", "signing_keys"].contains($0.key) }.mapValues(comparable))
        case .array(let items): .array(items.map(comparable))
        default: value
        }
    }

    static func replay(_ exchanges: [JSONValue], _ name: String) async throws {
        // The recorded token lacked the scopes its 403 answers name; the emulator's token lacks them too.
        let missing = Set(exchanges.compactMap { $0["response"]?["message"]?.stringValue }
            .filter { $0.hasPrefix("Insufficient scope, expected any of: ") }
            .flatMap { $0.dropFirst("Insufficient scope, expected any of: ".count).components(separatedBy: ", ") })
        let seed = seed(exchanges).encoded()
        // The recorded tenant's plan lacks Akamai signals when the recording says so.
        let upgrade = TenantFeature.supplementalSignals.refusal.message
        let lacksSignals = exchanges.contains { $0["response"]?["message"] == .string(upgrade) }
        let http = try await EmulatorHTTP.start {
            $0.domain = "deploy-cli-dev.eu.auth0.com"
            $0.seed = seed
            $0.grantedScopes = ManagementScopes.all.filter { !missing.contains($0) }
            $0.supplementalSignalsNeedUpgrade = lacksSignals
        }
        defer { Task { await http.stop() } }
        var ids: [String: String] = [:]
        func mapped(_ text: String) -> String { ids.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) } }
        for exchange in exchanges {
            let method = exchange["method"]?.stringValue ?? "GET"
            let path = mapped(exchange["path"]?.stringValue ?? "")
            let body = exchange["body"].flatMap { $0 == .string("") ? nil : Data(mapped(String(decoding: $0.encoded(), as: UTF8.self)).utf8) }
            let reply = try await http.call(method, path, rawBody: body)
            #expect(.number(Double(reply.status)) == exchange["status"], "\(name): \(method) \(path) answered \(reply.status): \(reply.raw.prefix(300))")
            let recorded = exchange["response"] ?? .null
            if recorded == .string("") {
                #expect(reply.raw.isEmpty, "\(name): \(method) \(path) answered a body")
                continue
            }
            if let theirs = recorded["id"]?.stringValue, let ours = reply.body?["id"]?.stringValue, theirs != ours { ids[theirs] = ours }
            let expected = try JSONValue.parse(Data(mapped(String(decoding: recorded.encoded(), as: UTF8.self)).utf8))
            #expect(reply.body.map(comparable) == comparable(expected), "\(name): \(method) \(path): the emulator answered \(reply.raw.prefix(500))")
        }
    }
}
