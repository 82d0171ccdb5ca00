import Testing
import ManagementAPI
@testable import TenantCLI

/// Which client events reach standard error, on a terminal and in a CI log.
@Suite struct ProgressReporterTests {
    @Test func aLogShowsOnlyLongWaitsWhileATerminalShowsEveryNoticeableOne() {
        let pacing = ClientEvent.waitingForRateLimit(seconds: 0.5)
        let window = ClientEvent.waitingForRateLimit(seconds: 7.2)
        #expect(ProgressReporter.describe(pacing, interactive: true) == "waiting 0.5 s for the Management API rate limit")
        #expect(ProgressReporter.describe(pacing, interactive: false) == nil, "a line per call at 2 req/s is noise in a log")
        #expect(ProgressReporter.describe(window, interactive: false) == "waiting 7.2 s for the Management API rate limit")
        #expect(ProgressReporter.describe(.waitingForRateLimit(seconds: 0.2), interactive: true) == nil)
    }

    @Test func retriesAreAlwaysShown() {
        let retry = ClientEvent.retrying(method: "PATCH", path: "connections/con_1", attempt: 1, reason: "503")
        for interactive in [true, false] {
            #expect(ProgressReporter.describe(retry, interactive: interactive) == "retrying PATCH /api/v2/connections/con_1 (attempt 2, 503)")
        }
    }
}
