/// Solves problems with too many terminals for a dense closure. (Placeholder.)
internal enum _LargeInstanceSolver {
    /// Above this many terminals the solver does not build a dense ``TerminalMetric``.
    static let minimumTerminals = 4000

    static func solve(_ problem: WalkProblem, options: SolverOptions, deadline: _Deadline) -> ClosedWalk {
        let metric = TerminalMetric(problem)
        let tour = _TourSearch.improve(Array(0..<metric.count), metric: metric, deadline: deadline, seed: options.seed)
        let walk = problem.expand(tour: tour, metric: metric)
        let cost = problem.cost(of: walk) ?? .infinity
        return ClosedWalk(vertices: walk, cost: cost, lowerBound: min(cost, _SimpleTourSearch.spanningTreeBound(metric)),
                          isOptimal: false, method: "2-opt")
    }
}
