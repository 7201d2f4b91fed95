/// Blossom inequalities priced at every node of the exact search: each node's
/// ascent moves the blossoms' multipliers together with the penalties, from
/// its parent's.
///
/// The root's blossom ascent (``_BlossomBound``) finds the blossoms; with
/// their multipliers fixed at the root's values, the nodes deep in the tree,
/// where the best tours no longer make the blossoms tight, got weaker bounds
/// than without them. Re-optimised at each node, the multipliers fall back to
/// zero where a blossom stops helping, and the search needs far fewer 1-trees
/// where blossoms matter (pr76: 2.1 million without them, 551,000 with them;
/// kroA100: 94,000 and 20,000). What kept this out until the eighteenth
/// session was the price of a lifted 1-tree: the fifth session's version
/// reloaded the restricted lists after every step. Here a change of
/// multiplier moves only the blossom's own edges, in the matrix and in the
/// lists (their places found once per node), and a lifted 1-tree costs about
/// a third more than a plain one. Where the blossoms close little of the
/// root's gap the search can need more 1-trees, so the solver lifts only
/// where they close enough (``ClosedWalkSolver/liftingGapShare``).
///
/// For multipliers `mu >= 0` and penalties `pi`, the 1-tree weight on the
/// lifted costs less `sum(mu[k] * b[k])` (``_OneTree/offset``) bounds every
/// tour meeting the node's constraints (see ``_BlossomBound``), so every
/// bound and reduced-cost fixing of a node stays valid.
internal struct _BlossomLifting {
    /// The number of vertices.
    let count: Int
    /// The unlifted costs, row-major.
    let distances: [Double]
    /// The blossoms.
    private let blossoms: [_BlossomBound.Blossom]
    /// Each blossom's edges (``_BlossomBound/Blossom/forEachEdge(_:)``): pairs of vertices, flattened.
    private let edges: [[Int32]]
    /// `k * count + v`: whether `v` is in blossom `k`'s handle.
    private let inHandle: [Bool]
    /// Each blossom's right-hand side `|H| + (t - 1) / 2`, read at every step.
    let rightHandSides: [Double]
    /// Every edge of some blossom once, as pairs of vertices, flattened.
    private let allEdges: [Int32]

    /// The multipliers the root of a search starts from, one per blossom.
    let startingMultipliers: [Double]

    /// The lifting for the blossoms of `outcome` (a blossom ascent over the
    /// costs `distances` of `count` vertices) whose best multiplier is
    /// positive, starting from those multipliers; `nil` when there are none.
    ///
    /// - Complexity: O(*n* *k* + the blossoms' edges) for *k* blossoms.
    init?(helpedIn outcome: _BlossomBound.Outcome, distances: [Double], count n: Int) {
        let helped = outcome.found.indices.filter { outcome.multipliers[$0] > 0 }
        guard !helped.isEmpty else { return nil }
        let blossoms = helped.map { outcome.found[$0] }
        startingMultipliers = helped.map { outcome.multipliers[$0] }
        count = n
        self.distances = distances
        var edges: [[Int32]] = [], inHandle = [Bool](repeating: false, count: blossoms.count * n)
        var seen = Set<Int>()
        var allEdges: [Int32] = []
        for (k, blossom) in blossoms.enumerated() {
            for a in blossom.handle { inHandle[k * n + Int(a)] = true }
            var list: [Int32] = []
            blossom.forEachEdge { a, b in
                list += [Int32(a), Int32(b)]
                if seen.insert(min(a, b) * n + max(a, b)).inserted { allEdges += [Int32(min(a, b)), Int32(max(a, b))] }
            }
            edges.append(list)
        }
        self.blossoms = blossoms
        self.edges = edges
        self.inHandle = inHandle
        self.allEdges = allEdges
        rightHandSides = blossoms.map(\.rightHandSide)
    }

    /// The number of blossoms.
    var blossomCount: Int { edges.count }

