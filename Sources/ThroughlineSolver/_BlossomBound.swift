/// The Held-Karp bound strengthened by blossom inequalities, found and
/// priced during the subgradient ascent ("relax and cut", Lucena).
///
/// A blossom is a handle `H` (at least three vertices) and an odd number *t*
/// of pairwise disjoint teeth, edges with one end in `H` and one outside.
/// Every tour `x` meets
///
///     x(E(H)) + x(teeth) <= |H| + (t - 1) / 2
///
/// (the 2-matching inequalities of Edmonds; a comb whose teeth are edges).
/// The degree constraints are dualised with penalties `pi` as in
/// ``_HeldKarpBound``; each blossom `k` with a multiplier `mu[k] >= 0`. The
/// 1-tree then runs on the costs `c + sum(mu[k] * a[k])`, where `a[k]` is 1
/// on the blossom's edges, and its weight less `sum(mu[k] * b[k])` (the
/// tree's ``_OneTree/offset``) bounds every tour, whatever the multipliers:
/// a tour gains at most `mu[k] * b[k]` from blossom `k`.
///
/// Blossoms are found by the odd-component heuristic of Padberg and Hong on
/// an estimate of the subtour relaxation's solution, the mean of the last
/// 1-trees of the ascent: the components of its fractional edges are the
/// handles, its near-whole edges leaving a handle the teeth.
///
/// With `10 n` steps from converged Held-Karp penalties (and the first
/// starting step factor, 0.5), the bound on pr76 rose from 2.8 % to 2.0 %
/// below the optimum, on kroA100 from 1.6 % to 0.6 %; Guides/LowerBounds.md
/// has where the solver uses it.
///
/// Under edge constraints (the exact search's root fixings), the bound holds
/// for the tours that meet them, and its reduced costs fix more edges
/// (``fixings(of:threshold:)``).
internal enum _BlossomBound {
    /// The strengthened bound and what a branch and bound needs to use it.
    struct Outcome {
        /// The best bound, in units.
        var bound: Double
        /// The lifted costs of the best multipliers (row-major).
        var costs: [Double]
        /// `sum(mu[k] * b[k])` for the best multipliers.
        var offset: Double
        /// The penalties of the best bound.
        var penalties: [Double]
        /// The constraints the 1-trees met.
        var constraints: _EdgeConstraints
        /// The blossoms with a positive multiplier.
        var blossoms: Int
        /// Every blossom the ascent found, for a search that re-optimises
        /// their multipliers at each node (``_BlossomLifting``).
        var found: [Blossom] = []
        /// The best multiplier of each of ``found`` (zero for those that did
        /// not help).
        var multipliers: [Double] = []
    }

    /// One blossom inequality.
    struct Blossom: Equatable {
        /// The handle's vertices, increasing.
        var handle: [Int32]
        /// The teeth, as (end in the handle, end outside), by increasing first end.
        var teeth: [Int32]
        /// `|H| + (t - 1) / 2`.
        var rightHandSide: Double { Double(handle.count + (teeth.count / 2 - 1) / 2) }

        /// Calls `body` with the two ends of each of the blossom's edges: the
        /// handle's pairs, then the teeth.
        ///
        /// - Complexity: O(|H|² + *t*).
        func forEachEdge(_ body: (Int, Int) -> Void) {
            for (i, a) in handle.enumerated() {
                for b in handle[(i + 1)...] { body(Int(a), Int(b)) }
            }
            for t in stride(from: 0, to: teeth.count, by: 2) { body(Int(teeth[t]), Int(teeth[t + 1])) }
        }

