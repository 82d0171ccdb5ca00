import Foundation
@testable import ManagementEmulator
import TenantConfig
import Testing

/// docs/scopes.md: the Management API scopes tenantctl's client needs, per section, derived from the resource-type
/// table (every path and method each type reads and writes) and the scope the emulator, after the spec, requires for
/// each. It changes with the table or this test fails.
@Suite struct RequiredScopesDocumentationTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path template with every `{name}` filled with a placeholder segment.
    static func segments(_ template: String) -> [String] {
        template.split(separator: "/").map { $0.hasPrefix("{") ? "x" : String($0) }
    }

    static func scope(_ method: String, _ template: String) -> String {
        EmulatedTenant.requiredScope(APIRequest(method: method, segments: segments(template), query: [:], body: nil))
    }

    /// What a type reads (export, plan) and writes (apply), as method and path template.
    static func calls(_ type: ResourceType) -> (reads: [String], writes: [(String, String)]) {
        let item = type.api.itemPathTemplate ?? "\(type.api.path)/{id}"
        var reads: [String] = []
        var writes: [(String, String)] = []
        switch type.api.listing {
        case .pages:
            for target in ResourceType.pageTargets {
                let path = target.tenantSettingsField == nil ? "/clients/{id}" : "/tenants/settings"
                reads.append(target.tenantSettingsField == nil ? "/clients" : path)
                writes.append(("PATCH", path))
            }
        case .parts:
            break
        case .single(let itemPath):
            reads.append(itemPath)
        case .keyed:
            reads.append(item)
        case .perName(let names, let suffix, _):
            reads += names.prefix(1).map { "\(type.api.path)/\($0)/\(suffix)" }
        case .paged, .checkpoint, .plain, .unpaged, .singleton:
            reads.append(type.api.path)
        }
        for part in type.parts {
            reads.append(part.listedAt?.path ?? part.path)
            writes.append((part.method, part.path))
            if let create = part.lifecycle.createMethod { writes += [(create, part.path), ("DELETE", part.path)] }
        }
        for sub in type.subResources {
            let path = "\(item)/\(sub.pathSuffix)"
            reads.append(path)
            switch sub.write {
            case .toggle: writes.append(("PATCH", path))
            case .perItem: writes += [("POST", path), ("PATCH", "\(path)/{item}"), ("DELETE", "\(path)/{item}")]
            case .addRemoveLists: writes += [("POST", path), ("DELETE", path)]
            case .associate: writes += [("POST", path), ("DELETE", "\(path)/{item}")]
            }
        }
        if let counted = type.counted { reads.append("\(item)/\(counted.pathSuffix)") }
        switch type.lifecycle.delete {
        case .item: writes.append(("DELETE", item))
        case .path(let path): writes.append(("DELETE", path))
        case .never: break
        }
        // Retired and read-only types are never created or updated, only deleted (rules after their actions).
        guard type.planning != .notWritten, type.endOfLife == nil else { return (reads, writes) }
        if case .pages = type.api.listing { return (reads, writes) }
        if case .parts = type.api.listing { return (reads, writes) }
        if let create = type.lifecycle.create { writes.append((create, type.lifecycle.createsAtItemPath ? item : type.api.path)) }
        if let registration = type.lifecycle.registration { writes.append((registration.method, registration.path)) }
        if let update = type.lifecycle.update { writes.append((update, type.api.listing == .singleton(absentStatus: nil) ? type.api.path : item)) }
        for flag in type.flags { writes.append((flag.method, flag.path)) }
        return (reads, writes)
    }

    static func markdown() -> String {
        var all: Set<String> = []
        var rows: [String] = []
        for kind in ResourceKind.allCases {
            let (reads, writes) = calls(kind.type)
            let read = Set(reads.map { scope("GET", $0) }).sorted()
            let write = Set(writes.map { scope($0.0, $0.1) }).subtracting(read).sorted()
            all.formUnion(read + write)
            rows.append("| `\(kind.rawValue)` | \(read.map { "`\($0)`" }.joined(separator: " ")) | \(write.map { "`\($0)`" }.joined(separator: " ")) |")
        }
        let reading = all.filter { $0.hasPrefix("read:") }.sorted()
        return """
        # Management API scopes

        The scopes the machine-to-machine client behind `AUTH0_CLIENT_ID` needs, section by section. `export`, `plan`,
        `drift` and the reads of `apply` need the read scopes; `apply` the write scopes of what it changes. A missing
        scope stops the command with the scope to grant (no section is ever read as empty for lack of a scope).
        Generated from the resource-type table and the emulator's scopes (which follow the Management API's
        specification): `UPDATE_GOLDEN=1 swift test --filter RequiredScopesDocumentationTests` rewrites it.

        Read only (plan, export, drift in CI):

        ```
        \(reading.joined(separator: " "))
        ```

        Everything (apply):

        ```
        \(all.sorted().joined(separator: " "))
        ```

        | section | read | write |
        | --- | --- | --- |
        \(rows.joined(separator: "\n"))

        """
    }

    @Test func theCommittedListMatchesTheTable() throws {
        let url = Self.packageRoot.appendingPathComponent("docs/scopes.md")
        let generated = Self.markdown()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try generated.write(to: url, atomically: true, encoding: .utf8) }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == generated, "docs/scopes.md is out of date: UPDATE_GOLDEN=1 swift test --filter RequiredScopesDocumentationTests")
    }

    @Test func theScopesAreTheSpecsWhereAScopeIsWellKnown() {
        #expect(Self.scope("GET", "/clients") == "read:clients")
        #expect(Self.scope("POST", "/clients/cimd/register") == "create:clients")
        #expect(Self.scope("PATCH", "/custom-domains/default") == "update:custom_domains")
        #expect(Self.scope("GET", "/connections-directory-provisionings") == "read:directory_provisionings")
        #expect(Self.scope("GET", "/prompts/rendering") == "read:prompts")
    }
}
