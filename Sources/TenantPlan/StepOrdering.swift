/// Orders steps from their dependency graph (Kahn's algorithm), choosing among ready steps by rank then key so
/// that the order is stable; a cycle is an error naming the steps in it.
enum StepOrdering {
    static func order(_ steps: [PendingStep]) throws(PlanError) -> [PendingStep] {
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
        var ordered: [PendingStep] = []
        func precedes(_ a: String, _ b: String) -> Bool {
            let sa = byKey[a]!, sb = byKey[b]!
            return (sa.rank, sa.resource, a) < (sb.rank, sb.resource, b)
        }
        while !ready.isEmpty {
            ready.sort(by: precedes)
            let next = ready.removeFirst()
            ordered.append(byKey[next]!)
            for dependent in dependents[next] ?? [] {
                remaining[dependent]!.remove(next)
                if remaining[dependent]!.isEmpty { ready.append(dependent) }
            }
        }
        guard ordered.count == steps.count else {
            let stuck = steps.filter { step in !ordered.contains { $0.key == step.key } }.map(\.key).sorted()
            throw .dependencyCycle(stuck)
        }
        return ordered
    }
}
