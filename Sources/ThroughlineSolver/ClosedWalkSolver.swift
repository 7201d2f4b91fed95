/// Solves ``WalkProblem``s: the cheapest closed walk from the start through
/// every required vertex (the graphical travelling-salesman problem, with
/// optional vertices as Steiner points).
///
/// When the relations reachable from the start form a tree (no cycle: an
/// outline's hierarchy, a chain, a star of notes around an index), the walk
/// goes down into every branch that holds a required vertex and back, which
/// is optimal (`method` `"tree"`, see ``_BlockDecomposition``). Otherwise the walk
/// is found as a tour on the shortest-path closure of the required
/// vertices (``TerminalMetric``), each leg then expanded into graph edges:
///
/// 1. up to ``exactDynamicProgramTerminals`` terminals, Held-Karp dynamic
///    programming gives the optimum (`method` `"held-karp"`);
/// 2. otherwise the tour search finds a good tour, and the Held-Karp 1-tree
///    bound (subgradient ascent) bounds the optimum; when the bound meets the
///    tour's cost the tour is proven optimal (`"1-tree"`);
/// 3. up to ``branchAndBoundTerminals`` terminals, branch and bound on the
///    1-tree bound closes the remaining gap (`"branch-and-bound"`) within a
///    deterministic work budget, the time limit being only a safety net;
///    when a first instalment of the search (``quickSearchSteps`` 1-trees per
///    terminal) does not finish, a second, differently seeded tour search
///    tightens the upper bound, a blossom ascent (``_BlossomBound``) on the
///    edges the root leaves fixes more of them, and the search starts over
///    (`"1-tree with blossoms"` when those fixings leave no better tour),
///    re-optimising the blossoms' multipliers at every node where they close
///    at least ``liftingGapShare`` of the root's gap (``_BlossomLifting``);
/// 4. beyond that (where the bound comes from an ascent on a sparse candidate
///    graph, validated on the complete closure, and where that leaves more
///    than ``blossomGap``, from a dense ascent and blossom inequalities,
///    ``_BlossomBound``), or when the budget runs out, the tour comes back
///    with the best bound proven (`"local-search"`), not claimed optimal;
///    a bound that meets the tour proves it (`"1-tree"`, or
///    `"1-tree with blossoms"`).
///
/// Problems with thousands of terminals are solved without a dense closure by
/// a separate large-instance solver.
///
/// A problem with cut vertices that separate required vertices (a tree with
/// a few cycles, clusters that meet only at one point) is first split into
/// its blocks (``_BlockDecomposition``): an optimal walk solves each block
/// on its own, so the blocks are solved as above, one by one, and joined
/// (`method` the largest block's, followed by `" in parts"`).
public enum ClosedWalkSolver {
    /// Why a problem has no solution.
    public enum Failure: Error, Sendable, Hashable {
        /// These required vertices (in increasing order) cannot be reached from the start.
        case unreachable([Int])
    }

    /// Up to this many terminals (required vertices, start included), the
    /// optimum comes from Held-Karp dynamic programming.
    public static var exactDynamicProgramTerminals: Int { _HeldKarpDynamicProgram.maximumTerminals }

    /// Up to this many terminals, branch and bound tries to prove the tour
    /// optimal when the 1-tree bound leaves a gap.
    ///
    /// It was 160 until the eleventh session. On 38 files of 161 to 199
    /// points (brain dumps from 165 to 199 points with four to six seeds
    /// each, and rat195, si175, u159, brg180 with 8 nearest), the search
    /// proves 19 walks optimal instead of 4, and finds a walk 0.16–0.33 %
    /// shorter than the paired-run tour search's on 5 brain dumps (three of them
    /// proven optimal: 175 points seed 1, 180 points seeds 3 and 4, where
    /// LKH-3 finds the same cost); the others keep their walk, with a tighter
    /// bound. The price is on the files it cannot prove: 0.5–0.95 s instead
    /// of 0.1–0.2 s (LKH-3 takes 3–6 s at that size), with the budget of
    /// ``proofWork(terminals:)``. From 200 to 300 points it was tried and not
    /// kept: 2 to 4 times the time, and one walk of 17 shorter.
    public static let branchAndBoundTerminals = 199

    /// 1-trees the branch and bound may compute, scaled by `T²` for *T*
    /// terminals: 1.5·10¹⁰ / `T²` (1.5 million 1-trees at 100 terminals,
    /// about 4 s on one core; 2.6 million at 76, enough for pr76, which needed
    /// 2.1 million on the plain bound and needs 551,000 with the blossom
    /// multipliers re-optimised at each node; most instances need a few
    /// percent).
    static let branchAndBoundWork = 15_000_000_000

    /// The branch and bound's work for *T* terminals, in 1-trees times *T*²
    /// (``branchAndBoundWork`` up to 100 terminals; above, a proof is a bonus,
    /// not a promise: a quarter of it up to 160 terminals and a sixteenth
    /// above). With a quarter from 161 to 199 terminals, the 38 files measured
    /// for ``branchAndBoundTerminals`` gave one more proof than with a
    /// sixteenth (20 against 19, the same walks) but spent up to 2.1 s on
    /// those it could not prove, against 0.95 s; a sixty-fourth lost two
    /// proofs and three of the five shorter walks, for 0.77 s at most.
    ///
    /// - Complexity: O(1).
    static func proofWork(terminals t: Int) -> Int {
        t <= 100 ? branchAndBoundWork : t <= 160 ? branchAndBoundWork / 4 : branchAndBoundWork / 16
    }

