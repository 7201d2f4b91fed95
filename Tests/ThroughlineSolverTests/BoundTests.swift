import Testing
@testable import ThroughlineSolver

@Suite("Lower bounds")
struct BoundTests {
    @Test("The solver's bound never exceeds the brute-force optimum, which never exceeds its cost")
    func boundBelowOptimumBelowCost() throws {
        for seed in UInt64(1)...60 {
            let problem = brainDumpProblem(vertices: 6 + Int(seed % 5), optionalShare: 0.25, seed: seed)
            let metric = TerminalMetric(problem)
            guard metric.count <= 9 else { continue }
            let optimum = bruteForceOptimum(metric)
            // Without the dynamic program, so that the 1-tree bound and branch and bound answer.
            let solution = ClosedWalkSolver.solveTour(metric, seed: 7, deadline: _Deadline(seconds: 60),
                                                      progress: _ProgressReporter(nil, deadline: _Deadline(seconds: 60)),
                                                      dynamicProgramTerminals: 3)
            #expect(solution.lowerBound <= optimum, "seed \(seed)")
            #expect(atMost(optimum, metric.tourCost(solution.tour)), "seed \(seed)")
            let walk = try ClosedWalkSolver.solve(problem)
            #expect(walk.lowerBound <= optimum, "seed \(seed)")
            #expect(atMost(optimum, walk.cost), "seed \(seed)")
        }
    }

    @Test("The root 1-tree bound is at most the optimum on Euclidean instances")
    func rootBoundOnEuclideanInstances() {
        for (seed, optimum, scale, outcome) in smallEuclideanInstancesWithRootAscent() {
            #expect(scale.reportedBound(scale.provenBound(outcome.bound)) <= optimum, "seed \(seed)")
            // The bound is useful, not just valid.
            #expect(outcome.bound * scale.unit >= 0.8 * optimum, "seed \(seed)")
        }
    }

    /// The closure of `problem` in whole units, the solver's tour on it (expected proven optimal) and its
    /// cost in units.
    private func provenOptimalTour(_ problem: WalkProblem) -> (_CostScale, ClosedWalkSolver.TourSolution, Double) {
        let metric = TerminalMetric(problem)
        let scale = _CostScale(metric)
        let exact = ClosedWalkSolver.solveTour(metric, seed: 1, deadline: _Deadline(seconds: 60),
                                               progress: _ProgressReporter(nil, deadline: _Deadline(seconds: 60)))
        #expect(exact.isOptimal)
        return (scale, exact, scale.tourCost(exact.tour))
    }

    @Test("The candidate-graph bound is valid and close on a 40-city instance")
    func candidateBound() {
        let (scale, exact, optimum) = provenOptimalTour(euclideanProblem(cities: 40, seed: 3))
        let (bound, _) = _HeldKarpBound.boundOnCandidates(scale: scale, tour: exact.tour, upperBound: optimum,
                                                     deadline: _Deadline(seconds: 60), progress: { _ in })
        #expect(bound <= optimum + 1e-9)
        #expect(bound >= 0.97 * optimum)
    }

    @Test("A candidate-graph bound started from earlier penalties is valid, and keeps their bound with no time left")
    func warmStartedCandidateBound() {
        let (scale, exact, optimum) = provenOptimalTour(euclideanProblem(cities: 60, seed: 5))
        // Earlier penalties as the solver has them: an ascent from a worse tour (the optimal one with two
        // terminals swapped), whose cost is a looser step target.
        var worse = exact.tour
        worse.swapAt(3, 17)
        let (earlier, penalties) = _HeldKarpBound.boundOnCandidates(
            scale: scale, tour: worse, upperBound: scale.tourCost(worse), deadline: _Deadline(seconds: 60),
            progress: { _ in })
        let (warm, _) = _HeldKarpBound.boundOnCandidates(
            scale: scale, tour: exact.tour, upperBound: optimum, deadline: _Deadline(seconds: 60),
            warmStart: penalties, progress: { _ in })
        #expect(earlier <= optimum + 1e-9)
        #expect(warm <= optimum + 1e-9)
        #expect(warm >= 0.97 * optimum)
        // With the deadline passed each ascent takes one step, at its starting penalties: from the earlier
        // ones it proves what they proved, from zero only the plain 1-tree's weight.
        let (warmAtOnce, _) = _HeldKarpBound.boundOnCandidates(
            scale: scale, tour: exact.tour, upperBound: optimum, deadline: _Deadline(seconds: 0),
            warmStart: penalties, progress: { _ in })
        let (coldAtOnce, _) = _HeldKarpBound.boundOnCandidates(
            scale: scale, tour: exact.tour, upperBound: optimum, deadline: _Deadline(seconds: 0),
            progress: { _ in })
        #expect(abs(warmAtOnce - earlier) <= 1e-9 * optimum)
        #expect(coldAtOnce < earlier - 0.01 * optimum)
    }

