/// The Held-Karp lower bound: vertex penalties chosen by subgradient ascent to
/// maximise the weight of the minimum 1-tree (see ``_OneTree``).
///
/// Step rule (Held, Wolfe and Crowder): `t = lambda * (target - w) / |g|²`,
/// where `w` is the current weight, `target` an upper bound (the best tour's
/// cost) and `g` the subgradient `degree - 2`. The penalties move along
/// `0.7 g + 0.3 g_previous` (the direction of Camerini, Fratta and Maffioli,
/// which damps zig-zagging). `lambda` halves whenever `period` steps pass
/// without improving the best weight. Everything is a fixed number of steps,
/// so the result is the same in every run.
internal enum _HeldKarpBound {
    /// How an ascent ended.
    struct Outcome {
        /// The best weight found (a valid lower bound for the constraints), or
        /// `-infinity` when no 1-tree meets the constraints.
        var bound: Double
        /// The penalties of the best weight.
        var penalties: [Double]
        /// Whether the best 1-tree is a tour (then `bound` is that tour's cost).
        var isTour: Bool
        /// The number of 1-trees computed.
        var steps: Int
        /// The final step factor, to start descendants from.
        var lambda: Double
    }

    /// Parameters of one ascent.
    struct Schedule {
        /// The most 1-trees to compute.
        var maximumSteps: Int
        /// The starting step factor.
        var lambda: Double
        /// Steps without improvement before the step factor halves.
        var period: Int
        /// The ascent stops when the step factor falls below this.
        var minimumLambda: Double = 1e-4

        /// The schedule for the first ascent on `n` vertices.
        static func root(_ n: Int) -> Schedule {
            Schedule(maximumSteps: max(300, 12 * n), lambda: 2, period: max(20, n / 2))
        }

        /// A quarter of ``root(_:)``'s steps, for a first look at the bound
        /// while the tour search is still under way: enough to close most
        /// small files, cheap enough that redoing the root ascent when it
        /// does not close costs little (rat99 and rd100 took 8 ms longer with
        /// the full root schedule here, and no file closed sooner).
        static func early(_ n: Int) -> Schedule {
            Schedule(maximumSteps: max(100, 3 * n), lambda: 2, period: max(10, n / 8))
        }

        /// The schedule for a branch-and-bound node on `n` vertices, warm
        /// started from its parent's penalties.
        static func node(_ n: Int) -> Schedule {
            Schedule(maximumSteps: max(30, 3 * n / 5), lambda: 2, period: max(5, n / 20), minimumLambda: 1e-3)
        }
    }

    /// Runs the ascent from `penalties` on `tree` under `constraints`.
    ///
    /// Stops early when the 1-tree is a tour or the weight exceeds `stopAbove`
    /// (nothing better than the upper bound is left to find). On return, `tree`
    /// holds the 1-tree of the best penalties. When `constraints` exclude most
    /// edges (as in the branch and bound), the 1-trees are computed on the
    /// edges left only (``_OneTree/restrict(to:)``), with the same results.
    ///
    /// - Parameters:
    ///   - target: the upper bound used in the step size.
    ///   - deadline: when given and passed, the ascent stops with the best
    ///     bound so far.
    /// - Complexity: O(`maximumSteps` · *n*²), or O(`maximumSteps` · *m* log *m*)
    ///   for *m* edges not excluded when they are under a quarter of all edges.
    static func ascend(tree: _OneTree, constraints: _EdgeConstraints, penalties start: [Double],
                       target: Double, stopAbove: Double, schedule: Schedule,
                       deadline: _Deadline? = nil) -> Outcome {
        let isSparse = tree.restrict(to: constraints)
        @discardableResult
        func evaluate(_ penalties: [Double]) -> Bool {
            isSparse ? tree.computeRestricted(penalties: penalties) : tree.compute(constraints: constraints, penalties: penalties)
        }
        let (outcome, treeIsBest) = ascend(
            count: tree.count, penalties: start, target: target, stopAbove: stopAbove, schedule: schedule,
            evaluate: evaluate, degree: { tree.degree }, weight: { tree.weight },
            shouldStop: { deadline?.hasPassed ?? false })
        if !treeIsBest && outcome.bound > -.infinity { evaluate(outcome.penalties) }
        return Outcome(bound: outcome.bound, penalties: outcome.penalties,
                       isTour: outcome.bound > -.infinity && tree.isTour, steps: outcome.steps, lambda: outcome.lambda)
    }

    /// The sparse steps of ``boundOnCandidates(scale:tour:upperBound:deadline:warmStart:progress:)``
    /// from an earlier ascent's penalties. The solver's second ascent (after
    /// the tour search, from 400 terminals) started from zero until the
    /// fifteenth session and took a tenth of a second at 1,000 terminals,
    /// about as long as the first; from the first ascent's penalties, 100
    /// steps took 30–70 % less time up to 1,002 terminals (15 % at 2,000,
    /// where the dense steps take most of it) and gave the same or a closer
    /// bound on 13 of 14 files (brain dumps of 400 to 2,000 points, TSPLIB
    /// graphs of 532 to 1,002 with 8 nearest: brain dump 1000 s2 0.62 % →
    /// 0.57 % below the tour; brain dump 400 s1 0.27 % → 0.35 %). 150 steps,
    /// on five of them, came out closer on two and looser on two.
    static let warmStartSteps = 100

