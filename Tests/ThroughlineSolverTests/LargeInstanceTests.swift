import Testing
@testable import ThroughlineSolver

@Suite("Large-instance solver")
struct LargeInstanceTests {
    typealias F = TourSearchFixtures

    /// A problem on a random brain-dump graph with every `optionalEvery`-th vertex optional (0: none).
    static func problem(vertexCount: Int, extraEdges: Int, optionalEvery: Int, seed: UInt64) -> WalkProblem {
        let graph = F.brainDumpGraph(vertexCount: vertexCount, extraEdges: extraEdges, seed: seed)
        let required = (0..<vertexCount).map { optionalEvery == 0 || $0 % optionalEvery != 1 }
        return WalkProblem(graph: graph, start: 0, isRequired: required)
    }

    @Test("Walks on sparse graphs of thousands of vertices are valid and never below their bound",
          arguments: [(5_000, 0), (5_000, 3)])
    func largeWalksAreValid(vertexCount: Int, optionalEvery: Int) {
        let problem = Self.problem(vertexCount: vertexCount, extraEdges: vertexCount, optionalEvery: optionalEvery, seed: 11)
        let walk = _LargeInstanceSolver.solve(problem, options: SolverOptions(seed: 1), deadline: _Deadline(seconds: 3))
        #expect(problem.violations(of: walk.vertices).isEmpty)
        #expect(walk.cost == problem.cost(of: walk.vertices))
        #expect(walk.lowerBound > 0)
        #expect(walk.lowerBound <= walk.cost)
        #expect(!walk.isOptimal)
    }

    @Test("The sparse path's bound never exceeds the optimum and its walk never beats it, on tiny graphs")
    func tinyInstancesAgainstBruteForce() {
        for seed in 0..<24 as Range<UInt64> {
            let vertexCount = 5 + Int(seed % 5)  // at most nine terminals: brute force stays quick
            let problem = Self.problem(vertexCount: vertexCount, extraEdges: Int(seed % 5) * 2,
                                       optionalEvery: seed % 2 == 0 ? 0 : 3, seed: seed)
            let metric = TerminalMetric(problem)
            let optimum = F.bruteForceOptimum(metric)
            let walk = _LargeInstanceSolver.solve(problem, options: SolverOptions(seed: seed), deadline: _Deadline(seconds: 10))
            #expect(problem.violations(of: walk.vertices).isEmpty, "seed \(seed)")
            #expect(walk.lowerBound <= optimum + 1e-9, "seed \(seed): bound \(walk.lowerBound) above optimum \(optimum)")
            #expect(walk.cost >= optimum - 1e-9, "seed \(seed)")
            if walk.isOptimal { #expect(abs(walk.cost - optimum) <= 1e-9) }
        }
    }

    @Test("The closure spanning tree found without the closure matches the dense one")
    func spanningTreeMatchesDense() {
        for seed in 0..<25 as Range<UInt64> {
            let problem = Self.problem(vertexCount: 40, extraEdges: 30, optionalEvery: Int(seed % 4) + 1, seed: 500 + seed)
            let metric = TerminalMetric(problem)
            var terminalOfVertex = [Int32](repeating: -1, count: problem.graph.vertexCount)
            for (terminal, v) in metric.vertices.enumerated() { terminalOfVertex[v] = Int32(terminal) }
            let sparse = _ClosureSpanningTree.cost(graph: problem.graph, vertices: metric.vertices,
                                                   terminalOfVertex: terminalOfVertex)
            let dense = _SimpleTourSearch.spanningTreeBound(metric)
            #expect(sparse != nil)
            #expect(abs((sparse ?? 0) - dense) <= 1e-9 * max(1, dense), "seed \(seed)")
        }
    }

    @Test("Sparse candidate lists hold the true nearest terminals")
    func candidateListsAreNearest() {
        let problem = Self.problem(vertexCount: 200, extraEdges: 200, optionalEvery: 4, seed: 77)
        let metric = TerminalMetric(problem)
        var terminalOfVertex = [Int32](repeating: -1, count: problem.graph.vertexCount)
        for (terminal, v) in metric.vertices.enumerated() { terminalOfVertex[v] = Int32(terminal) }
        let sparse = _NeighbourLists(graph: problem.graph, vertices: metric.vertices, terminalOfVertex: terminalOfVertex,
                                     width: 8, settleLimit: 100_000)
        let dense = _NeighbourLists(metric, width: 8)
        for city in 0..<metric.count {
            for rank in 0..<8 {
                #expect(abs(sparse.cost(city, rank) - dense.cost(city, rank)) <= 1e-9)
                #expect(abs(metric.distance(city, sparse.neighbour(city, rank)) - sparse.cost(city, rank)) <= 1e-9)
            }
        }
    }

    @Test("The large-instance solver is deterministic for a seed")
    func deterministic() {
        // Small enough that the work budgets, not the deadline, end the search even in a debug build.
        let problem = Self.problem(vertexCount: 300, extraEdges: 300, optionalEvery: 5, seed: 3)
        let first = _LargeInstanceSolver.solve(problem, options: SolverOptions(seed: 4), deadline: _Deadline(seconds: 600))
        let second = _LargeInstanceSolver.solve(problem, options: SolverOptions(seed: 4), deadline: _Deadline(seconds: 600))
        #expect(first.vertices == second.vertices)
    }
}
