/// Solves problems with too many terminals for a dense closure (see
/// `Guides/LargeInstances.md`): sparse candidate lists from truncated Dijkstra
/// searches, ranked by α-nearness on the closure's minimum spanning tree, leg
/// costs computed on demand, a greedy start chained in
/// depth-first order, the same Lin-Kernighan / Or-opt local search and
/// iterated local search as the dense path on a two-level list (so that no
/// move costs more than O(√*T*)), and a lower bound from a subgradient ascent
/// on spanning trees of the closure.
internal enum _LargeInstanceSolver {
    /// From this many terminals on, the solver does not build a dense ``TerminalMetric``.
    ///
    /// At 3,000 terminals the closure is 72 MB of doubles and 3,000 full
    /// Dijkstra runs. With the kick budget of ``kicks(for:)`` the sparse path
    /// finds walks as short as the dense path's from there, in less time
    /// (tenth session, one run each: brain dumps of 3,000 and 3,900 points,
    /// two seeds each, and TSPLIB's pcb3038 with 8 nearest neighbours,
    /// −0.07 to +0.09 % in 1.2–2.9 s against 3.2–6.8 s; the bound 0.69–0.75 %
    /// below the walk against 0.62–0.71 %, pcb3038 1.35 % against 1.27 %),
    /// but not below (brain dumps of 2,000 and 2,500 points 0.02–0.29 % longer,
    /// u2319 and pr2392 with 8 nearest 0.18 % and 0.68 %). On uniformly
    /// random points in the plane the sparse path's walks are about 0.25 %
    /// longer at 3,000–3,800 points, in a third to half of the time. It was
    /// 4,000 until then.
    static let minimumTerminals = 3000
    /// Candidate neighbours per terminal.
    static let neighbourWidth = 8
    /// Nearest terminals each candidate search collects: the greedy start
    /// joins the first ``neighbourWidth``, the local search takes the
    /// ``neighbourWidth`` of least α-nearness among them, and the leg cache
    /// knows the cost of all. Brain dumps of 5,000 to 100,000 points (one run
    /// each; the 8 nearest before): walks 0.27–0.75 % shorter with 16 on
    /// eight of nine files and 0.02 % longer on the ninth, in about the same
    /// time; 12 did about as well in a prototype, for about 0.5 s less at
    /// 100,000 points, but on the two-level list (ninth session) it made that
    /// walk 0.2 % longer and was no faster (Guides/LargeInstances.md).
    static let candidatePoolWidth = 16
    /// Terminals from which the candidates are taken again after the first
    /// descent, by α-nearness on π-transformed costs, with the penalties of
    /// the first ``candidateAscentSteps`` steps of the bound's ascent (which
    /// then carries on from them); the tour descends again on the new lists.
    /// On the two-level list (ninth session), taking them from 4,000 terminals made
    /// brain dumps of 5,000 and 7,000 points (six files, one run each) 0.19 %
    /// shorter on average (−0.55 to +0.05 %), but TSPLIB's pla7397 with 8
    /// nearest neighbours 0.85 % longer and fnl4461 0.02 % longer; so 10,000 stays.
    static let penalisedCandidateTerminals = 10_000
    /// Spanning trees of the bound's ascent run for the candidates (at most
    /// half of the ascent's).
    static let candidateAscentSteps = 20
    /// Vertices one candidate search may settle before giving up on a full list.
    static let settleLimit = 20_000
    /// The most kicks of the iterated local search; see ``kicks(for:)``.
    static let maximumKicks = 40_000
    /// Terminals from which the exact costs of the legs that join the start's
    /// greedy paths (found by ``joinPathEnds(_:graph:vertices:terminalOfVertex:recordingIn:afterEachRound:)``)
    /// go into the leg cache; below, the search prices those legs like any
    /// other (often by the pessimistic landmark bound), which seems to make
    /// the search drop those legs more eagerly. On the array tour with its
    /// cap on long moves (until the ninth session), exact joins made walks
    /// shorter from 30,000 points. On the two-level list they make them
    /// longer at every size (brain dumps, one run each, with exact joins
    /// against without): 5,000 to 20,000 points +0.3 to +0.6 %, 30,000 points
    /// +0.4 %, 50,000 points +0.7 %, 100,000 points +0.5 % (two seeds); but at
    /// 100,000 points they save 0.5–1.4 s, which keeps the plan inside the
    /// default 10 s limit with some room.
    static let exactJoinTerminals = 60_000
    /// Spanning trees the bound's ascent computes (``_SpanningTreeBound``):
    /// ``maximumBoundSteps``, or `boundWork / (V + E)` where that is fewer,
    /// but at least ``minimumBoundSteps``. A tree costs about 4 ms at 10,000
    /// points and 30–40 ms at 100,000 (brain dumps, *V* + *E* about 45,000
    /// and 450,000), so the ascent adds at most about a second up to 45,000
    /// points and about 1.5 s at 100,000.
    static let boundWork = 20_000_000
    /// The fewest spanning trees of the bound's ascent (100,000 points: 28 %
    /// below the walk with one, 13.1 % with 30, 12.0 % with 60).
    static let minimumBoundSteps = 30
    /// The most spanning trees of the bound's ascent (brain dump 10,000:
    /// 20.5 % below the walk with one, 3.5 % with 50, 3.3 % with 100, 3.27 %
    /// with 200).
    static let maximumBoundSteps = 100

