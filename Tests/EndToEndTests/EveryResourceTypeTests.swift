import APIJSON
import Foundation
import Testing
import TenantConfig

/// Walks every type of the resource-type table with the example its descriptor carries, so a type added later is
/// covered without writing a test: load, plan against an empty tenant, apply to the emulator (its create's answer
/// lost, recovered by reading, never sent twice), plan again (No changes), export, plan the export (No changes), and
/// no secret value in anything written.
@Suite struct EveryResourceTypeTests {
    static let domain = "acme-dev.eu.auth0.com"

    // One type at a time: each case runs an emulator and several CLI processes, and all of the table's types at once
    // on a small shared machine outlast the client's 30-second deadline.
    @Test(.serialized, arguments: ResourceKind.allCases)
    func roundTrip(_ kind: ResourceKind) async throws {
        let type = kind.type
        let example = try #require(type.example, "\(kind) has no example in its descriptor (ResourceTypes/)")
        let fixture = try await EmulatorFixture.start(seed: nil, domain: Self.domain)
        defer { Task { await fixture.stop() } }
        let folder = fixture.directory.appendingPathComponent("t")
        var files = example.files
        files["tenant.yaml"] = example.yaml
        files["tenantctl.yaml"] = "domain: \(Self.domain)\n" + (example.secrets.isEmpty ? "" : "secrets: [\(example.secrets.keys.sorted().joined(separator: ", "))]\n")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        // The answers of the type's POSTs (its create, its sub-resources' additions) are lost after they land.
        var lost: [String] = []
        if type.planning != .notWritten, type.lifecycle.create == "POST" { lost.append(String(type.api.path.dropFirst())) }
        for sub in type.subResources {
            switch sub.write {
            case .perItem, .associate, .addRemoveLists: lost.append(String(type.api.path.dropFirst()) + "/*/" + sub.pathSuffix)
            case .toggle: continue
            }
        }
        // And those of the parts created with a POST of their own (a connection's directory provisioning) the example writes.
        let postedParts = type.parts.filter { $0.lifecycle.createMethod == "POST" && example.yaml.contains("\($0.pattern):") }
        lost += postedParts.map { Self.wildcarded($0.path) }
        for path in lost {
            try await fixture.admin("POST", "/__emulator/faults", body: .object([
                "method": .string("POST"), "path": .string(path), "fault": .string("dropped_connection"), "lands": .bool(true),
            ]))
        }

        var outputs = ""
        func run(_ arguments: [String]) async throws -> CLIProcess.Result {
            let result = try await fixture.run(arguments, environment: example.secrets.merging(["TENANTCTL_DIGEST_KEY": e2eDigestKey]) { given, _ in given })
            outputs += result.stdout + result.stderr
            return result
        }
        let applied = try await run(["apply", "t", "--auto-approve"])
        #expect(applied.status == 0, "\(kind): \(applied.stdout)\(applied.stderr)")
        let again = try await run(["plan", "t", "--detailed-exitcode"])
        #expect(again.status == 0, "\(kind): planning again after apply: \(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("No changes."), "\(kind): \(again.stdout)")

        let statistics = try await fixture.statistics()
        let writes = statistics["writes"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(Int(statistics["faults"]?.numberValue ?? -1) == lost.count, "\(kind): every lost answer was met (\(writes))")
        if type.planning != .notWritten, type.lifecycle.create == "POST" {
            #expect(writes.filter { $0 == "POST \(type.api.path)" }.count == 1, "\(kind): the create whose answer was lost was sent once: \(writes)")
        }
        for sub in type.subResources where !lost.filter({ $0.hasSuffix("/" + sub.pathSuffix) }).isEmpty {
            #expect(writes.filter { $0.hasPrefix("POST \(type.api.path)/") && $0.hasSuffix("/" + sub.pathSuffix) }.count == 1,
                    "\(kind): the \(sub.noun) whose answer was lost was sent once: \(writes)")
        }
        for part in postedParts {
            let posted = writes.filter { $0.hasPrefix("POST ") && Self.path(String($0.dropFirst(5)), matches: part.path) }
            #expect(posted.count == 1, "\(kind): the part whose answer was lost was sent once: \(writes)")
        }

        let exported = try await run(["export", "--tenant", "out", "--snapshot", "snap.json", "-q"])
        #expect(exported.status == 0, "\(kind): \(exported.stderr)")
        let replanned = try await run(["plan", "out", "--detailed-exitcode"])
        #expect(replanned.status == 0, "\(kind): planning the export: \(replanned.stdout)\(replanned.stderr)")

        let written = fixture.everythingWritten()
        for (name, value) in example.secrets {
            #expect(!written.contains(value), "\(kind): the value of \(name) is in a file tenantctl wrote")
            #expect(!outputs.contains(value), "\(kind): the value of \(name) is in tenantctl's output")
        }
    }

    /// A path template with each level named in braces as `*`, without its leading `/`: `connections/*/directory-provisioning`.
    static func wildcarded(_ template: String) -> String {
        template.split(separator: "/").map { $0.hasPrefix("{") ? "*" : String($0) }.joined(separator: "/")
    }

    /// Whether a path written fits a template (`/connections/con_1/directory-provisioning`, `/connections/{id}/directory-provisioning`).
    static func path(_ written: String, matches template: String) -> Bool {
        let levels = written.split(separator: "/"), expected = template.split(separator: "/")
        return levels.count == expected.count && zip(levels, expected).allSatisfy { $1.hasPrefix("{") || $0 == $1 }
    }
}
