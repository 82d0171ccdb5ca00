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
    /// Faults a test asked for, each used once by the first request it matches.
    private var scheduled: [ScheduledFault] = []
    /// Every write, as `METHOD path`, in order (for tests that check a call was sent once).
    private(set) var writeLog: [String] = []
    /// Reads by path (no query), so a benchmark can tell how often each endpoint was read.
    private(set) var readCounts: [String: Int] = [:]

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

    func decideFault(method: String, path: String) -> FaultInjector.Decision {
        if method != "GET" { writeLog.append("\(method) /\(path)") } else { readCounts["/\(path)", default: 0] += 1 }
        if let index = scheduled.firstIndex(where: { $0.matches(method: method, path: path) }) {
            let fault = scheduled.remove(at: index)
            faultCount += 1
            return FaultInjector.Decision(fault: fault.fault, writeLands: fault.writeLands)
        }
        let decision = faults.decide()
        if decision.fault != nil { faultCount += 1 }
        return decision
    }

    func schedule(_ fault: ScheduledFault) { scheduled.append(fault) }

    func resetStatistics() {
        writeLog = []
        readCounts = [:]
        requests = requests.mapValues { _ in 0 }
        rateLimited = 0
        faultCount = 0
    }

    var statistics: JSONValue {
        .object([
            "requests": .object(requests.mapValues { .number(Double($0)) }),
            "rate_limited": .number(Double(rateLimited)),
            "faults": .number(Double(faultCount)),
            "writes": .array(writeLog.map(JSONValue.string)),
            "reads_by_path": .object(readCounts.mapValues { .number(Double($0)) }),
        ])
    }
}

/// A fault a test schedules through the admin channel: the first request with this method whose path (after
/// `/api/v2/`) starts with `pathPrefix` gets it, its write landing or not as asked. A `*` in the prefix stands for
/// one path segment (`organizations/*/client-grants`).
struct ScheduledFault: Sendable {
    var method: String
    var pathPrefix: String
    var fault: FaultInjector.Fault
    var writeLands: Bool

    func matches(method: String, path: String) -> Bool {
        guard self.method == method else { return false }
        let wanted = pathPrefix.split(separator: "/", omittingEmptySubsequences: false)
        let actual = path.split(separator: "/", omittingEmptySubsequences: false)
        guard actual.count >= wanted.count else { return false }
        return zip(wanted, actual).enumerated().allSatisfy { index, pair in
            pair.0 == "*" || pair.0 == pair.1 || (index == wanted.count - 1 && pair.1.hasPrefix(pair.0))
        }
    }

    /// `{"method":"POST","path":"organizations","fault":"dropped_connection","lands":true}`.
    init?(_ body: JSONValue) {
        let names: [String: FaultInjector.Fault] = ["too_many_requests": .tooManyRequests, "internal_error": .internalError,
                                                    "unavailable": .unavailable, "dropped_connection": .droppedConnection, "slow_response": .slowResponse]
        guard let method = body["method"]?.stringValue, let path = body["path"]?.stringValue,
              let fault = body["fault"]?.stringValue.flatMap({ names[$0] }) else { return nil }
        self.method = method
        pathPrefix = path
        self.fault = fault
        writeLands = body["lands"]?.boolValue ?? true
    }
}
