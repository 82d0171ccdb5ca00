import HeapModule
import TenantConfig

/// Orders steps from their dependency graph (Kahn's algorithm), choosing among ready steps by rank, then resource,
/// then key, so that the order is stable; a cycle is an error naming the steps in it.
///
/// Steps are numbered once: every step gets its place in the (rank, resource, key) order by one sort, dependencies
/// become step numbers, and the ready steps wait in a heap of places. Same order as sorting the ready steps each
/// time, without the string comparisons and dictionary look-ups per comparison.
enum StepOrdering {
    static func order(_ steps: [PendingStep]) throws(PlanError) -> [PendingStep] {
        let count = steps.count
        var indicesByKey: [String: [Int]] = [:]
        indicesByKey.reserveCapacity(count)
        for (index, step) in steps.enumerated() { indicesByKey[step.key, default: []].append(index) }

        // Each step's place among all of them in the tie-break order.
        let kindOrder = Dictionary(uniqueKeysWithValues: ResourceKind.allCases.enumerated().map { ($1, $0) })
        let kinds = steps.map { kindOrder[$0.resource.kind]! }
        let byPrecedence = (0..<count).sorted { a, b in
            let (sa, sb) = (steps[a], steps[b])
            if sa.rank != sb.rank { return sa.rank < sb.rank }
            if kinds[a] != kinds[b] { return kinds[a] < kinds[b] }
            if sa.resource.key != sb.resource.key { return sa.resource.key < sb.resource.key }
            if sa.key != sb.key { return sa.key < sb.key }
            return a < b
        }
        var place = [Int](repeating: 0, count: count)
        for (rank, index) in byPrecedence.enumerated() { place[index] = rank }

        var waitingFor = [Int](repeating: 0, count: count)
        var dependents = [[Int]](repeating: [], count: count)
        for (index, step) in steps.enumerated() {
            for key in step.dependsOn where key != step.key {
                for dependency in indicesByKey[key] ?? [] {
                    waitingFor[index] += 1
                    dependents[dependency].append(index)
                }
            }
        }

        var ready = Heap<Int>()
        for index in 0..<count where waitingFor[index] == 0 { ready.insert(place[index]) }
        var ordered: [PendingStep] = []
        ordered.reserveCapacity(count)
        while let next = ready.popMin() {
            let index = byPrecedence[next]
            ordered.append(steps[index])
            for dependent in dependents[index] {
                waitingFor[dependent] -= 1
                if waitingFor[dependent] == 0 { ready.insert(place[dependent]) }
            }
        }
        guard ordered.count == count else {
            let stuck = (0..<count).filter { waitingFor[$0] > 0 }.map { steps[$0].key }.sorted()
            throw .dependencyCycle(stuck)
        }
        return ordered
    }
}
