import Testing
@testable import ThroughlineSolver

@Suite("Blossom multipliers at every node")
struct BlossomLiftingTests {
    /// The root of an exact search on `metric` from `tour`, as the solver
    /// builds it after its blossom fixings: the plain Held-Karp root, the
    /// blossom ascent on the edges its fixings leave, and the lifting of
    /// the blossoms that helped. `nil` when the root alone settles the
    /// instance or no blossom helped.
    private func liftedRoot(_ metric: TerminalMetric, tour: [Int])
        -> (scale: _CostScale, constraints: _EdgeConstraints, penalties: [Double], rootBound: Double,
            lifting: _BlossomLifting)? {
        guard let (scale, _, plain, root) = rootWithFixings(metric, tour: tour) else { return nil }
        let n = metric.count
        let upperBound = scale.tourCost(tour)
        let threshold = scale.pruneThreshold(upperBound: upperBound)
        let lifted = _BlossomBound.ascend(
            distances: scale.distances, count: n, constraints: plain, penalties: root.penalties, target: upperBound,
            stopAbove: threshold, maximumSteps: 20 * n, deadline: _Deadline(seconds: 60))
        guard lifted.bound <= threshold, let fixings = _BlossomBound.fixings(of: lifted, threshold: threshold),
              let lifting = _BlossomLifting(helpedIn: lifted, distances: scale.distances, count: n)
        else { return nil }
        return (scale, fixings, lifted.penalties, root.bound, lifting)
    }

    /// A tour a little above the optimum (the solver's tour with a segment
    /// after terminal 0 turned round), as the tour the search starts from
    /// usually is: the search must find the better one below it.
    private func slightlyWorse(_ metric: TerminalMetric) -> [Int] {
        let best = ClosedWalkSolver.solveTour(metric, seed: 1, deadline: _Deadline(seconds: 120),
                                              progress: _ProgressReporter(nil, deadline: _Deadline(seconds: 120))).tour
        for length in 2..<(metric.count - 1) {
            let worse = [best[0]] + best[1...length].reversed() + best[(length + 1)...]
            if metric.tourCost(worse) > metric.tourCost(best) { return worse }
        }
        return best
    }

    @Test("A search that re-optimises blossom multipliers at each node proves the optimum the other methods find")
    func liftedSearchProvesTheOptimum() throws {
        var lifted = 0
        for seed in UInt64(1)...16 where lifted < 4 {
            let metric = TerminalMetric(euclideanProblem(cities: 40, seed: seed &+ 320))
            let start = slightlyWorse(metric)
            guard let root = liftedRoot(metric, tour: start) else { continue }
            lifted += 1
            let deadline = _Deadline(seconds: 120)
            func search() -> _BranchAndBound {
                _BranchAndBound(scale: root.scale, tree: _OneTree(count: metric.count, costs: root.scale.distances),
                                root: root.constraints, rootPenalties: root.penalties, rootBound: root.rootBound,
                                tour: start, lifting: root.lifting)
            }
            let one = search().run(stepBudget: 50_000_000, deadline: deadline, report: { _, _ in })
            let split = _SplitBranchAndBound.run(search(), scale: root.scale, stepBudget: 50_000_000,
                                                 deadline: deadline, report: { _, _ in })
            // A second exact method: the search on the plain 1-tree bound, from the same tour.
            let n = metric.count
            let plain = _BranchAndBound(scale: root.scale, tree: _OneTree(count: n, costs: root.scale.distances),
                                        root: _EdgeConstraints(count: n),
                                        rootPenalties: [Double](repeating: 0, count: n), rootBound: 0, tour: start)
                .run(stepBudget: 50_000_000, deadline: deadline, report: { _, _ in })
            #expect(plain.isOptimal, "seed \(seed)")
            #expect(one.cost < root.scale.tourCost(start), "seed \(seed): the better tour was not found")
            for result in [one, split] {
                #expect(result.isOptimal, "seed \(seed)")
                #expect(result.cost == plain.cost, "seed \(seed)")
                #expect(root.scale.tourCost(result.tour) == result.cost, "seed \(seed)")
                #expect(Set(result.tour) == Set(0..<metric.count), "seed \(seed)")
            }
        }
        // Blossoms must actually have helped somewhere, or this test proves nothing.
        #expect(lifted >= 3)
    }

    @Test("A lifted ascent's bound stays below the optimum, and its tree is the best one on the costs it leaves")
    func liftedAscentBoundAndTreeAgree() {
        var checked = 0
        for seed in UInt64(1)...6 {
            let metric = TerminalMetric(euclideanProblem(cities: 60, seed: seed))
            let exact = ClosedWalkSolver.solveTour(metric, seed: 1, deadline: _Deadline(seconds: 120),
                                                   progress: _ProgressReporter(nil, deadline: _Deadline(seconds: 120)))
            guard exact.isOptimal, let root = liftedRoot(metric, tour: exact.tour) else { continue }
            checked += 1
            let optimum = root.scale.tourCost(exact.tour)
            let n = metric.count
            // The optimal tour meets the fixings, so the node's bound must not pass its cost, for any
            // multipliers: the ascent's own, and all of them at 1 (an ascent of a single step).
            let ascent = root.lifting.startingMultipliers
            for (multipliers, steps) in [(ascent, 60), (ascent.map { _ in 1.0 }, 1)] {
                let tree = _OneTree(count: n, costs: root.scale.distances)
                var schedule = _HeldKarpBound.Schedule.node(n)
                schedule.maximumSteps = steps
                let outcome = root.lifting.ascend(tree: tree, constraints: root.constraints, penalties: root.penalties,
                                                  multipliers: multipliers, target: optimum,
                                                  stopAbove: .infinity, schedule: schedule)
                #expect(outcome.bound <= optimum + 1e-9, "seed \(seed)")
                #expect(outcome.multipliers.allSatisfy { $0 >= 0 }, "seed \(seed)")
                // The tree left behind is the best one on costs lifted by the best multipliers, as
                // the reduced-cost fixings that follow assume.
                let fresh = _OneTree(count: n, costs: root.scale.distances)
                root.lifting.load(outcome.multipliers, into: fresh)
                #expect(fresh.compute(constraints: root.constraints, penalties: outcome.penalties))
                #expect(agree(fresh.weight, outcome.bound), "seed \(seed)")
                #expect(agree(tree.weight, outcome.bound), "seed \(seed)")
                #expect(agree(tree.offset, fresh.offset), "seed \(seed)")
                // (Excluded edges are read by no 1-tree of the node; the next load resets them.)
                var largest = 0.0
                for i in 0..<n {
                    for j in (i + 1)..<n where root.constraints.state(i, j) != .excluded {
                        largest = max(largest, abs(tree.costs[i * n + j] - fresh.costs[i * n + j]))
                    }
                }
                #expect(largest < 1e-6, "seed \(seed)")
            }
        }
        #expect(checked >= 2)
    }
}
