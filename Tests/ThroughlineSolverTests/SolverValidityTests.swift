import Synchronization
import Testing
@testable import ThroughlineSolver

@Suite("Solver validity")
struct SolverValidityTests {
    @Test("Walks are valid and cost the sum of their steps")
    func walksAreValid() throws {
        for seed in UInt64(1)...25 {
            let problem = brainDumpProblem(vertices: 5 + Int(seed), optionalShare: 0.3, seed: seed &+ 500)
            let walk = try ClosedWalkSolver.solve(problem)
            #expect(problem.violations(of: walk.vertices).isEmpty, "seed \(seed)")
            #expect(problem.cost(of: walk.vertices) == walk.cost, "seed \(seed)")
            #expect(walk.lowerBound <= walk.cost)
        }
    }

    @Test("Zero-cost edges and optional points are handled")
    func zeroCostsAndOptionalPoints() throws {
        // A star through optional hub 0, zero-cost edge between 3 and 4.
        let graph = RelationGraph(vertexCount: 6, edges: [
            .init(0, 1, cost: 1), .init(0, 2, cost: 1), .init(0, 3, cost: 1), .init(3, 4, cost: 0),
            .init(0, 5, cost: 1), .init(1, 2, cost: 5),
        ])
        let problem = WalkProblem(graph: graph, start: 1, isRequired: [false, true, true, true, true, true])
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(problem.violations(of: walk.vertices).isEmpty)
        #expect(agree(walk.cost, 8))
        #expect(walk.isOptimal)
    }

