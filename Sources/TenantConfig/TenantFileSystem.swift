import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where tenant files are read from: the disk, or memory (tests and rule examples).
/// Files read on behalf of a tenant go through `TenantFileAccess`, which uses `inspect` and
/// `contents(ofRegularFile:limit:)` to read only regular files inside the tenant's folders.
public protocol TenantFileSystem: Sendable {
    /// The bytes of a file, nil when it does not exist. Throws when it exists but cannot be read.
    func contents(of path: String) throws -> Data?
    /// The size of a file in bytes, nil when it does not exist.
    func size(of path: String) -> Int?
    /// Whether a directory exists at the path.
    func isDirectory(_ path: String) -> Bool
    /// What the path names once symlinks are resolved, without opening it; nil when nothing is there
    /// (a dangling symlink included).
    func inspect(_ path: String) throws -> FileFacts?
    /// At most `limit + 1` bytes of the regular file `facts` describes, opened by its real path without following
    /// a symlink and without blocking; throws if it is no longer a regular file.
    func contents(ofRegularFile facts: FileFacts, limit: Int) throws -> Data
    /// The names of the entries of a directory, sorted; empty when it does not exist.
    func entries(of directory: String) -> [String]
}

extension TenantFileSystem {
    /// File systems without symlinks or special files (memory): a file is a regular file at its own path.
    public func inspect(_ path: String) throws -> FileFacts? {
        if isDirectory(path) { return FileFacts(realPath: TenantPath.normalize(path), kind: .directory, size: 0) }
        guard let size = size(of: path) else { return nil }
        return FileFacts(realPath: TenantPath.normalize(path), kind: .regular, size: size)
    }

    public func contents(ofRegularFile facts: FileFacts, limit: Int) throws -> Data {
        guard let data = try contents(of: facts.realPath) else { throw CocoaError(.fileNoSuchFile) }
        return data.prefix(limit + 1)
    }
}

/// Files on disk.
public struct DiskFileSystem: TenantFileSystem {
    public init() {}

    public func contents(of path: String) throws -> Data? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The size of what the path names, symlinks followed (a link's own size would misstate a linked script's).
    public func size(of path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func inspect(_ path: String) throws -> FileFacts? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        guard let resolved = realpath(path, nil) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { free(resolved) }
        return FileFacts(realPath: String(cString: resolved), kind: Self.kind(of: info.st_mode), size: Int(info.st_size))
    }

    public func contents(ofRegularFile facts: FileFacts, limit: Int) throws -> Data {
        // O_NONBLOCK: a FIFO swapped in since `inspect` cannot hang the open; O_NOFOLLOW: nor can a symlink.
        let descriptor = open(facts.realPath, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard Self.kind(of: info.st_mode) == .regular else { throw POSIXError(.EINVAL) }
        return try handle.read(upToCount: limit + 1) ?? Data()
    }

    static func kind(of mode: mode_t) -> FileFacts.Kind {
        switch mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        default: .other
        }
    }

    public func entries(of directory: String) -> [String] {
        guard isDirectory(directory) else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}

/// Files held in memory, keyed by path (`tenant/tenant.yaml`); directories are implied by the paths. Symlinks
/// (`links`, to a path as a symlink would hold it) and special files (`specialFiles`) let tests describe the
/// files a tenant must not read without touching the disk.
public struct InMemoryFileSystem: TenantFileSystem {
    public var files: [String: Data]
    /// Symlinks by path: the target, relative to the link's folder or absolute.
    public var links: [String: String] = [:]
    /// FIFOs, devices and sockets by path.
    public var specialFiles: [String: FileFacts.Kind] = [:]

    public init(files: [String: Data]) { self.files = files }

    /// Files given as text, each under `root`.
    public init(root: String, textFiles: [String: String]) {
        var files: [String: Data] = [:]
        for (path, text) in textFiles { files[TenantPath.join(root, path)] = Data(text.utf8) }
        self.files = files
    }

    public func contents(of path: String) throws -> Data? { files[resolve(path)] }
    public func size(of path: String) -> Int? {
        let real = resolve(path)
        return specialFiles[real] != nil ? 0 : files[real]?.count
    }
    public func isDirectory(_ path: String) -> Bool {
        let prefix = resolve(path) + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func inspect(_ path: String) throws -> FileFacts? {
        let real = resolve(path)
        if let kind = specialFiles[real] { return FileFacts(realPath: real, kind: kind, size: 0) }
        if isDirectory(real) { return FileFacts(realPath: real, kind: .directory, size: 0) }
        return files[real].map { FileFacts(realPath: real, kind: .regular, size: $0.count) }
    }

    /// The path with its symlinks followed (a few hops at most, as a loop would never end).
    private func resolve(_ path: String) -> String {
        var real = TenantPath.normalize(path)
        for _ in 0..<8 {
            guard let target = links[real] else { break }
            let folder = (real as NSString).deletingLastPathComponent
            real = TenantPath.join(folder.isEmpty ? "." : folder, target)
        }
        return real
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
