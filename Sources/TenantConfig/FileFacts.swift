/// What a path names once every symlink on the way is resolved, as `stat` sees it, learnt without opening it:
/// opening a FIFO would block, and opening a device can have effects of its own.
public struct FileFacts: Sendable, Equatable {
    /// The file's type.
    public enum Kind: Sendable, Equatable {
        case regular, directory, fifo, socket, characterDevice, blockDevice, other

        /// The type as a message names it: "a FIFO (named pipe)".
        public var description: String {
            switch self {
            case .regular: "a regular file"
            case .directory: "a directory"
            case .fifo: "a FIFO (named pipe)"
            case .socket: "a socket"
            case .characterDevice: "a character device"
            case .blockDevice: "a block device"
            case .other: "not a regular file"
            }
        }
    }

    /// The path with every symlink resolved (absolute on disk; as given, normalized, in memory).
    public var realPath: String
    public var kind: Kind
    /// The size in bytes `stat` reports (0 for /proc entries, whatever they hold).
    public var size: Int

    public init(realPath: String, kind: Kind, size: Int) {
        self.realPath = realPath
        self.kind = kind
        self.size = size
    }
}