    /// A valid closed walk through every required vertex and a proven lower bound.
    ///
    /// Work budgets: one descent to a local optimum (from
    /// `penalisedCandidatesFrom` terminals, then the first steps of the
    /// bound's ascent, new candidates on π-transformed costs and a second
    /// descent from the terminals whose candidates changed), then
    /// ``kicks(for:)`` kicks (stopping early after as many kicks without
    /// improvement);
    /// `deadline` cuts either phase short. The result is deterministic for a
    /// given `options.seed` unless the deadline intervenes.
    ///
    /// The bound is the best `MST_π + max_i d1_π(i) − 2 Σ π` of a
    /// subgradient ascent on penalties `π` (``_SpanningTreeBound``; with
    /// `π = 0` it is the closure's minimum spanning tree plus the longest
    /// distance from a terminal to its nearest other terminal), lowered by a
    /// relative 10⁻⁹ against rounding. `isOptimal` is true only when the
    /// walk's cost meets it. `progress` sees an infinite cost (no walk yet)
    /// while the candidates and the start tour are built (2.5 s at 100,000
    /// terminals on a slow machine); then the tour's cost (its legs as priced
    /// for the search, at least the walk's cost) from the start tour on, and
    /// the bound during its ascent.
    ///
    /// `penalisedCandidatesFrom` is ``penalisedCandidateTerminals`` except in
    /// tests, which reach that path on smaller graphs.
    ///
    /// - Precondition: every required vertex is reachable from the start.
    /// - Complexity: O(*T* (*V'* + *E'*) log *V'*) for the candidate searches
    ///   (*V'* ≈ settled vertices per search), O(*s* (*V* + *E*) log *V*) for
    ///   the bound's *s* spanning trees (30 to 100), and near-linear local
    ///   search in practice, each move O(√*T*) on the two-level list.
    static func solve(_ problem: WalkProblem, options: SolverOptions, deadline: _Deadline,
                      progress: _ProgressReporter? = nil,
                      penalisedCandidatesFrom: Int = penalisedCandidateTerminals) -> ClosedWalk {
        let graph = problem.graph
        var vertices = [problem.start]
        vertices.append(contentsOf: problem.requiredVertices.filter { $0 != problem.start })
        let t = vertices.count
        if t == 1 {
            return ClosedWalk(vertices: [problem.start], cost: 0, lowerBound: 0, isOptimal: true, method: "trivial")
        }
        var terminalOfVertex = [Int32](repeating: -1, count: graph.vertexCount)
        for (terminal, v) in vertices.enumerated() { terminalOfVertex[v] = Int32(terminal) }
        // Until the start tour exists there is no walk to report: these reports carry an infinite
        // cost (at 100,000 points the first tour comes about 2.5 s into the solve).
        func preparing() { progress?.update(bestCost: .infinity, lowerBound: 0, phase: "building the start tour") }
        let pool = _NeighbourLists(graph: graph, vertices: vertices, terminalOfVertex: terminalOfVertex,
                                   width: candidatePoolWidth, settleLimit: settleLimit)
        preparing()
        let neighbours = candidates(among: pool, graph: graph, vertices: vertices)
        preparing()
        let costs = _LazyLegCosts(graph: graph, vertices: vertices, neighbours: pool)
        preparing()
        let start = initialTour(graph: graph, start: problem.start, terminalOfVertex: terminalOfVertex,
                                neighbours: pool.truncated(to: neighbourWidth), count: t,
                                recordingIn: t >= exactJoinTerminals ? costs : nil, afterEachRound: preparing)
        var tour = _TourSearch.rotatedToZero(start)
        // Sums over up to 10⁵ terms: a relative 10⁻⁹ covers their rounding.
        func reported(_ computed: Double) -> Double { computed - 1e-9 * abs(computed) }
        let work = graph.vertexCount + graph.edgeCount
        let steps = min(maximumBoundSteps, max(minimumBoundSteps, boundWork / max(1, work)))
        // The first part of the bound's ascent, run after the first descent when it gives the candidates.
        var candidateAscent: (bound: Double, steps: Int, penalties: [Double])?
        // A local search from `tour` on `lists`, on a two-level list: no move costs more than O(√T).
        func localSearch(from tour: [Int], on lists: _NeighbourLists) -> _LocalSearch<_LazyLegCosts, _TwoLevelTour> {
            _LocalSearch(costs: costs, neighbours: lists, initial: tour, epsilon: _TourSearch.epsilon(lists, count: t))
        }
        if t > 3 {
            var search = localSearch(from: start, on: neighbours)
            for city in start { search.enqueue(city) }
            progress?.update(bestCost: search.tourCost, lowerBound: 0, phase: "improving tour")
            search.descend(deadline: deadline)
            if t >= penalisedCandidatesFrom && !deadline.hasPassed {
                // Candidates on π-transformed costs, with the penalties of the first steps of the bound's
                // ascent (towards the descended tour's cost); the tour descends again on them.
                let descendedCost = search.tourCost
                candidateAscent = _SpanningTreeBound.ascend(
                    graph: graph, vertices: vertices, upperBound: descendedCost,
                    maximumSteps: min(candidateAscentSteps, steps / 2), deadline: deadline,
                    progress: { progress?.update(bestCost: descendedCost, lowerBound: reported($0), phase: "improving tour") })
                if let penalties = candidateAscent?.penalties {
                    let firstLists = search.neighbours
                    let descended = search.tour.citiesFromZero
                    let lists = candidates(among: pool, graph: graph, vertices: vertices, penalties: penalties)
                    search = localSearch(from: descended, on: lists)
                    // Only terminals whose candidates changed can find a move they could not before.
                    for city in descended where !lists.sameCandidates(as: firstLists, at: city) { search.enqueue(city) }
                    search.descend(deadline: deadline)
                }
            }
            var random = _SplitMix64(seed: options.seed)
            let kickBudget = kicks(for: t)
            // The candidates' ascent, where it ran, has already proven a bound.
            let boundSoFar = candidateAscent.map { reported($0.bound) } ?? 0
            search.iterate(kicks: kickBudget, patience: kickBudget, segmentLimit: 10, random: &random, deadline: deadline,
                           progress: progress.map { reporter in
                               { reporter.update(bestCost: $0, lowerBound: boundSoFar, phase: "improving tour") }
                           })
            tour = search.tour.citiesFromZero
        }
        var pathSearch = _LandmarkPathSearch(graph: graph, landmarks: costs.landmarkDistances,
                                             landmarkCount: costs.landmarkCount)
        let walk = expand(tour, vertices: vertices, problem: problem, search: &pathSearch)
        let cost = problem.cost(of: walk) ?? .infinity
        // The rest of the ascent, from the candidates' penalties where there are some (every π gives a bound).
        let ascent = _SpanningTreeBound.ascend(
            graph: graph, vertices: vertices, upperBound: cost, maximumSteps: steps - (candidateAscent?.steps ?? 0),
            startingFrom: candidateAscent?.penalties, deadline: deadline,
            progress: { progress?.update(bestCost: cost, lowerBound: reported(max($0, candidateAscent?.bound ?? 0)),
                                         phase: "bounding") })
        let computed = max(ascent?.bound ?? 0, candidateAscent?.bound ?? 0)
        let bound = reported(computed)
        return ClosedWalk(vertices: walk, cost: cost, lowerBound: min(bound, cost),
                          isOptimal: cost - computed <= 1e-9 * max(1, abs(cost)),
                          method: "iterated-lin-kernighan-sparse")
    }

