/// Tour improvement on a dense ``TerminalMetric``: the heuristic that gives the
/// exact solver its first upper bound and solves mid-sized instances alone.
///
/// See `Guides/TourSearch.md` for the design and the measurements behind the budgets.
internal enum _TourSearch {
    /// Candidate neighbours per terminal, by α-nearness (8 beat 6, 7 and 10,
    /// and 10 nearest neighbours, on brain dumps and pr1002).
    static let neighbourWidth = 8
    /// The longest segment a kick swaps (capped at a third of the tour). Over
    /// seeds 1–12 at 1,000 terminals, 75 beat 10, 30 and 50 at about the same
    /// number of kicks (brain dump 1000: mean 505.53 against 506.00 with 30;
    /// pr1002 with 8 neighbours: 260,844 against 261,002).
    static let kickSegmentLimit = 75
    /// Terminals up to which every tour is enumerated instead.
    static let enumerationLimit = 7

    /// Terminals from which the search deepens its Lin-Kernighan moves to
    /// ``deepMoveDepth`` flips and splits its kicks over runs made in pairs,
    /// two at a time on two threads (see ``improve(_:metric:deadline:seed:)``;
    /// until the fourteenth session one pair of independent runs and one
    /// focused pair, now two pairs and one, ``independentRuns``). Below it the settings that
    /// give the exact solver a fast first upper bound stay as they are. (It
    /// was 200 until 30 November 2026; from 161 to 199 the single run ended
    /// 0.17–0.36 % above LKH-3 on some brain dumps and on rat195, and the two
    /// runs matched LKH-3 on all nine files tried. It was the first size
    /// without an exact search until the eleventh session, when that search
    /// went up to 199 terminals, ``ClosedWalkSolver/branchAndBoundTerminals``,
    /// and found shorter tours than these runs on 5 of 38 files.)
    static let pairedRunThreshold = 161
    /// The Lin-Kernighan depth from ``pairedRunThreshold`` terminals (6 below).
    /// Over seeds 0–7 at 1,000 terminals with the same kicks, 10 beat 6, 8,
    /// 12 and 14.
    static let deepMoveDepth = 10
    /// Terminals below which (from ``pairedRunThreshold``) Lin-Kernighan moves
    /// whose ordinary first steps all fail also try the best alternate first
    /// step (a sequential 3-opt move, ``_LocalSearch/alternateBreadth``).
    /// Measured in the eleventh session, one run per seed: on 14 brain dumps
    /// of 200 to 300 points (200 with seeds 1–6, 250 and 300 with seeds 1–4),
    /// the excess over LKH-3 summed over the files went from 0.67–1.56 %
    /// (mean 1.09 %, seeds 0–5) to 0.32–1.02 % (mean 0.56 %), and the files
    /// more than 0.1 % above LKH-3 from 4.5 to 3.5 per seed, for 14 % more
    /// time (0.31 → 0.35 s a file); brain dumps of 400 points 0.04–0.08 % shorter
    /// on average over seeds 0–3 at about the same time; at 600 one better,
    /// one worse; at 1,000 points, brain dump 1000 no shorter (504.33 against
    /// 504.31 over seeds 0–7) for 37 % more time (2.36 s), so not there.
    /// Trying the best three instead of the best one: mean 0.70 %, for 20 %
    /// more time than one.
    static let alternateStepTerminals = 500
    /// The kick budget's factor from ``pairedRunThreshold`` terminals: the
    /// search makes `pairedRunKickFactor` × min(*T*, 10⁶ / *T*) kicks (scaled
    /// below ``fullBudgetTerminals``). 72 until the fourteenth session; over
    /// eight seeds on thirteen files of 400 to 1,002 terminals (brain dumps
    /// and TSPLIB graphs with 8 nearest), 54 left the mean excess over LKH-3
    /// the same (0.126 % against 0.130 % on the 600–1,002 files, 0.064 % on
    /// both at 400–600) in 9–15 % less time (1,000 points: about 0.25 s
    /// less), because the runs have all but stopped improving by then; 45 was
    /// worse (0.14 %).
    static let pairedRunKickFactor = 54
    /// How many independent runs the paired-run search makes (two at a time)
    /// before its two focused ones. Until the fourteenth session it made two,
    /// each with a quarter of the kicks; four with an eighth each, over seeds
    /// 0–7 on eight files of 600 to 1,002 terminals, brought the mean excess
    /// over LKH-3 from 0.126 % to 0.100 % (files more than 0.1 % above it
    /// from 32 to 21 of 64 runs) at about the same time: the runs stall long
    /// before their budget ends, so more starting points beat longer runs.
    /// Six gave 0.109 % and eight 0.096 % over seeds 0–3. Even: they run in
    /// pairs.
    static let independentRuns = 4
    /// Terminals from which the paired-run search gets its whole kick budget;
    /// below, the budget is in proportion (half at 200 terminals).
    static let fullBudgetTerminals = 400

