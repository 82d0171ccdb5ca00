import Foundation

/// Where tenant files are read from: the disk, or memory (tests and rule examples).
public protocol TenantFileSystem: Sendable {
    /// The bytes of a file, nil when it does not exist. Throws when it exists but cannot be read.
    func contents(of path: String) throws -> Data?
    /// The size of a file in bytes, nil when it does not exist.
    func size(of path: String) -> Int?
    /// Whether a directory exists at the path.
    func isDirectory(_ path: String) -> Bool
    /// The names of the entries of a directory, sorted; empty when it does not exist.
    func entries(of directory: String) -> [String]
}

/// Files on disk.
public struct DiskFileSystem: TenantFileSystem {
    public init() {}

    public func contents(of path: String) throws -> Data? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    public func size(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func entries(of directory: String) -> [String] {
        guard isDirectory(directory) else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}

/// Files held in memory, keyed by path (`tenant/tenant.yaml`); directories are implied by the paths.
public struct InMemoryFileSystem: TenantFileSystem {
    public var files: [String: Data]

    public init(files: [String: Data]) { self.files = files }

    /// Files given as text, each under `root`.
    public init(root: String, textFiles: [String: String]) {
        var files: [String: Data] = [:]
        for (path, text) in textFiles { files[TenantPath.join(root, path)] = Data(text.utf8) }
        self.files = files
    }

    public func contents(of path: String) throws -> Data? { files[TenantPath.normalize(path)] }
    public func size(of path: String) -> Int? { files[TenantPath.normalize(path)]?.count }
    public func isDirectory(_ path: String) -> Bool {
        let prefix = TenantPath.normalize(path) + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }
    public func entries(of directory: String) -> [String] {
        let prefix = TenantPath.normalize(directory) + "/"
        return Set(files.keys.filter { $0.hasPrefix(prefix) }.compactMap { $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init) }).sorted()
    }
}

/// Path arithmetic for tenant folders, independent of the file system.
public enum TenantPath {
    /// `a/./b/../c` → `a/c`; keeps a leading `/`; `..` above the start is kept (and caught by `escapes`).
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    public static func join(_ base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        return normalize(base.isEmpty || base == "." ? relative : base + "/" + relative)
    }

    /// Whether a relative path leaves the folder it is relative to.
    public static func escapes(_ relative: String) -> Bool {
        relative.hasPrefix("/") || normalize(relative).split(separator: "/").first == ".."
    }
}
