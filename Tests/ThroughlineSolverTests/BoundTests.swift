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
        for seed in UInt64(1)...12 {
            let metric = TerminalMetric(euclideanProblem(cities: 9, seed: seed, rounded: seed % 2 == 0))
            let optimum = bruteForceOptimum(metric)
            let scale = _CostScale(metric)
            let tree = _OneTree(count: metric.count, costs: scale.distances)
            let outcome = _HeldKarpBound.ascend(
                tree: tree, constraints: _EdgeConstraints(count: metric.count),
                penalties: [Double](repeating: 0, count: metric.count), target: optimum / scale.unit,
                stopAbove: .infinity, schedule: .root(metric.count))
            #expect(scale.reportedBound(scale.provenBound(outcome.bound)) <= optimum, "seed \(seed)")
            // The bound is useful, not just valid.
            #expect(outcome.bound * scale.unit >= 0.8 * optimum, "seed \(seed)")
        }
    }

    @Test("The candidate-graph bound is valid and close on a 40-city instance")
    func candidateBound() {
        let metric = TerminalMetric(euclideanProblem(cities: 40, seed: 3))
        let scale = _CostScale(metric)
        let exact = ClosedWalkSolver.solveTour(metric, seed: 1, deadline: _Deadline(seconds: 60),
                                               progress: _ProgressReporter(nil, deadline: _Deadline(seconds: 60)))
        #expect(exact.isOptimal)
        let optimum = scale.tourCost(exact.tour)
        let bound = _HeldKarpBound.boundOnCandidates(scale: scale, tour: exact.tour, upperBound: optimum)
        #expect(bound <= optimum + 1e-9)
        #expect(bound >= 0.97 * optimum)
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
