import Foundation
import ManagementAPI

/// Progress on standard error: a line per event in CI or a pipe, an updating line on a terminal, nothing when quiet.
struct ProgressReporter: Sendable {
    let enabled: Bool
    let interactive: Bool

    init(enabled: Bool) {
        self.enabled = enabled
        interactive = TerminalStyle.detect(fileDescriptor: STDERR_FILENO).interactive
    }

    func line(_ text: String) {
        guard enabled else { return }
        StandardError.write(interactive ? "\r\u{1B}[2K\(text)\n" : "\(text)\n")
    }

    /// A transient status (rate-limit waits, retries): overwritten on a terminal.
    func status(_ text: String) {
        guard enabled else { return }
        StandardError.write(interactive ? "\r\u{1B}[2K\(text)" : "\(text)\n")
    }

    var clientEvent: @Sendable (ClientEvent) -> Void {
        { event in
            switch event {
            case .waitingForRateLimit(let seconds) where seconds >= 0.5:
                status(String(format: "waiting %.1f s for the Management API rate limit", seconds))
            case .retrying(let method, let path, let attempt, let reason):
                status("retrying \(method) /api/v2/\(path) (attempt \(attempt + 1), \(reason))")
            default: break
            }
        }
    }
}
