import Testing
@testable import ThroughlineSolver

@Suite("Blocks and trees")
struct BlockDecompositionTests {
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

    @Test("The blocks of a known graph: a triangle, a bridge to a required point, a square at a cut point, and a dead end left out")
    func blocksOfAKnownGraph() throws {
        // Triangle 0-1-2; bridge 2-3 (cost 5) to required 3; square 3-4-5-6 at the cut point 3, with
        // 5 required; bridge 0-7 (cost 7) to the optional 7 only.
        let graph = RelationGraph(vertexCount: 8, edges: [
            .init(0, 1, cost: 1), .init(1, 2, cost: 1), .init(2, 0, cost: 1), .init(2, 3, cost: 5),
            .init(3, 4, cost: 1), .init(4, 5, cost: 1), .init(5, 6, cost: 2), .init(6, 3, cost: 2), .init(0, 7, cost: 7),
        ])
        let problem = WalkProblem(graph: graph, start: 0,
                                  isRequired: [true, false, false, true, false, true, false, false])
        let blocks = _BlockDecomposition(problem)
        #expect(!blocks.isTree)
        #expect(blocks.walkOnTree(problem) == nil)
        #expect(Set(blocks.parts.map { Set($0.vertices) }) == [[0, 1, 2], [2, 3], [3, 4, 5, 6]])
        for part in blocks.parts {
            // The cut vertex towards the start comes first, and is the part's start.
            #expect(part.problem.start == 0)
            #expect([0, 2, 3].contains(part.vertices[0]))
        }
        // The triangle must reach the bridge's end 2, though no point there is required.
        let triangle = try #require(blocks.parts.first { $0.vertices[0] == 0 })
        #expect(triangle.problem.isRequired(triangle.vertices.firstIndex(of: 2)!))
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(problem.violations(of: walk.vertices).isEmpty)
        // To 2 and back in the triangle (2), over the bridge and back (10), to 5 and back in the square (4).
        #expect(walk.cost == 16)
        #expect(walk.isOptimal && walk.method.hasSuffix(" in parts"))
        #expect(!walk.vertices.contains(7))
    }

    @Test("A graph with cut points and cycles is split into blocks and solved to the brute-force optimum",
          arguments: 0..<16)
    func splitProblemsAreSolvedExactly(seed: UInt64) throws {
        let problem = Self.tree(count: 7 + Int(seed % 5), optionalEvery: 4, chords: 1 + Int(seed % 3), seed: 200 + seed)
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(problem.violations(of: walk.vertices).isEmpty)
        #expect(agree(walk.cost, problem.cost(of: walk.vertices) ?? .infinity))
        let optimum = bruteForceOptimum(TerminalMetric(problem))
        #expect(agree(walk.cost, optimum), "\(walk.method): \(walk.cost) against \(optimum)")
        #expect(walk.isOptimal)
        #expect(atMost(walk.lowerBound, optimum))
    }

    @Test("Split into blocks or solved whole by the exact search, graphs of 25 to 39 points get the same optimum",
          arguments: 0..<8)
    func blocksAgreeWithTheWholeProblem(seed: UInt64) throws {
        let problem = Self.tree(count: 25 + 2 * Int(seed), optionalEvery: 5, chords: 6 + Int(seed % 4), seed: 300 + seed)
        #expect(_BlockDecomposition(problem).parts.count > 1)
        let split = try ClosedWalkSolver.solve(problem, options: SolverOptions(timeLimit: 60))
        let metric = TerminalMetric(problem)
        let deadline = _Deadline(seconds: 60)
        let whole = ClosedWalkSolver.solveTour(metric, seed: 1, deadline: deadline,
                                               progress: _ProgressReporter(nil, deadline: deadline))
        #expect(split.isOptimal && whole.isOptimal)
        #expect(agree(split.cost, metric.tourCost(whole.tour)), "\(split.method): \(split.cost)")
        #expect(atMost(whole.lowerBound, split.cost) && atMost(split.lowerBound, metric.tourCost(whole.tour)))
    }

    /// `rings` rings of `size` points, each with a few chords, joined to the
    /// thesis 0 by three relations each: every ring is a block.
    static func clusters(rings: Int, size: Int, seed: UInt64) -> WalkProblem {
        var random = _SplitMix64(seed: seed)
        var edges: [RelationGraph.Edge] = []
        for ring in 0..<rings {
            let first = 1 + size * ring
            for k in 0..<size { edges.append(.init(first + k, first + (k + 1) % size, cost: Double(1 + random.below(3)))) }
            for _ in 0..<size / 2 { edges.append(.init(first + random.below(size), first + random.below(size), cost: 4)) }
            for _ in 0..<3 { edges.append(.init(0, first + random.below(size), cost: 2)) }
        }
        let count = 1 + rings * size
        return WalkProblem(graph: RelationGraph(vertexCount: count, edges: edges), start: 0,
                           isRequired: [Bool](repeating: true, count: count))
    }

