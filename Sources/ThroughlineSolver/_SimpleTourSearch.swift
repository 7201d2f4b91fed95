/// The exact solver's starting tour (nearest neighbour, then 2-opt) and the
/// minimum spanning tree bound.
internal enum _SimpleTourSearch {
    /// Nearest-neighbour tour from terminal 0, improved by 2-opt to a local optimum.
    ///
    /// - Complexity: O(*T*²) per 2-opt pass.
    static func improvedNearestNeighbourTour(_ metric: TerminalMetric) -> [Int] {
        let t = metric.count
        var visited = [Bool](repeating: false, count: t)
        var tour = [0]
        visited[0] = true
        for _ in 1..<t {
            let last = tour[tour.count - 1]
            var best = -1, bestCost = Double.infinity
            for j in 0..<t where !visited[j] && metric.distance(last, j) < bestCost {
                best = j; bestCost = metric.distance(last, j)
            }
            visited[best] = true
            tour.append(best)
        }
        // A move must gain more than rounding can fake: 1e-10, or a relative 1e-13 of the largest
        // distance when that is more (with costs near 1e250 the rounding errors of a gain are
        // far above 1e-10, and moves that only gain rounding made the descent cycle for ever).
        let largest = metric.distances.max() ?? 0
        let minimumGain = max(1e-10, 1e-13 * (largest.isFinite ? largest : 0))
        var improved = true
        while improved {
            improved = false
            for i in 0..<(t - 1) {
                for j in (i + 2)..<t where !(i == 0 && j == t - 1) {
                    let a = tour[i], b = tour[i + 1], c = tour[j], d = tour[(j + 1) % t]
                    let delta = metric.distance(a, c) + metric.distance(b, d) - metric.distance(a, b) - metric.distance(c, d)
                    if delta < -minimumGain {
                        tour[(i + 1)...j].reverse()
                        improved = true
                    }
                }
            }
        }
        return tour
    }

    /// The cost of a minimum spanning tree of the closure: every tour minus one
    /// leg is a spanning path, so this never exceeds the optimum.
    ///
    /// - Complexity: O(*T*²) (Prim on the dense matrix).
    static func spanningTreeBound(_ metric: TerminalMetric) -> Double {
        let t = metric.count
        var inTree = [Bool](repeating: false, count: t)
        var key = [Double](repeating: .infinity, count: t)
        key[0] = 0
        var total = 0.0
        for _ in 0..<t {
            var u = -1
            for v in 0..<t where !inTree[v] && (u < 0 || key[v] < key[u]) { u = v }
            inTree[u] = true
            total += key[u]
            for v in 0..<t where !inTree[v] && metric.distance(u, v) < key[v] { key[v] = metric.distance(u, v) }
        }
        return total
    }
}
