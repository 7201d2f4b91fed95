/// Solves ``WalkProblem``s: the cheapest closed walk from the start through
/// every required vertex (the graphical travelling-salesman problem, with
/// optional vertices as Steiner points).
///
/// The walk is found as a tour on the shortest-path closure of the required
/// vertices (``TerminalMetric``), each leg then expanded into graph edges.
public enum ClosedWalkSolver {
    /// Why a problem has no solution.
    public enum Failure: Error, Sendable, Hashable {
        /// These required vertices (in increasing order) cannot be reached from the start.
        case unreachable([Int])
    }

    /// Finds a closed walk and a lower bound on the optimum.
    ///
    /// - Throws: ``Failure/unreachable(_:)`` when a required vertex cannot be
    ///   reached from the start.
    /// - Complexity: dominated by the closure, O(*T* (*V* + *E*) log *V*), and
    ///   the tour search (exact for small *T*).
    public static func solve(_ problem: WalkProblem, options: SolverOptions = SolverOptions()) throws(Failure) -> ClosedWalk {
        let unreachable = problem.unreachableRequiredVertices()
        guard unreachable.isEmpty else { throw .unreachable(unreachable) }
        if problem.requiredVertices.count == 1 {
            return ClosedWalk(vertices: [problem.start], cost: 0, lowerBound: 0, isOptimal: true, method: "trivial")
        }
        let metric = TerminalMetric(problem)
        let tour: [Int]
        let lowerBound: Double
        let isOptimal: Bool
        let method: String
        if metric.count <= _HeldKarpDynamicProgram.maximumTerminals {
            tour = _HeldKarpDynamicProgram.optimalTour(metric)
            lowerBound = metric.tourCost(tour)
            isOptimal = true
            method = "held-karp"
        } else {
            tour = _SimpleTourSearch.improvedNearestNeighbourTour(metric)
            lowerBound = _SimpleTourSearch.spanningTreeBound(metric)
            isOptimal = false
            method = "2-opt"
        }
        let walk = problem.expand(tour: tour, metric: metric)
        let cost = problem.cost(of: walk) ?? .infinity
        return ClosedWalk(vertices: walk, cost: cost, lowerBound: min(lowerBound, cost),
                          isOptimal: isOptimal, method: method)
    }
}