        /// `a x` for the 1-tree of `parent` and `zeroNeighbours` (``_OneTree``'s):
        /// its edges inside the handle and its teeth. `isInHandle[offset + v]`
        /// says whether `v` is in the handle.
        ///
        /// - Complexity: O(|H| + *t*).
        func leftHandSide(parent: [Int32], zeroNeighbours: (Int, Int), isInHandle: [Bool], offset: Int) -> Int {
            var inside = 0
            parent.withUnsafeBufferPointer { parent in
                isInHandle.withUnsafeBufferPointer { isInHandle in
                    // Each tree edge inside the handle, from its end farther from the tree's root (vertex 0's from 0).
                    for v in handle {
                        if v == 0 {
                            if isInHandle[offset &+ zeroNeighbours.0] { inside &+= 1 }
                            if isInHandle[offset &+ zeroNeighbours.1] { inside &+= 1 }
                        } else {
                            let p = Int(parent[Int(v)])
                            if p >= 0 && isInHandle[offset &+ p] { inside &+= 1 }
                        }
                    }
                    for t in stride(from: 0, to: teeth.count, by: 2) {
                        let (a, b) = (Int(teeth[t]), Int(teeth[t + 1]))
                        let isTreeEdge = a == 0 || b == 0
                            ? zeroNeighbours.0 == a + b || zeroNeighbours.1 == a + b
                            : Int(parent[a]) == b || Int(parent[b]) == a
                        if isTreeEdge { inside &+= 1 }
                    }
                }
            }
            return inside
        }
    }

