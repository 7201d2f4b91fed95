import Testing
@testable import ThroughlineSolver

@Suite("Exact search")
struct ExactSearchTests {
    private func exactTour(_ metric: TerminalMetric, dynamicProgramTerminals: Int = 3,
                           firstInstalmentSteps: Int = ClosedWalkSolver.quickSearchSteps) -> ClosedWalkSolver.TourSolution {
        let deadline = _Deadline(seconds: 60)
        return ClosedWalkSolver.solveTour(metric, seed: 11, deadline: deadline,
                                          progress: _ProgressReporter(nil, deadline: deadline),
                                          dynamicProgramTerminals: dynamicProgramTerminals,
                                          firstInstalmentSteps: firstInstalmentSteps)
    }

    @Test("Every optimality claim up to 10 terminals matches brute force")
    func claimsMatchBruteForce() {
        var claims = 0
        for seed in UInt64(1)...40 {
            let problem = brainDumpProblem(vertices: 5 + Int(seed % 7), optionalShare: 0.1, seed: seed &* 7)
            let metric = TerminalMetric(problem)
            // Brute force over 9! orders is slow in debug builds: only a few at 10.
            guard metric.count <= 9 || (metric.count == 10 && seed % 4 == 0) else { continue }
            let optimum = bruteForceOptimum(metric)
            let solution = exactTour(metric)
            if solution.isOptimal {
                claims += 1
                #expect(agree(metric.tourCost(solution.tour), optimum), "seed \(seed): \(solution.method)")
            }
            #expect(solution.lowerBound <= optimum, "seed \(seed)")
        }
        #expect(claims >= 25)
    }

    @Test("Costs with no common unit are proven optimal against brute force")
    func irrationalCosts() {
        for seed in UInt64(1)...8 {
            let metric = TerminalMetric(euclideanProblem(cities: 9, seed: seed &+ 40, rounded: false))
            let optimum = bruteForceOptimum(metric)
            let solution = exactTour(metric)
            #expect(solution.isOptimal, "seed \(seed)")
            #expect(agree(metric.tourCost(solution.tour), optimum), "seed \(seed)")
            #expect(solution.lowerBound <= optimum, "seed \(seed)")
        }
    }

    @Test("Branch and bound agrees with the dynamic program on 13 and 14 terminals")
    func agreesWithDynamicProgram() {
        for seed in UInt64(1)...4 {
            let problem = seed % 2 == 0
                ? brainDumpProblem(vertices: 13 + Int(seed % 2), optionalShare: 0, seed: seed)
                : euclideanProblem(cities: 13 + Int(seed % 2), seed: seed)
            let metric = TerminalMetric(problem)
            let byDynamicProgram = metric.tourCost(_HeldKarpDynamicProgram.optimalTour(metric))
            let solution = exactTour(metric)
            #expect(solution.isOptimal, "seed \(seed)")
            #expect(agree(metric.tourCost(solution.tour), byDynamicProgram), "seed \(seed)")
        }
    }

    @Test("An independent search finds no cheaper tour on 20 to 40 point graphs")
    func independentSearchFindsNothingCheaper() {
        var terminalsChecked: [Int] = []
        for seed in UInt64(1)...14 {
            let problem = brainDumpProblem(vertices: 20 + Int(seed % 6) * 4, optionalShare: 0.55, seed: seed &+ 1000)
            let metric = TerminalMetric(problem)
            guard metric.count <= 17 else { continue }
            terminalsChecked.append(metric.count)
            let solution = exactTour(metric)
            #expect(solution.isOptimal, "seed \(seed)")
            let cost = metric.tourCost(solution.tour)
            #expect(solution.lowerBound <= cost)
            #expect(independentCheaperTour(metric, below: cost) == nil, "seed \(seed): \(metric.count) terminals")
        }
        #expect(terminalsChecked.count >= 6, "terminals: \(terminalsChecked)")
        #expect(terminalsChecked.contains { $0 >= 15 }, "terminals: \(terminalsChecked)")
    }