    @Test("The closure computed on two threads equals one Dijkstra run per terminal, row by row")
    func parallelClosureMatchesSequentialRuns() {
        let problem = brainDumpProblem(vertices: 260, optionalShare: 0.1, seed: 21)
        let metric = TerminalMetric(problem)
        #expect(metric.count >= TerminalMetric.parallelRowsTerminals)
        let rows = metric.vertices.map { ShortestPaths(in: problem.graph, from: $0).distances }
        var mismatches = 0
        for i in 0..<metric.count {
            for j in 0..<metric.count {
                let expected = min(rows[i][metric.vertices[j]], rows[j][metric.vertices[i]])
                if metric.distance(i, j) != expected { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("A search reused source after source, on either heap, matches a plain quadratic Dijkstra to the bit")
    func reusedSearchesMatchPlainDijkstra() {
        var random = _SplitMix64(seed: 5)
        let n = 120
        // Costs 0, 1/6, 1/3, 1/2 and 1 give many cheapest paths of equal cost but different sums in floating point;
        // the last 10 vertices have relations only among themselves.
        var edges: [RelationGraph.Edge] = []
        for _ in 0..<(3 * n) {
            let (a, b) = (random.below(n - 10), random.below(n - 10))
            edges.append(.init(a, b, cost: [0, 1.0 / 6, 1.0 / 3, 0.5, 1][random.below(5)]))
        }
        for k in (n - 10)..<(n - 1) { edges.append(.init(k, k + 1, cost: 1.0 / 3)) }
        let graph = RelationGraph(vertexCount: n, edges: edges)
        // The reference: settle the waiting vertex of least (distance, index), lower a distance only when strictly
        // cheaper; the heap must settle in the same order, so every sum is the same.
        func plainDijkstra(from source: Int) -> [Double] {
            var distance = [Double](repeating: .infinity, count: n)
            var settled = [Bool](repeating: false, count: n)
            distance[source] = 0
            while let v = (0..<n).filter({ !settled[$0] && distance[$0] < .infinity })
                .min(by: { (distance[$0], $0) < (distance[$1], $1) }) {
                settled[v] = true
                for slot in graph.offsets[v]..<graph.offsets[v + 1] {
                    let w = Int(graph.targets[slot])
                    distance[w] = min(distance[w], distance[v] + graph.costs[slot])
                }
            }
            return distance
        }
        func mismatchesAndUnreachable<Queue>(_ search: inout _DijkstraWorkspace<Queue>) -> (Int, Int) {
            var mismatches = 0, unreachable = 0
            for source in [0, 7, n - 3, 7, 50, n - 10] {
                search.start(at: source)
                while search.settleNext(in: graph) != nil {}
                let expected = plainDijkstra(from: source)
                for v in 0..<n {
                    if search.distances[v].bitPattern != expected[v].bitPattern { mismatches += 1 }
                    if !search.distances[v].isFinite { unreachable += 1 }
                }
            }
            return (mismatches, unreachable)
        }
        var lazy = _DijkstraWorkspace(vertexCount: n, queue: _MinHeap.self)
        var indexed = _DijkstraWorkspace(vertexCount: n, queue: _IndexedMinHeap.self)
        for (mismatches, unreachable) in [mismatchesAndUnreachable(&lazy), mismatchesAndUnreachable(&indexed)] {
            #expect(mismatches == 0)
            #expect(unreachable > 0)
        }
    }

    @Test("α lists made on two threads equal those made on one, with and without penalties")
    func alphaListsDoNotDependOnThreads() {
        let metric = TerminalMetric(brainDumpProblem(vertices: 260, optionalShare: 0.1, seed: 23))
        var random = _SplitMix64(seed: 9)
        let penalties = (0..<metric.count).map { _ in Double(random.below(7)) / 6 - 0.5 }
        for pi in [nil, penalties] {
            let one = _NeighbourLists(alphaNearness: metric, width: 8, penalties: pi, parts: 1)
            let two = _NeighbourLists(alphaNearness: metric, width: 8, penalties: pi, parts: 2)
            #expect(one.width == 8 && one.cities.count == 8 * metric.count)
            #expect(one.cities == two.cities)
            #expect(one.costs == two.costs)
        }
    }

    @Test("Two solves of the same problem give identical results")
    func deterministic() throws {
        for seed in UInt64(1)...3 {
            let problem = brainDumpProblem(vertices: 30 + Int(seed) * 5, optionalShare: 0.2, seed: seed)
            let first = try ClosedWalkSolver.solve(problem)
            let second = try ClosedWalkSolver.solve(problem)
            #expect(first == second, "seed \(seed)")
        }
    }

    @Test("A time limit that has already run out still gives a valid walk and bound")
    func timeLimitRespected() throws {
        let problem = euclideanProblem(cities: 45, seed: 9)
        let clock = _Deadline(seconds: 0)
        let walk = try ClosedWalkSolver.solve(problem, options: SolverOptions(timeLimit: 0))
        #expect(clock.elapsed < 5)
        #expect(problem.violations(of: walk.vertices).isEmpty)
        #expect(walk.lowerBound <= walk.cost)
        let exact = try ClosedWalkSolver.solve(problem)
        #expect(exact.isOptimal)
        #expect(walk.lowerBound <= exact.cost)
        #expect(!walk.isOptimal || agree(walk.cost, exact.cost))
    }

    @Test("Progress is silent for the first second, then reported at most every half second")
    func progressTiming() {
        let calls = Counter()
        let fresh = _ProgressReporter({ _ in calls.increment() }, deadline: _Deadline(seconds: 10))
        fresh.update(bestCost: 5, lowerBound: 4, phase: "test")
        #expect(calls.value == 0)
        let running = _ProgressReporter({ _ in calls.increment() },
                                        deadline: _Deadline(start: _Deadline.now() - 2, seconds: 10))
        running.update(bestCost: 5, lowerBound: 4, phase: "test")
        running.update(bestCost: 5, lowerBound: 4, phase: "test")
        #expect(calls.value == 1)
    }

    @Test("Unreachable required vertices are reported")
    func unreachable() {
        let graph = RelationGraph(vertexCount: 4, edges: [.init(0, 1, cost: 1)])
        let problem = WalkProblem(graph: graph, start: 0, isRequired: [true, true, false, true])
        #expect(throws: ClosedWalkSolver.Failure.unreachable([3])) { try ClosedWalkSolver.solve(problem) }
    }

    @Test("A problem whose only required point is the start has the empty walk")
    func trivial() throws {
        let graph = RelationGraph(vertexCount: 2, edges: [.init(0, 1, cost: 1)])
        let walk = try ClosedWalkSolver.solve(WalkProblem(graph: graph, start: 1, isRequired: [false, false]))
        #expect(walk.vertices == [1])
        #expect(walk.cost == 0)
        #expect(walk.isOptimal)
    }

    @Test("Two required points give the out-and-back walk")
    func twoPoints() throws {
        let graph = RelationGraph(vertexCount: 3, edges: [.init(0, 1, cost: 1), .init(1, 2, cost: 0.5)])
        let problem = WalkProblem(graph: graph, start: 0, isRequired: [true, false, true])
        let walk = try ClosedWalkSolver.solve(problem)
        #expect(walk.vertices == [0, 1, 2, 1, 0])
        #expect(agree(walk.cost, 3))
        #expect(walk.isOptimal)
    }
}

/// A thread-safe counter for callbacks.
final class Counter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