    @Test("Costs of halves and thirds are scaled to whole sixths")
    func wholeUnitScaling() {
        let graph = RelationGraph(vertexCount: 4, edges: [
            .init(0, 1, cost: 1.0 / 3), .init(1, 2, cost: 0.5), .init(2, 3, cost: 1.0 / 3), .init(3, 0, cost: 2),
        ])
        let metric = TerminalMetric(WalkProblem(graph: graph, start: 0, isRequired: [true, true, true, true]))
        let scale = _CostScale(metric)
        #expect(scale.isIntegral)
        #expect(agree(scale.unit, 1.0 / 6))
        #expect(scale.distance(0, 1) == 2)
        #expect(scale.distance(1, 2) == 3)
        #expect(scale.distance(0, 2) == 5)
        // A bound of 12.0000000001 units proves 13 only if it is clearly above 12.
        #expect(scale.provenBound(12 + 1e-12) == 12)
        #expect(scale.provenBound(12.2) == 13)
    }

    @Test("Sevenths and halves share the unit of a fourteenth, and near misses are not rounded")
    func unusualUnits() {
        func scale(_ costs: [Double]) -> _CostScale {
            let edges = costs.indices.map { RelationGraph.Edge($0, ($0 + 1) % costs.count, cost: costs[$0]) }
            let graph = RelationGraph(vertexCount: costs.count, edges: edges)
            return _CostScale(TerminalMetric(WalkProblem(graph: graph, start: 0,
                                                          isRequired: [Bool](repeating: true, count: costs.count))))
        }
        let sevenths = scale([1.0 / 7, 0.5, 3.0 / 7, 1])
        #expect(sevenths.isIntegral)
        #expect(agree(sevenths.unit, 1.0 / 14))
        let nearMiss = scale([1, 2, 1 + 1e-9, 3])
        #expect(!nearMiss.isIntegral)
    }

    @Test("Costs with no common unit are left unscaled")
    func noUnitForIrrationalCosts() {
        let graph = RelationGraph(vertexCount: 3, edges: [
            .init(0, 1, cost: 2.0.squareRoot()), .init(1, 2, cost: 3.0.squareRoot()), .init(2, 0, cost: 1),
        ])
        let metric = TerminalMetric(WalkProblem(graph: graph, start: 0, isRequired: [true, true, true]))
        let scale = _CostScale(metric)
        #expect(!scale.isIntegral)
        #expect(scale.unit == 1)
        #expect(scale.provenBound(5) < 5)
    }

    @Test("A reported bound is never above the walk's cost")
    func boundNeverAboveCost() throws {
        for seed in UInt64(100)...130 {
            let problem = brainDumpProblem(vertices: 10 + Int(seed % 20), optionalShare: 0.3, seed: seed)
            let walk = try ClosedWalkSolver.solve(problem)
            #expect(walk.lowerBound <= walk.cost, "seed \(seed)")
            #expect(walk.lowerBound >= 0.9 * walk.cost, "seed \(seed)")
        }
    }
}

@Suite("Restricted 1-trees")
struct RestrictedOneTreeTests {
    /// Constraints that keep a random tour's edges and a few random others,
    /// with some of them forced: the sparse graphs branch and bound works on.
    /// With `split`, the edges kept leave vertices `1..<n` in two parts
    /// joined only through vertex 0, so that no 1-tree exists.
    /// A symmetric matrix of whole costs from 1 to `maximum` (few values make many ties).
    private func wholeCosts(count n: Int, maximum: Int, using generator: inout SeededGenerator) -> [Double] {
        var costs = [Double](repeating: 0, count: n * n)
        for a in 0..<n {
            for b in (a + 1)..<n {
                let d = Double(Int.random(in: 1...maximum, using: &generator))
                costs[a * n + b] = d
                costs[b * n + a] = d
            }
        }
        return costs
    }

