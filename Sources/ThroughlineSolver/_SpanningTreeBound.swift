/// The lower bound of the large-instance path: a Held-Karp style subgradient
/// ascent whose relaxation is a spanning tree of the closure plus one edge,
/// computed without the closure (``_ClosureSpanningTree``).
///
/// For penalties `π`, every tour of the closure costs at least
///
///     L(π) = MST_π + max_i d1_π(i) − 2 Σ π
///
/// where `MST_π` is a minimum spanning tree of the closure with costs
/// `d(i, j) + π(i) + π(j)` and `d1_π(i)` the cheapest such cost at terminal
/// `i`: a tour's cost under those costs is its cost plus `2 Σ π` (two legs
/// leave every terminal); less its costliest leg it is a spanning path, at
/// least `MST_π`; and its costliest leg costs at least every `d1_π(i)`, since
/// two legs leave each terminal. The cheapest cost at a terminal is that of
/// its cheapest tree edge (a tree without it would not be minimal), so
/// `d1_π` comes with the tree. Shifting every penalty by the same amount
/// leaves `L` unchanged, so the tree is computed with the penalties less
/// their least (offsets at least 0, as the search needs).
///
/// With `π = 0` this is the bound the path had before (`MST + max_i d1(i)`).
/// The ascent is ``_HeldKarpBound``'s, with this tree plus the edge that
/// gives the maximum as its 1-tree: subgradient `degree − 2`, step
/// `λ (U − L) / |g|²` towards the walk's cost `U`. Fixing the extra edge at
/// one terminal `j` instead of taking the maximum, the structures with two
/// edges at `j` are exactly the 1-trees at `j`, so the ascent aims at the
/// Held-Karp bound itself.
internal enum _SpanningTreeBound {
    /// The step factor starts at 1 and halves after 3 steps without a better
    /// bound: on brain dumps of 5,000 and 10,000 points, 2.11 % and 3.29 %
    /// below the walk after 100 steps, against 2.48 % and 3.59 % with 2 and 5,
    /// and 3.06 % and 4.78 % with 2 and 20.
    static func schedule(maximumSteps: Int) -> _HeldKarpBound.Schedule {
        _HeldKarpBound.Schedule(maximumSteps: maximumSteps, lambda: 1, period: 3, minimumLambda: 1e-3)
    }

    /// The best `L(π)` found in at most `maximumSteps` trees, the number of
    /// trees computed, and the penalties of that best `L`.
    ///
    /// - Parameters:
    ///   - vertices: the terminals' graph vertices, distinct.
    ///   - upperBound: the cost of a known walk, the target of the steps.
    ///   - penalties: where the ascent starts (all zero when `nil`), for
    ///     example the penalties of an earlier, shorter ascent.
    ///   - deadline: when it passes, the ascent stops with the best bound so far.
    ///   - progress: called after every tree with the best `L` so far.
    /// - Returns: `nil` if some terminal cannot reach the others. The bound
    ///   is the exact `L` of floating-point sums; callers lower it by a small
    ///   relative margin before reporting it.
    /// - Complexity: O(`maximumSteps` · ((*V* + *E*) log *V* + *E*)).
    static func ascend(graph: RelationGraph, vertices: [Int], upperBound: Double, maximumSteps: Int,
                       startingFrom penalties: [Double]? = nil, deadline: _Deadline,
                       progress: (Double) -> Void = { _ in }) -> (bound: Double, steps: Int, penalties: [Double])? {
        let t = vertices.count
        precondition(penalties == nil || penalties?.count == t, "one penalty per terminal")
        guard t >= 2 else { return (0, 0, [Double](repeating: 0, count: t)) }
        var tree = _ClosureSpanningTree(graph: graph, vertices: vertices)
        var offsets = [Double](repeating: 0, count: t)
        var degree = [Int32](repeating: 0, count: t)
        var cheapest = [Double](repeating: .infinity, count: t)
        var cheapestPartner = [Int32](repeating: -1, count: t)
        var weight = -Double.infinity
        var best = -Double.infinity
        // The tree plus the edge for `pi`: its degrees and `L(pi)`.
        func evaluate(_ pi: [Double]) -> Bool {
            let least = pi.min() ?? 0
            var penaltySum = 0.0
            for i in 0..<t {
                offsets[i] = pi[i] - least
                penaltySum += offsets[i]
            }
            guard tree.compute(offsets: offsets) else { return false }
            for i in 0..<t {
                degree[i] = 0
                cheapest[i] = .infinity
            }
            for edge in tree.edges {
                let a = Int(edge.a), b = Int(edge.b)
                degree[a] += 1
                degree[b] += 1
                if edge.cost < cheapest[a] { cheapest[a] = edge.cost; cheapestPartner[a] = edge.b }
                if edge.cost < cheapest[b] { cheapest[b] = edge.cost; cheapestPartner[b] = edge.a }
            }
            // The terminal whose cheapest edge is costliest (the lowest index among equals), and that edge.
            var farthest = 0
            for i in 1..<t where cheapest[i] > cheapest[farthest] { farthest = i }
            degree[farthest] += 1
            degree[Int(cheapestPartner[farthest])] += 1
            weight = tree.weight + cheapest[farthest] - 2 * penaltySum
            best = max(best, weight)
            return true
        }
        let (outcome, _) = _HeldKarpBound.ascend(
            count: t, penalties: penalties ?? [Double](repeating: 0, count: t), target: upperBound, stopAbove: .infinity,
            schedule: schedule(maximumSteps: maximumSteps), evaluate: evaluate, degree: { degree },
            weight: { weight }, shouldStop: { progress(best); return deadline.hasPassed })
        return outcome.bound > -.infinity ? (outcome.bound, outcome.steps, outcome.penalties) : nil
    }
}
