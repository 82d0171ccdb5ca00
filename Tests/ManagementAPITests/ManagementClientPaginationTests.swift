import APIJSON
import ManagementAPI
import Testing

private func items(_ range: Range<Int>) -> [JSONValue] { range.map { .object(["id": .string("c\($0)")]) } }

private func queryValue(_ request: ReceivedRequest, _ name: String) -> String? {
    request.query.first { $0.hasPrefix("\(name)=") }.map { String($0.dropFirst(name.count + 1)) }
}

/// `listAll`: page-based lists (`page`, `per_page=100`, `include_totals=true`) and checkpoint lists (`from`/`take`).
@Suite struct ManagementClientPaginationTests {
    @Test func pageBasedListsAreReadPageByPageUntilTheTotal() async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { request, _ in
            let page = Int(queryValue(request, "page") ?? "") ?? -1
            let all = items(0..<250)
            let slice = Array(all.dropFirst(page * 100).prefix(100))
            return .ok(.object(["total": .number(250), "start": .number(Double(page * 100)), "limit": .number(100), "clients": .array(slice)]))
        }
        try await withScriptedAPI(script: script) { api, client in
            let listed = try await client.listAll("clients", itemsKey: "clients", query: [("is_global", "false")])
            #expect(listed == items(0..<250))
            #expect(api.requests.map(\.query) == [
                ["is_global=false", "page=0", "per_page=100", "include_totals=true"],
                ["is_global=false", "page=1", "per_page=100", "include_totals=true"],
                ["is_global=false", "page=2", "per_page=100", "include_totals=true"],
            ])
            #expect(api.requests.allSatisfy { $0.method == "GET" && $0.path == "clients" })
        }
    }

    @Test func aPageBasedListStopsAtAnEmptyPageEvenIfTheTotalPromisedMore() async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            .ok(.object(["total": .number(500), "rules": .array(number == 0 ? items(0..<100) : [])]))
        }
        try await withScriptedAPI(script: script) { api, client in
            let listed = try await client.listAll("rules", itemsKey: "rules")
            #expect(listed == items(0..<100))
            #expect(api.requests.count == 2)
        }
    }

    @Test func aListAnsweredAsAPlainArrayIsTakenWholeFromTheFirstAnswer() async throws {
        try await withScriptedAPI(script: { _, _ in .ok(.array(items(0..<3))) }) { api, client in
            let listed = try await client.listAll("log-streams", itemsKey: "log_streams")
            #expect(listed == items(0..<3))
            #expect(api.requests.count == 1)
        }
    }

    @Test func checkpointListsFollowNextUntilItIsAbsent() async throws {
        // Opaque cursors with characters that must survive the query encoding.
        let cursors = ["", "a+b/c==", "x&y?z"]
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { request, _ in
            let position = cursors.firstIndex(of: queryValue(request, "from") ?? "") ?? 99
            var body: [String: JSONValue] = ["connections": .array(items(position * 2..<min(position * 2 + 2, 5)))]
            if position + 1 < cursors.count { body["next"] = .string(cursors[position + 1]) }
            return .ok(.object(body))
        }
        try await withScriptedAPI(script: script) { api, client in
            let listed = try await client.listAll("connections", itemsKey: "connections", checkpoint: true, take: 2, query: [("strategy", "auth0")])
            #expect(listed == items(0..<5))
            #expect(api.requests.map(\.query) == [
                ["strategy=auth0", "take=2"],
                ["strategy=auth0", "take=2", "from=a+b/c=="],
                ["strategy=auth0", "take=2", "from=x&y?z"],
            ])
        }
    }

    @Test func aCheckpointListAnsweredAsAPlainArrayIsTakenAsTheItems() async throws {
        try await withScriptedAPI(script: { _, _ in .ok(.array(items(0..<2))) }) { api, client in
            let listed = try await client.listAll("connections/con_1/clients", itemsKey: "clients", checkpoint: true)
            #expect(listed == items(0..<2))
            #expect(api.requests.map(\.query) == [["take=100"]])
        }
    }

    @Test func anErrorOnALaterPageIsThrown() async throws {
        let script: @Sendable (ReceivedRequest, Int) -> ScriptedAnswer = { _, number in
            number == 0 ? .ok(.object(["total": .number(200), "clients": .array(items(0..<100))]))
                        : .apiError(403, "Forbidden", "Insufficient scope, expected any of: read:clients", "insufficient_scope")
        }
        try await withScriptedAPI(script: script) { _, client in
            await #expect(throws: ManagementAPIError.missingScopes(["read:clients"])) {
                try await client.listAll("clients", itemsKey: "clients")
            }
        }
    }
}
