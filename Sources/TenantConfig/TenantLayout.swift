/// How a tenant folder writes its resources: the Deploy CLI's YAML format (`tenant.yaml`, scripts beside it) or its
/// directory format (`tenant.json`, one JSON file per resource: `clients/My SPA.json`, …). Both load into the same
/// model; `export --layout` writes either.
public enum TenantLayout: String, Sendable, CaseIterable, Codable {
    case yaml
    case directory

    /// The file whose presence marks a folder in the directory format (the tenant settings, as the Deploy CLI writes them).
    public static let directoryMarker = "tenant.json"
}

extension TenantLayout {
    /// The top-level files and folders of a tenant folder that hold resources in either layout (tenant.yaml,
    /// tenant.json, `clients/`, `databases/`, …): what `export --force` replaces, so a resource gone from the tenant
    /// leaves no file behind and a folder switching layouts keeps no file of the old one.
    public static var resourceNames: Set<String> {
        var names: Set<String> = ["tenant.yaml", "tenant.yml", directoryMarker]
        for kind in ResourceKind.allCases {
            let type = kind.type
            names.formUnion(type.directory.topLevelNames)
            for field in type.files {
                if let first = field.exportPath.split(separator: "/").first { names.insert(String(first)) }
            }
            for case .inTenantFolder(let path) in type.directory.files.values {
                if let first = path.split(separator: "/").first { names.insert(String(first)) }
            }
        }
        return names
    }
}
