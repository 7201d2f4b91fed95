/// The cost of a minimum spanning tree of the terminals' shortest-path
/// closure, computed without the closure (Mehlhorn 1988, "A faster
/// approximation algorithm for the Steiner problem in graphs", Inf. Proc.
/// Letters 27: one multi-source Dijkstra search splits the vertices into
/// regions of their nearest terminal; each graph edge `(u, v)` between regions
/// gives a bridge between their terminals of cost `d(u) + c(u, v) + d(v)`; a
/// minimum spanning tree of the bridges is a minimum spanning tree of the
/// closure).
///
/// It is a lower bound on every closed walk through the terminals: the
/// optimal walk is an optimal tour of the closure, and a tour minus one leg is
/// a spanning tree of the closure. When every vertex is required, it is simply
/// the graph's minimum spanning tree.
internal enum _ClosureSpanningTree {
    /// The spanning tree's cost, or `nil` if some terminal cannot reach the others.
    ///
    /// - Parameters:
    ///   - terminalOfVertex: the terminal index of each vertex, or -1.
    /// - Complexity: O((*V* + *E*) log *V* + *E* log *E*).
    static func cost(graph: RelationGraph, vertices: [Int], terminalOfVertex: [Int32]) -> Double? {
        let n = graph.vertexCount
        var distance = [Double](repeating: .infinity, count: n)
        var region = [Int32](repeating: -1, count: n)
        var heap = _MinHeap()
        for (terminal, v) in vertices.enumerated() {
            distance[v] = 0
            region[v] = Int32(terminal)
            heap.push(0, v)
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
        var bridges: [(cost: Double, a: Int32, b: Int32)] = []
        for u in 0..<n where region[u] >= 0 {
            for slot in graph.offsets[u]..<graph.offsets[u + 1] {
                let v = Int(graph.targets[slot])
                guard v > u, region[v] >= 0, region[v] != region[u] else { continue }
                bridges.append((distance[u] + graph.costs[slot] + distance[v], region[u], region[v]))
            }
        }
        bridges.sort { ($0.cost, $0.a, $0.b) < ($1.cost, $1.a, $1.b) }
        var parent = (0..<vertices.count).map { Int32($0) }
        // Union-find representative with path halving.
        func root(_ x: Int) -> Int {
            var x = x
            while Int(parent[x]) != x {
                parent[x] = parent[Int(parent[x])]
                x = Int(parent[x])
            }
            return x
        }
        var total = 0.0, joined = 1
        for bridge in bridges where joined < vertices.count {
            let ra = root(Int(bridge.a)), rb = root(Int(bridge.b))
            if ra == rb { continue }
            parent[ra] = Int32(rb)
            total += bridge.cost
            joined += 1
        }
        return joined == vertices.count ? total : nil
    }
}
