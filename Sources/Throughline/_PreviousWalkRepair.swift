import ThroughlineSolver

/// Fits the walk of an earlier plan onto an edited file, so `--watch` can keep
/// the essay's order where the edit does not make it worse.
///
/// The repair maps ids to vertices and drops ids the file no longer has, makes
/// the walk start and end at the thesis, replaces each step that is no longer a
/// relation by a cheapest path, and splices every required point the walk
/// misses in at its cheapest insertion (a detour from one step of the walk).
internal enum _PreviousWalkRepair {
    /// Above this many broken steps or missing points the previous walk is
    /// too far from the file to be worth keeping (each costs one Dijkstra run).
    static let maximumRepairs = 64

    /// The repaired walk as vertices, or `nil` when it needs too many repairs.
    ///
    /// - Precondition: every required vertex of `problem` is reachable from its start.
    /// - Complexity: O(*k* (*V* + *E*) log *V* + *k* *L*) for *k* repairs and a walk of *L* steps.
    static func repair(_ previousWalk: [String], vertexOfID: [String: Int], problem: WalkProblem) -> [Int]? {
        let graph = problem.graph
        let start = problem.start
        var cycle = previousWalk.compactMap { vertexOfID[$0] }
        // A closed walk: drop the closing vertex, then rotate to begin at the start.
        if cycle.count > 1 && cycle.first == cycle.last { cycle.removeLast() }
        if let s = cycle.firstIndex(of: start) {
            cycle = Array(cycle[s...] + cycle[..<s])
        } else {
            cycle.insert(start, at: 0)
        }
        cycle.append(start)

        var repairs = 0
        var walk = [start]
        for vertex in cycle.dropFirst() {
            let last = walk[walk.count - 1]
            if vertex == last { continue }
            if graph.edgeCost(last, vertex) != nil {
                walk.append(vertex)
                continue
            }
            repairs += 1
            if repairs > maximumRepairs { return nil }
            // An unreachable vertex is optional (the solve succeeded), so it is dropped.
            guard let path = ShortestPaths(in: graph, from: last).path(to: vertex) else { continue }
            walk.append(contentsOf: path.dropFirst())
        }

        var seen = [Bool](repeating: false, count: graph.vertexCount)
        for v in walk { seen[v] = true }
        for missing in problem.requiredVertices where !seen[missing] {
            repairs += 1
            if repairs > maximumRepairs { return nil }
            let paths = ShortestPaths(in: graph, from: missing)
            var bestPosition = 0
            var bestIncrease = Double.infinity
            for k in 0..<max(1, walk.count - 1) {
                let a = walk[k], b = walk[min(k + 1, walk.count - 1)]
                let stepCost = a == b ? 0 : (graph.edgeCost(a, b) ?? 0)
                let increase = paths.distances[a] + paths.distances[b] - stepCost
                if increase < bestIncrease {
                    bestIncrease = increase
                    bestPosition = k
                }
            }
            guard bestIncrease.isFinite else { return nil }
            let a = walk[bestPosition], b = walk[min(bestPosition + 1, walk.count - 1)]
            guard let toA = paths.path(to: a), let toB = paths.path(to: b) else { return nil }
            // a -> missing (reversed path from missing to a), then missing -> b.
            var detour = Array(toA.reversed().dropFirst())
            detour.append(contentsOf: toB.dropFirst())
            if walk.count == 1 {
                walk.append(contentsOf: detour)
            } else {
                walk.insert(contentsOf: detour.dropLast(), at: bestPosition + 1)
            }
            for v in detour { seen[v] = true }
        }
        return walk
    }
}