    /// The kick budget for `t` terminals: twenty kicks per terminal, at most
    /// ``maximumKicks``, and fewer as each kick grows dearer with `t`:
    /// `min(20T, 40,000, 1.5·10⁸ / T, 5·10¹² / T²)`, which is 40,000 from
    /// 3,000 to 3,750 terminals, 30,000 at 5,000, 15,000 at 10,000, 5,000 at
    /// 30,000, 2,000 at 50,000 and 500 at 100,000.
    ///
    /// Until the tenth session it was `min(2T, 10,000, 10⁸ / T, 5·10¹² / T²)`.
    /// Kicks got cheaper when the leg searches went (``_LazyLegCosts``), and
    /// the larger budget made every file tried shorter (one run each, whole
    /// process on the tenth session's machine): brain dumps of 5,000 points
    /// by 0.30 % and 0.21 % (1.0–1.1 → 2.6 s), 7,000 by 0.27 % (1.3 → 2.4 s),
    /// 10,000 by 0.13 % (1.8 → 2.7 s), 20,000 by 0.30 % (2.6 → 3.2 s),
    /// 30,000 by 0.23 % (3.5 → 4.0 s); TSPLIB's fnl4461 and pla7397 with 8
    /// nearest neighbours by 0.18 % and 0.54 % (0.5 → 1.2 s, 0.7 → 1.0 s).
    /// It is also what lets the sparse path take over from 3,000 terminals
    /// (``minimumTerminals``). From 50,000 points the budget is as before, as
    /// those plans are near the default 10 s limit. Tried: a cap of 30,000
    /// (3,000-point files up to 0.11 % longer than the dense path's walk) and
    /// of 60,000 with `2·10⁸ / T` (at parity there, but 3.4 s at 5,000 points
    /// for 0.2 % more than this rule).
    ///
    /// - Complexity: O(1).
    static func kicks(for t: Int) -> Int {
        min(20 * t, maximumKicks, 150_000_000 / max(1, t), 5_000_000_000_000 / max(1, t * t))
    }