    /// Sets `tree`'s costs on every blossom edge to the distance plus the
    /// multipliers of the blossoms holding it, and its offset to
    /// `sum(mu[k] * b[k])`; the other edges keep their distances. Summed
    /// afresh, so no drift from earlier nodes carries over. `mu` empty means
    /// all zero.
    ///
    /// - Complexity: O(the blossoms' edges).
    func load(_ mu: [Double], into tree: _OneTree) {
        let n = count
        var offset = 0.0
        tree.costs.withUnsafeMutableBufferPointer { costs in
            for e in stride(from: 0, to: allEdges.count, by: 2) {
                let (a, b) = (Int(allEdges[e]), Int(allEdges[e + 1]))
                costs[a * n + b] = distances[a * n + b]
                costs[b * n + a] = distances[b * n + a]
            }
            for k in mu.indices where mu[k] != 0 {
                let list = edges[k]
                for e in stride(from: 0, to: list.count, by: 2) {
                    let (a, b) = (Int(list[e]), Int(list[e + 1]))
                    costs[a * n + b] += mu[k]
                    costs[b * n + a] += mu[k]
                }
                offset += mu[k] * rightHandSides[k]
            }
        }
        tree.offset = offset
    }

    /// How the lifted ascent of a node ended.
    struct Outcome {
        /// The best bound found, or `-infinity` when no 1-tree meets the constraints.
        var bound: Double
        /// The penalties of the best bound.
        var penalties: [Double]
        /// The multipliers of the best bound.
        var multipliers: [Double]
        /// The number of 1-trees computed.
        var steps: Int
        /// Whether the best 1-tree is a tour that meets every blossom with
        /// equality where its multiplier is positive: then `bound` is that
        /// tour's cost and nothing in the node is cheaper.
        var isSolvedByTour: Bool
        /// Whether the best 1-tree is a tour (its cost may exceed `bound`).
        var isTour: Bool
    }