    /// 1-trees per terminal in the first instalment of the branch and bound,
    /// which runs before the second tour search: on 11 of the 24 benchmark
    /// instances with a gap it finishes there (att48, brazil58, st70, rat99,
    /// bd75s3, ...), in less time than that tour search takes (0.1 to 2 ms
    /// against 3 to 13 ms). When it does not, the search starts over from
    /// the root after the second tour search and the blossom fixings, and
    /// these 1-trees are lost, unless neither changed the root's fixings. Of 27 files of 42 to 158 terminals that
    /// finished within 50 *T*, 25 needed at most 22 *T*; but 25 *T*, which
    /// would save about 7 ms at 100 terminals where the search goes on, left
    /// a brain dump of 160 points unproven after 4 s instead of proven in
    /// 0.25 s: the longer instalment finds a better tour (570 units against
    /// 573), from which the second tour search reaches the optimum (569).
    static let quickSearchSteps = 50

    /// Terminals from which the second tour search, which runs when the first
    /// instalment of the branch and bound does not finish, is the paired-run
    /// search of 161 terminals and more (``_TourSearch/pairedRunThreshold``).
    /// Of the 12 brain dumps of 120 to 160 points measured that get there,
    /// the one-run search left 4 one to three units above the optimum, for
    /// the branch and bound to find (bd150s3: 484 against 481); with two
    /// runs bd150s3 takes 0.18 s
    /// instead of 0.81 s, bd140s15 0.17 s instead of 0.44 s, brain dump 160
    /// (seed 3) is proven in 0.23 s instead of unproven in 0.94 s, and the
    /// others pay up to 35 ms. Up to 100 terminals every such second search
    /// measured already reached the optimum, so the cheaper one run stays.
    static let polishPairedRunTerminals = 101

    /// 1-trees per terminal for the blossom ascent (``_BlossomBound``) whose
    /// reduced costs fix edges at the root before the branch and bound starts
    /// over, when its first instalment did not finish. Measured with 10, 15
    /// and 20: with 10, brain dump 120 (seed 14) stays unproven within its
    /// budget (0.7 s to a proof with 15 or 20), and brain dump 100 (seed 4)
    /// takes 0.09 s with 20 against 0.12 s with 15 (0.15 s without blossoms).
    static let blossomFixingSteps = 20

    /// The share of the root's gap (best tour less Held-Karp bound) that the
    /// blossom ascent behind the fixings must close for the search that
    /// starts over to re-optimise the blossoms' multipliers at every node
    /// (``_BlossomLifting``). Where they close much of it, far fewer 1-trees
    /// are needed (kroA100, 67 % closed: 94,000 → 20,000; pr76, 33 %: 2.1
    /// million → 550,000; bier127, 68 %: proven, where it was not within its
    /// budget); where they close little, more were (kroE100, 26 %: 96,000 →
    /// 130,000; gr96, 28 %: 17,000 → 33,000; pr124, 22 %). Chosen between
    /// those measurements (eighteenth session).
    static let liftingGapShare = 0.3

    /// 1-trees per terminal for the blossom ascent (``_BlossomBound``) that
    /// lifts the bound above ``branchAndBoundTerminals`` where the 1-tree
    /// bound leaves a gap above ``blossomGap``.
    static let blossomSteps = 10

    /// Above ``branchAndBoundTerminals``, the relative gap above which the
    /// bound is lifted by blossoms: the 2 % the bound is meant to be within.
    static let blossomGap = 0.02

    /// Up to this many terminals a blossom ascent may run above
    /// ``branchAndBoundTerminals``: its 1-trees are dense, O(*T*²) each (0.3 s
    /// at 318 terminals).
    static let blossomTerminals = 400

    /// Terminals from which the tour search takes its candidate lists from
    /// α-nearness on π-transformed costs (``_TourSearch/improve(_:metric:deadline:seed:pairedRunsFrom:goodEnough:candidatePenalties:)``),
    /// with the penalties of a Held-Karp ascent on candidate 1-trees
    /// (``_HeldKarpBound/boundOnCandidates(scale:tour:upperBound:deadline:progress:)``)
    /// run from the first descended tour. Mean gap to LKH-3 over eight seeds
    /// (Guides/TourSearch.md): 0.11–0.31 % down to 0.10–0.17 % on six brain
    /// dumps and pr1002 of 700 to 1,002 points, for about 0.1 s at 1,000;
    /// within noise at 500 (0.120 % against 0.112 % over two brain dumps), and
    /// from 161 to 300 one file better and one worse. From 400 the paired-run
    /// search also has its whole kick budget (``_TourSearch/fullBudgetTerminals``).
    static let penalisedCandidateTerminals = 400

