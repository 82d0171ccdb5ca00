import APIJSON
import Foundation

/// An append-only record of an apply, one JSON object per line, flushed to disk (fsync) before the next step
/// starts: every step's outcome and every created id survive a crash, so the tenant can be repaired by re-planning.
/// Every entry passes `screen` (the CLI's secret check) before it is written; the file is created with the first.
public final class ApplyJournal: @unchecked Sendable {
    public let path: String
    private let screen: @Sendable (_ entry: Data, _ path: String) throws -> Void
    private var handle: FileHandle?
    private let lock = NSLock()
    /// One formatter for every entry (making one costs more than writing an entry); used under the lock.
    private let clock = ISO8601DateFormatter()

    /// Names `<directory>/<tenant>-<timestamp>.jsonl`; `screen` (an entry, the journal's path) throws to refuse an
    /// entry, which is then not written.
    public init(directory: String, tenant: String, screen: @escaping @Sendable (_ entry: Data, _ path: String) throws -> Void) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        path = "\(directory)/\(tenant)-\(stamp)-\(UUID().uuidString.prefix(8)).jsonl"
        self.screen = screen
    }

    /// Appends one entry and forces it to disk.
    public func record(_ entry: [String: JSONValue]) throws {
        var entry = entry
        entry["at"] = .string(lock.withLock { clock.string(from: Date()) })
        let line = JSONValue.object(entry).encoded() + Data("\n".utf8)
        try screen(line, path)
        try lock.withLock {
            let handle = try self.handle ?? open()
            try handle.write(contentsOf: line)
            try handle.synchronize()
        }
    }

    private func open() throws -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        self.handle = handle
        return handle
    }

    deinit { try? handle?.close() }
}
