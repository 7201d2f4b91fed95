/// Depth-first branch and bound on the Held-Karp 1-tree bound: the exact search
/// that proves a tour optimal when the root bound alone leaves a gap.
///
/// Every node is a set of forced and excluded edges (``_EdgeConstraints``).
/// Its bound comes from a short subgradient ascent warm-started from the
/// parent's penalties (``_HeldKarpBound``); a node whose bound proves that
/// nothing in it beats the best tour is pruned, and so are the edges whose
/// reduced cost proves the same, and edges whose removal would lift the bound
/// past the best tour are forced (``_OneTree/reduce(constraints:penalties:threshold:)``).
/// A node whose 1-tree is a tour is solved by that tour. Otherwise the search
/// branches on a vertex `v` of 1-tree degree above 2 and two free tree edges
/// `e1`, `e2` at `v` (the scheme of Volgenant and Jonker), into the partition
/// "without `e1`" | "with `e1`, without `e2`" | "with `e1` and `e2`" (the last
/// only when `v` has no forced edge yet).
///
/// With a ``_BlossomLifting``, nodes that carry blossom multipliers move them
/// with the penalties in their ascent (the bound of lifted costs less the
/// multipliers' offset); a node whose lifted 1-tree is a tour not tight on
/// every lifted blossom offers that tour and is searched again on the plain
/// bound, and the nodes below it stay plain.
///
/// With whole-unit costs (``_CostScale``), a node is pruned once its bound is
/// above `best - 1`, which is what makes instances with many equal costs close.
///
/// The search can be run in instalments (``run(stepBudget:deadline:report:)``)
/// and offered better tours in between (``offer(_:)``): its open nodes stay
/// valid when the best tour improves, only more of them get pruned.
internal final class _BranchAndBound {
    /// The outcome of a search.
    struct Result {
        /// The best tour found (the starting tour unless a better one appeared).
        var tour: [Int]
        /// Its cost, in units.
        var cost: Double
        /// A proven lower bound, in units.
        var lowerBound: Double
        /// Whether the search finished, proving `tour` optimal.
        var isOptimal: Bool
        /// Nodes whose bound was computed.
        var nodes: Int
        /// 1-trees computed.
        var steps: Int
    }

    /// An open node: its constraints, the penalties to start from, and its
    /// parent's bound (valid for the node too).
    struct Node {
        var constraints: _EdgeConstraints
        var penalties: [Double]
        var bound: Double
        /// The blossom multipliers to start from (``_BlossomLifting``); empty
        /// for a node searched on the plain 1-tree bound.
        var multipliers: [Double] = []
    }

    private let scale: _CostScale
    private let tree: _OneTree
    /// The blossoms whose multipliers the nodes re-optimise, if any.
    let lifting: _BlossomLifting?
    private let rootBound: Double
    private var bestTour: [Int]
    private var upperBound: Double
    /// The open nodes, the next one last.
    private var stack: [Node]
    private var nodes = 0
    private var steps = 0

    /// Prepares a search for a tour cheaper than `tour` under the open nodes
    /// `open` of another search (in its ``openNodes`` order: the one to take
    /// first first), on a `tree` whose edges the caller has limited to those
    /// that all of them, or an ancestor of all, leave
    /// (``_OneTree/limitEdges(to:within:)``).
    init(scale: _CostScale, tree: _OneTree, open: [Node], tour: [Int], lifting: _BlossomLifting? = nil) {
        precondition(!open.isEmpty)
        self.scale = scale
        self.tree = tree
        self.lifting = lifting
        rootBound = open.map(\.bound).min()!
        bestTour = tour
        upperBound = scale.tourCost(tour)
        stack = open.reversed()
        rootConstraints = open[0].constraints
    }

