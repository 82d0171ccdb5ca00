import APIJSON
import Foundation

/// What every API request goes through before an endpoint: tokens, the rate limit, faults, and the counters
/// the admin channel reports. An actor, so concurrent requests see one bucket and one fault sequence.
actor EmulatorGate {
    private var bucket: TokenBucket
    private var faults: FaultInjector
    private var tokens: [String: Set<String>] = [:]
    private(set) var requests: [String: Int] = ["GET": 0, "POST": 0, "PATCH": 0, "PUT": 0, "DELETE": 0]
    private(set) var rateLimited = 0
    private(set) var faultCount = 0

    init(configuration: EmulatorConfiguration) {
        bucket = TokenBucket(rate: configuration.rate, burst: configuration.burst, now: Date().timeIntervalSince1970)
        faults = FaultInjector(rate: configuration.faultRate, seed: configuration.faultSeed)
    }

    func issueToken(scopes: Set<String>) -> String {
        let token = "emu_" + Identifiers.random(40)
        tokens[token] = scopes
        return token
    }

    /// The scopes of a bearer token, nil when the token is unknown.
    func scopes(of token: String) -> Set<String>? { tokens[token] }

    func count(_ method: String) { requests[method, default: 0] += 1 }

    func takeRateLimit() -> TokenBucket.Verdict {
        let verdict = bucket.take(now: Date().timeIntervalSince1970)
        if !verdict.allowed { rateLimited += 1 }
        return verdict
    }

    func decideFault() -> FaultInjector.Decision {
        let decision = faults.decide()
        if decision.fault != nil { faultCount += 1 }
        return decision
    }

    func resetStatistics() {
        requests = requests.mapValues { _ in 0 }
        rateLimited = 0
        faultCount = 0
    }

    var statistics: JSONValue {
        .object([
            "requests": .object(requests.mapValues { .number(Double($0)) }),
            "rate_limited": .number(Double(rateLimited)),
            "faults": .number(Double(faultCount)),
        ])
    }
}
