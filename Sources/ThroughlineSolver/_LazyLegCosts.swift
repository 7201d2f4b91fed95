/// Leg costs for problems too large for a dense closure: a leg is read from a
/// candidate list when it is there, else from a cache, else priced through a
/// terminal on the first terminal's list whose own list holds the second (an
/// upper bound, exact when a cheapest path passes such a terminal), else at an
/// upper bound through landmarks, `min_L d(a, L) + d(L, b)`; every answer is
/// cached, so the costs the search sees never change during a solve.
///
/// The lists must hold each terminal's nearest terminals as found by a
/// search (``_NeighbourLists/init(graph:vertices:terminalOfVertex:width:settleLimit:)``).
/// A leg that is on neither list nor through a shared terminal is then a long
/// one, and the local search sees a pessimistic cost for it (it avoids such
/// legs, as it should), while the walk is finally expanded along true
/// cheapest paths, so its real cost is at most what the search believed.
/// (Until the tenth session such a leg was first looked for by a
/// point-to-point search of 16 settled vertices; it never found one, since
/// every terminal among the first 16 vertices a search settles is on the list
/// of the 16 nearest. Brain dumps of 10,000 and 100,000 points: 0 of 231,000
/// and 0 of 618,000 searches.)
internal final class _LazyLegCosts: _LegCosts {
    /// Vertices in the graph: the length of a landmark's row of ``landmarkDistances``.
    let vertexCount: Int
    /// The graph vertex of each terminal.
    let vertices: [Int]
    let neighbours: _NeighbourLists
    private var cache: [UInt64: Double] = [:]
    /// `landmarkDistances[l * V + v]`: cost from landmark `l` to vertex `v`.
    let landmarkDistances: [Double]
    let landmarkCount: Int
    /// How many legs the cache holds (for tests).
    var cachedLegCount: Int { cache.count }

    /// Creates the costs with `landmarks` landmarks: the start, then
    /// repeatedly the terminal farthest from the landmarks so far.
    ///
    /// - Complexity: O(`landmarks` (*V* + *E*) log *V*).
    init(graph: RelationGraph, vertices: [Int], neighbours: _NeighbourLists, landmarks: Int = 4) {
        vertexCount = graph.vertexCount
        self.vertices = vertices
        self.neighbours = neighbours
        var table: [Double] = []
        var nearest = [Double](repeating: .infinity, count: graph.vertexCount)
        var landmark = vertices[0]
        var count = 0
        for _ in 0..<max(1, landmarks) {
            let distances = ShortestPaths(in: graph, from: landmark).distances
            table.append(contentsOf: distances)
            count += 1
            var farthest = -1, farthestCost = -1.0
            for v in vertices {
                nearest[v] = min(nearest[v], distances[v])
                if nearest[v].isFinite && nearest[v] > farthestCost { farthest = v; farthestCost = nearest[v] }
            }
            if farthest < 0 || farthestCost <= 0 { break }
            landmark = farthest
        }
        landmarkDistances = table
        landmarkCount = count
    }

    /// Records `cost`, found by a search elsewhere, as the leg cost between
    /// terminals `a` and `b`, unless the cache already holds one at most as
    /// high. A leg on a candidate list keeps the list's cost.
    ///
    /// - Precondition: `cost` is the cost of a path between the two terminals.
    /// - Complexity: O(1) expected.
    func record(_ a: Int, _ b: Int, cost: Double) {
        if a == b { return }
        let (low, high) = a < b ? (a, b) : (b, a)
        let key = UInt64(low) << 32 | UInt64(high)
        if let known = cache[key], known <= cost { return }
        cache[key] = cost
    }

    /// ``cost(_:_:)``, unless the leg is not listed and the landmarks' lower
    /// bound `max_L |d(L, a) − d(L, b)|` (the triangle inequality; the graph
    /// is undirected) is at least `limit`: then that bound, without reading
    /// or filling the cache.
    ///
    /// - Complexity: O(*k* + landmarks) for a leg the bound rules out, else as ``cost(_:_:)``.
    func cost(_ a: Int, _ b: Int, ifBelow limit: Double) -> Double {
        if a == b { return 0 }
        let (low, high) = a < b ? (a, b) : (b, a)
        let base = low * neighbours.width
        for rank in 0..<neighbours.width where Int(neighbours.cities[base + rank]) == high {
            return neighbours.costs[base + rank]
        }
        // The bound before the cache: the landmarks' rows stay in the processor's caches,
        // while the leg cache is large and read at random (cachegrind, brain dump 3,000, a
        // 2 MB last-level cache: 5.8 → 3.7 million misses, 2 % fewer instructions, the same
        // plan). A cached cost is never below the bound (up to rounding), so where the bound
        // reaches `limit` the caller learns the same from either.
        let n = vertexCount
        var bound = 0.0
        for l in 0..<landmarkCount {
            bound = max(bound, abs(landmarkDistances[l * n + vertices[low]] - landmarkDistances[l * n + vertices[high]]))
        }
        if bound >= limit { return bound }
        let key = UInt64(low) << 32 | UInt64(high)
        return cache[key] ?? price(low, high, key: key)
    }

    /// The cost the search sees for the leg between terminals `a` and `b`:
    /// a shortest-path cost when a list holds the leg or a recorded cost, else
    /// an upper bound on it (symmetric: the lower-numbered terminal's list is
    /// read first).
    ///
    /// - Complexity: O(*k*) for a listed or cached leg, else O(*k*² + landmarks).
    func cost(_ a: Int, _ b: Int) -> Double {
        if a == b { return 0 }
        let (low, high) = a < b ? (a, b) : (b, a)
        let base = low * neighbours.width
        for rank in 0..<neighbours.width where Int(neighbours.cities[base + rank]) == high {
            return neighbours.costs[base + rank]
        }
        let key = UInt64(low) << 32 | UInt64(high)
        return cache[key] ?? price(low, high, key: key)
    }

    /// The cost of the leg between terminals `low < high`, on neither the
    /// cache nor `low`'s list: from `high`'s list, else through a terminal both
    /// lists share, else through the landmarks; cached under `key` unless
    /// `high`'s list holds it.
    ///
    /// - Complexity: O(*k*² + landmarks).
    private func price(_ low: Int, _ high: Int, key: UInt64) -> Double {
        let base = low * neighbours.width
        let otherBase = high * neighbours.width
        for rank in 0..<neighbours.width where Int(neighbours.cities[otherBase + rank]) == low {
            return neighbours.costs[otherBase + rank]
        }
        // A path through a terminal both lists share (an upper bound, usually exact for near pairs).
        var d = Double.infinity
        for rank in 0..<neighbours.width {
            let middle = Int(neighbours.cities[base + rank])
            if middle < 0 { break }
            let middleBase = middle * neighbours.width
            for other in 0..<neighbours.width where Int(neighbours.cities[middleBase + other]) == high {
                d = min(d, neighbours.costs[base + rank] + neighbours.costs[middleBase + other])
            }
        }
        if d == .infinity {
            let n = vertexCount
            for l in 0..<landmarkCount {
                d = min(d, landmarkDistances[l * n + vertices[low]] + landmarkDistances[l * n + vertices[high]])
            }
        }
        cache[key] = d
        return d
    }
}