    @Test("After an unfinished first instalment, the blossom fixings and the new search claim only true optima")
    func blossomFixingsKeepTheOptimum() {
        // With no first instalment, every instance the root bound leaves open goes through the
        // second tour search, the blossom-lifted fixings and the search from the root again.
        var methods: [String: Int] = [:]
        for seed in UInt64(1)...60 {
            let metric = TerminalMetric(euclideanProblem(cities: 14 + Int(seed % 4), seed: seed &+ 500))
            let solution = exactTour(metric, firstInstalmentSteps: 0)
            #expect(solution.isOptimal, "seed \(seed)")
            let cost = metric.tourCost(solution.tour)
            #expect(solution.lowerBound <= cost, "seed \(seed)")
            methods[solution.method, default: 0] += 1
            guard solution.method != "1-tree" else { continue }
            #expect(independentCheaperTour(metric, below: cost) == nil, "seed \(seed): \(solution.method)")
        }
        // Both ends of the new path are taken: proofs by the lifted bound's fixings alone, and by the
        // search after them (measured: 5 and 4 of the 60).
        #expect(methods["1-tree with blossoms", default: 0] >= 3, "methods: \(methods)")
        #expect(methods["branch-and-bound", default: 0] >= 3, "methods: \(methods)")
    }

    @Test("With the second look beside a short first instalment, the same instance gives the same tour every time")
    func secondLookBesideTheSearchIsDeterministic() {
        // Instalments of 0 to 3 steps per terminal: some finish or find a better tour (the look
        // beside them is stopped and dropped), the others wait for the look and use it.
        for seed in UInt64(1)...24 {
            let metric = TerminalMetric(euclideanProblem(cities: 14 + Int(seed % 4), seed: seed &+ 900))
            let steps = Int(seed % 4)
            let first = exactTour(metric, firstInstalmentSteps: steps)
            for _ in 0..<3 {
                let again = exactTour(metric, firstInstalmentSteps: steps)
                #expect(again.tour == first.tour, "seed \(seed)")
                #expect(again.lowerBound == first.lowerBound, "seed \(seed)")
                #expect(again.method == first.method, "seed \(seed)")
            }
        }
    }

    @Test("The second tour search ranks its candidates on the root's penalties, not on the plain costs")
    func secondTourSearchUsesRootPenalties() {
        var differs = 0
        for seed in UInt64(1)...3 {
            let metric = TerminalMetric(brainDumpProblem(vertices: 70, optionalShare: 0, seed: seed &+ 500))
            let n = metric.count
            let scale = _CostScale(metric)
            let start = _SimpleTourSearch.improvedNearestNeighbourTour(metric)
            // The early schedule: a quarter of the root's steps, enough for these lists in a debug build.
            let root = rootHeldKarpAscent(scale, target: scale.tourCost(start), schedule: .early(n))
            let deadline = _Deadline(seconds: 120)
            let second = ClosedWalkSolver.secondTourSearch(from: start, metric: metric, scale: scale,
                                                           rootPenalties: root.penalties, seed: 3, deadline: deadline)
            #expect(TourSearchFixtures.isPermutation(second, of: n) && second.first == 0)
            #expect(metric.tourCost(second) <= metric.tourCost(start))
            let withoutPenalties = ClosedWalkSolver.secondTourSearch(
                from: start, metric: metric, scale: scale, rootPenalties: [Double](repeating: 0, count: n), seed: 3,
                deadline: deadline)
            if second != withoutPenalties { differs += 1 }
        }
        #expect(differs > 0, "the penalties should change the lists, and with them some search")
    }

