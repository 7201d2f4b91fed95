extension _NeighbourLists {
    /// The `width` nearest other terminals of every terminal by shortest-path
    /// cost, found without a closure: one Dijkstra search per terminal that
    /// stops once it has settled `width` other terminals (or `settleLimit`
    /// vertices, so a terminal far from all others cannot make it scan the
    /// whole graph; its list is then shorter). Ties are broken by vertex index,
    /// as the search settles them.
    ///
    /// The searches are independent, so two threads share them (alternate
    /// terminals each, with a workspace of their own); every list is found the
    /// same way either way, so the lists are identical.
    ///
    /// - Parameters:
    ///   - terminalOfVertex: the terminal index of each vertex, or -1.
    /// - Complexity: O(*T* (*V'* + *E'*) log *V'*) for searches that settle *V'*
    ///   vertices each — O(*T* *k* log *k*) on graphs where most vertices are required —
    ///   in about half that wall time on two cores.
    init(graph: RelationGraph, vertices: [Int], terminalOfVertex: [Int32], width: Int, settleLimit: Int) {
        let t = vertices.count
        let k = max(0, min(width, t - 1))
        // Each part's lists, for terminals part, part + parts, ... in turn.
        let parts = t >= TerminalMetric.parallelRowsTerminals ? 2 : 1
        let blocks = _ParallelJobs.map(parts) { part -> (cities: [Int32], costs: [Double]) in
            var cities: [Int32] = [], costs: [Double] = []
            cities.reserveCapacity((t / parts + 1) * k)
            costs.reserveCapacity((t / parts + 1) * k)
            var search = _DijkstraWorkspace(vertexCount: graph.vertexCount)
            for terminal in stride(from: part, to: t, by: parts) where k > 0 {
                search.start(at: vertices[terminal])
                var found = 0, settled = 0
                while found < k && settled < settleLimit, let (d, v) = search.settleNext(in: graph) {
                    settled += 1
                    let other = terminalOfVertex[v]
                    if other >= 0 && Int(other) != terminal {
                        cities.append(other)
                        costs.append(d)
                        found += 1
                    }
                }
                // A search that gave up early leaves the rest of its list empty.
                for _ in found..<k {
                    cities.append(-1)
                    costs.append(.infinity)
                }
            }
            return (cities, costs)
        }
        var cities = [Int32](repeating: -1, count: t * k)
        var costs = [Double](repeating: .infinity, count: t * k)
        for part in 0..<parts {
            var offset = 0
            for terminal in stride(from: part, to: t, by: parts) where k > 0 {
                for rank in 0..<k {
                    cities[terminal * k + rank] = blocks[part].cities[offset + rank]
                    costs[terminal * k + rank] = blocks[part].costs[offset + rank]
                }
                offset += k
            }
        }
        self.init(width: k, cities: cities, costs: costs)
    }
}
