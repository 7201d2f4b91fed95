extension WalkProblem {
    /// Expands a tour of terminals into a closed walk along graph edges.
    ///
    /// The tour is rotated to begin at terminal 0 (the start); each leg is
    /// replaced by a cheapest path in the graph (``joinedPaths(through:path:)``:
    /// a terminal the walk has already passed is passed over where that
    /// costs less or takes fewer steps). Consecutive duplicate vertices
    /// (legs of cost 0 between the same vertex) are dropped.
    ///
    /// - Parameters:
    ///   - tour: a cyclic order of all terminals of `metric`.
    ///   - metric: the closure the tour was solved on.
    /// - Returns: the walk's vertices, first and last the start vertex; it
    ///   costs at most the tour (up to rounding).
    /// - Complexity: O(*T* (*V* + *E*) log *V*) in the worst case; each leg
    ///   runs Dijkstra only until it settles the leg's end.
    public func expand(tour: [Int], metric: TerminalMetric) -> [Int] {
        guard tour.count > 1, let startIndex = tour.firstIndex(of: 0) else { return [start] }
        let rotated = Array(tour[startIndex...] + tour[..<startIndex]) + [0]
        var search = _PointToPointSearch(graph: graph)
        return joinedPaths(through: rotated.map { metric.vertices[$0] }) { search.path(from: $0, to: $1) }
    }

    /// The walk through `stops` (vertices, the first and the last the
    /// start) along the cheapest paths `path` gives between consecutive
    /// stops, or the same walk passing over stops it has already been
    /// through, whichever costs less, or the same in fewer steps (the first
    /// on a tie).
    ///
    /// Passing over a stop goes straight on to the stop after it where that
    /// costs less, or the same in fewer steps (on a graph whose shortest
    /// paths pass through other stops, a tour may come back to a point only
    /// to leave it again). Each such choice is local: it leaves other points
    /// unpassed, which later legs may then have to reach (TSPLIB a280 with 8
    /// nearest neighbours came one step longer that way), hence the
    /// comparison. Neither walk costs more than the paths between all the
    /// stops: a straight path is at most the two it replaces.
    ///
    /// Where the plain walk comes to no stop it has already been through,
    /// the other walk would be the same, and it is not built.
    ///
    /// - Complexity: one `path` call per stop where no stop is passed twice;
    ///   otherwise two per stop, four for a stop already passed.
    func joinedPaths(through stops: [Int], path: (Int, Int) -> [Int]) -> [Int] {
        let (plain, comesBack) = joinedPaths(through: stops, passingOver: false, path: path)
        guard comesBack else { return plain }
        let passingOver = joinedPaths(through: stops, passingOver: true, path: path).walk
        let (plainCost, passingOverCost) = (cost(of: plain) ?? .infinity, cost(of: passingOver) ?? .infinity)
        // Equal up to rounding: a relative 10⁻¹² of the walk.
        let tolerance = 1e-12 * plainCost
        let isBetter = passingOverCost < plainCost - tolerance
            || (passingOverCost <= plainCost + tolerance && passingOver.count < plain.count)
        return isBetter ? passingOver : plain
    }

    /// ``joinedPaths(through:path:)`` with passing over stops on or off, and
    /// whether the walk came to a stop (other than the last) it had already
    /// been through.
    private func joinedPaths(through stops: [Int], passingOver: Bool,
                             path: (Int, Int) -> [Int]) -> (walk: [Int], comesBack: Bool) {
        guard let first = stops.first else { return ([], false) }
        var walk = [first]
        var passed = [Bool](repeating: false, count: graph.vertexCount)
        passed[first] = true
        var comesBack = false
        var current = first
        for k in 1..<stops.count {
            let stop = stops[k]
            if stop == current { continue }
            let leg = path(current, stop)
            if passed[stop], k + 1 < stops.count { comesBack = true }
            if passingOver, passed[stop], k + 1 < stops.count, stops[k + 1] != stop {
                let next = stops[k + 1]
                let onward = path(stop, next)
                let straight = next == current ? [current] : path(current, next)
                let via = (cost(of: leg) ?? .infinity) + (cost(of: onward) ?? .infinity)
                let direct = cost(of: straight) ?? .infinity
                // Equal up to rounding: a relative 10⁻¹² of the detour.
                let tolerance = 1e-12 * via
                if direct < via - tolerance || (direct <= via + tolerance && straight.count < leg.count + onward.count - 1) {
                    continue
                }
            }
            for v in leg.dropFirst() { passed[v] = true }
            walk.append(contentsOf: leg.dropFirst())
            current = stop
        }
        return (walk, comesBack)
    }

    /// The sum of the edge costs along `walk`, or `nil` if a step is not an edge.
    ///
    /// - Complexity: O(*L* log *d*) for a walk of *L* steps and degree *d*.
    public func cost(of walk: [Int]) -> Double? {
        var total = 0.0
        for k in 0..<max(0, walk.count - 1) {
            guard let c = graph.edgeCost(walk[k], walk[k + 1]) else { return nil }
            total += c
        }
        return total
    }

    /// Checks that `walk` solves this problem: it starts and ends at the start
    /// vertex, every step is an edge, and every required vertex appears.
    ///
    /// - Returns: a description of each violation; empty for a valid walk.
    /// - Complexity: O(*V* + *L* log *d*).
    public func violations(of walk: [Int]) -> [String] {
        var problems: [String] = []
        guard let first = walk.first, let last = walk.last else { return ["the walk is empty"] }
        if first != start || last != start { problems.append("the walk does not start and end at vertex \(start)") }
        var seen = [Bool](repeating: false, count: graph.vertexCount)
        for v in walk {
            guard v >= 0 && v < graph.vertexCount else {
                problems.append("vertex \(v) is not in the graph")
                return problems
            }
            seen[v] = true
        }
        for k in 0..<(walk.count - 1) where graph.edgeCost(walk[k], walk[k + 1]) == nil {
            problems.append("step \(k + 1) from \(walk[k]) to \(walk[k + 1]) is not an edge")
        }
        let missed = requiredVertices.filter { !seen[$0] }
        if !missed.isEmpty { problems.append("required vertices never visited: \(missed.prefix(5))") }
        return problems
    }
}