    /// Prepares a search for a tour cheaper than `tour`.
    ///
    /// - Parameters:
    ///   - scale: the distances, in units.
    ///   - tree: the 1-tree engine on `scale.distances`, used by this search
    ///     alone until it ends; its edges stay limited to those `root` leaves
    ///     (``_OneTree/limitEdges(to:)``) until the caller lifts the limit.
    ///   - root: the root constraints (after reduced-cost exclusions).
    ///   - rootPenalties: penalties from the root ascent.
    ///   - rootBound: the root's bound, in units.
    ///   - tour: the best known tour.
    ///   - lifting: blossoms whose multipliers every node re-optimises,
    ///     starting from their ``_BlossomLifting/startingMultipliers``; `nil`
    ///     for the plain bound.
    convenience init(scale: _CostScale, tree: _OneTree, root: _EdgeConstraints, rootPenalties: [Double],
                     rootBound: Double, tour: [Int], lifting: _BlossomLifting? = nil) {
        let node = Node(constraints: root, penalties: rootPenalties, bound: rootBound,
                        multipliers: lifting?.startingMultipliers ?? [])
        self.init(scale: scale, tree: tree, open: [node], tour: tour, lifting: lifting)
        // Every node's constraints exclude at least what the root's exclude.
        tree.limitEdges(to: root)
    }

    /// The constraints the search started from: every node excludes at
    /// least what they exclude, so a 1-tree engine limited to the edges they
    /// leave (``_OneTree/limitEdges(to:)``) serves every node. (For a search
    /// under several open nodes of another, the first node's.)
    let rootConstraints: _EdgeConstraints

    /// The open nodes, the one the search would take next first. Every tour
    /// cheaper than the best lies under one of them.
    var openNodes: [Node] { stack.reversed() }

    /// Makes `tour` the best tour if it is cheaper than the best so far.
    func offer(_ tour: [Int]) {
        let cost = scale.tourCost(tour)
        if cost < upperBound - scale.tolerance(near: upperBound) {
            upperBound = cost
            bestTour = tour
        }
    }

    /// Searches on until the search space is exhausted (proving the best
    /// tour optimal), `stepBudget` more 1-trees have been computed, or the
    /// deadline passes.
    ///
    /// - Parameters:
    ///   - stepBudget: the most 1-trees to compute in this instalment (a
    ///     deterministic work budget).
    ///   - report: called now and then with the best cost and bound, in units.
    /// - Returns: the state of the whole search so far.
    /// - Complexity: exponential in the worst case; each node costs
    ///   O(*s* *m* log *m*) for a node ascent of *s* steps on *m* edges it
    ///   does not exclude (see ``_OneTree/computeRestricted(penalties:)``).
    func run(stepBudget: Int, deadline: _Deadline, report: (Double, Double) -> Void) -> Result {
        let n = tree.count
        let budgetEnd = steps + stepBudget
        var finished = true
        let schedule = _HeldKarpBound.Schedule.node(n)
        while let node = stack.popLast() {
            if node.bound > scale.pruneThreshold(upperBound: upperBound) { continue }
            if steps >= budgetEnd || deadline.hasPassed {
                stack.append(node)
                finished = false
                break
            }
            nodes += 1
            if nodes & 63 == 0 {
                report(upperBound, _BranchAndBound.openBound(stack, node.bound, rootBound, upperBound, scale))
            }
            let threshold = scale.pruneThreshold(upperBound: upperBound)
            let outcome: (bound: Double, penalties: [Double], multipliers: [Double], isTour: Bool, isSolved: Bool)
            if let lifting, !node.multipliers.isEmpty {
                let lifted = lifting.ascend(tree: tree, constraints: node.constraints, penalties: node.penalties,
                                            multipliers: node.multipliers, target: upperBound, stopAbove: threshold,
                                            schedule: schedule)
                steps += lifted.steps
                outcome = (lifted.bound, lifted.penalties, lifted.multipliers, lifted.isTour, lifted.isSolvedByTour)
            } else {
                lifting?.load([], into: tree)
                let plain = _HeldKarpBound.ascend(tree: tree, constraints: node.constraints,
                                                  penalties: node.penalties, target: upperBound, stopAbove: threshold,
                                                  schedule: schedule)
                steps += plain.steps
                outcome = (plain.bound, plain.penalties, [], plain.isTour, plain.isTour)
            }
            if outcome.bound == -.infinity || outcome.bound > threshold { continue }
            if outcome.isTour {
                offer(tree.tour())
                // A lifted tour slack on a blossom may cost more than the bound: the plain bound settles the node.
                if !outcome.isSolved && outcome.bound <= scale.pruneThreshold(upperBound: upperBound) {
                    stack.append(Node(constraints: node.constraints, penalties: outcome.penalties,
                                      bound: outcome.bound))
                }
                continue
            }
            var constraints = node.constraints
            guard tree.reduce(constraints: &constraints, penalties: outcome.penalties,
                                          threshold: threshold) else { continue }
            guard let (v, e1, e2) = _BranchAndBound.branchingChoice(tree: tree, constraints: constraints,
                                                                    penalties: outcome.penalties)
            else {
                // The exclusions forced edges the 1-tree lacks: look again with them.
                stack.append(Node(constraints: constraints, penalties: outcome.penalties, bound: outcome.bound,
                                  multipliers: outcome.multipliers))
                continue
            }
            var children: [_EdgeConstraints] = []
            var without = constraints
            if without.exclude(v, e1) { children.append(without) }
            var withFirst = constraints
            if withFirst.force(v, e1) {
                var withoutSecond = withFirst
                if withoutSecond.exclude(v, e2) { children.append(withoutSecond) }
                if constraints.forcedDegree[v] == 0 {
                    var withBoth = withFirst
                    if withBoth.force(v, e2) { children.append(withBoth) }
                }
            }
            // Depth first, "without e1" explored first.
            for child in children.reversed() {
                stack.append(Node(constraints: child, penalties: outcome.penalties, bound: outcome.bound,
                                  multipliers: outcome.multipliers))
            }
        }
        let lowerBound = finished ? upperBound : _BranchAndBound.openBound(stack, -.infinity, rootBound, upperBound, scale)
        return Result(tour: bestTour, cost: upperBound, lowerBound: lowerBound, isOptimal: finished,
                      nodes: nodes, steps: steps)
    }

