/// A closed walk found by ``ClosedWalkSolver``, with a proven lower bound on
/// the cost of every walk that solves the same problem.
public struct ClosedWalk: Sendable, Hashable {
    /// The vertices of the walk in order. The first and last are the start
    /// vertex; consecutive vertices are joined by an edge of the graph. A walk
    /// for a problem whose only required vertex is the start is `[start]`.
    public var vertices: [Int]
    /// The sum of the edge costs along `vertices`.
    public var cost: Double
    /// A proven lower bound on the cost of any solution (never above the optimum).
    public var lowerBound: Double
    /// Whether `cost` is proven to be the optimum.
    public var isOptimal: Bool
    /// How the walk and the bound were obtained, for reports (for example
    /// `"held-karp"`, `"branch-and-bound"` or `"tree"`; ``ClosedWalkSolver``
    /// lists them all).
    public var method: String

    /// Creates a closed walk result.
    public init(vertices: [Int], cost: Double, lowerBound: Double, isOptimal: Bool, method: String) {
        self.vertices = vertices
        self.cost = cost
        self.lowerBound = lowerBound
        self.isOptimal = isOptimal
        self.method = method
    }

    /// The relative gap between cost and bound, `(cost - lowerBound) / cost`,
    /// or 0 for a walk of cost 0 (or, which no solver returns, of a cost
    /// that is not finite).
    public var relativeGap: Double {
        cost > 0 && cost.isFinite ? max(0, cost - lowerBound) / cost : 0
    }
}
