import Foundation
import TenantConfig

/// Finds the tenants a command works on: the folders given, or every folder under `tenants/` holding a tenant.yaml.
public enum TenantDirectories {
    public static let defaultRoot = "tenants"

    public static func resolve(_ arguments: [String], root: String = defaultRoot) -> [String] {
        if !arguments.isEmpty { return arguments.map(TenantPath.normalize) }
        return all(under: root)
    }

    /// Every tenant folder under `root`, sorted by name.
    public static func all(under root: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.sorted().map { TenantPath.join(root, $0) }.filter { directory in
            TenantLoader.documentNames.contains { FileManager.default.fileExists(atPath: TenantPath.join(directory, $0)) }
        }
    }
}