/// Cheapest paths between pairs of vertices of one graph, reusing one
/// ``_DijkstraWorkspace``; where relations cost nothing, of the fewest steps
/// among the cheapest (``_FewestStepsSearch``).
internal struct _PointToPointSearch {
    let graph: RelationGraph
    private var workspace: _DijkstraWorkspace<_MinHeap>
    private var fewestSteps: _FewestStepsSearch?

    /// - Complexity: O(*V* + *E*).
    init(graph: RelationGraph) {
        self.graph = graph
        self.workspace = _DijkstraWorkspace(graph: graph)
        if _FewestStepsSearch.isWorthSearching(graph) { fewestSteps = _FewestStepsSearch(vertexCount: graph.vertexCount) }
    }

    /// A cheapest path from `source` to `target`, both included.
    ///
    /// - Precondition: `target` is reachable from `source`.
    /// - Complexity: Dijkstra's search until `target` is settled, then at
    ///   most 16 relations per vertex it reached for fewer steps.
    mutating func path(from source: Int, to target: Int) -> [Int] {
        workspace.start(at: source)
        while let (_, v) = workspace.settleNext(in: graph), v != target {}
        precondition(workspace.distances[target].isFinite, "target unreachable")
        let path = workspace.path(to: target)
        guard path.count > 2, fewestSteps != nil else { return path }
        return fewestSteps?.path(in: graph, distances: workspace.distances, from: source, to: target,
                                 fewerThan: path.count - 1, budget: 16 * workspace.touchedCount + 1_024) ?? path
    }
}
