import Foundation

/// Reads a pipe to its end on a background thread, so a process writing to two pipes never blocks on a full one
/// while its parent reads the other. Shared by the features that run processes (node, tenantctl itself).
public final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    public init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe delivered; waits for its end.
    public func finish() -> Data {
        done.wait()
        return data
    }
}
