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

        /// The schedule for a branch-and-bound node on `n` vertices, warm
        /// started from its parent's penalties.
        static func node(_ n: Int) -> Schedule {
            Schedule(maximumSteps: max(30, n / 2), lambda: 0.25, period: max(5, n / 20), minimumLambda: 1e-3)
        }
    }

    /// Runs the ascent from `penalties` on `tree` under `constraints`.
    ///
    /// Stops early when the 1-tree is a tour or the weight exceeds `stopAbove`
    /// (nothing better than the upper bound is left to find). On return, `tree`
    /// holds the 1-tree of the best penalties.
    ///
    /// - Parameters:
    ///   - target: the upper bound used in the step size.
    /// - Complexity: O(`maximumSteps` · *n*²).
    static func ascend(tree: _OneTree, constraints: _EdgeConstraints, penalties start: [Double],
                       target: Double, stopAbove: Double, schedule: Schedule) -> Outcome {
        let n = tree.count
        var pi = start
        var best = -Double.infinity
        var bestPi = start
        var lambda = schedule.lambda
        var sinceImprovement = 0
        var previous = [Double](repeating: 0, count: n)
        var direction = [Double](repeating: 0, count: n)
        var steps = 0
        var bestIsCurrent = false
        while steps < schedule.maximumSteps {
            steps += 1
            guard tree.compute(constraints: constraints, penalties: pi) else {
                return Outcome(bound: -.infinity, penalties: start, isTour: false, steps: steps, lambda: lambda)
            }
            let w = tree.weight
            if w > best + 1e-12 * max(1, abs(best)) || best == -.infinity {
                best = w
                bestPi = pi
                sinceImprovement = 0
                bestIsCurrent = true
            } else {
                sinceImprovement += 1
                bestIsCurrent = false
            }
            var norm = 0.0
            for v in 0..<n {
                let g = Double(tree.degree[v] - 2)
                norm += g * g
            }
            if norm == 0 {
                // A tour: its cost equals w, the best any 1-tree can prove here.
                return Outcome(bound: w, penalties: pi, isTour: true, steps: steps, lambda: lambda)
            }
            if w > stopAbove { break }
            if sinceImprovement >= schedule.period {
                lambda *= 0.5
                sinceImprovement = 0
                if lambda < schedule.minimumLambda { break }
            }
            let gap = max(target - w, 1e-6 * max(1, abs(target)))
            let t = lambda * gap / norm
            for v in 0..<n {
                let g = Double(tree.degree[v] - 2)
                direction[v] = steps == 1 ? g : 0.7 * g + 0.3 * previous[v]
                previous[v] = g
                pi[v] += t * direction[v]
            }
        }
        if !bestIsCurrent {
            tree.compute(constraints: constraints, penalties: bestPi)
        }
        return Outcome(bound: best, penalties: bestPi, isTour: tree.isTour, steps: steps, lambda: lambda)
    }
}
