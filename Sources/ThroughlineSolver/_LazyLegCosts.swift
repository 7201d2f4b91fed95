/// Leg costs for problems too large for a dense closure: a leg is read from a
/// candidate list when it is there, else from a cache, else priced through a
/// terminal on the first terminal's list whose own list holds the second (an
/// upper bound, exact when a cheapest path passes such a terminal), else
/// computed by a point-to-point Dijkstra search that stops at the target or
/// after `searchLimit` settled vertices; every answer is cached.
///
/// A leg that search does not reach is priced at an upper bound through
/// landmarks, `min_L d(a, L) + d(L, b)`: the local search then sees a
/// pessimistic cost for long legs (it avoids them, as it should), while the
/// walk is finally expanded along true cheapest paths, so its real cost is at
/// most what the search believed. Every answer is cached, so the costs the
/// search sees never change during a solve.
internal final class _LazyLegCosts: _LegCosts {
    let graph: RelationGraph
    /// The graph vertex of each terminal.
    let vertices: [Int]
    let neighbours: _NeighbourLists
    private var cache: [UInt64: Double] = [:]
    private var search: _LegDistanceSearch
    /// `landmarkDistances[l * V + v]`: cost from landmark `l` to vertex `v`.
    let landmarkDistances: [Double]
    let landmarkCount: Int
    /// Vertices a leg search may settle before falling back on the landmark bound.
    let searchLimit: Int
    /// How many legs needed a graph search (for reports and tests).
    private(set) var searches = 0

    /// Creates the costs with `landmarks` landmarks: the start, then
    /// repeatedly the terminal farthest from the landmarks so far.
    ///
    /// - Complexity: O(`landmarks` (*V* + *E*) log *V*).
    init(graph: RelationGraph, vertices: [Int], neighbours: _NeighbourLists, landmarks: Int = 4, searchLimit: Int = 16) {
        self.graph = graph
        self.vertices = vertices
        self.neighbours = neighbours
        self.searchLimit = searchLimit
        self.search = _LegDistanceSearch(vertexCount: graph.vertexCount)
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

    /// ``cost(_:_:)``, unless the leg is neither listed nor cached and the
    /// landmarks' lower bound `max_L |d(L, a) − d(L, b)|` (the triangle
    /// inequality; the graph is undirected) is at least `limit`: then that
    /// bound, without a search and without caching it.
    ///
    /// - Complexity: O(*k* + landmarks) for a leg the bound rules out, else as ``cost(_:_:)``.
    func cost(_ a: Int, _ b: Int, ifBelow limit: Double) -> Double {
        if a == b { return 0 }
        let (low, high) = a < b ? (a, b) : (b, a)
        let base = low * neighbours.width
        for rank in 0..<neighbours.width where Int(neighbours.cities[base + rank]) == high {
            return neighbours.costs[base + rank]
        }
        if let known = cache[UInt64(low) << 32 | UInt64(high)] { return known }
        let n = graph.vertexCount
        var bound = 0.0
        for l in 0..<landmarkCount {
            bound = max(bound, abs(landmarkDistances[l * n + vertices[low]] - landmarkDistances[l * n + vertices[high]]))
        }
        return bound >= limit ? bound : cost(a, b)
    }

    /// The shortest-path cost between terminals `a` and `b` (symmetric: the
    /// lower-numbered terminal's list and search are used first).
    ///
    /// - Complexity: O(*k*) for a listed or cached leg, else one bounded Dijkstra search.
    func cost(_ a: Int, _ b: Int) -> Double {
        if a == b { return 0 }
        let (low, high) = a < b ? (a, b) : (b, a)
        let base = low * neighbours.width
        for rank in 0..<neighbours.width where Int(neighbours.cities[base + rank]) == high {
            return neighbours.costs[base + rank]
        }
        let key = UInt64(low) << 32 | UInt64(high)
        if let known = cache[key] { return known }
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
        if d < .infinity {
            cache[key] = d
            return d
        }
        searches += 1
        d = search.distance(in: graph, from: vertices[low], to: vertices[high], settleLimit: searchLimit)
        if d == .infinity {
            let n = graph.vertexCount
            for l in 0..<landmarkCount {
                d = min(d, landmarkDistances[l * n + vertices[low]] + landmarkDistances[l * n + vertices[high]])
            }
        }
        cache[key] = d
        return d
    }
}

/// Distance-only point-to-point searches that give up after a number of
/// settled vertices, reusing one ``_DijkstraWorkspace``.
internal struct _LegDistanceSearch {
    private var workspace: _DijkstraWorkspace

    /// State for a graph of `vertexCount` vertices.
    ///
    /// - Complexity: O(`vertexCount`).
    init(vertexCount: Int) {
        workspace = _DijkstraWorkspace(vertexCount: vertexCount)
    }

    /// The cost of a cheapest path from `source` to `target`, or `.infinity`
    /// if `target` is not among the first `settleLimit` vertices settled.
    ///
    /// - Complexity: O((*V'* + *E'*) log *V'*) over the *V'* ≤ `settleLimit` vertices settled.
    mutating func distance(in graph: RelationGraph, from source: Int, to target: Int, settleLimit: Int) -> Double {
        workspace.start(at: source)
        var settled = 0
        while settled < settleLimit, let (d, v) = workspace.settleNext(in: graph) {
            if v == target { return d }
            settled += 1
        }
        return .infinity
    }
}

