import Foundation
@testable import TenantConfig

/// Paths to the read-only reference data beside the project (`../shared/reference`).
enum Reference {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
    static func a0deploy(_ name: String) -> String { directory.appendingPathComponent("a0deploy/\(name)").path }
}

/// Loads a tenant held in memory under `t/`.
func loadTenant(_ files: [String: String], environment: [String: String] = [:]) -> TenantDefinition {
    TenantLoader(fileSystem: InMemoryFileSystem(root: "t", textFiles: files), environment: environment).load("t")
}

extension TenantDefinition {
    func findings(_ rule: String) -> [Finding] { findings.filter { $0.rule == rule } }
}