    @Test("The second tour search makes no kick once its tour costs what the root's bound proves optimal")
    func secondTourSearchStopsAtTheRootBound() {
        let metric = TerminalMetric(brainDumpProblem(vertices: 70, optionalShare: 0, seed: 501))
        let scale = _CostScale(metric)
        let start = _SimpleTourSearch.improvedNearestNeighbourTour(metric)
        let root = rootHeldKarpAscent(scale, target: scale.tourCost(start), schedule: .early(metric.count))
        let deadline = _Deadline(seconds: 120)
        func second(stopCost: Double) -> [Int] {
            ClosedWalkSolver.secondTourSearch(from: start, metric: metric, scale: scale, rootPenalties: root.penalties,
                                              seed: 3, stopCost: stopCost, deadline: deadline)
        }
        // Told that every tour is good enough, it only descends on the penalised lists.
        let descended = _TourSearch.improve(start, metric: metric, deadline: deadline, seed: 3, kickFactor: 0,
                                            pairedRunsFrom: ClosedWalkSolver.polishPairedRunTerminals,
                                            candidatePenalties: { _ in root.penalties.map { $0 * scale.unit } })
        #expect(second(stopCost: .infinity) == descended)
        let whole = second(stopCost: -.infinity)
        #expect(metric.tourCost(whole) < metric.tourCost(descended), "the kicks should improve on the descent")
        #expect(metric.tourCost(second(stopCost: metric.tourCost(whole))) <= metric.tourCost(whole) + 1e-9)
    }

    @Test("The root ascent worked out during the tour search gives the plan the ascent after it gives")
    func rootAscentAheadChangesNothing() {
        var searched = 0
        for seed in UInt64(1)...5 {
            let metric = TerminalMetric(brainDumpProblem(vertices: 50 + 8 * Int(seed), optionalShare: 0.1,
                                                         seed: seed &+ 900))
            func plan(ahead: Bool) -> ClosedWalkSolver.TourSolution {
                let deadline = _Deadline(seconds: 120)
                return ClosedWalkSolver.solveTour(metric, seed: 5, deadline: deadline,
                                                  progress: _ProgressReporter(nil, deadline: deadline),
                                                  rootAscentAhead: ahead)
            }
            let after = plan(ahead: false)
            let ahead = plan(ahead: true)
            #expect(ahead.tour == after.tour, "seed \(seed)")
            #expect(ahead.lowerBound == after.lowerBound, "seed \(seed)")
            #expect(ahead.isOptimal == after.isOptimal && ahead.method == after.method, "seed \(seed)")
            if after.method != "1-tree" || !after.isOptimal { searched += 1 }
        }
        #expect(searched > 0, "some plans should need the search after the root")
    }

    @Test("The independent search itself finds the brute-force optimum")
    func independentSearchIsExact() {
        for seed in UInt64(1)...10 {
            let metric = TerminalMetric(brainDumpProblem(vertices: 8, optionalShare: 0, seed: seed))
            let optimum = bruteForceOptimum(metric)
            let found = independentCheaperTour(metric, below: .infinity)
            #expect(found.map { agree($0, optimum) } == true, "seed \(seed)")
            #expect(independentCheaperTour(metric, below: optimum) == nil)
        }
    }

    @Test("Up to the exact search's limit the proof budget covers at least a first instalment, and it shrinks above 100 and 160 terminals")
    func proofBudgetCoversFirstInstalment() {
        for t in 4...ClosedWalkSolver.branchAndBoundTerminals {
            let oneTrees = ClosedWalkSolver.proofWork(terminals: t) / (t * t)
            #expect(oneTrees >= ClosedWalkSolver.quickSearchSteps * t, "\(t) terminals: \(oneTrees) 1-trees")
        }
        #expect(ClosedWalkSolver.proofWork(terminals: 101) < ClosedWalkSolver.proofWork(terminals: 100))
        #expect(ClosedWalkSolver.proofWork(terminals: 161) < ClosedWalkSolver.proofWork(terminals: 160))
    }

