import ManagementAPI
import Testing

/// Backoff: full jitter under an exponential bound capped at `maxDelay`.
@Suite struct RetryPolicyTests {
    @Test func theDefaultsAreThoseDocumented() {
        let policy = RetryPolicy()
        #expect(policy.maxAttempts == 6)
        #expect(policy.baseDelay == 0.25)
        #expect(policy.maxDelay == 8)
        #expect(RetryPolicy.transientStatuses == [500, 502, 503, 504])
    }

    @Test(arguments: [(1, 0.25), (2, 0.5), (3, 1.0), (5, 4.0), (6, 8.0), (9, 8.0)])
    func eachDelayIsWithinItsAttemptsExponentialBound(attempt: Int, bound: Double) {
        let policy = RetryPolicy()
        let delays = (0..<300).map { _ in policy.delay(attempt: attempt) }
        #expect(delays.allSatisfy { $0 >= 0 && $0 <= bound })
        // Jittered, yet reaching into the top half of the bound at least once in 300 draws.
        #expect(delays.contains { $0 > bound / 2 })
        #expect(Set(delays).count > 1)
    }
}