    /// Finds a closed walk and a lower bound on the optimum.
    ///
    /// Costs of any magnitude are solved alike: a problem whose largest cost
    /// is far from 1 is solved with its costs scaled by a power of two, which
    /// changes no comparison between walks (``_CostNormalisation``). Points
    /// joined by relations that cost nothing are solved as one
    /// (``_ZeroCostContraction``), a graph without cycles is walked directly,
    /// and a graph with cut points is solved block by block
    /// (``_BlockDecomposition``); all three keep the optimum.
    ///
    /// - Throws: ``Failure/unreachable(_:)`` when a required vertex cannot be
    ///   reached from the start.
    /// - Complexity: the closure, O(*T* (*V* + *E*) log *V*), the tour search,
    ///   O(*k* *T*²) for a bound of *k* subgradient steps, and the branch and
    ///   bound, exponential in the worst case but capped by its work budget.
    public static func solve(_ problem: WalkProblem, options: SolverOptions = SolverOptions()) throws(Failure) -> ClosedWalk {
        let factor = _CostNormalisation.factor(for: problem.graph)
        guard factor != 1 else { return try solveAsGiven(problem, options: options) }
        var scaledOptions = options
        scaledOptions.progress = options.progress.map { _CostNormalisation.reporting($0, scaledBackFrom: factor) }
        let scaled = try solveAsGiven(problem.scaled(by: factor), options: scaledOptions)
        // Dividing by a power of two is exact; the cost is summed again on the costs as given all the same.
        let cost = problem.cost(of: scaled.vertices) ?? scaled.cost / factor
        return ClosedWalk(vertices: scaled.vertices, cost: cost, lowerBound: min(scaled.lowerBound / factor, cost),
                          isOptimal: scaled.isOptimal, method: scaled.method)
    }

    /// ``solve(_:options:)`` on the costs as they are.
    private static func solveAsGiven(_ problem: WalkProblem, options: SolverOptions) throws(Failure) -> ClosedWalk {
        let unreachable = problem.unreachableRequiredVertices()
        guard unreachable.isEmpty else { throw .unreachable(unreachable) }
        if problem.requiredVertices.count == 1 {
            return ClosedWalk(vertices: [problem.start], cost: 0, lowerBound: 0, isOptimal: true, method: "trivial")
        }
        if let contraction = _ZeroCostContraction(problem) {
            // Relations that cost nothing: solved on the groups they join, with the same optimum.
            let groups = try solveAsGiven(contraction.contracted, options: options)
            let walk = contraction.expand(groups.vertices)
            let cost = problem.cost(of: walk) ?? .infinity
            return ClosedWalk(vertices: walk, cost: cost, lowerBound: min(groups.lowerBound, cost),
                              isOptimal: groups.isOptimal,
                              method: groups.method == "trivial" && walk.count > 1 ? "tree" : groups.method)
        }
        let deadline = _Deadline(seconds: options.timeLimit ?? SolverOptions.defaultTimeLimit)
        let blocks = _BlockDecomposition(problem)
        if let walk = blocks.walkOnTree(problem), let cost = problem.cost(of: walk) {
            // No cycle: every relation needed is crossed twice, and nothing else is needed.
            return ClosedWalk(vertices: walk, cost: cost, lowerBound: cost - 1e-9 * cost, isOptimal: true, method: "tree")
        }
        if blocks.parts.count > 1 && isWorthSplitting(blocks, terminals: problem.requiredVertices.count) {
            return try solveInParts(problem, blocks: blocks, options: options, deadline: deadline)
        }
        if problem.requiredVertices.count >= _LargeInstanceSolver.minimumTerminals {
            return _LargeInstanceSolver.solve(problem, options: options, deadline: deadline,
                                              progress: _ProgressReporter(options, deadline: deadline))
        }
        let metric = TerminalMetric(problem)
        let solution = solveTour(metric, seed: options.seed, deadline: deadline,
                                 progress: _ProgressReporter(options, deadline: deadline))
        return finish(problem, metric, tour: solution.tour, lowerBound: solution.lowerBound,
                      isOptimal: solution.isOptimal, method: solution.method)
    }

    /// Above this, the blocks' estimated search work (see
    /// ``isWorthSplitting(_:terminals:)``) is more than one large-instance
    /// search on the whole problem.
    static let splitWorkLimit = 20_000.0

    /// Whether to solve the blocks one by one rather than the whole problem.
    /// Below ``_LargeInstanceSolver/minimumTerminals`` always: the blocks get
    /// the same kind of search as the whole would, each on fewer points, and
    /// the bound is the sum of tighter bounds. The time may grow, not the
    /// walk: fourteen clusters of 200 points meeting at one point took
    /// 6.7–7.2 s split against 4.9 s whole, for a walk 0.02 % shorter and a
    /// gap of 0.06 % instead of 0.47 %. From there the whole gets the
    /// large-instance search, which costs far less per point (2.6 s at 10,000
    /// points), and many mid-sized blocks cost more: fifty such clusters took
    /// 9.6 s split (cut short by the time limit) against 4.6 s whole. So from
    /// there the problem is split only while `Σ T^1.25` over the blocks of
    /// 13 to 2,999 required points (Held-Karp takes those below, the large
    /// search those above) is at most ``splitWorkLimit``: 37,900 for those
    /// fifty clusters; 5,600 for a tree of 5,000 points with 50 extra
    /// relations, whose one block of 992 points took 2.6 s against 6.0 s
    /// whole (and a walk 4.5 % longer), and 13,900 for one of 20,000 points
    /// with a block of 2,066 (2.2 s against 3.5 s).
    ///
    /// - Complexity: O(blocks).
    static func isWorthSplitting(_ blocks: _BlockDecomposition, terminals: Int) -> Bool {
        if terminals < _LargeInstanceSolver.minimumTerminals { return true }
        var work = 0.0
        for part in blocks.parts {
            let t = part.problem.requiredVertices.count
            if t > _HeldKarpDynamicProgram.maximumTerminals && t < _LargeInstanceSolver.minimumTerminals {
                work += Double(t) * Double(t).squareRoot().squareRoot()
            }
        }
        return work <= splitWorkLimit
    }

