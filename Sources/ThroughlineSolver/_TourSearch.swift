/// Tour improvement on a dense ``TerminalMetric``. (Placeholder: 2-opt only.)
internal enum _TourSearch {
    /// The best tour found from `initial` before `deadline`, deterministic for a
    /// given `seed` unless the deadline cuts the search short.
    static func improve(_ initial: [Int], metric: TerminalMetric, deadline: _Deadline, seed: UInt64) -> [Int] {
        _SimpleTourSearch.improvedNearestNeighbourTour(metric)
    }
}

/// Solves problems with too many terminals for a dense closure. (Placeholder.)
internal enum _LargeInstanceSolver {
    /// Above this many terminals the solver does not build a dense ``TerminalMetric``.
    static let minimumTerminals = 4000

    static func solve(_ problem: WalkProblem, options: SolverOptions, deadline: _Deadline) -> ClosedWalk {
        let metric = TerminalMetric(problem)
        let tour = _SimpleTourSearch.improvedNearestNeighbourTour(metric)
        let walk = problem.expand(tour: tour, metric: metric)
        let cost = problem.cost(of: walk) ?? .infinity
        return ClosedWalk(vertices: walk, cost: cost, lowerBound: min(cost, _SimpleTourSearch.spanningTreeBound(metric)),
                          isOptimal: false, method: "2-opt")
    }
}