    /// Runs a node's ascent on `tree` under `constraints`, moving the
    /// penalties as ``_HeldKarpBound`` does and each multiplier along `a x - b`
    /// for the current 1-tree `x` (kept at or above zero), with the same step.
    /// On return `tree` holds the 1-tree of the best penalties and multipliers,
    /// with its costs lifted by them.
    ///
    /// - Complexity: O(`schedule.maximumSteps` · (*m* log *m* + *E*)) for *m*
    ///   edges not excluded and *E* blossom edges and handle vertices, plus
    ///   O(*h* *d* + *t* log *d*) to find the blossom edges in the lists of
    ///   *d* edges a vertex, for *h* handle vertices and *t* teeth.
    func ascend(tree: _OneTree, constraints: _EdgeConstraints, penalties start: [Double], multipliers startMu: [Double],
                target: Double, stopAbove: Double, schedule: _HeldKarpBound.Schedule) -> Outcome {
        let n = count
        var mu = startMu.isEmpty ? [Double](repeating: 0, count: blossomCount) : startMu
        load(mu, into: tree)
        let isSparse = tree.restrict(to: constraints)
        // Each blossom's edges that the node leaves, in both directions, as their places in the matrix and,
        // on restricted lists, in the lists: the only costs a lift needs to move (no 1-tree of this node
        // reads the matrix's other entries, and the next `load` resets them).
        let places: [[(matrix: Int32, slot: Int32)]] = (0..<blossomCount).map { k in
            var kept: [(matrix: Int32, slot: Int32)] = []
            guard isSparse else {
                let list = edges[k]
                for e in stride(from: 0, to: list.count, by: 2) {
                    let (a, b) = (Int(list[e]), Int(list[e + 1]))
                    kept += [(Int32(a * n + b), -1), (Int32(b * n + a), -1)]
                }
                return kept
            }
            let base = k * n
            for a in blossoms[k].handle.lazy.map(Int.init) {
                tree.forEachRestrictedEdge(of: a) { slot, b in
                    if inHandle[base + b] { kept.append((Int32(a * n + b), Int32(slot))) }
                }
            }
            let list = blossoms[k].teeth
            for e in stride(from: 0, to: list.count, by: 2) {
                let (a, b) = (Int(list[e]), Int(list[e + 1]))
                let slot = tree.restrictedSlot(from: a, to: b)
                if slot >= 0 {
                    kept += [(Int32(a * n + b), slot), (Int32(b * n + a), tree.restrictedSlot(from: b, to: a))]
                }
            }
            return kept
        }
        func evaluate(_ pi: [Double]) -> Bool {
            isSparse ? tree.computeRestricted(penalties: pi) : tree.compute(constraints: constraints, penalties: pi)
        }
        func lift(_ k: Int, by amount: Double) {
            tree.addToCosts(at: places[k], amount)
            tree.offset += amount * rightHandSides[k]
        }
        var pi = start
        var best = -Double.infinity
        var bestPi = pi, bestMu = mu
        var bestIsCurrent = false, bestIsTour = false, bestSolved = false, liftedSinceEvaluation = false
        var lambda = schedule.lambda
        var sinceImprovement = 0
        var previous = [Double](repeating: 0, count: n)
        var gradient = [Double](repeating: 0, count: blossomCount)
        var steps = 0
        while steps < schedule.maximumSteps {
            steps += 1
            liftedSinceEvaluation = false
            guard evaluate(pi) else {
                return Outcome(bound: -.infinity, penalties: start, multipliers: startMu, steps: steps,
                               isSolvedByTour: false, isTour: false)
            }
            let w = tree.weight
            let degree = tree.degree, parent = tree.parent, zero = tree.zeroNeighbours
            var degreeNorm = 0.0
            for v in 0..<n {
                let g = Double(degree[v] - 2)
                degreeNorm += g * g
            }
            // a x - b for each blossom; the slack of a tour weighs its positive multipliers.
            var norm = degreeNorm
            var slack = 0.0
            for k in 0..<blossomCount {
                let lhs = blossoms[k].leftHandSide(parent: parent, zeroNeighbours: zero, isInHandle: inHandle,
                                                   offset: k * n)
                var g = Double(lhs) - rightHandSides[k]
                slack -= mu[k] * g
                if mu[k] == 0 && g < 0 { g = 0 }
                gradient[k] = g
                norm += g * g
            }
            let isTour = degreeNorm == 0
            let isSolved = isTour && slack <= 1e-9 * max(1, abs(w))
            if best == -.infinity || w > best + 1e-12 * max(1, abs(best)) {
                (best, bestPi, bestMu) = (w, pi, mu)
                (bestIsTour, bestSolved) = (isTour, isSolved)
                sinceImprovement = 0
                bestIsCurrent = true
            } else {
                sinceImprovement += 1
                bestIsCurrent = false
            }
            if isSolved || norm == 0 || w > stopAbove { break }
            if sinceImprovement >= schedule.period {
                lambda *= 0.5
                sinceImprovement = 0
                if lambda < schedule.minimumLambda { break }
            }
            let t = lambda * max(target - w, 1e-6 * max(1, abs(target))) / norm
            for v in 0..<n {
                let g = Double(degree[v] - 2)
                pi[v] += t * (steps == 1 ? g : 0.7 * g + 0.3 * previous[v])
                previous[v] = g
            }
            for k in 0..<blossomCount where gradient[k] != 0 {
                let lifted = max(0, mu[k] + t * gradient[k])
                let change = lifted - mu[k]
                mu[k] = lifted
                if change != 0 {
                    lift(k, by: change)
                    liftedSinceEvaluation = true
                }
            }
        }
        // The tree must hold the best 1-tree on the costs it was computed on: the caller's reduced-cost
        // fixings read both.
        if !bestIsCurrent || liftedSinceEvaluation {
            load(bestMu, into: tree)
            if isSparse { tree.restrict(to: constraints) }
            _ = evaluate(bestPi)
        }
        return Outcome(bound: best, penalties: bestPi, multipliers: bestMu, steps: steps,
                       isSolvedByTour: bestSolved, isTour: bestIsTour)
    }
}
