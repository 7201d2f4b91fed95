import Testing
@testable import ThroughlineSolver

@Suite("Costs of any magnitude")
struct CostMagnitudeTests {
    /// `problem` with its costs scaled so that the largest is in [1, 2): a
    /// problem the solver takes as given.
    static func normalised(_ problem: WalkProblem) -> WalkProblem {
        let largest = problem.graph.costs.max()!
        return problem.scaled(by: Double(sign: .plus, exponent: -largest.exponent, significand: 1))
    }

    /// Problems that the exact solver closes in different ways, in range.
    static let references: [WalkProblem] = [
        normalised(brainDumpProblem(vertices: 40, optionalShare: 0.2, seed: 3)),
        normalised(euclideanProblem(cities: 30, seed: 5)),
        normalised(euclideanProblem(cities: 24, seed: 8, rounded: false)),
    ]

    @Test("Costs multiplied by a power of two, however large or small, give the same walk, proof and method, and a cost and bound scaled by it",
          arguments: [-1000, -200, -60, -20, 40, 200, 900])
    func powerOfTwoScaling(power: Int) throws {
        let factor = Double(sign: .plus, exponent: power, significand: 1)
        for (index, reference) in CostMagnitudeTests.references.enumerated() {
            #expect(_CostNormalisation.factor(for: reference.graph) == 1)
            let expected = try ClosedWalkSolver.solve(reference)
            let scaled = reference.scaled(by: factor)
            let walk = try ClosedWalkSolver.solve(scaled)
            #expect(walk.vertices == expected.vertices, "problem \(index)")
            #expect(walk.cost == expected.cost * factor, "problem \(index)")
            #expect(walk.lowerBound == expected.lowerBound * factor, "problem \(index)")
            #expect(walk.isOptimal == expected.isOptimal, "problem \(index)")
            #expect(walk.method == expected.method, "problem \(index)")
            #expect(scaled.violations(of: walk.vertices).isEmpty)
        }
    }

    @Test("The exact solver's first 2-opt descent ends on costs near 1e250, where rounding alone can fake a gain",
          .timeLimit(.minutes(1)))
    func twoOptEndsOnHugeCosts() {
        for seed in UInt64(1)...3 {
            let metric = TerminalMetric(brainDumpProblem(vertices: 50, optionalShare: 0, seed: seed).scaled(by: 0x1p830))
            let tour = _SimpleTourSearch.improvedNearestNeighbourTour(metric)
            #expect(tour.sorted() == Array(0..<metric.count))
        }
    }

    @Test("Progress from a scaled solve reaches the caller in the costs as given")
    func progressInGivenCosts() {
        let reports = ReportLog<SolverProgress>()
        let factor = 0x1p-300
        let forward = _CostNormalisation.reporting({ reports.append($0) }, scaledBackFrom: factor)
        forward(SolverProgress(elapsedSeconds: 1.5, bestCost: 12 * factor, lowerBound: 10 * factor, phase: "bounding"))
        #expect(reports.all == [SolverProgress(elapsedSeconds: 1.5, bestCost: 12, lowerBound: 10, phase: "bounding")])
    }

    @Test("The factor is 1 in range and for zero costs, brings the largest cost into [1, 2) otherwise, and never makes a cost subnormal")
    func factor() {
        func graph(_ costs: [Double]) -> RelationGraph {
            RelationGraph(vertexCount: costs.count + 1, edges: costs.enumerated().map { .init($0.offset, $0.offset + 1, cost: $0.element) })
        }
        #expect(_CostNormalisation.factor(for: graph([1, 0.5, 1 / 3.0])) == 1)
        #expect(_CostNormalisation.factor(for: graph([0, 0])) == 1)
        #expect(_CostNormalisation.factor(for: graph([0x1p-10, 0x1p30])) == 1)
        #expect(_CostNormalisation.factor(for: graph([1e-15, 3e-15])) * 3e-15 >= 1)
        #expect(_CostNormalisation.factor(for: graph([1e-15, 3e-15])) * 3e-15 < 2)
        #expect(_CostNormalisation.factor(for: graph([1, 1e250])) * 1e250 >= 1)
        #expect(_CostNormalisation.factor(for: graph([1, 1e250])) * 1e250 < 2)
        // Scaling 1e300 down to 1 would make 1e-300 subnormal: the factor stops where it stays normal.
        let limited = _CostNormalisation.factor(for: graph([1e-300, 1e300]))
        #expect(limited < 1)
        #expect((1e-300 * limited).isNormal)
        #expect(1e-300 * limited < 2 * Double.leastNormalMagnitude)
        // A subnormal cost is never scaled down.
        #expect(_CostNormalisation.factor(for: graph([1e-320, 1e300])) == 1)
        #expect(_CostNormalisation.factor(for: graph([1e-320, 1e-300])) > 1)
    }
}
