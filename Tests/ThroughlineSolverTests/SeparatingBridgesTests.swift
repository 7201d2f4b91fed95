import Testing
@testable import ThroughlineSolver

@Suite("Bridges and trees")
struct SeparatingBridgesTests {
    /// A random tree of `count` vertices (each joined to one of the twenty
    /// before it) with costs of 1 to 4, every `optionalEvery`-th vertex
    /// optional, and `chords` extra relations that close cycles.
    static func tree(count: Int, optionalEvery: Int, chords: Int = 0, seed: UInt64) -> WalkProblem {
        var random = _SplitMix64(seed: seed)
        var edges = (1..<count).map { v in
            RelationGraph.Edge(v, max(0, v - 1 - random.below(20)), cost: Double(1 + random.below(4)))
        }
        for _ in 0..<chords {
            let a = random.below(count), b = random.below(count)
            if a != b { edges.append(.init(a, b, cost: Double(1 + random.below(4)))) }
        }
        let isRequired = (0..<count).map { $0 % optionalEvery != optionalEvery - 1 }
        return WalkProblem(graph: RelationGraph(vertexCount: count, edges: edges), start: 0, isRequired: isRequired)
    }

    @Test("On a tree the walk goes down every branch with a required point and back, and is the brute-force optimum",
          arguments: 0..<12)
    func treesAreSolvedExactly(seed: UInt64) throws {
        let problem = Self.tree(count: 4 + Int(seed % 9), optionalEvery: 3, seed: seed)
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(walk.method == "tree")
        #expect(walk.isOptimal)
        #expect(problem.violations(of: walk.vertices).isEmpty)
        #expect(agree(walk.cost, problem.cost(of: walk.vertices) ?? .infinity))
        #expect(agree(walk.cost, bruteForceOptimum(TerminalMetric(problem))))
        #expect(atMost(walk.lowerBound, walk.cost))
        // Each relation is crossed twice or not at all.
        var crossings: [Int: Int] = [:]
        for (a, b) in zip(walk.vertices, walk.vertices.dropFirst()) { crossings[min(a, b) * 1_000 + max(a, b), default: 0] += 1 }
        #expect(crossings.values.allSatisfy { $0 == 2 })
    }

    @Test("An optional branch of a tree is left out of the walk")
    func optionalBranchesAreLeftOut() throws {
        // 0 - 1 - 2 (required), 0 - 3 - 4 (both optional).
        let graph = RelationGraph(vertexCount: 5, edges: [.init(0, 1, cost: 1), .init(1, 2, cost: 2),
                                                          .init(0, 3, cost: 1), .init(3, 4, cost: 1)])
        let problem = WalkProblem(graph: graph, start: 0, isRequired: [true, true, true, false, false])
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(walk.vertices == [0, 1, 2, 1, 0])
        #expect(walk.cost == 6 && walk.isOptimal && walk.method == "tree")
    }

    @Test("The bridge bound is never above the brute-force optimum on graphs with cycles", arguments: 0..<16)
    func bridgeBoundIsALowerBound(seed: UInt64) {
        let problem = Self.tree(count: 6 + Int(seed % 6), optionalEvery: 4, chords: 1 + Int(seed % 3), seed: 100 + seed)
        let bridges = _SeparatingBridges(problem)
        let optimum = bruteForceOptimum(TerminalMetric(problem))
        #expect(bridges.bound <= optimum + 1e-9)
        #expect(!bridges.isTree || bridges.walkOnTree(problem) != nil)
    }

    @Test("The bridge bound counts the relations that separate required points, twice each, and nothing on a cycle")
    func bridgeBoundOnAKnownGraph() {
        // A triangle 0-1-2, a bridge 2-3 (cost 5) to a required point, a bridge 0-4 (cost 7)
        // to an optional point only.
        let graph = RelationGraph(vertexCount: 5, edges: [.init(0, 1, cost: 1), .init(1, 2, cost: 1), .init(2, 0, cost: 1),
                                                          .init(2, 3, cost: 5), .init(0, 4, cost: 7)])
        let problem = WalkProblem(graph: graph, start: 0, isRequired: [true, true, true, true, false])
        let bridges = _SeparatingBridges(problem)
        #expect(bridges.bound == 10)
        #expect(!bridges.isTree)
        #expect(bridges.walkOnTree(problem) == nil)
    }

    @Test("A graph with bridges and cycles is split at its bridges and solved to the brute-force optimum",
          arguments: 0..<16)
    func splitProblemsAreSolvedExactly(seed: UInt64) throws {
        let problem = Self.tree(count: 7 + Int(seed % 5), optionalEvery: 4, chords: 1 + Int(seed % 3), seed: 200 + seed)
        let bridges = _SeparatingBridges(problem)
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(problem.violations(of: walk.vertices).isEmpty)
        #expect(agree(walk.cost, problem.cost(of: walk.vertices) ?? .infinity))
        let optimum = bruteForceOptimum(TerminalMetric(problem))
        #expect(agree(walk.cost, optimum), "\(walk.method): \(walk.cost) against \(optimum)")
        #expect(walk.isOptimal)
        #expect(atMost(walk.lowerBound, optimum))
        if bridges.separatingCount > 0 && !bridges.isTree {
            #expect(walk.method.hasSuffix(" in parts") || walk.method == "tree")
        }
    }

    @Test("The parts of a split problem hold every vertex reached once, and a walk joined from theirs crosses each bridge twice")
    func partsCoverTheGraph() throws {
        let problem = Self.tree(count: 400, optionalEvery: 5, chords: 12, seed: 31)
        let bridges = _SeparatingBridges(problem)
        #expect(bridges.separatingCount > 100 && !bridges.isTree)
        let split = _BridgeDecomposition(problem, bridges: bridges)
        let all = split.parts.flatMap(\.vertices)
        #expect(all.count == Set(all).count)
        #expect(Set(all) == Set(0..<problem.graph.vertexCount))
        #expect(split.parts[0].vertices[0] == problem.start && split.parts[0].attachment == -1)
        #expect(split.parts.dropFirst().allSatisfy { $0.attachment >= 0 })
        let walk = try ClosedWalkSolver.solve(problem, options: SolverOptions(timeLimit: 1))
        #expect(problem.violations(of: walk.vertices).isEmpty)
        var crossings = 0
        for (a, b) in zip(walk.vertices, walk.vertices.dropFirst()) where bridges.separates(a, b) { crossings += 1 }
        #expect(crossings == 2 * bridges.separatingCount)
    }

    @Test("Thousands of parts nested one below the other are joined without deep recursion")
    func deeplyNestedParts() throws {
        // Triangles 3k, 3k+1, 3k+2 in a row, each joined to the next by the bridge 3k+2 - 3k+3.
        let triangles = 2_000
        var edges: [RelationGraph.Edge] = []
        for k in 0..<triangles {
            let a = 3 * k
            edges += [.init(a, a + 1, cost: 1), .init(a + 1, a + 2, cost: 1), .init(a + 2, a, cost: 2)]
            if k + 1 < triangles { edges.append(.init(a + 2, a + 3, cost: 5)) }
        }
        let count = 3 * triangles
        let problem = WalkProblem(graph: RelationGraph(vertexCount: count, edges: edges), start: 0,
                                  isRequired: [Bool](repeating: true, count: count))
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(problem.violations(of: walk.vertices).isEmpty)
        #expect(walk.isOptimal && walk.method == "held-karp in parts")
        // Each triangle is walked around (cost 4) and each bridge crossed twice.
        #expect(walk.cost == Double(4 * triangles + 10 * (triangles - 1)))
    }
}