    /// Solves each block of `blocks` on its own and joins the walks: the cost
    /// and the bound are the blocks' sums, optimal when every block's walk
    /// is, and `method` is the largest block's followed by `" in parts"`
    /// (`"tree"` when every block is a single relation). The blocks are
    /// solved from the smallest up, each with all the time left, so the
    /// largest gets what the small ones did not use. Progress covers the
    /// blocks solved so far and the one being solved, its phase saying so
    /// (`"parts 1–3 of 14: improving tour"`, `"parts 1–3 of 14 solved"`),
    /// timed from the start of the whole solve: fourteen blocks of 200 points
    /// that each take under a second used to show nothing for 4.6 s. While
    /// the block being solved has no bound yet, the reported bound is 0 (no
    /// bound), not the blocks before alone.
    ///
    /// - Complexity: O(*V* + *E*) besides solving the blocks.
    private static func solveInParts(_ problem: WalkProblem, blocks: _BlockDecomposition,
                                     options: SolverOptions, deadline: _Deadline) throws(Failure) -> ClosedWalk {
        let parts = blocks.parts
        let terminals = parts.map { $0.problem.requiredVertices.count }
        let order = parts.indices.sorted { (terminals[$0], $0) < (terminals[$1], $1) }
        var walks = [[Int]](repeating: [], count: parts.count)
        var cost = 0.0, bound = 0.0
        var isOptimal = true
        var method = "trivial"
        let reporter = _ProgressReporter(options, deadline: deadline)
        let searched = parts.count { $0.vertices.count > 2 }
        var solved = 0
        for index in order {
            let part = parts[index]
            if part.vertices.count == 2 {
                // A single relation: there and back.
                let relation = 2 * (part.problem.graph.edgeCost(0, 1) ?? .infinity)
                walks[index] = [part.vertices[0], part.vertices[1], part.vertices[0]]
                cost += relation
                bound += relation
                continue
            }
            // All the time left: each block's search then stops where it would on its own (its work
            // budgets are deterministic), and only a problem whose blocks need more than the limit in
            // all is cut short, in its last (largest) blocks. (A share of the time in proportion to
            // the points cut the tour search of each of 14 blocks of 200 points short, and the walk
            // changed from run to run.)
            var partOptions = options
            partOptions.timeLimit = max(0.01, deadline.remaining)
            let label = "parts 1–\(solved + 1) of \(searched)"
            if let report = options.progress {
                let (costBefore, boundBefore, secondsBefore) = (cost, bound, deadline.elapsed)
                // The block's own reporter starts its clock now: it reports once the whole solve has run the delay.
                partOptions.progressTiming.delay = max(0, options.progressTiming.delay - secondsBefore)
                // Until the block has a bound of its own, none is reported (0): the blocks before alone
                // would make the gap read as if the block's whole cost were unproven.
                partOptions.progress = { progress in
                    report(SolverProgress(elapsedSeconds: secondsBefore + progress.elapsedSeconds,
                                          bestCost: costBefore + progress.bestCost,
                                          lowerBound: progress.hasLowerBound ? boundBefore + progress.lowerBound : 0,
                                          phase: label + ": " + progress.phase))
                }
            }
            let walk = try solveAsGiven(part.problem, options: partOptions)
            solved += 1
            walks[index] = walk.vertices.map { part.vertices[$0] }
            cost += walk.cost
            bound += walk.lowerBound
            isOptimal = isOptimal && walk.isOptimal
            method = walk.method
            if solved < searched { reporter.update(bestCost: cost, lowerBound: bound, phase: label + " solved") }
        }
        let walk = blocks.joined(walks, start: problem.start)
        let total = problem.cost(of: walk) ?? .infinity
        // Sums over many blocks: a relative 10⁻⁹ covers their rounding.
        return ClosedWalk(vertices: walk, cost: total, lowerBound: min(bound - 1e-9 * bound, total),
                          isOptimal: isOptimal, method: method == "trivial" ? "tree" : method + " in parts")
    }

    /// A tour of the terminals with its proven bound, before expansion into a walk.
    struct TourSolution {
        /// A cyclic order of all terminals.
        var tour: [Int]
        /// A proven lower bound on every tour, in the problem's costs (already
        /// lowered against rounding).
        var lowerBound: Double
        /// Whether `tour` is proven optimal.
        var isOptimal: Bool
        /// How it was found: `"held-karp"`, `"1-tree"`, `"1-tree with blossoms"`,
        /// `"branch-and-bound"` or `"local-search"`.
        var method: String
    }

