import APIJSON
import Foundation

/// An append-only record of an apply, one JSON object per line, flushed to disk (fsync) before the next step
/// starts: every step's outcome and every created id survive a crash, so the tenant can be repaired by re-planning.
public final class ApplyJournal: @unchecked Sendable {
    public let path: String
    private let handle: FileHandle
    private let lock = NSLock()

    /// Creates `<directory>/<tenant>-<timestamp>.jsonl`.
    public init(directory: String, tenant: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        path = "\(directory)/\(tenant)-\(stamp)-\(UUID().uuidString.prefix(8)).jsonl"
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
        self.handle = handle
    }

    /// Appends one entry and forces it to disk.
    public func record(_ entry: [String: JSONValue]) throws {
        var entry = entry
        entry["at"] = .string(ISO8601DateFormatter().string(from: Date()))
        try lock.withLock {
            try handle.write(contentsOf: JSONValue.object(entry).encoded() + Data("\n".utf8))
            try handle.synchronize()
        }
    }

    deinit { try? handle.close() }
}
