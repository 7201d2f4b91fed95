import Testing
@testable import ThroughlineSolver

@Suite("Walk expansion")
struct WalkExpansionTests {
    @Test("Where relations cost nothing, a leg takes the fewest steps among its cheapest paths")
    func fewestStepsAmongCheapestPaths() {
        // 0–1–2–3 costs 0 + 0 + 1, 0–4–3 costs 0.5 + 0.5: Dijkstra's search reaches 3 first through 2.
        let graph = RelationGraph(vertexCount: 5, edges: [
            .init(0, 1, cost: 0), .init(1, 2, cost: 0), .init(2, 3, cost: 1),
            .init(0, 4, cost: 0.5), .init(4, 3, cost: 0.5),
        ])
        var workspace = _DijkstraWorkspace(graph: graph)
        workspace.start(at: 0)
        while let (_, v) = workspace.settleNext(in: graph), v != 3 {}
        #expect(workspace.path(to: 3) == [0, 1, 2, 3])
        var search = _PointToPointSearch(graph: graph)
        #expect(search.path(from: 0, to: 3) == [0, 4, 3])
        #expect(search.path(from: 3, to: 0).count == 3)
        // A path of one step is never searched again, and a graph without free relations keeps its paths.
        #expect(search.path(from: 0, to: 1) == [0, 1])
        #expect(!_FewestStepsSearch.isWorthSearching(RelationGraph(vertexCount: 2, edges: [.init(0, 1, cost: 1)])))
    }

    @Test("The fewest-steps search gives up beyond its budget and keeps to cheapest paths")
    func fewestStepsBudget() {
        let graph = RelationGraph(vertexCount: 5, edges: [
            .init(0, 1, cost: 0), .init(1, 2, cost: 0), .init(2, 3, cost: 1),
            .init(0, 4, cost: 0.5), .init(4, 3, cost: 2),
        ])
        let distances: [Double] = [0, 0, 0, 1, 0.5]
        var search = _FewestStepsSearch(vertexCount: 5)
        #expect(search.path(in: graph, distances: distances, from: 0, to: 3, fewerThan: 4, budget: 100) == [0, 1, 2, 3])
        #expect(search.path(in: graph, distances: distances, from: 0, to: 3, fewerThan: 3, budget: 100) == nil)
        #expect(search.path(in: graph, distances: distances, from: 0, to: 3, fewerThan: 4, budget: 2) == nil)
    }

    @Test("A tour that comes back to a point the walk has passed goes straight on where that is cheaper")
    func passedTerminalsAreSkipped() throws {
        // A ring 0–1–2–3–0 (costs 1, 1, 1, 1.5); the tour 0, 2, 1, 3 reaches 2 through 1.
        let graph = RelationGraph(vertexCount: 4, edges: [
            .init(0, 1, cost: 1), .init(1, 2, cost: 1), .init(2, 3, cost: 1), .init(3, 0, cost: 1.5),
        ])
        let problem = WalkProblem(graph: graph, start: 0, isRequired: [true, true, true, true])
        let metric = TerminalMetric(problem)
        let tour = [0, 2, 1, 3].map { metric.vertices.firstIndex(of: $0)! }
        #expect(metric.tourCost(tour) == 6.5)
        let walk = problem.expand(tour: tour, metric: metric)
        #expect(walk == [0, 1, 2, 3, 0])
        #expect(problem.cost(of: walk) == 4.5)
        #expect(problem.violations(of: walk).isEmpty)
    }

    @Test("Passing over a point never makes a walk dearer than its tour, and keeps it valid",
          arguments: UInt64(1)...8)
    func expansionNeverCostsMoreThanTheTour(seed: UInt64) {
        var random = _SplitMix64(seed: seed)
        let count = 12 + random.below(10)
        var edges = (1..<count).map { RelationGraph.Edge($0, random.below($0), cost: Double(random.below(3))) }
        for _ in 0..<count { edges.append(.init(random.below(count), random.below(count), cost: Double(1 + random.below(2)))) }
        let problem = WalkProblem(graph: RelationGraph(vertexCount: count, edges: edges.filter { $0.u != $0.v }), start: 0,
                                  isRequired: (0..<count).map { $0 % 3 != 2 })
        let metric = TerminalMetric(problem)
        var tour = Array(0..<metric.count)
        for i in stride(from: tour.count - 1, to: 0, by: -1) { tour.swapAt(i, random.below(i + 1)) }
        let walk = problem.expand(tour: tour, metric: metric)
        #expect(problem.violations(of: walk).isEmpty)
        #expect(atMost(problem.cost(of: walk) ?? .infinity, metric.tourCost(tour)))
    }
}
