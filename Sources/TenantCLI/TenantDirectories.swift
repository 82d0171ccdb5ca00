import ArgumentParser
import Foundation
import TenantConfig

/// Finds the tenants a command works on: the folders given, or every folder under `tenants/` holding a tenant.yaml.
public enum TenantDirectories {
    public static let defaultRoot = "tenants"

    public static func resolve(_ arguments: [String], root: String = defaultRoot) -> [String] {
        if !arguments.isEmpty { return arguments.map(TenantPath.normalize) }
        return all(under: root)
    }

    /// Every tenant folder under `root`, sorted by name: folders holding a tenant.yaml, a tenant.json (the Deploy CLI's
    /// directory format) or a tenantctl.yaml (a tenant
    /// that deploys a shared `base`). Names starting with `_` or `.` are skipped, so a shared base can live at
    /// `tenants/_base/` without being deployed on its own.
    public static func all(under root: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let markers = TenantLoader.documentNames + [TenantLayout.directoryMarker, TenantLoader.settingsName]
        return names.sorted().filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.map { TenantPath.join(root, $0) }.filter { directory in
            markers.contains { FileManager.default.fileExists(atPath: TenantPath.join(directory, $0)) }
        }
    }

    /// The tenants `--all` works on; an empty root is an error that says where it looked.
    static func forAll(under root: String) throws -> [String] {
        let directories = all(under: root)
        guard !directories.isEmpty else {
            StandardError.write("error: no tenant under \(root)/ (a tenant is a folder with a tenant.yaml, or a tenantctl.yaml naming a base); use --root to look elsewhere\n")
            throw ExitCode.failure
        }
        return directories
    }
}
