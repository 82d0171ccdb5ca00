import Foundation
import Testing
import TenantConfig

/// docs/resource-types.md is the table, rendered: it changes with the descriptors or this test fails.
@Suite struct ResourceTypeDocumentationTests {
    @Test func theCommittedTableMatchesTheDescriptors() throws {
        let url = Reference.packageRoot.appendingPathComponent("docs/resource-types.md")
        let generated = ResourceTypeDocumentation.markdown()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try generated.write(to: url, atomically: true, encoding: .utf8) }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == generated, "docs/resource-types.md is out of date: UPDATE_GOLDEN=1 swift test --filter ResourceTypeDocumentationTests")
    }

    @Test func everyTypeHasARow() {
        let table = ResourceTypeDocumentation.markdown()
        for kind in ResourceKind.allCases { #expect(table.contains("| `\(kind.rawValue)` |"), "\(kind)") }
    }
}
