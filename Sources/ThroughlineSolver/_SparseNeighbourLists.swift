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
        var search = _DijkstraWorkspace(vertexCount: graph.vertexCount)
        for terminal in 0..<t where k > 0 {
            search.start(at: vertices[terminal])
            var found = 0, settled = 0
            while found < k && settled < settleLimit, let (d, v) = search.settleNext(in: graph) {
                settled += 1
                let other = terminalOfVertex[v]
                if other >= 0 && Int(other) != terminal {
                    cities[terminal * k + found] = other
                    costs[terminal * k + found] = d
                    found += 1
                }
            }
        }
        self.init(width: k, cities: cities, costs: costs)
    }
}
