import Foundation

/// Auth0's rate limit as a token bucket: `burst` requests at once, refilled at `rate` per second.
/// Time is passed in, so the logic is tested without sleeping.
struct TokenBucket: Sendable {
    let rate: Double
    let burst: Int
    private var tokens: Double
    private var updated: Double

    init(rate: Double, burst: Int, now: Double) {
        self.rate = rate
        self.burst = burst
        tokens = Double(burst)
        updated = now
    }

    /// The verdict for one request and the `x-ratelimit-*` values to send with it.
    struct Verdict: Sendable {
        var allowed: Bool
        var limit: Int
        var remaining: Int
        /// Unix seconds: when the next request will be accepted (refused) or the bucket is full again (accepted).
        var reset: Int
    }

    mutating func take(now: Double) -> Verdict {
        tokens = min(Double(burst), tokens + (now - updated) * rate)
        updated = now
        if tokens >= 1 {
            tokens -= 1
            let full = now + (Double(burst) - tokens) / rate
            return Verdict(allowed: true, limit: burst, remaining: Int(tokens), reset: Int(full.rounded(.up)))
        }
        let next = now + (1 - tokens) / rate
        return Verdict(allowed: false, limit: burst, remaining: 0, reset: Int(next.rounded(.up)))
    }
}
