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
        let parts = TerminalMetric.jobs(forTerminals: t)
        let entries = _ParallelJobs.interleavedRows(count: k > 0 ? t : 0, length: k, parts: parts,
                                                     filler: (city: Int32(-1), cost: Double.infinity)) { terminals in
            var block: [(city: Int32, cost: Double)] = []
            block.reserveCapacity(terminals.underestimatedCount * k)
            var search = _DijkstraWorkspace(graph: graph)
            for terminal in terminals {
                search.start(at: vertices[terminal])
                var found = 0, settled = 0
                while found < k && settled < settleLimit, let (d, v) = search.settleNext(in: graph) {
                    settled += 1
                    let other = terminalOfVertex[v]
                    if other >= 0 && Int(other) != terminal {
                        block.append((other, d))
                        found += 1
                    }
                }
                // A search that gave up early leaves the rest of its list empty.
                for _ in found..<k { block.append((-1, .infinity)) }
            }
            return block
        }
        let cities = entries.map(\.city)
        let costs = entries.map(\.cost)
        self.init(width: k, cities: cities, costs: costs)
    }
}