    @Test("Random Euclidean instances of 30 cities are proven optimal")
    func euclideanInstancesClose() throws {
        for seed in UInt64(1)...3 {
            let problem = euclideanProblem(cities: 30, seed: seed)
            let walk = try ClosedWalkSolver.solve(problem)
            #expect(walk.isOptimal, "seed \(seed)")
            #expect(walk.lowerBound <= walk.cost)
            #expect(walk.relativeGap < 1e-9)
        }
    }

    @Test("Edge constraints propagate forced degrees and forbid early cycles")
    func constraintPropagation() {
        var constraints = _EdgeConstraints(count: 5)
        let first = constraints.force(0, 1)
        let second = constraints.force(1, 2)
        #expect(first && second)
        // Vertex 1 has both its edges, so its others are gone.
        #expect(constraints.state(1, 3) == .excluded)
        // Closing 0-1-2 into a triangle would be a subtour.
        #expect(constraints.state(0, 2) == .excluded)
        let closing = constraints.force(0, 2)
        #expect(!closing)
        var other = _EdgeConstraints(count: 4)
        let excluded = other.exclude(0, 1)
        #expect(excluded)
        // Vertex 0 now has exactly two edges left, so both are forced.
        #expect(other.state(0, 2) == .forced)
        #expect(other.state(0, 3) == .forced)
        let contradiction = other.exclude(0, 2)
        #expect(!contradiction)
    }
}

@Suite("Branch and bound split over two threads")
struct SplitBranchAndBoundTests {
    /// A search after the root's ascent and fixings, from `tour`, or nil when the root closes the gap.
    private func rootSearch(_ metric: TerminalMetric, tour: [Int]) -> (_CostScale, _BranchAndBound)? {
        guard let (scale, tree, constraints, root) = rootWithFixings(metric, tour: tour) else { return nil }
        let search = _BranchAndBound(scale: scale, tree: tree, root: constraints, rootPenalties: root.penalties,
                                     rootBound: root.bound, tour: tour)
        return (scale, search)
    }