    /// The bound for instances too large for a dense ascent: the ascent runs on
    /// a sparse candidate graph (``_CandidateOneTree``), then a few dense steps
    /// on the complete closure validate and polish it.
    ///
    /// - Parameters:
    ///   - tour: the best tour, whose edges join the candidates and whose cost
    ///     is the step target.
    ///   - deadline: when it passes, the ascent stops and a single dense 1-tree
    ///     gives the bound.
    ///   - warmStart: the penalties (in units) of an earlier ascent on the same
    ///     terminals, from which the sparse ascent starts and takes
    ///     ``warmStartSteps`` steps; `nil` starts from zero and takes 200 to 400.
    ///   - progress: called after every step with the best weight so far (not
    ///     yet a valid bound: it is on the candidates).
    /// - Returns: a valid lower bound in units (the best dense 1-tree weight)
    ///   and its penalties.
    /// - Complexity: O(*s* *m* log *m*) for *s* sparse steps on *m* candidate
    ///   edges, plus O(*n*²) per dense step.
    static func boundOnCandidates(scale: _CostScale, tour: [Int], upperBound: Double, deadline: _Deadline,
                                  warmStart: [Double]? = nil,
                                  progress: (Double) -> Void) -> (bound: Double, penalties: [Double]) {
        let n = scale.count
        let candidates = _CandidateOneTree(scale: scale, tour: tour, nearest: 10)
        let steps = warmStart == nil ? max(200, min(400, 250_000 / n)) : warmStartSteps
        let sparse = Schedule(maximumSteps: steps, lambda: 2, period: max(10, steps / 25))
        let (rough, _) = ascend(
            count: n, penalties: warmStart ?? [Double](repeating: 0, count: n), target: upperBound,
            stopAbove: .infinity,
            schedule: sparse, evaluate: { candidates.compute(penalties: $0) },
            degree: { candidates.degree }, weight: { candidates.weight },
            shouldStop: { progress(candidates.weight); return deadline.hasPassed })
        let tree = _OneTree(count: n, costs: scale.distances)
        let dense = Schedule(maximumSteps: deadline.hasPassed ? 1 : 20, lambda: max(rough.lambda, 0.01), period: 3)
        let polished = ascend(tree: tree, constraints: _EdgeConstraints(count: n),
                              penalties: rough.bound > -.infinity ? rough.penalties : [Double](repeating: 0, count: n),
                              target: upperBound, stopAbove: .infinity, schedule: dense)
        return (polished.bound, polished.penalties)
    }

    /// The ascent itself, on any 1-tree model (also ``_SpanningTreeBound``'s
    /// spanning trees plus one edge).
    ///
    /// - Parameters:
    ///   - evaluate: computes the 1-tree for the penalties; false when none exists.
    ///   - degree: the degrees of the last 1-tree.
    ///   - weight: the weight of the last 1-tree.
    ///   - shouldStop: polled after every step; true ends the ascent early.
    /// - Returns: the outcome and whether the model's last 1-tree is the best one.
    /// - Complexity: `maximumSteps` evaluations plus O(*n*) per step.
    static func ascend(count n: Int, penalties start: [Double], target: Double, stopAbove: Double,
                       schedule: Schedule, evaluate: ([Double]) -> Bool, degree: () -> [Int32],
                       weight: () -> Double, shouldStop: () -> Bool = { false }) -> (Outcome, Bool) {
        var pi = start
        var best = -Double.infinity
        var bestPi = start
        var lambda = schedule.lambda
        var sinceImprovement = 0
        var previous = [Double](repeating: 0, count: n)
        var steps = 0
        var bestIsCurrent = false
        while steps < schedule.maximumSteps {
            steps += 1
            guard evaluate(pi) else {
                return (Outcome(bound: -.infinity, penalties: start, isTour: false, steps: steps, lambda: lambda), false)
            }
            let w = weight()
            if best == -.infinity || w > best + 1e-12 * max(1, abs(best)) {
                best = w
                bestPi = pi
                sinceImprovement = 0
                bestIsCurrent = true
            } else {
                sinceImprovement += 1
                bestIsCurrent = false
            }
            let degrees = degree()
            var norm = 0.0
            for v in 0..<n {
                let g = Double(degrees[v] - 2)
                norm += g * g
            }
            if norm == 0 {
                // A tour: its cost equals w, the best any 1-tree can prove here.
                return (Outcome(bound: w, penalties: pi, isTour: true, steps: steps, lambda: lambda), true)
            }
            if w > stopAbove || shouldStop() { break }
            if sinceImprovement >= schedule.period {
                lambda *= 0.5
                sinceImprovement = 0
                if lambda < schedule.minimumLambda { break }
            }
            let gap = max(target - w, 1e-6 * max(1, abs(target)))
            let t = lambda * gap / norm
            for v in 0..<n {
                let g = Double(degrees[v] - 2)
                let direction = steps == 1 ? g : 0.7 * g + 0.3 * previous[v]
                previous[v] = g
                pi[v] += t * direction
            }
        }
        return (Outcome(bound: best, penalties: bestPi, isTour: false, steps: steps, lambda: lambda), bestIsCurrent)
    }
}

