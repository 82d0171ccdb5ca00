import APIJSON
import Foundation
import Testing
import Yams

/// Replays every interaction recorded against a real tenant (../shared/reference/recordings) against the
/// emulator, mapping the recorded ids to the emulator's, and checks the status codes and the response keys.
@Suite struct RecordedInteractionsTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/reference/recordings")

    static var cassettes: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func theRecordingsArePresent() {
        #expect(Self.cassettes.count >= 16, "expected the reference recordings beside the project in ../shared/reference/recordings")
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

    @Test(arguments: cassettes)
    func replay(_ cassette: String) async throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(cassette), encoding: .utf8)
        let root = try #require(try Yams.load(yaml: text) as? [String: Any])
        let interactions = root["interactions"] as? [[String: Any]] ?? []
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
