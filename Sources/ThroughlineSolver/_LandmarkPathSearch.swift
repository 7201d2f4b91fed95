/// Point-to-point cheapest paths by A* with landmark bounds (the "ALT"
/// search of Goldberg and Harrelson 2005): the estimate of the cost left from
/// `v` to the target is `max_L |d(L, target) − d(L, v)|`, a consistent lower
/// bound by the triangle inequality, so the first time the target is settled
/// its path is a cheapest one, usually after far fewer vertices than Dijkstra.
/// Used to expand the long legs of large tours.
internal struct _LandmarkPathSearch {
    let graph: RelationGraph
    /// `landmarks[l * V + v]`: cost from landmark `l` to vertex `v`.
    let landmarks: [Double]
    let landmarkCount: Int
    private var distances: [Double]
    private var predecessors: [Int32]
    private var touched: [Int32] = []
    private var heap = _MinHeap()

    /// State for `graph` with the landmark table of ``_LazyLegCosts``.
    ///
    /// - Complexity: O(*V*).
    init(graph: RelationGraph, landmarks: [Double], landmarkCount: Int) {
        self.graph = graph
        self.landmarks = landmarks
        self.landmarkCount = landmarkCount
        distances = [Double](repeating: .infinity, count: graph.vertexCount)
        predecessors = [Int32](repeating: -1, count: graph.vertexCount)
    }

    /// The landmark lower bound on the cost from `v` to `target`.
    ///
    /// - Complexity: O(landmarks).
    @inline(__always) private func estimate(_ v: Int, _ target: Int) -> Double {
        let n = graph.vertexCount
        var best = 0.0
        for l in 0..<landmarkCount {
            let toTarget = landmarks[l * n + target], toVertex = landmarks[l * n + v]
            if toTarget.isFinite && toVertex.isFinite { best = max(best, abs(toTarget - toVertex)) }
        }
        return best
    }

    /// A cheapest path from `source` to `target`, both included.
    ///
    /// - Precondition: `target` is reachable from `source`.
    /// - Complexity: O((*V'* + *E'*) log *V'*) over the *V'* vertices the search
    ///   settles, at most those Dijkstra would settle.
    mutating func path(from source: Int, to target: Int) -> [Int] {
        for v in touched {
            distances[Int(v)] = .infinity
            predecessors[Int(v)] = -1
        }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
        distances[source] = 0
        touched.append(Int32(source))
        heap.push(estimate(source, target), source)
        while let (key, v) = heap.pop() {
            let g = distances[v]
            // Stale entry: v was reached more cheaply after this one was pushed.
            if key > g + estimate(v, target) { continue }
            if v == target { break }
            // A hub (more than `_LazyHubs.degree` relations, as a note collection's
            // index related to every note) with the target next to it, no dearer than any path
            // still open (all cost at least `key`): done, without scanning all the hub's edges on
            // every leg through it. (Only for hubs, so that other graphs keep the paths they had.)
            if graph.degree(of: v) > _LazyHubs.degree,
               let last = graph.edgeCost(v, target), g + last <= key {
                // Touched, so that the next search starts without this distance and predecessor.
                if distances[target] == .infinity { touched.append(Int32(target)) }
                distances[target] = g + last
                predecessors[target] = Int32(v)
                break
            }
            for slot in graph.offsets[v]..<graph.offsets[v + 1] {
                let w = Int(graph.targets[slot])
                let candidate = g + graph.costs[slot]
                if candidate < distances[w] {
                    if distances[w] == .infinity { touched.append(Int32(w)) }
                    distances[w] = candidate
                    predecessors[w] = Int32(v)
                    heap.push(candidate + estimate(w, target), w)
                }
            }
        }
        precondition(distances[target].isFinite, "target unreachable")
        return _ParentLinks.path(to: target, in: predecessors)
    }
}
