extension WalkProblem {
    /// Expands a tour of terminals into a closed walk along graph edges.
    ///
    /// The tour is rotated to begin at terminal 0 (the start); each leg is
    /// replaced by a cheapest path in the graph. Consecutive duplicate vertices
    /// (legs of cost 0 between the same vertex) are dropped.
    ///
    /// - Parameters:
    ///   - tour: a cyclic order of all terminals of `metric`.
    ///   - metric: the closure the tour was solved on.
    /// - Returns: the walk's vertices, first and last the start vertex.
    /// - Complexity: O(*T* (*V* + *E*) log *V*) in the worst case; each leg
    ///   runs Dijkstra only until it settles the leg's end.
    public func expand(tour: [Int], metric: TerminalMetric) -> [Int] {
        guard tour.count > 1, let startIndex = tour.firstIndex(of: 0) else { return [start] }
        let rotated = Array(tour[startIndex...] + tour[..<startIndex]) + [0]
        var walk = [start]
        var search = _PointToPointSearch(graph: graph)
        for k in 0..<(rotated.count - 1) {
            let from = metric.vertices[rotated[k]]
            let to = metric.vertices[rotated[k + 1]]
            if from == to { continue }
            let leg = search.path(from: from, to: to)
            walk.append(contentsOf: leg.dropFirst())
        }
        return walk
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
/// ``_DijkstraWorkspace``.
internal struct _PointToPointSearch {
    let graph: RelationGraph
    private var workspace: _DijkstraWorkspace

    init(graph: RelationGraph) {
        self.graph = graph
        self.workspace = _DijkstraWorkspace(graph: graph)
    }

    /// A cheapest path from `source` to `target`, both included.
    ///
    /// - Precondition: `target` is reachable from `source`.
    mutating func path(from source: Int, to target: Int) -> [Int] {
        workspace.start(at: source)
        while let (_, v) = workspace.settleNext(in: graph), v != target {}
        precondition(workspace.distances[target].isFinite, "target unreachable")
        return workspace.path(to: target)
    }
}
