import APIJSON
import Foundation
import Testing
import Yams

/// Replays interactions recorded against a real tenant against the emulator, mapping the recorded ids to the
/// emulator's, and checks the status codes and the response keys: the trimmed copies in Fixtures/recordings always
/// (a fresh clone has nothing else), and every recording in ../shared/reference/recordings where that folder is
/// beside the project (CI), along with a check that each copy is exactly its source, trimmed.
@Suite struct RecordedInteractionsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/recordings")
    /// The reference folder beside the project, the one place this test target locates it (CI checks so);
    /// `TENANTCTL_REFERENCE_DIR` names another (CI names an empty one to run as a fresh clone).
    static let referenceRoot: URL = ProcessInfo.processInfo.environment["TENANTCTL_REFERENCE_DIR"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/reference")
    static let reference: URL = referenceRoot.appendingPathComponent("recordings")

    static let bundled = cassettes(in: fixtures)
    static let recorded = cassettes(in: reference)
    static let referenceIsPresent = recorded.count >= 16
    static let whyAbsent = absence("the 16 recordings in \(reference.path)", then: "CI runs it with them")

    /// Why a test that needs the reference folder was skipped, in the words CI looks for.
    static func absence(_ what: String, then: String) -> String {
        "needs \(what) (../shared/reference, not part of a clone); \(then)"
    }

    /// The cassettes in a folder; none when the folder is absent (the tests say so: see the counts checked below).
    static func cassettes(in directory: URL) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func theTrimmedCopiesArePresent() {
        #expect(Self.bundled.count == 14, "Tests/ManagementEmulatorTests/Fixtures/recordings holds the copies scripts/trim-recordings.py writes")
    }

    @Test(arguments: bundled)
    func replayTrimmedCopy(_ cassette: String) async throws {
        try await Self.replay(Self.fixtures.appendingPathComponent(cassette), named: cassette)
    }

    @Test(.enabled(if: referenceIsPresent, "\(whyAbsent)"), arguments: recorded)
    func replayRecording(_ cassette: String) async throws {
        try await Self.replay(Self.reference.appendingPathComponent(cassette), named: cassette)
    }

    @Test(.enabled(if: referenceIsPresent, "\(whyAbsent)"), arguments: bundled)
    func eachCopyIsItsSourceTrimmed(_ cassette: String) throws {
        let copy = try Self.load(Self.fixtures.appendingPathComponent(cassette))
        let source = try Self.load(Self.reference.appendingPathComponent(cassette))
        #expect(Self.essentials(copy) == Self.essentials(source), "run scripts/trim-recordings.py")
        for interaction in copy {
            #expect(Set(interaction.keys) == ["request", "response"])
            #expect(Set((interaction["request"] as? [String: Any] ?? [:]).keys) == ["method", "url", "body"])
            #expect(Set((interaction["response"] as? [String: Any] ?? [:]).keys) == ["code", "body"])
        }
    }

    static func load(_ file: URL) throws -> [[String: Any]] {
        let root = try #require(try Yams.load(yaml: String(contentsOf: file, encoding: .utf8)) as? [String: Any])
        return root["interactions"] as? [[String: Any]] ?? []
    }

    /// What the replay reads of each Management API call, with a sent `client_secret` redacted as the copies have it.
    static func essentials(_ interactions: [[String: Any]]) -> [[String]] {
        interactions.compactMap { interaction in
            guard let request = interaction["request"] as? [String: Any], let response = interaction["response"] as? [String: Any],
                  let url = request["url"] as? String, url.contains("/api/v2/") else { return nil }
            let body = (request["body"] as? String ?? "").replacing(/"client_secret":"[^"]*"/, with: #""client_secret":"[REDACTED]""#)
            return [request["method"] as? String ?? "", url, body, "\(response["code"] ?? "")", response["body"] as? String ?? ""]
        }
    }

    /// Objects the recording reads before (or without) creating them existed on the real tenant beforehand:
    /// they seed the emulator, keeping their recorded ids.
    static func preexisting(_ interactions: [[String: Any]]) -> Data {
        var created: Set<String> = []
        var sections: [String: [JSONValue]] = [:]
        let sectionByRoot = ["connections": "connections", "clients": "clients", "resource-servers": "resource_servers", "client-grants": "client_grants", "rules": "rules"]
        for interaction in interactions {
            guard let request = interaction["request"] as? [String: Any], let response = interaction["response"] as? [String: Any],
                  let url = URLComponents(string: request["url"] as? String ?? ""), let method = request["method"] as? String,
                  let body = (response["body"] as? String).flatMap({ try? JSONValue.parse(Data($0.utf8)) }) else { continue }
            let id = body["id"]?.stringValue ?? body["client_id"]?.stringValue
            if method == "POST", let id { created.insert(id) }
            let parts = url.path.split(separator: "/").map(String.init)
            guard method == "GET", parts.count == 4, let section = sectionByRoot[parts[2]], let id, !created.contains(id),
                  (response["code"] as? Int) == 200 else { continue }
            created.insert(id)
            sections[section, default: []].append(body)
        }
        var root: [String: JSONValue] = ["format_version": .number(1), "domain": .string("go-auth0-dev.eu.auth0.com")]
        for (k, v) in sections { root[k] = .array(v) }
        return JSONValue.object(root).encoded()
    }

    static func replay(_ file: URL, named cassette: String) async throws {
        let interactions = try load(file)
        let seed = Self.preexisting(interactions)
        let http = try await EmulatorHTTP.start {
            $0.domain = "go-auth0-dev.eu.auth0.com"
            $0.seed = seed
        }
        defer { Task { await http.stop() } }
        var ids: [String: String] = [:]
        var checked = 0
        for interaction in interactions {
            guard let request = interaction["request"] as? [String: Any], let response = interaction["response"] as? [String: Any],
                  let url = URLComponents(string: request["url"] as? String ?? ""), url.path.hasPrefix("/api/v2/"),
                  let method = request["method"] as? String, let code = response["code"] as? Int else { continue }
            func mapped(_ s: String) -> String { ids.reduce(s) { $0.replacingOccurrences(of: $1.key, with: $1.value) } }
            let path = mapped(url.path + (url.percentEncodedQuery.map { "?" + $0 } ?? ""))
            let bodyText = (request["body"] as? String).map(mapped) ?? ""
            let reply = try await http.call(method, path, rawBody: bodyText.isEmpty ? nil : Data(bodyText.utf8))
            let recorded = (response["body"] as? String).flatMap { try? JSONValue.parse(Data($0.utf8)) }
            #expect(reply.status == code, "\(cassette): \(method) \(url.path) answered \(reply.status), the real API \(code): \(reply.raw.prefix(300))")
            // Learn the ids the emulator gave what the recording created.
            if let recorded, let mine = reply.body {
                for key in ["id", "client_id"] {
                    if let theirs = recorded[key]?.stringValue, let ours = mine[key]?.stringValue, theirs != ours { ids[theirs] = ours }
                }
                // The identifying keys of a recorded object are in the emulator's answer too.
                if case .object(let object) = recorded, (200..<300).contains(code) {
                    for key in ["id", "client_id", "name", "identifier", "strategy", "audience", "statusCode", "errorCode"] where object[key] != nil {
                        #expect(mine[key] != nil, "\(cassette): \(method) \(url.path): the real answer has `\(key)`, the emulator's does not")
                    }
                }
                if case .object(let object) = recorded, code >= 400 {
                    let emulatorKeys = Set((mine.objectValue ?? [:]).keys)
                    let realKeys = Set(object.keys.filter { $0 != "attributes" })
                    #expect(emulatorKeys.isSuperset(of: realKeys), "\(cassette): error body keys differ")
                }
            }
            checked += 1
        }
        #expect(checked > 0)
    }
}
