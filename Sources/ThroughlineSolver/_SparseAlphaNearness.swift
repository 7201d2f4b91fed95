extension _NeighbourLists {
    /// Candidate lists for instances without a closure: from each terminal's
    /// `pool` (its nearest terminals by shortest-path cost), the `width` of
    /// least α-nearness on a minimum spanning tree of the closure, ties by
    /// cost, then index.
    ///
    /// `α(i, j) = c(i, j) − β(i, j)`, with `β(i, j)` the costliest edge on the
    /// tree path between `i` and `j` (see ``init(alphaNearness:width:penalties:)``
    /// for the dense version, which ranks every terminal). Here only the pool
    /// is ranked, so a list never holds a leg whose cost is unknown: the
    /// large-instance solver keeps the whole pool in its leg cache. Brain dumps
    /// of 5,000 to 100,000 points with a pool of 16 nearest: walks 0.3–0.6 %
    /// shorter than with the 8 nearest, in the same time (Guides/LargeInstances.md).
    ///
    /// - Parameters:
    ///   - pool: each terminal's nearest terminals, with their costs.
    ///   - tree: path maxima of a minimum spanning tree of the closure (for
    ///     example from ``_ClosureSpanningTree``).
    ///   - width: the list length (at most the pool's).
    /// - Complexity: O(*T* *p* (log *T* + log *p*)) for pools of *p* entries.
    init(alphaNearnessAmong pool: _NeighbourLists, tree: _TreePathMaxima, width requested: Int,
         penalties: [Double]? = nil) {
        let t = pool.cities.count / max(1, pool.width)
        precondition(tree.count == t || pool.width == 0, "the tree spans the pool's terminals")
        precondition(penalties == nil || penalties?.count == t, "one penalty per terminal")
        let pi = penalties ?? [Double](repeating: 0, count: t)
        let k = min(requested, pool.width)
        var cities = [Int32](repeating: -1, count: t * k)
        var costs = [Double](repeating: .infinity, count: t * k)
        var ranked: [(alpha: Double, cost: Double, city: Int32)] = []
        ranked.reserveCapacity(pool.width)
        for i in 0..<t where k > 0 {
            ranked.removeAll(keepingCapacity: true)
            for rank in 0..<pool.width {
                let j = pool.neighbour(i, rank)
                if j < 0 { break }
                let c = pool.cost(i, rank)
                // A tree edge has α = 0; rounding never makes α negative.
                ranked.append((max(0, c + pi[i] + pi[j] - tree.maximum(between: i, and: j)), c, Int32(j)))
            }
            ranked.sort { ($0.alpha, $0.cost, $0.city) < ($1.alpha, $1.cost, $1.city) }
            for (slot, entry) in ranked.prefix(k).enumerated() {
                cities[i * k + slot] = entry.city
                costs[i * k + slot] = entry.cost
            }
        }
        self.init(width: k, cities: cities, costs: costs)
    }

    /// Whether `city`'s list holds the same terminals as its list in `other`, in any order.
    ///
    /// - Complexity: O(*k*²) for lists of *k*.
    func sameCandidates(as other: _NeighbourLists, at city: Int) -> Bool {
        guard width == other.width else { return false }
        for rank in 0..<width where !(0..<width).contains(where: { other.neighbour(city, $0) == neighbour(city, rank) }) {
            return false
        }
        return true
    }

    /// The first `width` entries of every list.
    ///
    /// - Complexity: O(*T* × `width`).
    func truncated(to requested: Int) -> _NeighbourLists {
        let k = min(requested, width)
        if k == width { return self }
        let t = cities.count / max(1, width)
        var cities = [Int32](repeating: -1, count: t * k)
        var costs = [Double](repeating: .infinity, count: t * k)
        for i in 0..<t {
            for rank in 0..<k {
                cities[i * k + rank] = self.cities[i * width + rank]
                costs[i * k + rank] = self.costs[i * width + rank]
            }
        }
        return _NeighbourLists(width: k, cities: cities, costs: costs)
    }
}
