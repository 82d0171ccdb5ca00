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
            if let text = Self.describe(event, interactive: interactive) { status(text) }
        }
    }

    /// What a client event shows, if anything. On a terminal the line is overwritten, so every wait of half a second
    /// or more is shown. In a log, the steady pacing at the tenant's rate (half a second per call at Auth0's 2 req/s)
    /// would be one line per call: only waits of 5 s or more (a 429 window, an exhausted budget) are news there.
    static func describe(_ event: ClientEvent, interactive: Bool) -> String? {
        switch event {
        case .waitingForRateLimit(let seconds) where seconds >= (interactive ? 0.5 : 5):
            String(format: "waiting %.1f s for the Management API rate limit", seconds)
        case .retrying(let method, let path, let attempt, let reason):
            "retrying \(method) /api/v2/\(path) (attempt \(attempt + 1), \(reason))"
        default: nil
        }
    }
}