    /// The best tour found from `initial` before `deadline`, deterministic for a
    /// given `seed` unless the deadline cuts the search short. Never worse
    /// than `initial`.
    ///
    /// Builds a greedy-edge tour, starts from whichever of it and `initial` is
    /// shorter, descends with Lin-Kernighan and Or-opt moves over 8 α-nearest
    /// candidates per terminal (with Lin and Kernighan's alternate first step
    /// from ``pairedRunThreshold`` to ``alternateStepTerminals``), then runs an
    /// iterated local search with localised segment-swap kicks (segments of
    /// up to 75 terminals).
    ///
    /// - Below `pairedRunsFrom` terminals (161 unless the exact solver's second
    ///   search lowers it): one run of at most 20 × *T* kicks, stopping early
    ///   after max(100, 5*T*) (up to 150 terminals) or 2000 kicks without
    ///   improvement.
    /// - From `pairedRunsFrom`, with Lin-Kernighan moves of up to 10 flips, a
    ///   budget of 54 × min(*T*, 10⁶ / *T*) kicks (scaled by min(*T*, 400) / 400,
    ///   so half of it at 200 terminals): four independent runs from the
    ///   descended tour with an eighth each, two at a time (two threads), then
    ///   two more from the best result with a quarter each, also at once, with
    ///   every kick placed on a terminal whose two tour neighbours differ
    ///   between the best two independent runs (where two good tours disagree
    ///   is where the remaining gains are); the best comes back. Each run stops
    ///   early after max(2000, 10*T*) kicks without improvement. On two cores
    ///   this costs the wall time of half the kicks. Measured over eight seeds
    ///   at 1,000 terminals (with two independent runs of a quarter each and
    ///   the factor 72 of the time, see ``independentRuns`` and
    ///   ``pairedRunKickFactor``): brain
    ///   dump 1000 0.14 % above LKH-3 and pr1002 (8 neighbours) 0.10 %, in
    ///   1.3–1.4 s for the whole process, against 0.34 % and 0.27 % in 0.9 s
    ///   for the single run of depth 6 used two sessions before.
    /// - With `candidatePenalties` (the exact solver passes them from 400
    ///   terminals, and to its second search below 200,
    ///   ``ClosedWalkSolver/secondTourSearch(from:metric:scale:rootPenalties:seed:stopCost:deadline:)``),
    ///   the lists are rebuilt on π-transformed costs after the
    ///   first descent: over seeds 0–7 on five brain dumps of 1,000 points and
    ///   pr1002, the mean gap to LKH-3 went from 0.14–0.31 % to 0.10–0.17 %.
    ///
    /// - Parameters:
    ///   - initial: a cyclic order of all terminals `0..<metric.count`.
    ///   - metric: the closure.
    ///   - deadline: a safety net; the work budgets normally stop first.
    ///   - seed: the seed of the kicks.
    ///   - pairedRunsFrom: terminals from which the deep moves and the runs in
    ///     pairs are used (the exact solver's second tour search lowers it).
    ///   - goodEnough: called once with the descended tour, before any kick;
    ///     returns a cost at or below which the search stops (the cost a
    ///     lower bound has proven optimal). `nil` never stops early.
    ///   - candidatePenalties: called once with the descended tour, before
    ///     `goodEnough`; returns penalties (in the metric's costs) under which
    ///     the candidate lists are rebuilt by α-nearness on π-transformed
    ///     costs, and the tour descends again on them before the kicks.
    ///     `nil`, or a `nil` result, keeps the first lists.
    ///   - progress: sees the best cost so far after every kick (of the
    ///     first run when two run at once, from that run's thread, never from
    ///     two threads at a time, and never above the best tour of the runs
    ///     before).
    ///   - newBest: below `pairedRunsFrom` terminals, where the search is one
    ///     run, sees the tour (from terminal 0) once it has descended and then
    ///     after every strict improvement, so that the last tour it sees is
    ///     the one returned unless that is `initial` itself.
    /// - Returns: a tour of all terminals, starting at terminal 0.
    /// - Complexity: O(*T*²) to build candidate lists, then about O(*T*) kicks
    ///   of near-constant local work plus O(*T*) per applied flip.
    static func improve(_ initial: [Int], metric: TerminalMetric, deadline: _Deadline, seed: UInt64,
                        pairedRunsFrom: Int = pairedRunThreshold, goodEnough: (([Int]) -> Double)? = nil,
                        candidatePenalties: (([Int]) -> [Double]?)? = nil, progress: ((Double) -> Void)? = nil,
                        newBest: (([Int]) -> Void)? = nil) -> [Int] {
        improve(initial, metric: metric, deadline: deadline, seed: seed,
                kickFactor: metric.count < pairedRunsFrom ? 20 : pairedRunKickFactor,
                pairedRunsFrom: pairedRunsFrom,
                goodEnough: goodEnough, candidatePenalties: candidatePenalties, progress: progress, newBest: newBest)
    }