    /// The exact search's second tour search (its polish, step 6 of
    /// `Guides/ExactSearch.md`), from `start`: another seed than the first,
    /// runs in pairs from ``polishPairedRunTerminals``, and candidate lists
    /// ranked by α-nearness on the root's Held-Karp penalties `rootPenalties`
    /// (in the units of `scale`), the lists LKH uses, which the first search
    /// (run before the root's ascent) cannot have.
    ///
    /// Measured (nineteenth session, 214 brain dumps and TSPLIB graphs of 42
    /// to 200 points, one run each, against plain lists): 197 plans the same
    /// bytes (the second search rarely decides a plan), 15 other walks of the
    /// same cost, rat195's walk shorter (2,328 → 2,323, unproven both ways,
    /// 1.19 → 1.61 s); whole process, best of 3: brain dump 160 seed 36
    /// proven optimal in 0.35 s instead of unproven after 1.2 s, brain dump
    /// 90 seed 7 0.13 → 0.08 s, brain dumps 140 seed 4 and 150 seed 6 0.42–0.48
    /// → 0.27 s, all by the fixings once the second search had found the
    /// optimum; bd150s3 0.29 → 0.50 s (the plain lists' runs found its
    /// optimum, these did not).
    ///
    /// It stops as soon as its tour costs no more than `stopCost` (the exact
    /// search passes the cost its root's bound proves optimal); until the
    /// twentieth session it ran out its patience after reaching it (brain dump
    /// 100 seed 28: 142 → 104 ms, mean of 15 runs; other walks of the same
    /// cost).
    ///
    /// - Complexity: that of ``_TourSearch/improve(_:metric:deadline:seed:pairedRunsFrom:goodEnough:candidatePenalties:progress:newBest:)``.
    static func secondTourSearch(from start: [Int], metric: TerminalMetric, scale: _CostScale,
                                 rootPenalties: [Double], seed: UInt64, stopCost: Double = -.infinity,
                                 deadline: _Deadline) -> [Int] {
        _TourSearch.improve(start, metric: metric, deadline: deadline, seed: seed &+ 0x9E37_79B9_7F4A_7C15,
                            pairedRunsFrom: polishPairedRunTerminals, goodEnough: { _ in stopCost },
                            candidatePenalties: { _ in rootPenalties.map { $0 * scale.unit } })
    }

