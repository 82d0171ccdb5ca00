import ManagementAPI
import Testing

/// The limiter's arithmetic, with time passed in (seconds since 1970): no sleeping.
@Suite struct ClientRateLimiterTests {
    static let t0 = 1_800_000_000.0

    static func headers(limit: Int? = nil, remaining: Int? = nil, reset: Double? = nil) -> [String: String] {
        var headers: [String: String] = [:]
        if let limit { headers["x-ratelimit-limit"] = String(limit) }
        if let remaining { headers["x-ratelimit-remaining"] = String(remaining) }
        if let reset { headers["x-ratelimit-reset"] = String(Int(reset)) }
        return headers
    }

    // MARK: - The server's bucket

    @Test func aFreshLimiterNeverWaits() {
        #expect(ClientRateLimiter().delay(now: Self.t0) == 0)
    }

    @Test func withTokensRemainingThereIsNoWait() {
        var limiter = ClientRateLimiter()
        limiter.observe(headers: Self.headers(limit: 10, remaining: 1, reset: Self.t0 + 5), now: Self.t0)
        #expect(limiter.delay(now: Self.t0) == 0)
    }

    @Test func anEmptyBucketWaitsOneTokensShareOfTheTimeUntilReset() {
        var limiter = ClientRateLimiter()
        // Full again in 5 s for 10 tokens: one token every 0.5 s. Not the whole 5 s.
        limiter.observe(headers: Self.headers(limit: 10, remaining: 0, reset: Self.t0 + 5), now: Self.t0)
        #expect(limiter.delay(now: Self.t0) == 0.5)
        #expect(abs(limiter.delay(now: Self.t0 + 0.2) - 0.3) < 1e-6, "time already passed counts")
        #expect(limiter.delay(now: Self.t0 + 0.5) == 0)
        #expect(limiter.delay(now: Self.t0 + 3) == 0)
    }

    @Test func theShareIsMeasuredFromWhenTheHeadersWereObserved() {
        var limiter = ClientRateLimiter()
        // Observed 1 s after t0, reset 9 s later, limit 3: one token is 3 s, so requests may go at t0 + 4.
        limiter.observe(headers: Self.headers(limit: 3, remaining: 0, reset: Self.t0 + 10), now: Self.t0 + 1)
        #expect(limiter.delay(now: Self.t0 + 1) == 3)
        #expect(limiter.delay(now: Self.t0 + 2) == 2)
    }

    @Test func anEmptyBucketWithoutALimitHeaderWaitsTheWholeWindow() {
        var limiter = ClientRateLimiter()
        limiter.observe(headers: Self.headers(remaining: 0, reset: Self.t0 + 2), now: Self.t0)
        #expect(limiter.delay(now: Self.t0) == 2)
    }

    @Test func anEmptyBucketWithoutAResetOrWithAResetPastWaitsAShareOfOneSecond() {
        var noReset = ClientRateLimiter()
        noReset.observe(headers: Self.headers(limit: 4, remaining: 0), now: Self.t0)
        #expect(noReset.delay(now: Self.t0) == 0.25)

        var pastReset = ClientRateLimiter()
        pastReset.observe(headers: Self.headers(limit: 4, remaining: 0, reset: Self.t0 - 30), now: Self.t0)
        #expect(pastReset.delay(now: Self.t0) == 0.25)
    }

    @Test func aLaterAnswerWithTokensRemainingEndsTheWait() {
        var limiter = ClientRateLimiter()
        limiter.observe(headers: Self.headers(limit: 10, remaining: 0, reset: Self.t0 + 5), now: Self.t0)
        limiter.observe(headers: Self.headers(limit: 10, remaining: 7, reset: Self.t0 + 5), now: Self.t0 + 0.1)
        #expect(limiter.delay(now: Self.t0 + 0.1) == 0)
    }

    @Test func headersThatAreNotNumbersAreIgnored() {
        var limiter = ClientRateLimiter()
        limiter.observe(headers: ["x-ratelimit-limit": "lots", "x-ratelimit-remaining": "some", "x-ratelimit-reset": "soon"], now: Self.t0)
        #expect(limiter.delay(now: Self.t0) == 0)
    }

    // MARK: - --max-rps

    @Test func maxRequestsPerSecondSpacesRequestsFromTheLastSent() {
        var limiter = ClientRateLimiter(maxRequestsPerSecond: 4)
        #expect(limiter.delay(now: Self.t0) == 0, "nothing sent yet")
        limiter.sent(now: Self.t0)
        #expect(limiter.delay(now: Self.t0) == 0.25)
        #expect(abs(limiter.delay(now: Self.t0 + 0.1) - 0.15) < 1e-6)
        #expect(limiter.delay(now: Self.t0 + 0.25) == 0)
        #expect(limiter.delay(now: Self.t0 + 1) == 0)
    }

    @Test func aZeroBudgetMeansNoBudget() {
        var limiter = ClientRateLimiter(maxRequestsPerSecond: 0)
        limiter.sent(now: Self.t0)
        #expect(limiter.delay(now: Self.t0) == 0)
    }

    @Test func theLongerOfTheBudgetAndTheBucketWins() {
        var limiter = ClientRateLimiter(maxRequestsPerSecond: 2)
        limiter.sent(now: Self.t0)
        limiter.observe(headers: Self.headers(limit: 10, remaining: 0, reset: Self.t0 + 2), now: Self.t0)
        #expect(limiter.delay(now: Self.t0) == 0.5, "budget 0.5 s beats the bucket's 0.2 s")
        limiter.observe(headers: Self.headers(limit: 2, remaining: 0, reset: Self.t0 + 2), now: Self.t0)
        #expect(limiter.delay(now: Self.t0) == 1, "the bucket's 1 s beats the budget's 0.5 s")
    }

    // MARK: - After a 429

    @Test func after429RetryAfterWins() {
        let wait = ClientRateLimiter.waitAfterTooManyRequests(headers: ["retry-after": "3", "x-ratelimit-reset": String(Int(Self.t0 + 10))], now: Self.t0)
        #expect(wait == 3)
    }

    @Test func after429ANegativeRetryAfterMeansNow() {
        #expect(ClientRateLimiter.waitAfterTooManyRequests(headers: ["retry-after": "-2"], now: Self.t0) == 0)
    }

    @Test func after429WithoutRetryAfterTheWaitRunsToTheResetPlus50ms() {
        let wait = ClientRateLimiter.waitAfterTooManyRequests(headers: ["x-ratelimit-reset": String(Int(Self.t0 + 10))], now: Self.t0)
        #expect(abs(wait - 10.05) < 1e-6)
        let past = ClientRateLimiter.waitAfterTooManyRequests(headers: ["x-ratelimit-reset": String(Int(Self.t0 - 10))], now: Self.t0)
        #expect(abs(past - 0.05) < 1e-6)
    }

    @Test func after429WithNeitherHeaderTheWaitIsOneSecond() {
        #expect(ClientRateLimiter.waitAfterTooManyRequests(headers: [:], now: Self.t0) == 1)
    }

    @Test func after429ARetryAfterThatIsNotANumberFallsBackToTheReset() {
        // Retry-After may be an HTTP date; the limiter does not read those and uses the reset instead.
        let headers = ["retry-after": "Wed, 21 Oct 2026 07:28:00 GMT", "x-ratelimit-reset": String(Int(Self.t0 + 4))]
        #expect(abs(ClientRateLimiter.waitAfterTooManyRequests(headers: headers, now: Self.t0) - 4.05) < 1e-6)
    }
}
