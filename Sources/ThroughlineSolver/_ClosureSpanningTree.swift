/// A minimum spanning tree of the terminals' shortest-path closure, computed
/// without the closure (Mehlhorn 1988, "A faster approximation algorithm for
/// the Steiner problem in graphs", Inf. Proc. Letters 27: one multi-source
/// Dijkstra search splits the vertices into regions of their nearest terminal;
/// each graph edge `(u, v)` between regions gives a bridge between their
/// terminals of cost `d(u) + c(u, v) + d(v)`; a minimum spanning tree of the
/// bridges is a minimum spanning tree of the closure).
///
/// Its cost is a lower bound on every closed walk through the terminals: the
/// optimal walk is an optimal tour of the closure, and a tour minus one leg is
/// a spanning tree of the closure. When every vertex is required and there are
/// no offsets, it is simply the graph's minimum spanning tree.
///
/// With non-negative `offsets`, the tree is one of the closure with costs
/// `d(i, j) + offsets[i] + offsets[j]` (what ``_SpanningTreeBound`` needs for
/// its penalties): each terminal then hangs from its vertex by a pendant edge
/// of cost `offsets[i]`, the search starts from the terminals at their
/// offsets, and a terminal whose vertex another region claims is joined to
/// that region by a bridge of cost `offsets[i] + d(vertex)`. Mehlhorn's
/// argument holds unchanged on that larger graph, whose pendant vertices are
/// the terminals.
internal struct _ClosureSpanningTree {
    /// A bridge, and after ``compute(offsets:)`` a tree edge, between two terminals.
    struct Bridge {
        /// The cost of the cheapest path through the bridge.
        var cost: Double
        /// One terminal (an index into the vertices).
        var a: Int32
        /// The other terminal.
        var b: Int32
    }

    private let graph: RelationGraph
    private let vertices: [Int]
    private var distance: [Double]
    private var region: [Int32]
    private var heap = _MinHeap()
    private var bridges: [Bridge] = []
    private var components: _DisjointSets
    // The radix sort's buffers: the sorted bridge indices, its other half, and digit counts.
    private var order: [Int32] = []
    private var scratch: [Int32] = []
    private var counts: [Int] = []
    /// The tree's `T - 1` edges after ``compute(offsets:)``, cheapest first.
    private(set) var edges: [Bridge] = []
    /// The total cost of ``edges``.
    private(set) var weight = 0.0

    /// A workspace for the terminals `vertices` of `graph` (terminal `i` is
    /// `vertices[i]`; the vertices are distinct).
    ///
    /// - Complexity: O(*V* + *T*).
    init(graph: RelationGraph, vertices: [Int]) {
        self.graph = graph
        self.vertices = vertices
        distance = [Double](repeating: .infinity, count: graph.vertexCount)
        region = [Int32](repeating: -1, count: graph.vertexCount)
        components = _DisjointSets(count: vertices.count)
    }

    /// Computes the tree for `offsets` (one per terminal, each at least 0;
    /// `nil` for none).
    ///
    /// - Returns: false if some terminal cannot reach the others.
    /// - Complexity: O((*V* + *E*) log *V*) for the search, O(*E* + 2¹⁶) for
    ///   the sort, and near-linear union-find.
    mutating func compute(offsets: [Double]?) -> Bool {
        let n = graph.vertexCount
        let t = vertices.count
        for v in 0..<n {
            distance[v] = .infinity
            region[v] = -1
        }
        heap.removeAll()
        for (terminal, v) in vertices.enumerated() {
            let start = offsets?[terminal] ?? 0
            distance[v] = start
            region[v] = Int32(terminal)
            heap.push(start, v)
        }
        while let (d, v) = heap.pop() {
            if d > distance[v] { continue }
            for slot in graph.offsets[v]..<graph.offsets[v + 1] {
                let w = Int(graph.targets[slot])
                let candidate = d + graph.costs[slot]
                // Equal distances keep the region found first; any choice gives a valid tree.
                if candidate < distance[w] {
                    distance[w] = candidate
                    region[w] = region[v]
                    heap.push(candidate, w)
                }
            }
        }
        bridges.removeAll(keepingCapacity: true)
        if let offsets {
            // A terminal whose own vertex lies in another region: its pendant edge is a bridge.
            for (terminal, v) in vertices.enumerated() where region[v] != Int32(terminal) && region[v] >= 0 {
                bridges.append(Bridge(cost: offsets[terminal] + distance[v], a: Int32(terminal), b: region[v]))
            }
        }
        for u in 0..<n where region[u] >= 0 {
            for slot in graph.offsets[u]..<graph.offsets[u + 1] {
                let v = Int(graph.targets[slot])
                guard v > u, region[v] >= 0, region[v] != region[u] else { continue }
                bridges.append(Bridge(cost: distance[u] + graph.costs[slot] + distance[v], a: region[u], b: region[v]))
            }
        }
        sortBridgesByCost()
        components.reset()
        edges.removeAll(keepingCapacity: true)
        weight = 0
        for index in order where edges.count < t - 1 {
            let bridge = bridges[Int(index)]
            guard components.join(Int(bridge.a), Int(bridge.b)) else { continue }
            weight += bridge.cost
            edges.append(bridge)
        }
        return edges.count == t - 1
    }

    /// Sets ``order`` to the bridges' indices by increasing cost, equal costs
    /// in the order the bridges were found (a stable radix sort on the costs'
    /// bit patterns, which order non-negative doubles as unsigned integers;
    /// four passes of 16 bits, a pass skipped when every bridge has the same
    /// digit there).
    ///
    /// - Complexity: O(*E* + 2¹⁶) per pass.
    private mutating func sortBridgesByCost() {
        let count = bridges.count
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: 0..<Int32(count))
        // The other half needs room, not contents (a copy of `order` here cost an allocation per tree).
        if scratch.count < count { scratch = [Int32](repeating: 0, count: count) }
        if counts.isEmpty { counts = [Int](repeating: 0, count: 1 << 16) }
        bridges.withUnsafeBufferPointer { bridges in
        order.withUnsafeMutableBufferPointer { order in
        scratch.withUnsafeMutableBufferPointer { scratch in
        counts.withUnsafeMutableBufferPointer { counts in
            var source = order, target = scratch
            var inOrder = true  // whether the sorted indices are in `order` (not `scratch`)
            for shift in stride(from: 0, to: 64, by: 16) {
                for d in 0..<counts.count { counts[d] = 0 }
                for i in 0..<count { counts[Int((bridges[i].cost.bitPattern >> UInt64(shift)) & 0xFFFF)] += 1 }
                if counts.contains(count) { continue }
                var total = 0
                for d in 0..<counts.count {
                    let c = counts[d]
                    counts[d] = total
                    total += c
                }
                for i in 0..<count {
                    let index = source[i]
                    let digit = Int((bridges[Int(index)].cost.bitPattern >> UInt64(shift)) & 0xFFFF)
                    target[counts[digit]] = index
                    counts[digit] += 1
                }
                swap(&source, &target)
                inOrder.toggle()
            }
            if !inOrder { for i in 0..<count { order[i] = scratch[i] } }
        }
        }
        }
        }
    }

    /// The spanning tree's cost (no offsets), or `nil` if some terminal cannot reach the others.
    ///
    /// - Complexity: O((*V* + *E*) log *V* + *E*).
    static func cost(graph: RelationGraph, vertices: [Int]) -> Double? {
        var tree = _ClosureSpanningTree(graph: graph, vertices: vertices)
        return tree.compute(offsets: nil) ? tree.weight : nil
    }
}
