import Foundation
import TenantConfig

/// A file system seen through pending changes: files written and removed in memory over another file system, so
/// a migration can be loaded back and checked before anything touches the disk.
public struct OverlayFileSystem: TenantFileSystem {
    public var base: any TenantFileSystem
    public var written: [String: Data]
    public var removed: Set<String>

    public init(base: any TenantFileSystem, written: [String: String], removed: [String] = []) {
        self.base = base
        self.written = Dictionary(uniqueKeysWithValues: written.map { (TenantPath.normalize($0.key), Data($0.value.utf8)) })
        self.removed = Set(removed.map(TenantPath.normalize))
    }

    public func contents(of path: String) throws -> Data? {
        let path = TenantPath.normalize(path)
        if let data = written[path] { return data }
        return removed.contains(path) ? nil : try base.contents(of: path)
    }

    public func size(of path: String) -> Int? {
        let path = TenantPath.normalize(path)
        if let data = written[path] { return data.count }
        return removed.contains(path) ? nil : base.size(of: path)
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = TenantPath.normalize(path) + "/"
        return base.isDirectory(path) || written.keys.contains { $0.hasPrefix(prefix) }
    }

    public func entries(of directory: String) -> [String] {
        let prefix = TenantPath.normalize(directory) + "/"
        let added = written.keys.filter { $0.hasPrefix(prefix) }.compactMap { $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init) }
        let kept = base.entries(of: directory).filter { !removed.contains(prefix + $0) }
        return Set(kept + added).sorted()
    }
}
