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

    /// The closure of `problem`'s terminals and each graph vertex's terminal index (-1 where optional).
    static func terminals(of problem: WalkProblem) -> (metric: TerminalMetric, terminalOfVertex: [Int32]) {
        let metric = TerminalMetric(problem)
        var terminalOfVertex = [Int32](repeating: -1, count: problem.graph.vertexCount)
        for (terminal, v) in metric.vertices.enumerated() { terminalOfVertex[v] = Int32(terminal) }
        return (metric, terminalOfVertex)
    }

    @Test("Walks on sparse graphs of thousands of vertices are valid and never below their bound",
          arguments: [(5_000, 0, Int.max), (5_000, 3, Int.max), (5_000, 3, 0)])
    func largeWalksAreValid(vertexCount: Int, optionalEvery: Int, penalisedCandidatesFrom: Int) {
        let problem = Self.problem(vertexCount: vertexCount, extraEdges: vertexCount, optionalEvery: optionalEvery, seed: 11)
        let walk = _LargeInstanceSolver.solve(problem, options: SolverOptions(seed: 1), deadline: _Deadline(seconds: 3),
                                              penalisedCandidatesFrom: penalisedCandidatesFrom)
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
            // With and without the candidates on π-transformed costs (whose ascent the bound continues).
            for from in [Int.max, 0] {
                let walk = _LargeInstanceSolver.solve(problem, options: SolverOptions(seed: seed), deadline: _Deadline(seconds: 10),
                                                      penalisedCandidatesFrom: from)
                #expect(problem.violations(of: walk.vertices).isEmpty, "seed \(seed)")
                #expect(walk.lowerBound <= optimum + 1e-9, "seed \(seed): bound \(walk.lowerBound) above optimum \(optimum)")
                #expect(walk.cost >= optimum - 1e-9, "seed \(seed)")
                if walk.isOptimal { #expect(abs(walk.cost - optimum) <= 1e-9) }
            }
        }
    }

    @Test("The closure spanning tree found without the closure matches the dense one")
    func spanningTreeMatchesDense() {
        for seed in 0..<25 as Range<UInt64> {
            let problem = Self.problem(vertexCount: 40, extraEdges: 30, optionalEvery: Int(seed % 4) + 1, seed: 500 + seed)
            let metric = TerminalMetric(problem)
            let sparse = _ClosureSpanningTree.cost(graph: problem.graph, vertices: metric.vertices)
            let dense = _SimpleTourSearch.spanningTreeBound(metric)
            #expect(sparse != nil)
            #expect(abs((sparse ?? 0) - dense) <= 1e-9 * max(1, dense), "seed \(seed)")
        }
    }

    @Test("With offsets on the terminals, the closure spanning tree matches a dense one on the offset costs")
    func offsetSpanningTreeMatchesDense() {
        for seed in 0..<25 as Range<UInt64> {
            let problem = Self.problem(vertexCount: 40, extraEdges: 30, optionalEvery: Int(seed % 4) + 1, seed: 700 + seed)
            let metric = TerminalMetric(problem)
            let t = metric.count
            var random = _SplitMix64(seed: seed)
            // Offsets up to 3: larger than many edges, so terminals' own vertices often fall in other regions.
            let offsets = (0..<t).map { _ in Double(random.below(13)) / 4 }
            var distances = metric.distances
            for i in 0..<t { for j in 0..<t where i != j { distances[i * t + j] += offsets[i] + offsets[j] } }
            let dense = _SimpleTourSearch.spanningTreeBound(TerminalMetric(vertices: metric.vertices, distances: distances))
            var tree = _ClosureSpanningTree(graph: problem.graph, vertices: metric.vertices)
            let spans = tree.compute(offsets: offsets)
            #expect(spans)
            #expect(tree.edges.count == t - 1)
            #expect(abs(tree.weight - dense) <= 1e-9 * max(1, dense), "seed \(seed): \(tree.weight) against \(dense)")
            // Every tree edge costs at least the offset distance between its terminals (it is a real path).
            for edge in tree.edges {
                #expect(edge.cost >= distances[Int(edge.a) * t + Int(edge.b)] - 1e-9)
            }
        }
    }

    @Test("The spanning-tree ascent lifts the plain bound and stays below the proven optimum")
    func spanningTreeAscentBelowOptimum() throws {
        for seed in 0..<6 as Range<UInt64> {
            let problem = Self.problem(vertexCount: 60, extraEdges: 60, optionalEvery: seed % 2 == 0 ? 0 : 4, seed: 40 + seed)
            let metric = TerminalMetric(problem)
            let exact = try ClosedWalkSolver.solve(problem, options: SolverOptions(timeLimit: 60, seed: 1))
            try #require(exact.isOptimal)
            let plain = try #require(_SpanningTreeBound.ascend(graph: problem.graph, vertices: metric.vertices,
                                                               upperBound: exact.cost, maximumSteps: 1,
                                                               deadline: _Deadline(seconds: 60)))
            let lifted = try #require(_SpanningTreeBound.ascend(graph: problem.graph, vertices: metric.vertices,
                                                                upperBound: exact.cost, maximumSteps: 100,
                                                                deadline: _Deadline(seconds: 60)))
            var nearest = 0.0
            for i in 0..<metric.count {
                nearest = max(nearest, (0..<metric.count).filter { $0 != i }.map { metric.distance(i, $0) }.min() ?? 0)
            }
            #expect(abs(plain.bound - (_SimpleTourSearch.spanningTreeBound(metric) + nearest)) <= 1e-9 * exact.cost)
            #expect(lifted.bound <= exact.cost + 1e-9 * exact.cost, "seed \(seed)")
            #expect(lifted.bound > plain.bound + 0.01 * exact.cost, "seed \(seed): \(plain.bound) to \(lifted.bound) of \(exact.cost)")
        }
    }

    @Test("A spanning-tree ascent started from an earlier one's penalties starts at its bound, and never goes below it")
    func spanningTreeAscentResumes() throws {
        let problem = Self.problem(vertexCount: 300, extraEdges: 300, optionalEvery: 3, seed: 17)
        let metric = TerminalMetric(problem)
        let target = 1.3 * _SimpleTourSearch.spanningTreeBound(metric)
        let first = try #require(_SpanningTreeBound.ascend(graph: problem.graph, vertices: metric.vertices,
                                                           upperBound: target, maximumSteps: 15, deadline: _Deadline(seconds: 60)))
        let plain = try #require(_SpanningTreeBound.ascend(graph: problem.graph, vertices: metric.vertices,
                                                           upperBound: target, maximumSteps: 1, deadline: _Deadline(seconds: 60)))
        #expect(first.bound > plain.bound)
        let again = try #require(_SpanningTreeBound.ascend(graph: problem.graph, vertices: metric.vertices, upperBound: target,
                                                           maximumSteps: 1, startingFrom: first.penalties,
                                                           deadline: _Deadline(seconds: 60)))
        #expect(again.bound == first.bound)
        let resumed = try #require(_SpanningTreeBound.ascend(graph: problem.graph, vertices: metric.vertices, upperBound: target,
                                                             maximumSteps: 15, startingFrom: first.penalties,
                                                             deadline: _Deadline(seconds: 60)))
        #expect(resumed.bound >= first.bound)
    }

    @Test("Two lists hold the same candidates when they hold the same terminals in any order")
    func sameCandidatesIgnoresOrder() {
        let a = _NeighbourLists(width: 3, cities: [1, 2, 3, 0, 2, 3], costs: [1, 2, 3, 1, 2, 3])
        let b = _NeighbourLists(width: 3, cities: [3, 1, 2, 0, 3, -1], costs: [3, 1, 2, 1, 3, .infinity])
        #expect(a.sameCandidates(as: b, at: 0))
        #expect(!a.sameCandidates(as: b, at: 1))
        #expect(!a.sameCandidates(as: a.truncated(to: 2), at: 0))
    }

    @Test("The spanning-tree ascent reports a rising best bound after every tree, ending at the one it returns")
    func spanningTreeAscentProgress() throws {
        let problem = Self.problem(vertexCount: 200, extraEdges: 200, optionalEvery: 3, seed: 91)
        let metric = TerminalMetric(problem)
        var reported: [Double] = []
        let ascent = try #require(_SpanningTreeBound.ascend(
            graph: problem.graph, vertices: metric.vertices, upperBound: 2 * _SimpleTourSearch.spanningTreeBound(metric),
            maximumSteps: 40, deadline: _Deadline(seconds: 60), progress: { reported.append($0) }))
        // Every tree but one that is a tour (where the ascent ends at once) is reported.
        #expect(reported.count >= ascent.steps - 1 && reported.count <= ascent.steps)
        #expect(zip(reported, reported.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(abs((reported.last ?? 0) - ascent.bound) <= 1e-9 * abs(ascent.bound))
    }

    @Test("The large-instance path reports while it builds the start tour, then its tour's cost and its bound, never above the walk",
          arguments: [Int.max, 0])
    func largeInstanceProgress(penalisedCandidatesFrom: Int) {
        let problem = Self.problem(vertexCount: 400, extraEdges: 400, optionalEvery: 0, seed: 92)
        let reports = ReportLog<SolverProgress>()
        // No delay and no interval: every report the solver makes is seen.
        let reporter = _ProgressReporter({ reports.append($0) }, deadline: _Deadline(seconds: 600), delay: 0, interval: 0)
        let walk = _LargeInstanceSolver.solve(problem, options: SolverOptions(seed: 2), deadline: _Deadline(seconds: 600),
                                              progress: reporter, penalisedCandidatesFrom: penalisedCandidatesFrom)
        let seen = reports.all
        // Until the start tour exists there is no walk: an infinite cost and no bound.
        let building = seen.prefix { $0.phase == "building the start tour" }
        #expect(building.count >= 4, "after the pool, the candidates, the landmarks and each round of joins")
        #expect(building.allSatisfy { $0.bestCost == .infinity && !$0.hasLowerBound })
        let rest = seen.dropFirst(building.count)
        #expect(rest.first?.phase == "improving tour")
        #expect(rest.contains { $0.phase == "bounding" })
        for report in rest {
            #expect(report.bestCost.isFinite && report.phase != "building the start tour")
            #expect(report.bestCost >= walk.cost - 1e-9)
            #expect(report.lowerBound <= walk.cost)
        }
    }

    @Test("Joining the greedy paths can record each join's exact cost, which the search then reads")
    func joinsRecordExactCosts() {
        let problem = Self.problem(vertexCount: 600, extraEdges: 600, optionalEvery: 5, seed: 93)
        let (metric, terminalOfVertex) = Self.terminals(of: problem)
        let t = metric.count
        let neighbours = _NeighbourLists(graph: problem.graph, vertices: metric.vertices,
                                         terminalOfVertex: terminalOfVertex, width: 8, settleLimit: 20_000)
        func joinedLegs(recording: Bool) -> (legs: [(Int, Int)], costs: _LazyLegCosts) {
            let costs = _LazyLegCosts(graph: problem.graph, vertices: metric.vertices, neighbours: neighbours)
            var matching = _GreedyMatching(count: t)
            matching.add(_TourConstruction.candidateEdges(neighbours, count: t))
            _LargeInstanceSolver.joinPathEnds(&matching, graph: problem.graph, vertices: metric.vertices,
                                              terminalOfVertex: terminalOfVertex, recordingIn: recording ? costs : nil)
            var legs: [(Int, Int)] = []
            for fragment in matching.fragments() {
                for (a, b) in zip(fragment, fragment.dropFirst()) { legs.append((a, b)) }
            }
            return (legs, costs)
        }
        let recorded = joinedLegs(recording: true)
        for (a, b) in recorded.legs {
            #expect(abs(recorded.costs.cost(a, b) - metric.distance(a, b)) <= 1e-9, "leg \(a)-\(b)")
        }
        let plain = joinedLegs(recording: false)
        let overpriced = plain.legs.filter { plain.costs.cost($0.0, $0.1) > metric.distance($0.0, $0.1) + 1e-9 }
        #expect(!overpriced.isEmpty, "without recording, some joins should be priced above their cost")
        // A recorded cost never replaces a cheaper one.
        let (a, b) = recorded.legs[0]
        recorded.costs.record(a, b, cost: metric.distance(a, b) + 5)
        #expect(abs(recorded.costs.cost(a, b) - metric.distance(a, b)) <= 1e-9)
    }

    @Test("A leg asked for below a limit costs what it costs, or comes back as a lower bound at or above the limit")
    func legsBelowALimit() {
        let problem = Self.problem(vertexCount: 800, extraEdges: 500, optionalEvery: 4, seed: 57)
        let (metric, terminalOfVertex) = Self.terminals(of: problem)
        let t = metric.count
        let neighbours = _NeighbourLists(graph: problem.graph, vertices: metric.vertices,
                                         terminalOfVertex: terminalOfVertex, width: 8, settleLimit: 20_000)
        let limited = _LazyLegCosts(graph: problem.graph, vertices: metric.vertices, neighbours: neighbours)
        let plain = _LazyLegCosts(graph: problem.graph, vertices: metric.vertices, neighbours: neighbours)
        var random = _SplitMix64(seed: 8)
        var ruledOut = 0
        for _ in 0..<3_000 {
            let a = random.below(t), b = random.below(t)
            let limit = Double(random.below(40)) / 4
            let answer = limited.cost(a, b, ifBelow: limit)
            let priced = plain.cost(a, b)
            if answer == priced { continue }
            // Not the price the search would see: then a lower bound that rules the leg out.
            ruledOut += 1
            #expect(answer >= limit, "\(a)-\(b): \(answer) below the limit \(limit)")
            #expect(answer <= metric.distance(a, b) + 1e-9, "\(a)-\(b): \(answer) above the true cost")
        }
        #expect(ruledOut > 100, "the landmarks should rule out many distant legs")
        // A leg ruled out is not cached: asked without a limit, it costs what it costs.
        #expect(limited.cachedLegCount < plain.cachedLegCount)
        for _ in 0..<200 {
            let a = random.below(t), b = random.below(t)
            #expect(limited.cost(a, b) == plain.cost(a, b))
        }
    }

    @Test("Joining the greedy paths on two threads gives the paths one search after another gives")
    func joinsMatchSequentialSearches() {
        let problem = Self.problem(vertexCount: 900, extraEdges: 700, optionalEvery: 4, seed: 61)
        let (metric, terminalOfVertex) = Self.terminals(of: problem)
        let t = metric.count
        // Short lists leave many paths for the joins to connect.
        let neighbours = _NeighbourLists(graph: problem.graph, vertices: metric.vertices,
                                         terminalOfVertex: terminalOfVertex, width: 2, settleLimit: 20_000)
        var start = _GreedyMatching(count: t)
        start.add(_TourConstruction.candidateEdges(neighbours, count: t))
        var joined = start
        _LargeInstanceSolver.joinPathEnds(&joined, graph: problem.graph, vertices: metric.vertices,
                                          terminalOfVertex: terminalOfVertex)
        // The reference: the same rounds, every end's search in turn on one workspace.
        var reference = start
        var search = _DijkstraWorkspace(vertexCount: problem.graph.vertexCount, queue: _MinHeap.self)
        var rounds = 0
        for round in 0..<6 {
            let ends = (0..<t).filter { reference.isEnd($0) }
            if ends.count <= 2 { break }
            rounds += 1
            var edges: [(cost: Double, a: Int32, b: Int32)] = []
            for end in ends {
                search.start(at: metric.vertices[end])
                var found = 0, settled = 0
                while found < 3 && settled < 256 << (2 * round), let (d, v) = search.settleNext(in: problem.graph) {
                    settled += 1
                    let other = Int(terminalOfVertex[v])
                    if other >= 0 && other != end && reference.isEnd(other) && !reference.sharesPath(end, other) {
                        edges.append((d, Int32(min(end, other)), Int32(max(end, other))))
                        found += 1
                    }
                }
            }
            if !edges.isEmpty { reference.add(edges) }
        }
        #expect(rounds >= 2, "the joins should take more than one round here")
        #expect(start.fragments().count > 20)
        #expect(joined.fragments() == reference.fragments())
        #expect(joined.fragments().count < start.fragments().count / 4)
    }

    @Test("Tree path maxima are the costliest edge on each path of the tree")
    func treePathMaximaMatchTheTreePaths() {
        var random = _SplitMix64(seed: 5)
        for count in [1, 2, 3, 17, 64, 129] {
            // A random tree: each vertex hangs under an earlier one, with a cost in whole units (ties included).
            var edges: [(a: Int32, b: Int32, cost: Double)] = []
            var parent = [Int](repeating: -1, count: count)
            var up = [Double](repeating: 0, count: count)
            for v in 1..<max(1, count) {
                parent[v] = random.below(v)
                up[v] = Double(1 + random.below(9))
                edges.append(v % 2 == 0 ? (Int32(v), Int32(parent[v]), up[v]) : (Int32(parent[v]), Int32(v), up[v]))
            }
            guard let maxima = _TreePathMaxima(count: count, edges: edges) else {
                Issue.record("a tree of \(count) vertices was refused")
                continue
            }
            // The path from a to b: climb from both to their first common ancestor.
            func costliest(_ a: Int, _ b: Int) -> Double {
                var ancestors: [Int: Double] = [:]
                var (x, best) = (a, 0.0)
                while true {
                    ancestors[x] = best
                    if parent[x] < 0 { break }
                    best = max(best, up[x])
                    x = parent[x]
                }
                var (y, other) = (b, 0.0)
                while ancestors[y] == nil {
                    other = max(other, up[y])
                    y = parent[y]
                }
                return max(other, ancestors[y]!)
            }
            for a in 0..<count {
                for b in 0..<count {
                    #expect(maxima.maximum(between: a, and: b) == costliest(a, b), "\(count) vertices, \(a)-\(b)")
                }
            }
        }
        // Not a spanning tree: too few edges, or the right number with a cycle.
        #expect(_TreePathMaxima(count: 4, edges: [(0, 1, 1), (1, 2, 1)]) == nil)
        #expect(_TreePathMaxima(count: 4, edges: [(0, 1, 1), (1, 2, 1), (2, 0, 1)]) == nil)
    }

    @Test("Sparse α-nearness keeps, from each terminal's nearest, those of least α on the closure's spanning tree")
    func sparseAlphaNearnessKeepsTheLeastAlpha() {
        let problem = Self.problem(vertexCount: 160, extraEdges: 160, optionalEvery: 4, seed: 29)
        let (metric, terminalOfVertex) = Self.terminals(of: problem)
        let t = metric.count
        let pool = _NeighbourLists(graph: problem.graph, vertices: metric.vertices, terminalOfVertex: terminalOfVertex,
                                   width: 12, settleLimit: 100_000)
        let lists = _LargeInstanceSolver.candidates(among: pool, graph: problem.graph, vertices: metric.vertices)
        // β(i, j), the costliest edge on the tree path, is the same on every minimum spanning tree: the least,
        // over all paths of the closure, of the costliest leg (a minimax Floyd-Warshall on the dense closure).
        var beta = metric.distances
        for m in 0..<t {
            for i in 0..<t {
                for j in 0..<t { beta[i * t + j] = min(beta[i * t + j], max(beta[i * t + m], beta[m * t + j])) }
            }
        }
        func alpha(_ i: Int, _ j: Int) -> Double { metric.distance(i, j) - beta[i * t + j] }
        #expect(lists.width == _LargeInstanceSolver.neighbourWidth)
        var reordered = 0
        for i in 0..<t {
            let poolEntries = (0..<pool.width).map { pool.neighbour(i, $0) }.filter { $0 >= 0 }
            let chosen = (0..<lists.width).map { lists.neighbour(i, $0) }.filter { $0 >= 0 }
            #expect(chosen.count == min(lists.width, poolEntries.count), "terminal \(i)")
            #expect(Set(chosen).isSubset(of: poolEntries), "terminal \(i)")
            for (rank, j) in chosen.enumerated() {
                #expect(abs(lists.cost(i, rank) - metric.distance(i, j)) <= 1e-9, "terminal \(i): the true cost")
                if rank > 0 { #expect(alpha(i, chosen[rank - 1]) <= alpha(i, j) + 1e-9, "terminal \(i): by α") }
            }
            let worstChosen = chosen.map { alpha(i, $0) }.max() ?? 0
            for j in poolEntries where !chosen.contains(j) {
                #expect(alpha(i, j) >= worstChosen - 1e-9, "terminal \(i): \(j) left out with a smaller α")
            }
            if chosen != Array(poolEntries.prefix(chosen.count)) { reordered += 1 }
        }
        #expect(reordered > t / 10, "α should reorder the nearest on many terminals, not \(reordered) of \(t)")
    }

    @Test("Sparse candidate lists hold the true nearest terminals, found on one thread or two",
          arguments: [200, 600])
    func candidateListsAreNearest(vertexCount: Int) {
        // 150 terminals are searched on one thread, 450 on two (from TerminalMetric.parallelRowsTerminals).
        let problem = Self.problem(vertexCount: vertexCount, extraEdges: vertexCount, optionalEvery: 4, seed: 77)
        let (metric, terminalOfVertex) = Self.terminals(of: problem)
        let sparse = _NeighbourLists(graph: problem.graph, vertices: metric.vertices, terminalOfVertex: terminalOfVertex,
                                     width: 8, settleLimit: 100_000)
        let dense = _NeighbourLists(metric, width: 8)
        for city in 0..<metric.count {
            for rank in 0..<8 {
                #expect(abs(sparse.cost(city, rank) - dense.cost(city, rank)) <= 1e-9)
                #expect(abs(metric.distance(city, sparse.neighbour(city, rank)) - sparse.cost(city, rank)) <= 1e-9)
            }
        }
        // Searches cut short leave the end of their lists empty, and what they found is exact.
        let short = _NeighbourLists(graph: problem.graph, vertices: metric.vertices, terminalOfVertex: terminalOfVertex,
                                    width: 8, settleLimit: 6)
        var cutShort = 0
        for city in 0..<metric.count {
            let found = (0..<8).prefix { short.neighbour(city, $0) >= 0 }.count
            if found < 8 { cutShort += 1 }
            for rank in 0..<found {
                #expect(abs(metric.distance(city, short.neighbour(city, rank)) - short.cost(city, rank)) <= 1e-9)
            }
            for rank in found..<8 { #expect(short.neighbour(city, rank) < 0 && short.cost(city, rank) == .infinity) }
        }
        #expect(cutShort > 0)
    }

    @Test("The large-instance solver is deterministic for a seed", arguments: [Int.max, 0])
    func deterministic(penalisedCandidatesFrom: Int) {
        // Small enough that the work budgets, not the deadline, end the search even in a debug build.
        let problem = Self.problem(vertexCount: 300, extraEdges: 300, optionalEvery: 5, seed: 3)
        let first = _LargeInstanceSolver.solve(problem, options: SolverOptions(seed: 4), deadline: _Deadline(seconds: 600),
                                               penalisedCandidatesFrom: penalisedCandidatesFrom)
        let second = _LargeInstanceSolver.solve(problem, options: SolverOptions(seed: 4), deadline: _Deadline(seconds: 600),
                                                penalisedCandidatesFrom: penalisedCandidatesFrom)
        #expect(first.vertices == second.vertices)
        #expect(first.lowerBound == second.lowerBound)
    }
}
