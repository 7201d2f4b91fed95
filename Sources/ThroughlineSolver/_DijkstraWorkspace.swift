/// Reusable state for many short Dijkstra searches on one graph: distances
/// and predecessors are reset only where the last search touched them, so a
/// search that settles *V'* vertices costs O(*V'*) to start, not O(*V*).
///
/// A search is `start(at:)` followed by `settleNext(in:)` until the caller has
/// what it needs: each call settles the next-closest vertex and relaxes its
/// edges. The heap breaks ties by vertex index, so searches are deterministic.
internal struct _DijkstraWorkspace {
    /// Tentative distances from the current source (`.infinity` where untouched).
    private(set) var distances: [Double]
    /// The vertex before each touched vertex on its tentative path, or -1.
    private(set) var predecessors: [Int32]
    private var touched: [Int32] = []
    private var heap = _MinHeap()

    /// State for a graph of `vertexCount` vertices.
    ///
    /// - Complexity: O(`vertexCount`).
    init(vertexCount: Int) {
        distances = [Double](repeating: .infinity, count: vertexCount)
        predecessors = [Int32](repeating: -1, count: vertexCount)
    }

    /// Begins a search from `source`, forgetting the previous one.
    ///
    /// - Complexity: O(vertices the previous search touched).
    mutating func start(at source: Int) {
        for v in touched {
            distances[Int(v)] = .infinity
            predecessors[Int(v)] = -1
        }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
        distances[source] = 0
        touched.append(Int32(source))
        heap.push(0, source)
    }

    /// Settles the closest unsettled vertex, relaxes its edges, and returns it
    /// with its final distance; `nil` when nothing more can be reached.
    ///
    /// - Complexity: O(degree × log heap size), amortised.
    mutating func settleNext(in graph: RelationGraph) -> (distance: Double, vertex: Int)? {
        while let (d, v) = heap.pop() {
            if d > distances[v] { continue }
            for slot in graph.offsets[v]..<graph.offsets[v + 1] {
                let w = Int(graph.targets[slot])
                let candidate = d + graph.costs[slot]
                if candidate < distances[w] {
                    if distances[w] == .infinity { touched.append(Int32(w)) }
                    distances[w] = candidate
                    predecessors[w] = Int32(v)
                    heap.push(candidate, w)
                }
            }
            return (d, v)
        }
        return nil
    }

    /// The vertices of the tentative path from the source to `target`, both
    /// included (a cheapest path once `target` is settled).
    ///
    /// - Complexity: O(length of the path).
    func path(to target: Int) -> [Int] {
        var path = [target]
        var v = target
        while predecessors[v] >= 0 {
            v = Int(predecessors[v])
            path.append(v)
        }
        return path.reversed()
    }
}
