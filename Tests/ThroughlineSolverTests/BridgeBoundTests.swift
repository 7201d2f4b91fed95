import Testing
@testable import ThroughlineSolver

@Suite("Bridges and trees")
struct BridgeBoundTests {
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
        let bridges = _BridgeBound(problem)
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
        let bridges = _BridgeBound(problem)
        #expect(bridges.bound == 10)
        #expect(!bridges.isTree)
        #expect(bridges.walkOnTree(problem) == nil)
    }

    @Test("A walk that meets the bridge bound is proven by it; one that does not, or a bound of zero, proves nothing")
    func raisingToTheBridgeBound() {
        let walk = ClosedWalk(vertices: [0, 1, 0], cost: 10, lowerBound: 6, isOptimal: false, method: "local-search")
        let met = ClosedWalkSolver.raising(walk, toBridgeBound: 10)
        #expect(met.isOptimal && met.method == "bridges" && met.lowerBound > 9.99 && met.lowerBound <= 10)
        let short = ClosedWalkSolver.raising(walk, toBridgeBound: 8)
        #expect(!short.isOptimal && short.method == "local-search" && short.lowerBound > 7.99 && short.lowerBound < 8)
        let lower = ClosedWalkSolver.raising(walk, toBridgeBound: 5)
        #expect(lower == walk)
        let tiny = ClosedWalk(vertices: [0, 1, 0], cost: 1e-12, lowerBound: 0, isOptimal: false, method: "local-search")
        #expect(!ClosedWalkSolver.raising(tiny, toBridgeBound: 0).isOptimal)
    }

    @Test("The large-instance search stops at a walk that meets the bridge bound, and says it is proven by it")
    func largeSearchStopsAtTheBridgeBound() throws {
        // A tree of 3,200 points (all required) with a triangle of two optional points hanging
        // off one leaf: not a tree, but the bridges' bound is the optimum.
        let base = Self.tree(count: 3_200, optionalEvery: 1_000_000, seed: 7)
        var edges: [RelationGraph.Edge] = []
        for u in 0..<base.graph.vertexCount {
            for slot in base.graph.offsets[u]..<base.graph.offsets[u + 1] where Int(base.graph.targets[slot]) > u {
                edges.append(.init(u, Int(base.graph.targets[slot]), cost: base.graph.costs[slot]))
            }
        }
        let leaf = 3_199
        edges += [.init(leaf, 3_200, cost: 1), .init(3_200, 3_201, cost: 1), .init(3_201, leaf, cost: 1)]
        let isRequired = (0..<3_202).map { $0 < 3_200 }
        let problem = WalkProblem(graph: RelationGraph(vertexCount: 3_202, edges: edges), start: 0, isRequired: isRequired)
        let bridges = _BridgeBound(problem)
        #expect(!bridges.isTree)
        #expect(problem.requiredVertices.count >= _LargeInstanceSolver.minimumTerminals)
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(problem.violations(of: walk.vertices).isEmpty)
        #expect(walk.isOptimal && walk.method == "bridges")
        #expect(agree(walk.cost, bridges.bound))
        #expect(atMost(walk.lowerBound, walk.cost))
    }
}