    /// ``improve(_:metric:deadline:seed:)`` with an explicit kick budget of
    /// `kickFactor` × min(*T*, 10⁶ / *T*) (for tests and benchmarks trading
    /// time for quality).
    ///
    /// - Complexity: as ``improve(_:metric:deadline:seed:)``, linear in `kickFactor`.
    static func improve(_ initial: [Int], metric: TerminalMetric, deadline: _Deadline, seed: UInt64,
                        kickFactor: Int, pairedRunsFrom: Int = pairedRunThreshold,
                        goodEnough: (([Int]) -> Double)? = nil,
                        candidatePenalties: (([Int]) -> [Double]?)? = nil,
                        progress: ((Double) -> Void)? = nil, newBest: (([Int]) -> Void)? = nil) -> [Int] {
        let n = metric.count
        precondition(initial.count == n, "the initial tour must visit every terminal once")
        if n <= 3 { return rotatedToZero(initial) }
        if n <= enumerationLimit { return _ExhaustiveTourSearch.optimalTour(metric) }
        let neighbours = _NeighbourLists(alphaNearness: metric, width: neighbourWidth)
        let greedy = _TourConstruction.greedyTour(neighbours, metric: metric)
        let initialCost = metric.tourCost(initial)
        let start = metric.tourCost(greedy) < initialCost ? greedy : initial
        // A search on `lists` from `tour`, descended to a local optimum with every terminal queued.
        func descent(from tour: [Int], on lists: _NeighbourLists) -> _LocalSearch<_DenseLegCosts, _ArrayTour> {
            var search = _LocalSearch<_DenseLegCosts, _ArrayTour>(costs: _DenseLegCosts(metric), neighbours: lists,
                                                                  initial: tour, epsilon: epsilon(lists, count: n))
            if n >= pairedRunsFrom { search.maximumDepth = deepMoveDepth }
            if n >= pairedRunThreshold && n < alternateStepTerminals { search.alternateBreadth = 1 }
            for city in tour { search.enqueue(city) }
            search.descend(deadline: deadline)
            return search
        }
        var search = descent(from: start, on: neighbours)
        let descended = search.tour.citiesFromZero
        if let penalties = candidatePenalties?(descended) {
            search = descent(from: descended,
                             on: _NeighbourLists(alphaNearness: metric, width: neighbourWidth, penalties: penalties))
        }
        let stopCost = goodEnough?(search.tour.citiesFromZero) ?? -.infinity
        var random = _SplitMix64(seed: seed)
        // Kicks cost O(n) at worst (flips on an array), so beyond 1,000 terminals the budget shrinks.
        var kicks = kickFactor * min(n, 1_000_000 / n)
        // With runs in pairs the budget is in proportion to T up to 400 (half at 200): at 200 the
        // whole budget cost twice the time for the same tours (LKH-3 itself takes about a second there).
        if n >= pairedRunsFrom { kicks = kicks * min(n, fullBudgetTerminals) / fullBudgetTerminals }
        if n < pairedRunsFrom {
            // Up to 150 terminals the optimum is almost always found within a few hundred kicks;
            // stopping sooner keeps the exact solver's upper bound to a few milliseconds. (3T up to
            // 100 terminals, now that the exact search's second look runs beside its first
            // instalment, saved 4–14 ms on 26 of 30 files but left bd100s29 a worse tour: 0.08 to
            // 0.28 s, and 2.81 to 2.84 s over the 30.)
            let patience = n <= 150 ? max(100, 5 * n) : 2_000
            newBest?(search.tour.citiesFromZero)
            search.iterate(kicks: kicks, patience: patience, segmentLimit: kickSegmentLimit,
                           random: &random, deadline: deadline, stopCost: stopCost, progress: progress,
                           newBest: newBest)
        } else {
            search = pairedRuns(from: search, kicks: kicks, patience: max(2_000, 10 * n), random: &random,
                                deadline: deadline, stopCost: stopCost, progress: progress)
        }
        let tour = search.tour.citiesFromZero
        return metric.tourCost(tour) <= initialCost ? tour : rotatedToZero(initial)
    }