    /// The bound proven while nodes remain open: every tour cheaper than the
    /// best lies in an open node, so the least open bound (and the root bound)
    /// holds for all tours.
    private static func openBound(_ stack: [Node], _ current: Double, _ rootBound: Double,
                                  _ upperBound: Double, _ scale: _CostScale) -> Double {
        var least = min(upperBound, current)
        for node in stack where node.bound < least { least = node.bound }
        return min(upperBound, max(scale.provenBound(rootBound), scale.provenBound(least)))
    }

    /// The vertex to branch on, one of least degree above 2 in the 1-tree
    /// (lowest index among equals), and two of its free tree edges: the two of
    /// greatest penalised cost (lowest neighbour among equals). Measured on
    /// brain-dump and TSPLIB instances, this choice needs several times fewer
    /// 1-trees than branching at the vertex of largest degree or on its
    /// cheapest edges.
    ///
    /// - Complexity: O(*n*).
    private static func branchingChoice(tree: _OneTree, constraints: _EdgeConstraints,
                                        penalties: [Double]) -> (Int, Int, Int)? {
        let n = tree.count
        var v = -1
        for u in 0..<n where tree.degree[u] > 2 && (v < 0 || tree.degree[u] < tree.degree[v]) { v = u }
        guard v >= 0 else { return nil }
        var neighbours: [Int] = []
        if v == 0 {
            neighbours = [tree.zeroNeighbours.0, tree.zeroNeighbours.1]
        } else {
            if tree.parent[v] >= 0 { neighbours.append(Int(tree.parent[v])) }
            for u in 2..<n where Int(tree.parent[u]) == v { neighbours.append(u) }
            if tree.zeroNeighbours.0 == v || tree.zeroNeighbours.1 == v { neighbours.append(0) }
        }
        let free = neighbours.filter { constraints.isFree(v, $0) }
            .sorted { (-tree.penalisedCost(v, $0, penalties), $0) < (-tree.penalisedCost(v, $1, penalties), $1) }
        guard free.count >= 2 else { return nil }
        return (v, free[0], free[1])
    }
}
