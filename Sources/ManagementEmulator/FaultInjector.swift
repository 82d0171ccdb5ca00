/// Deterministic faults: the same seed gives the same faults for the same sequence of requests.
struct FaultInjector: Sendable {
    enum Fault: Sendable, Equatable {
        case tooManyRequests
        case internalError
        case unavailable
        case droppedConnection
        case slowResponse
    }

    /// What happens to one request: a fault (or none), and for writes whether the write still lands.
    struct Decision: Sendable, Equatable {
        var fault: Fault?
        var writeLands: Bool
    }

    let rate: Double
    private var state: UInt64

    init(rate: Double, seed: UInt64) {
        self.rate = rate
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    /// SplitMix64: small, fast, and reproducible across platforms.
    private mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func decide() -> Decision {
        guard rate > 0, unit() < rate else { return Decision(fault: nil, writeLands: true) }
        let faults: [Fault] = [.tooManyRequests, .internalError, .unavailable, .droppedConnection, .slowResponse]
        let fault = faults[Int(next() % UInt64(faults.count))]
        // As on the real service, a write that failed with 5xx or a lost connection may or may not have landed.
        let lands: Bool = switch fault {
        case .tooManyRequests: false
        case .slowResponse: true
        case .internalError, .unavailable, .droppedConnection: next() % 2 == 0
        }
        return Decision(fault: fault, writeLands: lands)
    }
}