    /// ``independentRuns`` independent iterated local searches from
    /// `descended`, two at a time, each with an eighth of `kicks`; then, from
    /// the best of them, two more runs at the same time, each with a quarter
    /// of `kicks`, with kicks focused on the terminals where the best two
    /// independent runs disagree. The best tour comes back (among equals, the
    /// first in this order: the best independent run, then the focused runs).
    ///
    /// Each run has its own random stream drawn from `random`, so the result
    /// does not depend on how the runs are scheduled. A run stops once its tour
    /// costs no more than `stopCost` (a cost a lower bound has shown cannot be
    /// beaten), and no further runs start once one has.
    ///
    /// - Complexity: O(`kicks`) kicks as in ``_LocalSearch/iterate(kicks:patience:segmentLimit:random:deadline:focus:)``,
    ///   in the wall time of about `kicks / 2` on two free cores, plus O(*T*) to compare the runs.
    private static func pairedRuns<Costs>(from descended: _LocalSearch<Costs, _ArrayTour>, kicks: Int,
                                          patience: Int, random: inout _SplitMix64, deadline: _Deadline,
                                          stopCost: Double = -.infinity, progress: ((Double) -> Void)? = nil) -> _LocalSearch<Costs, _ArrayTour> {
        // Two runs at once from `start`, each making at most `share` kicks. Only the first run
        // reports, so that the reporter is never called from two threads at once, and it reports
        // no more than `bestSoFar` (the best tour of the runs before): a later pair starts afresh.
        func runs(from start: _LocalSearch<Costs, _ArrayTour>, share: Int, focus: [Int32], bestSoFar: Double,
                  random: inout _SplitMix64) -> [_LocalSearch<Costs, _ArrayTour>] {
            let seeds = [random.next(), random.next()]
            let report = progress.map { report in { (cost: Double) in report(min(cost, bestSoFar)) } }
            return _ParallelJobs.map(2) { index in
                var search = start
                var stream = _SplitMix64(seed: seeds[index])
                search.iterate(kicks: share, patience: patience, segmentLimit: kickSegmentLimit, random: &stream,
                               deadline: deadline, focus: focus, stopCost: stopCost,
                               progress: index == 0 ? report : nil)
                return search
            }
        }
        if descended.tourCost <= stopCost { return descended }
        var independent: [_LocalSearch<Costs, _ArrayTour>] = []
        for _ in 0..<(independentRuns / 2) {
            let bestSoFar = independent.map(\.tourCost).min() ?? descended.tourCost
            if bestSoFar <= stopCost { break }
            independent += runs(from: descended, share: max(1, kicks / (2 * independentRuns)), focus: [],
                                bestSoFar: bestSoFar, random: &random)
        }
        let ranked = independent.indices.sorted { (x, y) in
            let (costX, costY) = (independent[x].tourCost, independent[y].tourCost)
            return costX < costY || (costX == costY && x < y)
        }
        let (best, runnerUp) = (independent[ranked[0]], independent[ranked[1]])
        if best.tourCost <= stopCost { return best }
        var disputed: [Int32] = []
        for city in 0..<descended.tour.count {
            let (a, b) = (best.tour.next(city), best.tour.previous(city))
            let (c, d) = (runnerUp.tour.next(city), runnerUp.tour.previous(city))
            if !((a == c && b == d) || (a == d && b == c)) { disputed.append(Int32(city)) }
        }
        if disputed.isEmpty { return best }
        let focused = runs(from: best, share: max(1, kicks / 4), focus: disputed, bestSoFar: best.tourCost,
                           random: &random)
        return focused.reduce(best) { $1.tourCost < $0.tourCost ? $1 : $0 }
    }

    /// The gain below which a move is not taken: a billionth of the mean cost
    /// to each terminal's first candidate (a tiny absolute value when those
    /// are all zero), so that equal-cost moves never count as improvements.
    ///
    /// - Complexity: O(*n*).
    static func epsilon(_ neighbours: _NeighbourLists, count n: Int) -> Double {
        var total = 0.0, counted = 0
        for city in 0..<n where neighbours.width > 0 && neighbours.neighbour(city, 0) >= 0 {
            let c = neighbours.cost(city, 0)
            if c.isFinite { total += c; counted += 1 }
        }
        let mean = counted > 0 ? total / Double(counted) : 0
        return mean > 0 ? 1e-9 * mean : 1e-12
    }

    /// `tour` rotated so that terminal 0 comes first.
    ///
    /// - Complexity: O(*n*).
    static func rotatedToZero(_ tour: [Int]) -> [Int] {
        guard let index = tour.firstIndex(of: 0) else { return tour }
        return Array(tour[index...] + tour[..<index])
    }
}
