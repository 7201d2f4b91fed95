import Testing
@testable import ThroughlineSolver

@Suite("Exact search")
struct ExactSearchTests {
    private func exactTour(_ metric: TerminalMetric, dynamicProgramTerminals: Int = 3) -> ClosedWalkSolver.TourSolution {
        let deadline = _Deadline(seconds: 60)
        return ClosedWalkSolver.solveTour(metric, seed: 11, deadline: deadline,
                                          progress: _ProgressReporter(nil, deadline: deadline),
                                          dynamicProgramTerminals: dynamicProgramTerminals)
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