    @Test("A large problem of many mid-sized blocks is solved whole; fewer blocks, or a smaller problem, are split")
    func whenToSplit() {
        // 27 blocks of 201 required points: Σ T^1.25 ≈ 20,400, above the limit, on 5,401 points.
        let many = Self.clusters(rings: 27, size: 200, seed: 4)
        let manyBlocks = _BlockDecomposition(many)
        #expect(manyBlocks.parts.count == 27)
        #expect(!ClosedWalkSolver.isWorthSplitting(manyBlocks, terminals: many.requiredVertices.count))
        // 20 such blocks (≈ 15,100) on 4,001 points, and 14 on 2,801 points: split.
        let fewer = Self.clusters(rings: 20, size: 200, seed: 4)
        #expect(ClosedWalkSolver.isWorthSplitting(_BlockDecomposition(fewer), terminals: fewer.requiredVertices.count))
        let small = Self.clusters(rings: 14, size: 200, seed: 4)
        #expect(ClosedWalkSolver.isWorthSplitting(_BlockDecomposition(small), terminals: small.requiredVertices.count))
        // A tree of 5,000 points with a few cycles: one block of hundreds, thousands of single relations.
        let nearlyTree = Self.tree(count: 5_000, optionalEvery: 1_000_000, chords: 5, seed: 9)
        let nearlyTreeBlocks = _BlockDecomposition(nearlyTree)
        #expect(nearlyTreeBlocks.parts.count > 1_000)
        #expect(ClosedWalkSolver.isWorthSplitting(nearlyTreeBlocks, terminals: nearlyTree.requiredVertices.count))
    }

    @Test("Every part of a split problem reports progress, timed from the start of the whole solve, with the parts solved before it added in")
    func progressCoversEveryPart() throws {
        // Two blocks of 211 points: large enough for each block's tour search to report from its kicks.
        let problem = Self.clusters(rings: 2, size: 210, seed: 5)
        let reports = ReportLog<SolverProgress>()
        var options = SolverOptions(timeLimit: 10, progress: { reports.append($0) })
        options.progressTiming = (delay: 0, interval: 0)
        let walk = try ClosedWalkSolver.solve(problem, options: options)
        #expect(walk.method.hasSuffix(" in parts"))
        let all = reports.all
        #expect(all.allSatisfy { $0.phase.hasPrefix("parts 1–") && $0.phase.contains(" of 2") })
        // Both blocks' own searches report, and so does the end of the first block.
        let first = all.filter { $0.phase.hasPrefix("parts 1–1 of 2: ") }
        let second = all.filter { $0.phase.hasPrefix("parts 1–2 of 2: ") }
        #expect(!first.isEmpty && !second.isEmpty)
        let afterFirst = try #require(all.first { $0.phase == "parts 1–1 of 2 solved" })
        #expect(!all.contains { $0.phase == "parts 1–2 of 2 solved" })
        // The second block adds to the cost so far, and its reports include the first block's cost, and
        // its bound once the second block has one of its own; before that they report none (0).
        #expect(afterFirst.bestCost < walk.cost)
        #expect(second.allSatisfy { $0.bestCost > afterFirst.bestCost })
        #expect(second.allSatisfy { $0.lowerBound == 0 || $0.lowerBound > afterFirst.lowerBound })
        #expect(second.contains { $0.lowerBound == 0 })  // its tour search reports before it has a bound
        #expect(second.allSatisfy { $0.elapsedSeconds >= afterFirst.elapsedSeconds })
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.elapsedSeconds <= $1.elapsedSeconds })
        #expect(all.allSatisfy { atMost($0.lowerBound, $0.bestCost) })
    }

    @Test("Clusters that meet only at the thesis are solved one by one, and the walk is valid and never below its bound")
    func clustersAtTheThesis() throws {
        // Four rings of 60 points, each joined to the thesis 0 by three relations.
        var random = _SplitMix64(seed: 3)
        var edges: [RelationGraph.Edge] = []
        for ring in 0..<4 {
            let first = 1 + 60 * ring
            for k in 0..<60 { edges.append(.init(first + k, first + (k + 1) % 60, cost: Double(1 + random.below(3)))) }
            for _ in 0..<30 { edges.append(.init(first + random.below(60), first + random.below(60), cost: 4)) }
            for _ in 0..<3 { edges.append(.init(0, first + random.below(60), cost: 2)) }
        }
        let problem = WalkProblem(graph: RelationGraph(vertexCount: 241, edges: edges), start: 0,
                                  isRequired: [Bool](repeating: true, count: 241))
        let blocks = _BlockDecomposition(problem)
        #expect(blocks.parts.count == 4)
        #expect(blocks.parts.allSatisfy { $0.vertices[0] == 0 && $0.vertices.count == 61 })
        let walk = try ClosedWalkSolver.solve(problem, options: SolverOptions(timeLimit: 2))
        #expect(problem.violations(of: walk.vertices).isEmpty)
        #expect(atMost(walk.lowerBound, walk.cost))
        #expect(walk.method.hasSuffix(" in parts"))
        // The walk leaves the thesis for each ring once: four times in all.
        #expect(zip(walk.vertices, walk.vertices.dropFirst()).filter { $0.0 == 0 }.count == 4)
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
