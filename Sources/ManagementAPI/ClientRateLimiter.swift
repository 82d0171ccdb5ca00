import Foundation

/// Never sends a request the server has said it will refuse: it mirrors the last `x-ratelimit-limit`,
/// `x-ratelimit-remaining` and `x-ratelimit-reset` headers, and spaces requests to honour an optional budget
/// (`--max-rps`). Time is given in seconds since 1970, so the logic is tested without sleeping.
///
/// Auth0's bucket refills steadily, and `x-ratelimit-reset` names when it is full again. With nothing remaining,
/// the next request waits for one token's share of that time, `(reset − now) / limit`, rather than for the whole
/// bucket: as many requests per second as the tenant allows, never one early (the reset is rounded up to the
/// second, so the estimate errs late).
public struct ClientRateLimiter: Sendable {
    public var maxRequestsPerSecond: Double?
    private var limit: Int?
    private var remaining: Int?
    private var resetAt: Double?
    private var observedAt: Double?
    private var lastSent: Double?

    public init(maxRequestsPerSecond: Double? = nil) {
        self.maxRequestsPerSecond = maxRequestsPerSecond
    }

    /// Seconds to wait before the next request may be sent (0 when it may go now).
    public func delay(now: Double) -> Double {
        var wait = 0.0
        if let remaining, remaining <= 0, let resetAt, let observedAt {
            let share = (resetAt - observedAt) / Double(max(limit ?? 1, 1))
            wait = max(wait, observedAt + share - now)
        }
        if let rps = maxRequestsPerSecond, rps > 0, let lastSent { wait = max(wait, lastSent + 1 / rps - now) }
        return max(0, wait)
    }

    public mutating func sent(now: Double) { lastSent = now }

    /// Reads the server's view of the bucket from a response's headers.
    public mutating func observe(headers: [String: String], now: Double) {
        observedAt = now
        if let value = headers["x-ratelimit-limit"].flatMap(Int.init) { limit = value }
        if let value = headers["x-ratelimit-remaining"].flatMap(Int.init) { remaining = value }
        if let value = headers["x-ratelimit-reset"].flatMap(Double.init) { resetAt = value }
        if let remaining, remaining > 0 { return }
        if resetAt == nil || resetAt! < now { resetAt = now + 1 }
    }

    /// How long to wait after a 429: until the reset the server named, or `Retry-After`, or one second.
    public static func waitAfterTooManyRequests(headers: [String: String], now: Double) -> Double {
        if let retryAfter = headers["retry-after"].flatMap(Double.init) { return max(0, retryAfter) }
        if let reset = headers["x-ratelimit-reset"].flatMap(Double.init) { return max(0, reset - now) + 0.05 }
        return 1
    }
}

/// How transient failures are retried: jittered exponential backoff, a bounded number of attempts.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: Double
    public var maxDelay: Double

    public init(maxAttempts: Int = 6, baseDelay: Double = 0.25, maxDelay: Double = 8) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// "Full jitter": a random delay up to the exponential bound, so clients do not retry in lockstep.
    public func delay(attempt: Int) -> Double {
        let bound = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        return Double.random(in: 0...bound)
    }

    /// Statuses that say "try again": the request was not (reliably) processed.
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]
}
