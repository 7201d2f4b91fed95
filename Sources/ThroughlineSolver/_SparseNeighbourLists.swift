extension _NeighbourLists {
    /// The `width` nearest other terminals of every terminal by shortest-path
    /// cost, found without a closure: one Dijkstra search per terminal that
    /// stops once it has settled `width` other terminals (or `settleLimit`
    /// vertices, so a terminal far from all others cannot make it scan the
    /// whole graph; its list is then shorter). Ties are broken by vertex index,
    /// as the search settles them.
    ///
    /// - Parameters:
    ///   - terminalOfVertex: the terminal index of each vertex, or -1.
    /// - Complexity: O(*T* (*V'* + *E'*) log *V'*) for searches that settle *V'*
    ///   vertices each — O(*T* *k* log *k*) on graphs where most vertices are required.
    init(graph: RelationGraph, vertices: [Int], terminalOfVertex: [Int32], width: Int, settleLimit: Int) {
        let t = vertices.count
        let k = max(0, min(width, t - 1))
        var cities = [Int32](repeating: -1, count: t * k)
        var costs = [Double](repeating: .infinity, count: t * k)
        var distances = [Double](repeating: .infinity, count: graph.vertexCount)
        var touched: [Int32] = []
        var heap = _MinHeap()
        for terminal in 0..<t where k > 0 {
            for v in touched { distances[Int(v)] = .infinity }
            touched.removeAll(keepingCapacity: true)
            heap.removeAll()
            let source = vertices[terminal]
            distances[source] = 0
            touched.append(Int32(source))
            heap.push(0, source)
            var found = 0, settled = 0
            while found < k && settled < settleLimit, let (d, v) = heap.pop() {
                if d > distances[v] { continue }
                settled += 1
                let other = terminalOfVertex[v]
                if other >= 0 && Int(other) != terminal {
                    cities[terminal * k + found] = other
                    costs[terminal * k + found] = d
                    found += 1
                }
                for slot in graph.offsets[v]..<graph.offsets[v + 1] {
                    let w = Int(graph.targets[slot])
                    let candidate = d + graph.costs[slot]
                    if candidate < distances[w] {
                        if distances[w] == .infinity { touched.append(Int32(w)) }
                        distances[w] = candidate
                        heap.push(candidate, w)
                    }
                }
            }
        }
        self.init(width: k, cities: cities, costs: costs)
    }
}