    /// The local search's candidate lists: the ``neighbourWidth`` entries of
    /// least α-nearness in each terminal's `pool`, on a minimum spanning tree
    /// of the closure (``_ClosureSpanningTree``, Mehlhorn's construction, no
    /// closure needed), with `penalties` on the π-transformed closure
    /// `d(i, j) + π(i) + π(j)`; the pool's nearest where the terminals are not
    /// connected.
    ///
    /// - Complexity: O((*V* + *E*) log *V*) for the tree, O(*T* log *T*) for
    ///   its path maxima and O(*T* *p* log *T*) to rank pools of *p*.
    static func candidates(among pool: _NeighbourLists, graph: RelationGraph, vertices: [Int],
                           penalties: [Double]? = nil) -> _NeighbourLists {
        // The tree of the π-transformed closure, from non-negative offsets (a common shift changes no α).
        let least = penalties?.min() ?? 0
        let offsets = penalties?.map { $0 - least }
        var tree = _ClosureSpanningTree(graph: graph, vertices: vertices)
        guard tree.compute(offsets: offsets),
              let maxima = _TreePathMaxima(count: vertices.count, edges: tree.edges.map { ($0.a, $0.b, $0.cost) })
        else { return pool.truncated(to: neighbourWidth) }
        return _NeighbourLists(alphaNearnessAmong: pool, tree: maxima, width: neighbourWidth, penalties: offsets)
    }

    /// Continues the greedy matching past the candidate lists: in up to six
    /// rounds, a Dijkstra search from every path end finds the nearest ends
    /// of other paths (settling at most 256, 1024, … vertices), and those
    /// pairs are added greedily. This is what a greedy-edge tour on the whole
    /// closure would mostly do, without the closure. With `costs`, every
    /// distance found (exact: a Dijkstra search settled it) is recorded there.
    ///
    /// The searches of a round are independent (the matching changes only
    /// between rounds), so two threads share them, alternate ends each, with
    /// a workspace of their own. The matching sorts the pairs by (cost, ends)
    /// and the leg costs keep the least cost recorded for a pair, so neither
    /// depends on the order the pairs come in, nor the plan on scheduling.
    /// `afterEachRound` is called on the calling thread once each round's
    /// searches are done (for progress reports).
    ///
    /// - Complexity: O(Σ ends × limit × log) over the rounds, in about half
    ///   that wall time on two cores; the ends shrink geometrically in practice.
    static func joinPathEnds(_ matching: inout _GreedyMatching, graph: RelationGraph, vertices: [Int],
                             terminalOfVertex: [Int32], recordingIn costs: _LazyLegCosts? = nil,
                             afterEachRound: () -> Void = {}) {
        let t = vertices.count
        for round in 0..<6 {
            let ends = (0..<t).filter { matching.isEnd($0) }
            if ends.count <= 2 { break }
            let settleLimit = 256 << (2 * round)
            // The path of each end (-1 for terminals inside a path), read by both threads.
            var pathOfEnd = [Int](repeating: -1, count: t)
            for end in ends { pathOfEnd[end] = matching.path(of: end) }
            let halves = _ParallelJobs.map(2) { half in
                var search = _DijkstraWorkspace(graph: graph)
                var pairs: [(cost: Double, a: Int32, b: Int32)] = []
                for index in stride(from: half, to: ends.count, by: 2) {
                    let end = ends[index]
                    search.start(at: vertices[end])
                    var found = 0, settled = 0
                    while found < 3 && settled < settleLimit, let (d, v) = search.settleNext(in: graph) {
                        settled += 1
                        let other = Int(terminalOfVertex[v])
                        if other >= 0 && other != end && pathOfEnd[other] >= 0 && pathOfEnd[other] != pathOfEnd[end] {
                            pairs.append((d, Int32(min(end, other)), Int32(max(end, other))))
                            found += 1
                        }
                    }
                }
                return pairs
            }
            let edges = halves[0] + halves[1]
            if let costs {
                for edge in edges { costs.record(Int(edge.a), Int(edge.b), cost: edge.cost) }
            }
            afterEachRound()
            if edges.isEmpty { continue }
            matching.add(edges)
        }
    }

