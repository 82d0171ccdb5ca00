import Foundation
import Testing
@testable import TenantConfig

/// Paths to the read-only reference data beside the project (`../shared/reference`), which a fresh clone does not
/// have: the tests that read it are skipped then, with `whyAbsent` shown. `TENANTCTL_REFERENCE_DIR` names another
/// folder (CI names an empty one to run the suite as a fresh clone sees it).
enum Reference {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory: URL = ProcessInfo.processInfo.environment["TENANTCTL_REFERENCE_DIR"].map { URL(fileURLWithPath: $0) }
        ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
    static let tenantFiles = ["small.tenant.yaml", "examples-yaml.tenant.yaml", "lots-of-configuration.tenant.yaml"]
    static let isPresent = (tenantFiles + ["examples-directory/tenant.json"]).allSatisfy { FileManager.default.fileExists(atPath: a0deploy($0)) }
    static let whyAbsent = Comment(rawValue: "needs the Deploy CLI's tenant files in \(directory.path)/a0deploy (../shared/reference, not part of a clone); CI runs it with them")
    static func a0deploy(_ name: String) -> String { directory.appendingPathComponent("a0deploy/\(name)").path }
}

/// Loads a tenant held in memory under `t/`.
func loadTenant(_ files: [String: String], environment: [String: String] = [:]) -> TenantDefinition {
    TenantLoader(fileSystem: InMemoryFileSystem(root: "t", textFiles: files), environment: environment).load("t")
}

extension TenantDefinition {
    func findings(_ rule: String) -> [Finding] { findings.filter { $0.rule == rule } }
}