    /// The tour search, bound and exact search on a closure (see the type's
    /// overview for the flow).
    ///
    /// - Parameters:
    ///   - dynamicProgramTerminals: up to this many terminals the dynamic
    ///     program is used; tests lower it to exercise the other methods on
    ///     small instances.
    ///   - firstInstalmentSteps: 1-trees per terminal for the branch and
    ///     bound's first instalment; tests set it to 0 to exercise what
    ///     follows an unfinished one on small instances.
    ///   - rootAscentAhead: whether the root's Held-Karp ascent may be worked
    ///     out on a second thread during a one-run tour search (the same
    ///     result, sooner); tests turn it off to compare.
    /// - Complexity: see ``solve(_:options:)``.
    static func solveTour(_ metric: TerminalMetric, seed: UInt64, deadline: _Deadline, progress: _ProgressReporter,
                          dynamicProgramTerminals: Int = _HeldKarpDynamicProgram.maximumTerminals,
                          firstInstalmentSteps: Int = quickSearchSteps, rootAscentAhead: Bool = true) -> TourSolution {
        if metric.count <= 3 || metric.count <= dynamicProgramTerminals {
            let tour = _HeldKarpDynamicProgram.optimalTour(metric)
            let cost = metric.tourCost(tour)
            return TourSolution(tour: tour, lowerBound: cost - 1e-11 * abs(cost), isOptimal: true, method: "held-karp")
        }
        // The unit of the costs and a first tour (nearest neighbour and 2-opt) need only the closure,
        // so from `TerminalMetric.parallelRowsTerminals` they are found at once, on two threads (at
        // 2,000 points 0.07 s and 0.16-0.25 s; below 200 a second thread costs more than it saves).
        let (scale, nearestNeighbourTour) = metric.count < TerminalMetric.parallelRowsTerminals
            ? (_CostScale(metric), _SimpleTourSearch.improvedNearestNeighbourTour(metric))
            : _ParallelJobs.both({ _CostScale(metric) }, { _SimpleTourSearch.improvedNearestNeighbourTour(metric) })
        func report(_ cost: Double, _ bound: Double, _ phase: String) {
            progress.update(bestCost: cost * scale.unit, lowerBound: scale.reportedBound(bound), phase: phase)
        }
        func solution(_ tour: [Int], _ bound: Double, _ isOptimal: Bool, _ method: String) -> TourSolution {
            TourSolution(tour: tour, lowerBound: scale.reportedBound(bound), isOptimal: isOptimal, method: method)
        }

        // An upper bound from the tour search.
        var tour = nearestNeighbourTour
        // Up to the branch-and-bound limit, the Held-Karp bound of the root is taken as soon as the
        // first descent ends: when the descended tour or a kick soon after reaches it, the search
        // stops there instead of waiting out its patience (most small files close this way).
        var earlyBound = -Double.infinity
        let goodEnough: (([Int]) -> Double)? = metric.count > branchAndBoundTerminals ? nil : { descended in
            let target = scale.tourCost(descended)
            let root = _HeldKarpBound.ascend(
                tree: _OneTree(count: metric.count, costs: scale.distances),
                constraints: _EdgeConstraints(count: metric.count),
                penalties: [Double](repeating: 0, count: metric.count), target: target,
                stopAbove: scale.pruneThreshold(upperBound: target),
                schedule: .early(metric.count), deadline: deadline)
            earlyBound = scale.provenBound(root.bound)
            return scale.stopCost(provenBound: earlyBound)
        }
        // From `penalisedCandidateTerminals`, a Held-Karp ascent from the first descended tour gives the
        // penalties for the search's candidate lists; its bound is kept, as valid as the one after, and its
        // penalties start the ascent after the search.
        var candidateBound = -Double.infinity
        var candidateBoundPenalties: [Double]?
        let candidatePenalties: (([Int]) -> [Double]?)? = metric.count < penalisedCandidateTerminals ? nil : { descended in
            let descendedCost = scale.tourCost(descended)
            let (bound, penalties) = _HeldKarpBound.boundOnCandidates(
                scale: scale, tour: descended, upperBound: descendedCost, deadline: deadline,
                progress: { _ in report(descendedCost, 0, "improving tour") })
            candidateBound = bound
            candidateBoundPenalties = penalties
            return penalties.map { $0 * scale.unit }
        }
        // The tour search gets at most half the time left, so the bound and the proof always get the rest.
        // Progress during the search: a run's cost, and the candidate ascent's bound once there is one.
        let searchProgress: (Double) -> Void = { cost in
            progress.update(bestCost: cost, lowerBound: candidateBound > -.infinity ? scale.reportedBound(candidateBound) : 0,
                            phase: "improving tour")
        }
        // The Held-Karp ascent at the root of the exact search (below), on a 1-tree of its own.
        typealias RootAscent = (tree: _OneTree, root: _HeldKarpBound.Outcome)
        func rootAscent(target: Double, deadline: _Deadline) -> RootAscent {
            let tree = _OneTree(count: metric.count, costs: scale.distances)
            let root = _HeldKarpBound.ascend(
                tree: tree, constraints: _EdgeConstraints(count: metric.count),
                penalties: [Double](repeating: 0, count: metric.count),
                target: target, stopAbove: scale.pruneThreshold(upperBound: target),
                schedule: .root(metric.count), deadline: deadline)
            return (tree, root)
        }
        let searchDeadline = _Deadline(seconds: deadline.remaining / 2)
        func tourSearch(newBest: (([Int]) -> Void)? = nil) -> [Int] {
            _TourSearch.improve(tour, metric: metric, deadline: searchDeadline, seed: seed, goodEnough: goodEnough,
                                candidatePenalties: candidatePenalties, progress: searchProgress, newBest: newBest)
        }
        let searched: [Int]
        var rootAhead: (value: Double, output: RootAscent)?
        if rootAscentAhead && metric.count <= branchAndBoundTerminals && metric.count < _TourSearch.pairedRunThreshold {
            // The root ascent needs only the search's final cost, as its target. Here the search is one
            // run and the other core idles, so the ascent is worked out there for each new best tour as
            // the search finds it; the one for the final cost is exactly the ascent computed afterwards,
            // and mostly done by the time the search has waited out its patience.
            let worker = _LatestValueWorker<Double, RootAscent>()
            let startCost = scale.tourCost(tour)
            (searched, rootAhead) = _ParallelJobs.both({
                let searched = tourSearch(newBest: { worker.post(scale.tourCost($0)) })
                // When the early bound proves the tour optimal, no root ascent is wanted.
                let cost = min(startCost, isTour(searched, of: metric.count) ? scale.tourCost(searched) : startCost)
                if earlyBound > scale.pruneThreshold(upperBound: cost) { worker.cancel() } else { worker.finish() }
                return searched
            }, {
                worker.run { target, superseded in
                    rootAscent(target: target,
                               deadline: _Deadline(start: deadline.start, seconds: deadline.budget, stoppedBy: superseded))
                }
            })
        } else {
            searched = tourSearch()
        }
        if isTour(searched, of: metric.count) && scale.tourCost(searched) < scale.tourCost(tour) { tour = searched }
        var upperBound = scale.tourCost(tour)
        if earlyBound > scale.pruneThreshold(upperBound: upperBound) {
            return solution(tour, min(upperBound, earlyBound), true, "1-tree")
        }
        report(upperBound, max(0, candidateBound), "bounding")

        if metric.count > branchAndBoundTerminals {
            var (bound, penalties) = _HeldKarpBound.boundOnCandidates(
                scale: scale, tour: tour, upperBound: upperBound, deadline: deadline,
                warmStart: candidateBoundPenalties,
                progress: { _ in report(upperBound, max(0, candidateBound), "bounding") })
            bound = max(bound, candidateBound)
            // Where the candidate bound leaves more than 2 %, a dense ascent from its penalties and then
            // blossoms lift it (8 nearest: brg180, 4.3 % to a proof of optimality; lin318, 3.8 % to
            // 1.5 %; ts225, 9.2 % to 4.5 %), for O(T²) per 1-tree.
            var method = "1-tree"
            if upperBound - bound > blossomGap * upperBound && metric.count <= blossomTerminals
                && !deadline.hasPassed {
                let threshold = scale.pruneThreshold(upperBound: upperBound)
                let dense = _HeldKarpBound.ascend(
                    tree: _OneTree(count: metric.count, costs: scale.distances),
                    constraints: _EdgeConstraints(count: metric.count), penalties: penalties, target: upperBound,
                    stopAbove: threshold, schedule: .root(metric.count), deadline: deadline)
                if dense.bound > bound {
                    bound = dense.bound
                    penalties = dense.penalties
                }
                if bound <= threshold && !deadline.hasPassed {
                    let lifted = _BlossomBound.ascend(
                        distances: scale.distances, count: metric.count, penalties: penalties, target: upperBound,
                        stopAbove: threshold, maximumSteps: blossomSteps * metric.count, deadline: deadline)
                    if lifted.bound > bound {
                        bound = lifted.bound
                        method = "1-tree with blossoms"
                    }
                }
            }
            let proven = min(upperBound, scale.provenBound(bound))
            let closed = proven > scale.pruneThreshold(upperBound: upperBound)
            return solution(tour, proven, closed, closed ? method : "local-search")
        }

        // The Held-Karp bound at the root: worked out ahead for this cost, or now.
        let ahead = rootAhead.flatMap { $0.value == upperBound && !deadline.hasPassed ? $0.output : nil }
        let (tree, root) = ahead ?? rootAscent(target: upperBound, deadline: deadline)
        if root.isTour {
            let candidate = tree.tour()
            if scale.tourCost(candidate) < upperBound {
                tour = candidate
                upperBound = scale.tourCost(candidate)
            }
        }
        var lowerBound = min(upperBound, scale.provenBound(root.bound))
        if lowerBound > scale.pruneThreshold(upperBound: upperBound) || root.isTour {
            return solution(tour, lowerBound, true, "1-tree")
        }

        // A gap remains: branch and bound closes it. Most gaps close in a few
        // hundred 1-trees, less work than a second tour search, so the search
        // starts with the tour as it is and uses a polished tour only if it
        // runs past a first instalment.
        let steps = proofWork(terminals: metric.count) / (metric.count * metric.count)
        // The root's constraints: the reduced-cost fixings of its 1-tree on `tree` under `fixings`, for the
        // upper bound `cost`, or nil when they leave no tour that beats it.
        func rootConstraints(_ fixings: _EdgeConstraints, cost: Double, on tree: _OneTree) -> _EdgeConstraints? {
            var constraints = fixings
            tree.removeEdgeLimit()
            guard tree.compute(constraints: constraints, penalties: root.penalties),
                  tree.reduce(constraints: &constraints, penalties: root.penalties,
                              threshold: scale.pruneThreshold(upperBound: cost))
            else { return nil }
            return constraints
        }
        // The root's constraints for the upper bound `cost`, with the fixings that the reduced costs of
        // blossom-lifted costs prove (bd100s3: 0.44 s to 0.08 s; bd120s14: proven in 0.7 s instead of
        // unproven in 2 s), from at most `blossomFixingSteps` restricted 1-trees per terminal; or the
        // method that proves no tour beats `cost`.
        func liftedRootConstraints(cost: Double, on tree: _OneTree,
                                   deadline: _Deadline) -> Result<LiftedRoot, ProvenOptimal> {
            guard let plain = rootConstraints(_EdgeConstraints(count: metric.count), cost: cost, on: tree) else {
                return .failure(ProvenOptimal(method: "1-tree"))
            }
            let threshold = scale.pruneThreshold(upperBound: cost)
            let lifted = _BlossomBound.ascend(
                distances: scale.distances, count: metric.count, constraints: plain, penalties: root.penalties,
                target: cost, stopAbove: threshold, maximumSteps: blossomFixingSteps * metric.count,
                deadline: deadline, widerWhenNone: true)
            guard lifted.bound <= threshold, let fixings = _BlossomBound.fixings(of: lifted, threshold: threshold),
                  let constraints = rootConstraints(fixings, cost: cost, on: tree)
            else { return .failure(ProvenOptimal(method: "1-tree with blossoms")) }
            // Where the blossoms close enough of the root's gap, the nodes below re-optimise the multipliers
            // of those that helped, from the ascent's (see `liftingGapShare`).
            let lifting = lifted.bound - root.bound >= liftingGapShare * (cost - root.bound)
                ? _BlossomLifting(helpedIn: lifted, distances: scale.distances, count: metric.count) : nil
            return .success(LiftedRoot(constraints: constraints, lifting: lifting, penalties: lifted.penalties))
        }
        func searchFromRoot(_ fixings: _EdgeConstraints, lifted: LiftedRoot? = nil) -> _BranchAndBound {
            // A lifted search starts from the blossom ascent's penalties, a plain one from the root's.
            let start = lifted.flatMap { $0.lifting == nil ? nil : $0 }
            return _BranchAndBound(scale: scale, tree: tree, root: fixings,
                                   rootPenalties: start?.penalties ?? root.penalties, rootBound: root.bound,
                                   tour: tour, lifting: start?.lifting)
        }
        guard let firstRoot = rootConstraints(_EdgeConstraints(count: metric.count), cost: upperBound, on: tree)
        else {
            return solution(tour, upperBound, true, "1-tree")
        }
        // What the search needs when a first instalment does not finish: a second tour search from
        // `start` (`secondTourSearch`, which may tighten the upper bound), then the lifted fixings for the
        // better of the two tours, on `tree` (a new one when nil). Nil when `stop` is raised before the end.
        typealias SecondLook = (tour: [Int], cost: Double, constraints: Result<LiftedRoot, ProvenOptimal>)
        // A tour at the root's bound is optimal: the second search stops there.
        let rootStopCost = scale.stopCost(provenBound: lowerBound)
        func secondLook(from start: [Int], on tree: _OneTree?, stop: _StopSignal) -> SecondLook? {
            guard !stop.isRaised else { return nil }
            let tree = tree ?? _OneTree(count: metric.count, costs: scale.distances)
            let startCost = scale.tourCost(start)
            let fixingsDeadline = _Deadline(seconds: deadline.remaining, stoppedBy: stop)
            let polished = secondTourSearch(from: start, metric: metric, scale: scale, rootPenalties: root.penalties,
                                            seed: seed, stopCost: rootStopCost,
                                            deadline: _Deadline(seconds: deadline.remaining / 2, stoppedBy: stop))
            let isBetter = isTour(polished, of: metric.count) && scale.tourCost(polished) < startCost
            let (tour, cost) = isBetter ? (polished, scale.tourCost(polished)) : (start, startCost)
            guard !stop.isRaised else { return nil }
            return (tour, cost, liftedRootConstraints(cost: cost, on: tree, deadline: fixingsDeadline))
        }
        // Below `polishPairedRunTerminals`, where the second tour search is one run, the first instalment
        // runs with the second look from the same tour beside it, on the other core. The look is
        // stopped as soon as the instalment proves the tour optimal or finds a better one (the look
        // then starts again from that), and otherwise runs to its end, so the outcome never depends
        // on timing (bd100: 87 to 78 ms, kroC100: 75 to 60 ms, best of 3). Dispatch often starts the
        // second job only after a short first one, which then costs nothing. From
        // `polishPairedRunTerminals` the look's own runs in pairs need both cores, and running them beside the
        // instalment made proofs slower (bd160s5: 0.27 to 0.41 s).
        var search = searchFromRoot(firstRoot)
        let firstSteps = min(steps, firstInstalmentSteps * metric.count)
        let firstTour = tour
        var result: _BranchAndBound.Result
        var besideFirst: SecondLook? = nil
        if metric.count < polishPairedRunTerminals {
            let stop = _StopSignal()
            (result, besideFirst) = _ParallelJobs.both({
                let result = search.run(stepBudget: firstSteps, deadline: deadline,
                                        report: { report($0, $1, "branch and bound") })
                // The look is wanted only when the instalment neither finished nor found a better tour.
                if result.isOptimal || result.tour != firstTour { stop.raise() }
                return result
            }, {
                secondLook(from: firstTour, on: nil, stop: stop)
            })
        } else {
            result = search.run(stepBudget: firstSteps, deadline: deadline, report: { report($0, $1, "branch and bound") })
        }
        if !result.isOptimal {
            // The look beside the first instalment started from its tour; when there was none, or the
            // instalment found a better tour, the look starts (again) from the instalment's tour.
            let second: SecondLook
            if let look = besideFirst, result.tour == firstTour {
                second = look
            } else {
                report(result.cost, lowerBound, "improving tour")
                second = secondLook(from: result.tour, on: tree, stop: _StopSignal())!
            }
            tour = result.tour
            upperBound = result.cost
            if second.cost < upperBound {
                tour = second.tour
                upperBound = second.cost
                if lowerBound > scale.pruneThreshold(upperBound: upperBound) {
                    return solution(tour, lowerBound, true, "1-tree")
                }
            }
            let lifted: LiftedRoot
            switch second.constraints {
            case .failure(let proof): return solution(tour, upperBound, true, proof.method)
            case .success(let fixed): lifted = fixed
            }
            let constraints = lifted.constraints
            // The search starts over from the root with the stronger fixings (kroB100: half the 1-trees
            // when the polished tour is better), unless there are none.
            if constraints.states == firstRoot.states {
                // Nothing to start over with (no better tour, no new fixings: no blossom on bd100): the
                // search carries on where it stopped, on the edges its root leaves.
                tree.limitEdges(to: firstRoot)
                search.offer(tour)
            } else {
                search = searchFromRoot(constraints, lifted: lifted)
            }
            report(upperBound, lowerBound, "branch and bound")
            result = _SplitBranchAndBound.run(search, scale: scale, stepBudget: steps - result.steps,
                                              deadline: deadline, report: { report($0, $1, "branch and bound") })
        }
        lowerBound = max(lowerBound, result.lowerBound)
        return solution(result.tour, lowerBound, result.isOptimal,
                        result.isOptimal ? "branch-and-bound" : "local-search")
    }

