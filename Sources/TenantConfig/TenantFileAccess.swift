import Foundation

/// How tenantctl reads a file on behalf of a tenant (tenant.yaml, tenantctl.yaml, scripts, tests.yaml, the committed
/// snapshot). Everything in a tenant folder may come from an untrusted pull request, and CI runs tenantctl with
/// the tenant's credentials and secret keywords in its environment; so only regular files are read, only inside the
/// tenant's folders once symlinks are resolved, never /proc, and text never with a NUL byte. A script symlinked to
/// `/proc/self/environ` would otherwise carry the environment into the plan file.
///
/// A refusal never quotes the file's content, and a file that is refused is never handed to the rules.
public struct TenantFileAccess: Sendable {
    public var fileSystem: any TenantFileSystem
    /// The folders the tenant's files may live in, as shown to users: the tenant folder, and its base when it has one.
    public var folders: [String]

    public init(fileSystem: any TenantFileSystem, folders: [String]) {
        self.fileSystem = fileSystem
        self.folders = folders
    }

    /// The bytes of the file at `path`, after every check but the text ones.
    public func read(_ path: String, limit: Int) throws(TenantFileProblem) -> Data {
        let facts: FileFacts?
        do { facts = try fileSystem.inspect(path) } catch { throw .unreadable(path: path, reason: error.localizedDescription) }
        guard let facts else { throw .missing(path: path) }
        // /proc first: its entries are "regular" files of size 0 that hold a process's memory and environment.
        if facts.realPath == "/proc" || facts.realPath.hasPrefix("/proc/") { throw .processEntry(path: path, realPath: Self.asSelf(facts.realPath)) }
        guard try isInsideFolders(facts.realPath) else { throw .outsideFolders(path: path, realPath: facts.realPath, folders: folders) }
        guard facts.kind == .regular else { throw .notRegular(path: path, kind: facts.kind) }
        guard facts.size <= limit else { throw .tooLarge(path: path, size: facts.size, limit: limit) }
        let data: Data
        do { data = try fileSystem.contents(ofRegularFile: facts, limit: limit) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard data.count <= limit else { throw .tooLarge(path: path, size: data.count, limit: limit) }
        return data
    }

    /// The file as UTF-8 text (a byte-order mark dropped), refused when it holds a NUL byte.
    public func readText(_ path: String, limit: Int) throws(TenantFileProblem) -> String {
        let data = try read(path, limit: limit)
        if let nul = data.firstIndex(of: 0) {
            let (line, column) = Self.lineAndColumn(of: nul, in: data)
            throw .nulByte(path: path, line: line, column: column)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = Self.firstInvalidUTF8(in: data)
            throw .notUTF8(path: path, line: line, column: column)
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    private func isInsideFolders(_ realPath: String) throws(TenantFileProblem) -> Bool {
        for folder in folders {
            let root: String
            do { root = try fileSystem.inspect(folder)?.realPath ?? TenantPath.normalize(folder) } catch {
                throw .unreadable(path: folder, reason: error.localizedDescription)
            }
            if Self.path(realPath, isInside: root) { return true }
        }
        return false
    }

    /// `/proc/<this process>/environ` as `/proc/self/environ`: what a link to it says, the same in every run.
    static func asSelf(_ procPath: String) -> String {
        let own = "/proc/\(ProcessInfo.processInfo.processIdentifier)/"
        return procPath.hasPrefix(own) ? "/proc/self/" + procPath.dropFirst(own.count) : procPath
    }

    /// Whether `path` is `root` or below it; a relative root `.` holds every relative path that does not climb out.
    static func path(_ path: String, isInside root: String) -> Bool {
        if root == "." { return !path.hasPrefix("/") && path != ".." && !path.hasPrefix("../") }
        if root == "/" { return path.hasPrefix("/") }
        return path == root || path.hasPrefix(root + "/")
    }

    /// The 1-based line and column (in bytes) of the byte at `index`.
    static func lineAndColumn(of index: Data.Index, in data: Data) -> (Int, Int) {
        let before = data[data.startIndex..<index]
        let line = before.count { $0 == 0x0A } + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? data.startIndex
        return (line, index - lineStart + 1)
    }

    /// The line and column (1-based, in bytes) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length: Int = switch byte {
            case 0x00...0x7F: 1
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 0
            }
            guard length > 0, index + length <= data.endIndex,
                  String(data: data[index..<(index + length)], encoding: .utf8) != nil
            else { return (line, column) }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }
}
