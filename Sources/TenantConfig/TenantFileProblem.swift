/// Why a file was not read on behalf of a tenant. Messages name the file and what it is, never what it holds.
public enum TenantFileProblem: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    /// Symlinks resolved, the file lies outside the tenant's folders.
    case outsideFolders(path: String, realPath: String, folders: [String])
    /// A /proc entry: the state of a running process (its environment included), never a tenant file.
    case processEntry(path: String, realPath: String)
    /// A FIFO, device, socket or directory.
    case notRegular(path: String, kind: FileFacts.Kind)
    case tooLarge(path: String, size: Int, limit: Int)
    case unreadable(path: String, reason: String)
    case notUTF8(path: String, line: Int, column: Int)
    case nulByte(path: String, line: Int, column: Int)

    /// The identifier of the loading finding. The ones about what a file is cannot be turned off by `lint.disable`
    /// (no loading finding can).
    public var rule: String {
        switch self {
        case .missing: "missing-file"
        case .outsideFolders: "path-escapes-tenant"
        case .processEntry, .notRegular: "not-a-regular-file"
        case .tooLarge: "file-too-large"
        case .unreadable: "unreadable-file"
        case .notUTF8: "file-encoding"
        case .nulByte: "nul-byte"
        }
    }

    public var description: String {
        switch self {
        case .missing(let path):
            "\(path) does not exist"
        case .outsideFolders(let path, let realPath, let folders):
            "\(path) resolves to \(realPath), outside \(Self.describe(folders)); tenantctl reads only files inside it, so a symlink must point to a file there (or copy the file in)"
        case .processEntry(let path, let realPath):
            "\(path) resolves to \(realPath), a /proc entry (the state of a running process, its environment included), not a tenant file; tenantctl reads only regular files inside the tenant folder"
        case .notRegular(let path, let kind):
            "\(path) is \(kind.description), not a regular file; tenantctl reads only regular files inside the tenant folder"
        case .tooLarge(let path, let size, let limit):
            "\(path) is \(ByteCount.format(size)); tenantctl reads files up to \(ByteCount.format(limit)). Is this the right file?"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .notUTF8(let path, let line, let column):
            "\(path) is not valid UTF-8 (first bad byte at line \(line), column \(column)); save it as UTF-8"
        case .nulByte(let path, let line, let column):
            "\(path) holds a NUL byte (line \(line), column \(column)); scripts and tenant files are text, so tenantctl refuses it"
        }
    }

    /// The loading finding: at the byte for encoding problems, else where the YAML names the file (`reference`),
    /// else at the file.
    public func finding(reference: SourceLocation? = nil) -> Finding {
        let location: SourceLocation = switch self {
        case .notUTF8(let path, let line, let column), .nulByte(let path, let line, let column):
            SourceLocation(file: path, line: line, column: column)
        case .missing(let path), .outsideFolders(let path, _, _), .processEntry(let path, _), .notRegular(let path, _),
             .tooLarge(let path, _, _), .unreadable(let path, _):
            reference ?? SourceLocation(file: path)
        }
        return Finding(rule: rule, severity: .error, location: location, message: description)
    }

    /// "the tenant folder dev", or "the tenant folder dev and its base tenants/_base".
    static func describe(_ folders: [String]) -> String {
        guard let first = folders.first else { return "the tenant folder" }
        return "the tenant folder \(first)" + (folders.count > 1 ? " and its base \(folders.dropFirst().joined(separator: ", "))" : "")
    }
}