    private func sparseConstraints(count n: Int, extraEdges: Int, forced: Int, split: Bool,
                                   using generator: inout SeededGenerator) -> _EdgeConstraints {
        let tour = Array(0..<n).shuffled(using: &generator)
        let half = split ? n / 2 : n
        // With `split`, parts are tour positions 0..<half and half..<n, each closed into its own cycle.
        func part(_ v: Int) -> Int { tour.firstIndex(of: v)! < half ? 0 : 1 }
        var kept = Set<Int>()
        for k in 0..<n {
            let a = tour[k], b = tour[split && k == half - 1 ? 0 : split && k == n - 1 ? half : (k + 1) % n]
            kept.insert(min(a, b) * n + max(a, b))
        }
        for _ in 0..<extraEdges {
            let a = Int.random(in: 0..<n, using: &generator), b = Int.random(in: 0..<n, using: &generator)
            guard a != b && (!split || part(a) == part(b) || a == 0 || b == 0) else { continue }
            kept.insert(min(a, b) * n + max(a, b))
        }
        var constraints = _EdgeConstraints(count: n)
        for a in 0..<n {
            for b in (a + 1)..<n where !kept.contains(a * n + b) {
                var trial = constraints
                if trial.exclude(a, b) { constraints = trial }
            }
        }
        for _ in 0..<forced {
            let k = Int.random(in: 0..<n, using: &generator)
            let a = tour[k], b = tour[(k + 1) % n]
            var trial = constraints
            if trial.force(a, b) { constraints = trial }
        }
        return constraints
    }

    @Test("Restricted 1-trees are the dense 1-trees, ties and infeasible constraints included")
    func restrictedEqualsDense() {
        var generator = SeededGenerator(seed: 11)
        var restrictedRuns = 0
        var infeasibleRuns = 0
        for trial in 0..<300 {
            let n = Int.random(in: 5...70, using: &generator)
            // Small whole costs make many ties; the sparse cases use both the heap and the blocks.
            let costs = wholeCosts(count: n, maximum: trial % 2 == 0 ? 4 : 1000, using: &generator)
            let extra = Int.random(in: 0...(4 * n), using: &generator)
            let constraints = sparseConstraints(count: n, extraEdges: extra, forced: trial % 4,
                                                split: trial % 5 == 0 && n >= 8, using: &generator)
            let penalties = (0..<n).map { _ in trial % 3 == 0 ? 0 : Double(Int.random(in: -3...3, using: &generator)) }
            let dense = _OneTree(count: n, costs: costs)
            let restricted = _OneTree(count: n, costs: costs)
            let denseFeasible = dense.compute(constraints: constraints, penalties: penalties)
            guard restricted.restrict(to: constraints) else { continue }
            restrictedRuns += 1
            let restrictedFeasible = restricted.computeRestricted(penalties: penalties)
            #expect(denseFeasible == restrictedFeasible, "trial \(trial)")
            if !denseFeasible { infeasibleRuns += 1 }
            guard denseFeasible && restrictedFeasible else { continue }
            #expect(dense.weight == restricted.weight, "trial \(trial)")
            #expect(dense.parent == restricted.parent, "trial \(trial)")
            #expect(dense.order == restricted.order, "trial \(trial)")
            #expect(dense.degree == restricted.degree, "trial \(trial)")
            #expect(dense.zeroNeighbours == restricted.zeroNeighbours, "trial \(trial)")
        }
        #expect(restrictedRuns >= 200)
        #expect(infeasibleRuns >= 10)
    }

    @Test("Unconstrained 1-trees eight vertices at a time are the one-at-a-time 1-trees, ties included")
    func unconstrainedEqualsConstrained() {
        var generator = SeededGenerator(seed: 23)
        for trial in 0..<200 {
            // Sizes on both sides of whole blocks of eight, and costs with many ties (whole and
            // negative penalties make equal keys) or few.
            let n = Int.random(in: 3...90, using: &generator)
            let costs = wholeCosts(count: n, maximum: trial % 2 == 0 ? 3 : 10_000, using: &generator)
            let penalties = (0..<n).map { _ in
                trial % 3 == 0 ? 0 : Double(Int.random(in: -4...4, using: &generator)) * (trial % 5 == 0 ? 0.5 : 1)
            }
            let free = _EdgeConstraints(count: n)
            #expect(free.isUnconstrained)
            let vectorised = _OneTree(count: n, costs: costs)
            let scalar = _OneTree(count: n, costs: costs)
            #expect(vectorised.computeUnconstrained(penalties: penalties)
                    == scalar.computeConstrained(constraints: free, penalties: penalties))
            #expect(vectorised.weight == scalar.weight, "trial \(trial)")
            #expect(vectorised.parent == scalar.parent, "trial \(trial)")
            #expect(vectorised.order == scalar.order, "trial \(trial)")
            #expect(vectorised.degree == scalar.degree, "trial \(trial)")
            #expect(vectorised.zeroNeighbours == scalar.zeroNeighbours, "trial \(trial)")
        }
        var constrained = _EdgeConstraints(count: 10)
        let excluded = constrained.exclude(2, 7)
        #expect(excluded && !constrained.isUnconstrained)
        var forced = _EdgeConstraints(count: 10)
        let isForced = forced.force(2, 7)
        #expect(isForced && !forced.isUnconstrained)
    }
}
