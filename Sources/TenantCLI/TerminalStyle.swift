import Foundation

/// What the terminal supports: colour unless `NO_COLOR` is set or the stream is not a terminal,
/// progress only on a terminal and never in CI quiet mode.
public struct TerminalStyle: Sendable {
    public var color: Bool
    public var interactive: Bool

    public init(color: Bool, interactive: Bool) {
        self.color = color
        self.interactive = interactive
    }

    /// The style for standard output (or standard error), from the environment. `isTerminal` is asked about
    /// `fileDescriptor` (tests pass their own: a test's output is never a terminal). `NO_COLOR` counts when it is
    /// set and not empty (no-color.org).
    public static func detect(fileDescriptor: Int32 = STDOUT_FILENO, environment: [String: String] = ProcessInfo.processInfo.environment,
                              isTerminal: (Int32) -> Bool = { isatty($0) == 1 }) -> TerminalStyle {
        let tty = isTerminal(fileDescriptor)
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(color: tty && !noColor && !dumb, interactive: tty && !dumb)
    }
}

/// Writes to standard error (messages that are not the command's result), through the output guard: a message
/// that would hold a secret's value is replaced by the refusal, and the process exits 1.
public enum StandardError {
    public static func write(_ text: String) {
        if let refusal = OutputGuard.shared.refusal(for: Data(text.utf8), at: .standardError) {
            writeRefusal(refusal)
            exit(1)
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A refusal of the output guard: built from names only, so it is written as is.
    static func writeRefusal(_ refusal: any Error & CustomStringConvertible) {
        FileHandle.standardError.write(Data("error: \(refusal)\n".utf8))
    }
}