    /// The graph vertex of each terminal, from the inverse map.
    ///
    /// - Complexity: O(*V*).
    private static func vertices(_ terminalOfVertex: [Int32], count t: Int) -> [Int] {
        var vertices = [Int](repeating: 0, count: t)
        for (v, terminal) in terminalOfVertex.enumerated() where terminal >= 0 { vertices[Int(terminal)] = v }
        return vertices
    }

    /// The greedy-edge fragments chained in the order a depth-first search of
    /// the graph from the start first reaches them, each read from its
    /// earlier-reached end: a start that needs no closure and keeps
    /// consecutive fragments near each other. With `costs`, the exact costs
    /// of the joins between greedy paths are recorded there; `afterEachRound`
    /// is called after each round of joins
    /// (``joinPathEnds(_:graph:vertices:terminalOfVertex:recordingIn:afterEachRound:)``).
    ///
    /// - Complexity: O(*V* + *E* + *T k* log(*T k*)).
    static func initialTour(graph: RelationGraph, start: Int, terminalOfVertex: [Int32],
                            neighbours: _NeighbourLists, count t: Int, recordingIn costs: _LazyLegCosts? = nil,
                            afterEachRound: () -> Void = {}) -> [Int] {
        var rank = [Int](repeating: Int.max, count: t)
        var visited = [Bool](repeating: false, count: graph.vertexCount)
        var stack: [(vertex: Int32, slot: Int)] = [(Int32(start), graph.offsets[start])]
        visited[start] = true
        var reached = 0
        rank[Int(terminalOfVertex[start])] = reached
        reached += 1
        while let top = stack.last {
            let v = Int(top.vertex)
            var slot = top.slot
            var pushed = false
            while slot < graph.offsets[v + 1] {
                let w = Int(graph.targets[slot])
                slot += 1
                if visited[w] { continue }
                visited[w] = true
                if terminalOfVertex[w] >= 0 {
                    rank[Int(terminalOfVertex[w])] = reached
                    reached += 1
                }
                stack[stack.count - 1].slot = slot
                stack.append((Int32(w), graph.offsets[w]))
                pushed = true
                break
            }
            if !pushed { stack.removeLast() }
        }
        var matching = _GreedyMatching(count: t)
        matching.add(_TourConstruction.candidateEdges(neighbours, count: t))
        joinPathEnds(&matching, graph: graph, vertices: vertices(terminalOfVertex, count: t),
                     terminalOfVertex: terminalOfVertex, recordingIn: costs, afterEachRound: afterEachRound)
        var fragments = matching.fragments().map { fragment in
            rank[fragment[fragment.count - 1]] < rank[fragment[0]] ? Array(fragment.reversed()) : fragment
        }
        fragments.sort { (rank[$0[0]], $0[0]) < (rank[$1[0]], $1[0]) }
        return fragments.flatMap { $0 }
    }

    /// The closed walk along cheapest graph paths between consecutive
    /// terminals of `tour` (which starts at terminal 0, the start vertex),
    /// passing over a terminal already passed where that costs less or takes
    /// fewer steps (``WalkProblem/joinedPaths(through:path:)``).
    ///
    /// - Complexity: one A* search per leg, each stopping at the leg's end;
    ///   where the walk comes back to a terminal it has passed, a second walk
    ///   as well, with three for each such terminal.
    static func expand(_ tour: [Int], vertices: [Int], problem: WalkProblem,
                       search: inout _LandmarkPathSearch) -> [Int] {
        guard tour.count > 1 else { return [problem.start] }
        let stops = tour.map { vertices[$0] } + [vertices[tour[0]]]
        return problem.joinedPaths(through: stops) { search.path(from: $0, to: $1) }
    }
}