    /// Ascends on the penalties and on multipliers of blossoms it finds along
    /// the way, from the Held-Karp penalties `start`.
    ///
    /// - Parameters:
    ///   - distances: the costs, in units (row-major, `n * n`).
    ///   - constraints: edges every tour of interest must use or avoid; the
    ///     bound holds for those tours. Few edges left (under a quarter) make
    ///     each 1-tree O(*m* log *m*) on the *m* left instead of O(*n*²).
    ///   - start: penalties from a Held-Karp ascent.
    ///   - target: the best tour's cost, for the step size.
    ///   - stopAbove: the ascent stops once the bound exceeds this.
    ///   - maximumSteps: the most 1-trees to compute.
    ///   - deadline: when it passes, the ascent stops with the best bound so far.
    ///   - widerWhenNone: when the first search for blossoms finds none, look
    ///     again with handles of edges in 10–90 % of the trees
    ///     (``widerFractionalMargin``) before giving up.
    /// - Returns: the best bound found and its lifted costs (the plain costs
    ///   when no blossom has a positive multiplier); the bound is `-infinity`
    ///   when no 1-tree meets `constraints`. The bound is the weight of a
    ///   1-tree computed afresh on the complete matrix of lifted costs, so it
    ///   does not rest on the restricted lists' bookkeeping.
    /// - Complexity: O(`maximumSteps` · (*n*² + *k* *h*)) for *k* blossoms of
    ///   up to *h* handle vertices (O(*m* log *m*) instead of *n*² for *m*
    ///   restricted edges, plus O(*m*) to reload their lifted costs), plus
    ///   O(*n*²) per search for blossoms (one per `max(50, n)` steps). The
    ///   ascent stops at its first search when that finds no blossom.
    static func ascend(distances: [Double], count n: Int, constraints: _EdgeConstraints? = nil,
                       penalties start: [Double], target: Double, stopAbove: Double, maximumSteps: Int,
                       deadline: _Deadline, widerWhenNone: Bool = false) -> Outcome {
        let tree = _OneTree(count: n, costs: distances)
        let constraints = constraints ?? _EdgeConstraints(count: n)
        // Restricted 1-trees read the costs from lists loaded once, so every lift reloads them
        // (O(m) on the edges the limit leaves).
        let isSparse = tree.restrict(to: constraints)
        if isSparse { tree.limitEdges(to: constraints) }
        var pi = start
        func evaluate() -> Bool {
            isSparse ? tree.computeRestricted(penalties: pi) : tree.compute(constraints: constraints, penalties: pi)
        }
        var blossoms: [Blossom] = []
        var inHandle: [Bool] = []  // blossoms.count * n
        var mu: [Double] = []
        var best = -Double.infinity
        var bestPi = pi
        var bestMu: [Double] = []
        // The step factor (see ``_HeldKarpBound``) starts at half the Held-Karp ascent's, as `start`
        // comes from a converged ascent, and goes back up to at least half of that at every search for
        // blossoms. (Starting at 0.5 took two to three times the steps for the same bound on bd100s3,
        // kroC100 and bd120s14, and left ts225 at 5.3 % and lin318 at 1.6 % instead of 4.5 % and 1.5 %.)
        let startingLambda = 1.0
        var lambda = startingLambda
        let period = max(10, n / 4)
        var sinceImprovement = 0
        var previous = [Double](repeating: 0, count: n)
        let window = max(50, n)
        var edgeCounts = [Int32](repeating: 0, count: n * n)
        var trees = 0
        var steps = 0
        var treeEdges = [(Int, Int)](repeating: (0, 0), count: n)
        var cutGradient: [Double] = []
        while steps < maximumSteps {
            steps += 1
            guard evaluate() else { break }
            let w = tree.weight
            if best == -.infinity || w > best + 1e-12 * max(1, abs(best)) {
                best = w
                bestPi = pi
                bestMu = mu
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
            if w > stopAbove || deadline.hasPassed { break }
            // The tree's edges, and the mean of the last trees.
            for v in 2..<n { treeEdges[v - 2] = (v, Int(tree.parent[v])) }
            treeEdges[n - 2] = (0, tree.zeroNeighbours.0)
            treeEdges[n - 1] = (0, tree.zeroNeighbours.1)
            for (a, b) in treeEdges {
                edgeCounts[a * n + b] += 1
                edgeCounts[b * n + a] += 1
            }
            trees += 1
            if trees == window {
                var found = separate(edgeCounts, trees: trees, count: n)
                if found.isEmpty && blossoms.isEmpty && widerWhenNone {
                    found = separate(edgeCounts, trees: trees, count: n, fractionalMargin: widerFractionalMargin)
                }
                for blossom in found where !blossoms.contains(blossom) {
                    blossoms.append(blossom)
                    var member = [Bool](repeating: false, count: n)
                    for v in blossom.handle { member[Int(v)] = true }
                    inHandle += member
                    mu.append(0)
                    bestMu.append(0)
                }
                // Without blossoms this is only a Held-Karp ascent, which `start` has already done.
                if blossoms.isEmpty { break }
                for i in edgeCounts.indices { edgeCounts[i] = 0 }
                trees = 0
                lambda = max(lambda, startingLambda / 2)
            }
            // Subgradients: degree - 2 for the penalties, a x - b for the multipliers.
            var norm = 0.0
            for v in 0..<n {
                let g = Double(tree.degree[v] - 2)
                norm += g * g
            }
            cutGradient.removeAll(keepingCapacity: true)
            let parent = tree.parent, zero = tree.zeroNeighbours
            for k in blossoms.indices {
                let lhs = blossoms[k].leftHandSide(parent: parent, zeroNeighbours: zero, isInHandle: inHandle,
                                                   offset: k * n)
                var g = Double(lhs) - blossoms[k].rightHandSide
                if mu[k] == 0 && g < 0 { g = 0 }
                cutGradient.append(g)
                norm += g * g
            }
            if norm == 0 { break }
            if sinceImprovement >= period {
                lambda *= 0.5
                sinceImprovement = 0
                if lambda < 1e-4 { break }
            }
            let t = lambda * max(target - w, 1e-6 * max(1, abs(target))) / norm
            for v in 0..<n {
                let g = Double(tree.degree[v] - 2)
                pi[v] += t * (0.7 * g + 0.3 * previous[v])
                previous[v] = g
            }
            var lifts = false
            for k in blossoms.indices where cutGradient[k] != 0 {
                let lifted = max(0, mu[k] + t * cutGradient[k])
                let change = lifted - mu[k]
                mu[k] = lifted
                lift(&tree.costs, by: change, blossoms[k], count: n)
                tree.offset += change * blossoms[k].rightHandSide
                lifts = lifts || change != 0
            }
            if isSparse && lifts { tree.restrict(to: constraints) }
        }
        // The best multipliers' costs, summed afresh so that no drift separates them from the offset.
        var costs = distances
        var offset = 0.0
        var used = 0
        for k in blossoms.indices where bestMu[k] > 0 {
            lift(&costs, by: bestMu[k], blossoms[k], count: n)
            offset += bestMu[k] * blossoms[k].rightHandSide
            used += 1
        }
        let final = _OneTree(count: n, costs: costs, offset: offset)
        final.compute(constraints: constraints, penalties: bestPi)
        return Outcome(bound: final.weight, costs: costs, offset: offset, penalties: bestPi,
                       constraints: constraints, blossoms: used, found: blossoms, multipliers: bestMu)
    }

    /// `outcome.constraints` with the fixings that the reduced costs of
    /// `outcome`'s lifted 1-tree prove (``_OneTree/reduce(constraints:penalties:threshold:)``):
    /// every tour that meets `outcome.constraints` and costs at most
    /// `threshold` meets them too, because its lifted cost less the offset
    /// is at most its cost.
    ///
    /// - Returns: the constraints, or `nil` when they leave no such tour.
    /// - Complexity: O(*n*² + *m* log *m*) for *m* free edges, plus the propagation.
    static func fixings(of outcome: Outcome, threshold: Double) -> _EdgeConstraints? {
        var constraints = outcome.constraints
        let tree = _OneTree(count: constraints.count, costs: outcome.costs, offset: outcome.offset)
        guard tree.compute(constraints: constraints, penalties: outcome.penalties),
              tree.reduce(constraints: &constraints, penalties: outcome.penalties, threshold: threshold)
        else { return nil }
        return constraints
    }

    /// Adds `amount` to the cost of every edge of `blossom` (both halves of the matrix).
    ///
    /// - Complexity: O(|H|² + *t*).
    private static func lift(_ costs: inout [Double], by amount: Double, _ blossom: Blossom, count n: Int) {
        blossom.forEachEdge { a, b in
            costs[a * n + b] += amount
            costs[b * n + a] += amount
        }
    }

    /// The `fractionalMargin` of the exact search's second look for blossoms
    /// (``ascend(distances:count:constraints:penalties:target:stopAbove:maximumSteps:deadline:widerWhenNone:)``):
    /// handles of edges in 10–90 % of the trees, teeth in 90 % or more.
    /// Brain dumps often have no blossom in the usual band and a bound one
    /// unit under the optimum, which only a long search closes: with this
    /// second look, brain dump 90 seed 11 (`gen.py braindump 90 11`) is proven
    /// by the blossom fixings alone, where the search needed 374,000 1-trees
    /// (0.48 s, networkx 0.08 s), and brain dump 140 seed 6 is proven within
    /// its budget, where it was not; of 93 files that reach the search, three
    /// others needed 12–16 % fewer 1-trees and none more (eighteenth
    /// session). Used everywhere, the wider band moved the search trees both
    /// ways and lowered ts225's bound (Guides/LowerBounds.md).
    static let widerFractionalMargin = 10

    /// Blossoms violated by the mean of `trees` 1-trees (`counts[i * n + j]`
    /// of them hold edge `{i, j}`): handles are the components of edges in
    /// more than `trees / fractionalMargin` and fewer than `trees - trees /
    /// fractionalMargin` of the trees (5 % to 95 % by default), with at least
    /// three vertices; teeth the edges that leave the handle and are in at
    /// least `trees - trees / fractionalMargin` of them. A handle whose teeth
    /// share an end or are even in number gives nothing.
    ///
    /// - Complexity: O(*n*²).
    static func separate(_ counts: [Int32], trees: Int, count n: Int, fractionalMargin: Int = 20) -> [Blossom] {
        let low = Int32(trees / fractionalMargin), high = Int32(trees - trees / fractionalMargin)
        var root = Array(0..<n)
        func find(_ v: Int) -> Int {
            var v = v
            while root[v] != v {
                root[v] = root[root[v]]
                v = root[v]
            }
            return v
        }
        for i in 0..<n {
            for j in (i + 1)..<n {
                let c = counts[i * n + j]
                if c > low && c < high {
                    let a = find(i), b = find(j)
                    if a != b { root[max(a, b)] = min(a, b) }
                }
            }
        }
        var members = [[Int32]](repeating: [], count: n)
        for v in 0..<n { members[find(v)].append(Int32(v)) }
        var found: [Blossom] = []
        for handle in members where handle.count >= 3 {
            let label = find(Int(handle[0]))
            var teeth: [Int32] = []
            var ends = Set<Int32>()
            var disjoint = true
            var inside = 0.0
            for i in handle {
                for j in 0..<n where find(j) != label && counts[Int(i) * n + j] >= high {
                    teeth += [i, Int32(j)]
                    disjoint = disjoint && ends.insert(i).inserted && ends.insert(Int32(j)).inserted
                    inside += Double(counts[Int(i) * n + j])
                }
                for j in handle where j > i { inside += Double(counts[Int(i) * n + Int(j)]) }
            }
            guard disjoint && (teeth.count / 2) % 2 == 1 else { continue }
            let blossom = Blossom(handle: handle, teeth: teeth)
            if inside / Double(trees) > blossom.rightHandSide + 1e-3 { found.append(blossom) }
        }
        return found
    }
}