    @Test("Split searches prove the same optimum as one search, from a poor starting tour")
    func splitAgreesWithOneSearch() throws {
        var compared = 0
        for seed in UInt64(1)...10 {
            let metric = TerminalMetric(euclideanProblem(cities: seed <= 5 ? 14 : 28, seed: seed &+ 70))
            let start = Array(0..<metric.count)  // the identity order: far from optimal
            // Some roots close the gap alone: nothing to split there.
            guard let (scale, one) = rootSearch(metric, tour: start) else { continue }
            compared += 1
            let (_, other) = try #require(rootSearch(metric, tour: start))
            let deadline = _Deadline(seconds: 120)
            let sequential = one.run(stepBudget: 50_000_000, deadline: deadline, report: { _, _ in })
            let parallel = _SplitBranchAndBound.run(other, scale: scale, stepBudget: 50_000_000, deadline: deadline,
                                                    report: { _, _ in })
            #expect(sequential.isOptimal && parallel.isOptimal, "seed \(seed)")
            #expect(parallel.cost == sequential.cost, "seed \(seed)")
            #expect(parallel.lowerBound == parallel.cost, "seed \(seed)")
            #expect(scale.tourCost(parallel.tour) == parallel.cost, "seed \(seed)")
            if metric.count <= 14 {
                let optimum = scale.tourCost(_HeldKarpDynamicProgram.optimalTour(metric))
                #expect(parallel.cost == optimum, "seed \(seed)")
            }
            // The same inputs give the same tour, whichever thread ran which subtree.
            let (_, again) = try #require(rootSearch(metric, tour: start))
            #expect(_SplitBranchAndBound.run(again, scale: scale, stepBudget: 50_000_000, deadline: deadline,
                                            report: { _, _ in }).tour
                    == parallel.tour, "seed \(seed)")
        }
        #expect(compared >= 5)
    }

    @Test("Split searches in pieces of a few 1-trees, over many rounds, prove the optimum and give the same tour every time")
    func smallPiecesAgreeWithOneSearch() throws {
        var manyRounds = 0
        for seed in UInt64(1)...8 {
            let metric = TerminalMetric(euclideanProblem(cities: seed <= 4 ? 14 : 24, seed: seed &+ 170))
            let start = Array(0..<metric.count)  // far from optimal: better tours are found and shared
            guard let (scale, one) = rootSearch(metric, tour: start) else { continue }
            let deadline = _Deadline(seconds: 120)
            let sequential = one.run(stepBudget: 50_000_000, deadline: deadline, report: { _, _ in })
            var tours: [[Int]] = []
            for _ in 0..<3 {
                let (_, other) = try #require(rootSearch(metric, tour: start))
                let split = _SplitBranchAndBound.run(other, scale: scale, stepBudget: 50_000_000, chunkSteps: 3,
                                                     deadline: deadline, report: { _, _ in })
                #expect(split.isOptimal, "seed \(seed)")
                #expect(split.cost == sequential.cost, "seed \(seed)")
                #expect(scale.tourCost(split.tour) == split.cost, "seed \(seed)")
                tours.append(split.tour)
            }
            #expect(tours.allSatisfy { $0 == tours[0] }, "seed \(seed)")
            // A piece of 3 1-trees searches one node (a node's ascent takes more), and the split starts
            // from a few open nodes: a search of 40 nodes or more goes through many rounds.
            if sequential.nodes >= 40 { manyRounds += 1 }
        }
        #expect(manyRounds > 0, "no instance needed many rounds")
    }

    @Test("A split search reports in every round, with a bound that rises and never passes the optimum")
    func splitSearchReportsProgress() throws {
        var checked = 0
        for seed in UInt64(1)...8 {
            let metric = TerminalMetric(euclideanProblem(cities: 24, seed: seed &+ 170))
            let start = Array(0..<metric.count)
            guard let (scale, search) = rootSearch(metric, tour: start) else { continue }
            nonisolated(unsafe) var reports: [(cost: Double, bound: Double)] = []
            let result = _SplitBranchAndBound.run(search, scale: scale, stepBudget: 50_000_000, chunkSteps: 3,
                                                  deadline: _Deadline(seconds: 120),
                                                  report: { reports.append(($0, $1)) })
            guard result.nodes >= 40 else { continue }  // a search of a few rounds at least
            checked += 1
            #expect(result.isOptimal, "seed \(seed)")
            // Pieces of 3 1-trees search one node each, and every piece reports before it starts,
            // whichever thread runs it: the count does not depend on how the threads share the pieces.
            #expect(reports.count >= 40, "seed \(seed): \(reports.count) reports")
            for (cost, bound) in reports {
                #expect(bound <= result.cost, "seed \(seed)")
                #expect(bound <= cost && cost >= result.cost, "seed \(seed)")
            }
            #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.bound <= $1.bound }, "seed \(seed)")
        }
        #expect(checked > 0)
    }

    @Test("A split search stopped by its budget claims nothing and keeps a valid bound")
    func budgetStopsTheSplitSearch() throws {
        let metric = TerminalMetric(euclideanProblem(cities: 28, seed: 75))
        let start = Array(0..<metric.count)
        let (scale, search) = try #require(rootSearch(metric, tour: start))
        let (_, reference) = try #require(rootSearch(metric, tour: start))
        let optimum = reference.run(stepBudget: 50_000_000, deadline: _Deadline(seconds: 120), report: { _, _ in }).cost
        let stopped = _SplitBranchAndBound.run(search, scale: scale, stepBudget: 40, deadline: _Deadline(seconds: 120),
                                               report: { _, _ in })
        #expect(!stopped.isOptimal)
        #expect(stopped.lowerBound <= optimum)
        #expect(stopped.cost >= optimum)
    }
}