    /// The root of a search that starts over after the blossom fixings: their
    /// constraints, and the blossoms the nodes re-optimise (``_BlossomLifting``)
    /// with the ascent's penalties to start from.
    private struct LiftedRoot {
        var constraints: _EdgeConstraints
        var lifting: _BlossomLifting?
        var penalties: [Double]
    }

    /// Why no tour beats the best: the method that proved it.
    private struct ProvenOptimal: Error {
        var method: String
    }

    /// Whether `tour` visits each of `0..<count` exactly once.
    private static func isTour(_ tour: [Int], of count: Int) -> Bool {
        guard tour.count == count else { return false }
        var seen = [Bool](repeating: false, count: count)
        for t in tour {
            guard t >= 0 && t < count && !seen[t] else { return false }
            seen[t] = true
        }
        return true
    }

    /// Expands `tour` into a walk and packages the result; the reported bound
    /// never exceeds the walk's cost.
    private static func finish(_ problem: WalkProblem, _ metric: TerminalMetric, tour: [Int], lowerBound: Double,
                               isOptimal: Bool, method: String) -> ClosedWalk {
        let walk = problem.expand(tour: tour, metric: metric)
        let cost = problem.cost(of: walk) ?? .infinity
        let bound = min(lowerBound, cost)
        return ClosedWalk(vertices: walk, cost: cost, lowerBound: max(0, bound), isOptimal: isOptimal, method: method)
    }
}
