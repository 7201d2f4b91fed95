import Testing
@testable import ThroughlineSolver

@Suite("Relations that cost nothing")
struct ZeroCostContractionTests {
    /// A connected random graph of `count` vertices whose relations cost 0
    /// to 3 (a third of them nothing), every third vertex optional.
    static func problem(count: Int, seed: UInt64) -> WalkProblem {
        var random = _SplitMix64(seed: seed)
        var edges = (1..<count).map { RelationGraph.Edge($0, random.below($0), cost: Double(max(0, random.below(6) - 2))) }
        for _ in 0..<count / 2 {
            let (a, b) = (random.below(count), random.below(count))
            if a != b { edges.append(.init(a, b, cost: Double(max(0, random.below(6) - 2)))) }
        }
        return WalkProblem(graph: RelationGraph(vertexCount: count, edges: edges), start: 0,
                           isRequired: (0..<count).map { $0 % 3 != 2 })
    }

    @Test("Solved on its groups, a problem with free relations gets the brute-force optimum, proven, and a valid walk",
          arguments: UInt64(0)..<24)
    func optimumIsKept(seed: UInt64) throws {
        let problem = Self.problem(count: 5 + Int(seed % 10), seed: seed)
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(problem.violations(of: walk.vertices).isEmpty)
        #expect(agree(walk.cost, problem.cost(of: walk.vertices) ?? .infinity))
        #expect(agree(walk.cost, bruteForceOptimum(TerminalMetric(problem))))
        #expect(walk.isOptimal)
        #expect(atMost(walk.lowerBound, walk.cost))
    }

    @Test("Groups are joined by their cheapest relation, and a group with a required point is required")
    func contractedProblem() throws {
        // Groups {0, 1}, {2, 3, 4}, {5}: 1–2 costs 3, 0–3 costs 2, 4–5 costs 1; 5 is optional.
        let graph = RelationGraph(vertexCount: 6, edges: [
            .init(0, 1, cost: 0), .init(2, 3, cost: 0), .init(3, 4, cost: 0),
            .init(1, 2, cost: 3), .init(0, 3, cost: 2), .init(4, 5, cost: 1),
        ])
        let problem = WalkProblem(graph: graph, start: 0, isRequired: [true, false, false, true, false, false])
        let contraction = try #require(_ZeroCostContraction(problem))
        #expect(contraction.contracted.graph.vertexCount == 3)
        #expect(contraction.contracted.graph.edgeCost(0, 1) == 2)
        #expect(contraction.contracted.graph.edgeCost(1, 2) == 1)
        #expect(contraction.contracted.requiredVertices == [0, 1])
        #expect(_ZeroCostContraction(WalkProblem(graph: RelationGraph(vertexCount: 2, edges: [.init(0, 1, cost: 1)]),
                                                 start: 0, isRequired: [true, true])) == nil)
        // There and back between the groups through 0–3, going round nothing else.
        let walk = contraction.expand([0, 1, 0])
        #expect(walk == [0, 3, 0])
        let solved = try ClosedWalkSolver.solve(problem)
        #expect(solved.cost == 4 && solved.isOptimal && solved.vertices == [0, 3, 0])
    }

    @Test("Inside a group the walk goes round every required point once and leaves where the next relation starts")
    func coveringAGroup() throws {
        // One group: a star 0–1, 0–2, 0–3 of free relations, and 3–4 costing 1 to a second group.
        let graph = RelationGraph(vertexCount: 5, edges: [
            .init(0, 1, cost: 0), .init(0, 2, cost: 0), .init(0, 3, cost: 0), .init(3, 4, cost: 1),
        ])
        let problem = WalkProblem(graph: graph, start: 0, isRequired: [true, true, true, false, true])
        let walk = try ClosedWalkSolver.solve(problem)
        // Down 1 and back, down 2 and back, out through 3 to 4, and home.
        #expect(walk.vertices == [0, 1, 0, 2, 0, 3, 4, 3, 0])
        #expect(walk.cost == 2 && walk.isOptimal)
    }

    @Test("Two points at the same place are left from the second, not walked back to the first")
    func twinsAreLeftFromTheSecond() throws {
        // 1 and 2 are twins (a free relation between them), both 1 from the thesis 0.
        let graph = RelationGraph(vertexCount: 3, edges: [.init(0, 1, cost: 1), .init(0, 2, cost: 1), .init(1, 2, cost: 0)])
        let problem = WalkProblem(graph: graph, start: 0, isRequired: [true, true, true])
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(walk.vertices == [0, 1, 2, 0] || walk.vertices == [0, 2, 1, 0])
        #expect(walk.cost == 2 && walk.isOptimal)
    }

    @Test("A problem whose groups form a tree is walked as a tree, whatever the number of free relations")
    func groupsOnATree() throws {
        // Forty groups of five points in a ring of free relations, the groups joined in a chain.
        var edges: [RelationGraph.Edge] = []
        for group in 0..<40 {
            for k in 0..<5 { edges.append(.init(5 * group + k, 5 * group + (k + 1) % 5, cost: 0)) }
            if group > 0 { edges.append(.init(5 * group - 2, 5 * group, cost: Double(1 + group % 3))) }
        }
        let problem = WalkProblem(graph: RelationGraph(vertexCount: 200, edges: edges), start: 0,
                                  isRequired: [Bool](repeating: true, count: 200))
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(walk.method == "tree" && walk.isOptimal)
        #expect(problem.violations(of: walk.vertices).isEmpty)
        // Each chain relation there and back.
        #expect(agree(walk.cost, 2 * (1..<40).reduce(0.0) { $0 + Double(1 + $1 % 3) }))
        // Each group is gone round once: at most two steps per point.
        #expect(walk.vertices.count <= 2 * 200 + 1)
    }
}
