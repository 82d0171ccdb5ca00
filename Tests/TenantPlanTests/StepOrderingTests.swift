import Foundation
import TenantConfig
@testable import TenantPlan
import Testing

/// StepOrdering numbers the steps once and keeps the ready ones in a heap; the order must be exactly the one of
/// sorting the ready steps by (rank, resource, key) at every turn, as it was done before (golden plans depend on it).
@Suite struct StepOrderingTests {
    /// The ordering as it was: sort the ready keys at every turn, take the first.
    static func reference(_ steps: [PendingStep]) -> [String]? {
        var byKey: [String: PendingStep] = [:]
        for step in steps { byKey[step.key] = step }
        var remaining: [String: Set<String>] = [:]
        var dependents: [String: [String]] = [:]
        for step in steps {
            let deps = step.dependsOn.filter { byKey[$0] != nil && $0 != step.key }
            remaining[step.key] = deps
            for dep in deps { dependents[dep, default: []].append(step.key) }
        }
        var ready = steps.filter { remaining[$0.key]!.isEmpty }.map(\.key)
        var ordered: [String] = []
        while !ready.isEmpty {
            ready.sort { a, b in (byKey[a]!.rank, byKey[a]!.resource, a) < (byKey[b]!.rank, byKey[b]!.resource, b) }
            let next = ready.removeFirst()
            ordered.append(next)
            for dependent in dependents[next] ?? [] {
                remaining[dependent]!.remove(next)
                if remaining[dependent]!.isEmpty { ready.append(dependent) }
            }
        }
        return ordered.count == steps.count ? ordered : nil
    }

    static func step(_ key: String, _ kind: ResourceKind, _ name: String, rank: Int, after: Set<String>) -> PendingStep {
        PendingStep(key: key, action: .create, resource: ResourceAddress(kind, name), method: "POST", path: "/x", body: nil, produces: nil,
                    changes: [], notes: [], dependsOn: after, rank: rank, subResource: nil)
    }

    @Test(arguments: 0..<40)
    func theOrderIsTheOneOfSortingTheReadyStepsEachTime(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed + 1))
        let kinds: [ResourceKind] = [.clients, .databases, .resourceServers, .clientGrants, .rules, .tenant]
        let count = 5 + Int(random.next() % 120)
        var steps: [PendingStep] = []
        for index in 0..<count {
            // Few distinct ranks and names, so that ties are common; dependencies only on earlier steps (no cycle),
            // some on keys no step has (ignored), some on the step itself (ignored).
            let verb = ["create", "update", "delete"][Int(random.next() % 3)]
            let name = "r\(random.next() % 15)"
            let kind = kinds[Int(random.next() % UInt64(kinds.count))]
            var after: Set<String> = []
            for _ in 0..<Int(random.next() % 4) where index > 0 { after.insert(steps[Int(random.next() % UInt64(index))].key) }
            if random.next() % 10 == 0 { after.insert("create:clients/nowhere") }
            let key = "\(verb)\(index):\(kind.rawValue)/\(name)"
            if random.next() % 10 == 0 { after.insert(key) }
            steps.append(Self.step(key, kind, name, rank: Int(random.next() % 4) * 10, after: after))
        }
        steps.shuffle(using: &random)
        let expected = try #require(Self.reference(steps))
        #expect(try StepOrdering.order(steps).map(\.key) == expected)
    }

    @Test func aCycleStillNamesItsStepsAndWhatWaitsOnThem() {
        let steps = [
            Self.step("a", .clients, "a", rank: 0, after: ["b"]),
            Self.step("b", .clients, "b", rank: 0, after: ["a"]),
            Self.step("c", .clients, "c", rank: 0, after: ["b"]),
            Self.step("d", .clients, "d", rank: 0, after: []),
        ]
        #expect(throws: PlanError.dependencyCycle(["a", "b", "c"])) { try StepOrdering.order(steps) }
    }
}

/// A small deterministic generator (SplitMix64) so each seed is the same graph on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
