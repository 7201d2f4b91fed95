extension _NeighbourLists {
    /// Candidate lists by α-nearness (Helsgaun 2000):
    /// `α(i, j) = c(i, j) − β(i, j)`, where `β(i, j)` is the costliest edge on
    /// the path from `i` to `j` in a minimum spanning tree of the metric — the
    /// increase in tree cost if edge `(i, j)` were forced into the tree. Edges
    /// of optimal tours have small α far more often than they are among the
    /// nearest neighbours, and α separates the many equal costs of brain-dump
    /// closures by how the tree connects them. Ties: by cost, then index.
    ///
    /// With `penalties` π (from a Held-Karp ascent, in the metric's costs),
    /// the tree and α are taken on the transformed costs `c(i, j) + π(i) + π(j)`
    /// (Helsgaun's π-transform): the penalties pull the spanning tree towards
    /// a tour, so α ranks the edges of good tours first. The lists still hold
    /// the true costs `c(i, j)`, which the local search adds up.
    ///
    /// From ``TerminalMetric/parallelRowsTerminals`` terminals the tree walks
    /// and lists are shared between two threads (alternate terminals each),
    /// unless `parts` says how many jobs to use; each list is made the same
    /// way either way.
    ///
    /// - Complexity: O(*T*²) time (Prim on the dense matrix, then one tree walk
    ///   per terminal) and O(*T*) extra memory per thread.
    init(alphaNearness metric: TerminalMetric, width requested: Int, penalties: [Double]? = nil, parts: Int? = nil) {
        let t = metric.count
        precondition(penalties == nil || penalties?.count == t, "one penalty per terminal")
        let pi = penalties ?? [Double](repeating: 0, count: t)
        // The (transformed) cost the tree and α are taken on.
        @inline(__always) func transformed(_ i: Int, _ j: Int) -> Double { metric.distance(i, j) + pi[i] + pi[j] }
        let k = max(0, min(requested, t - 1))
        // Prim's algorithm: parent of each terminal in the tree rooted at 0.
        var parent = [Int](repeating: -1, count: t)
        var key = [Double](repeating: .infinity, count: t)
        var inTree = [Bool](repeating: false, count: t)
        key[0] = 0
        var order: [Int] = []
        order.reserveCapacity(t)
        for _ in 0..<t {
            var u = -1
            for v in 0..<t where !inTree[v] && (u < 0 || key[v] < key[u]) { u = v }
            inTree[u] = true
            order.append(u)
            for v in 0..<t where !inTree[v] && transformed(u, v) < key[v] {
                key[v] = transformed(u, v)
                parent[v] = u
            }
        }
        // Tree adjacency (children lists in CSR form).
        var childStart = [Int](repeating: 0, count: t + 1)
        for v in 0..<t where parent[v] >= 0 { childStart[parent[v] + 1] += 1 }
        for v in 0..<t { childStart[v + 1] += childStart[v] }
        var fill = childStart
        var children = [Int](repeating: 0, count: max(0, t - 1))
        for v in order where parent[v] >= 0 {
            children[fill[parent[v]]] = v
            fill[parent[v]] += 1
        }
        // Each terminal's list needs only the tree, so from `TerminalMetric.parallelRowsTerminals` the
        // lists are made on two threads, alternate terminals each, every list the same either way.
        let parts = parts ?? TerminalMetric.jobs(forTerminals: t)
        let entries = _ParallelJobs.interleavedRows(count: k > 0 ? t : 0, length: k, parts: parts,
                                                    filler: (city: Int32(-1), cost: Double.infinity)) { sources in
            var block: [(city: Int32, cost: Double)] = []
            block.reserveCapacity(sources.underestimatedCount * k)
            var cities = [Int32](repeating: -1, count: k)
            var costs = [Double](repeating: .infinity, count: k)
            var alphas = [Double](repeating: .infinity, count: k)
            var beta = [Double](repeating: 0, count: t)
            var visited = [Bool](repeating: false, count: t)
            var stack: [Int] = []
            for source in sources {
                // β(source, ·) by a walk over the tree from `source`.
                for v in 0..<t { visited[v] = false }
                beta[source] = -.infinity
                visited[source] = true
                stack.append(source)
                while let u = stack.popLast() {
                    let reach = { (v: Int, edge: Double) in
                        if !visited[v] {
                            visited[v] = true
                            beta[v] = max(beta[u], edge)
                            stack.append(v)
                        }
                    }
                    if parent[u] >= 0 { reach(parent[u], transformed(u, parent[u])) }
                    for slot in childStart[u]..<childStart[u + 1] {
                        let child = children[slot]
                        reach(child, transformed(u, child))
                    }
                }
                var filled = 0
                for other in 0..<t where other != source {
                    let d = metric.distance(source, other)
                    let alpha = transformed(source, other) - beta[other]
                    if filled == k && !(alpha < alphas[k - 1] || (alpha == alphas[k - 1] && d < costs[k - 1])) {
                        continue
                    }
                    var slot = filled == k ? k - 1 : filled
                    if filled < k { filled += 1 }
                    while slot > 0 && (alphas[slot - 1] > alpha || (alphas[slot - 1] == alpha && costs[slot - 1] > d)) {
                        alphas[slot] = alphas[slot - 1]
                        costs[slot] = costs[slot - 1]
                        cities[slot] = cities[slot - 1]
                        slot -= 1
                    }
                    alphas[slot] = alpha
                    costs[slot] = d
                    cities[slot] = Int32(other)
                }
                for slot in 0..<k { block.append((cities[slot], costs[slot])) }
            }
            return block
        }
        let cities = entries.map(\.city)
        let costs = entries.map(\.cost)
        self.init(width: k, cities: cities, costs: costs)
    }
}
