import Testing
@testable import ThroughlineSolver

/// Test instances and an independent brute force for the tour search tests.
enum TourSearchFixtures {
    /// A metric of `count` random points in a 1000 x 1000 square, distances rounded
    /// to integers (TSPLIB style, many near-ties).
    static func planeMetric(count: Int, seed: UInt64) -> TerminalMetric {
        var random = _SplitMix64(seed: seed)
        let xs = (0..<count).map { _ in Double(random.below(1000)) }
        let ys = (0..<count).map { _ in Double(random.below(1000)) }
        var distances = [Double](repeating: 0, count: count * count)
        for i in 0..<count {
            for j in 0..<count {
                let dx = xs[i] - xs[j], dy = ys[i] - ys[j]
                distances[i * count + j] = ((dx * dx + dy * dy).squareRoot()).rounded()
            }
        }
        return TerminalMetric(vertices: Array(0..<count), distances: distances)
    }

    /// A connected random graph: a shuffled spanning chain of cost 2 plus
    /// `extraEdges` random edges costing 1, 1/2 or 1/3 (brain-dump costs, full of ties).
    static func brainDumpGraph(vertexCount: Int, extraEdges: Int, seed: UInt64) -> RelationGraph {
        var random = _SplitMix64(seed: seed)
        var order = Array(0..<vertexCount)
        for i in stride(from: vertexCount - 1, to: 0, by: -1) { order.swapAt(i, random.below(i + 1)) }
        var edges: [RelationGraph.Edge] = []
        for k in 1..<vertexCount { edges.append(.init(order[k - 1], order[k], cost: 2)) }
        let costs = [1.0, 0.5, 1.0 / 3.0]
        for _ in 0..<extraEdges {
            edges.append(.init(random.below(vertexCount), random.below(vertexCount), cost: costs[random.below(3)]))
        }
        return RelationGraph(vertexCount: vertexCount, edges: edges)
    }

    /// The closure of a brain-dump graph where every vertex is required.
    static func brainDumpMetric(count: Int, seed: UInt64) -> TerminalMetric {
        let graph = brainDumpGraph(vertexCount: count, extraEdges: count, seed: seed)
        return TerminalMetric(WalkProblem(graph: graph, start: 0, isRequired: [Bool](repeating: true, count: count)))
    }

    /// The optimal tour cost by trying every order of terminals 1..<n after 0.
    static func bruteForceOptimum(_ metric: TerminalMetric) -> Double {
        let n = metric.count
        guard n > 2 else { return metric.tourCost(Array(0..<n)) }
        var rest = Array(1..<n)
        var best = Double.infinity
        func permute(_ k: Int) {
            if k == rest.count {
                best = min(best, metric.tourCost([0] + rest))
                return
            }
            for i in k..<rest.count {
                rest.swapAt(k, i)
                permute(k + 1)
                rest.swapAt(k, i)
            }
        }
        permute(0)
        return best
    }

    static func isPermutation(_ tour: [Int], of count: Int) -> Bool {
        tour.count == count && Set(tour) == Set(0..<count)
    }
}

@Suite("Tour search")
struct TourSearchTests {
    typealias F = TourSearchFixtures

    @Test("Improved tours visit every terminal exactly once", arguments: [4, 8, 9, 30, 120])
    func toursArePermutations(count: Int) {
        for seed in 0..<3 as Range<UInt64> {
            for metric in [F.planeMetric(count: count, seed: seed), F.brainDumpMetric(count: count, seed: seed)] {
                let tour = _TourSearch.improve(Array(0..<count), metric: metric, deadline: _Deadline(seconds: 30), seed: seed,
                                               kickFactor: 2)
                #expect(F.isPermutation(tour, of: count))
                #expect(tour.first == 0)
            }
        }
    }

    @Test("Improvement never returns a tour costlier than the initial one")
    func neverWorse() {
        for seed in 0..<4 as Range<UInt64> {
            let metric = F.brainDumpMetric(count: 60, seed: 100 + seed)
            var random = _SplitMix64(seed: seed)
            var shuffled = Array(0..<60)
            for i in stride(from: 59, to: 0, by: -1) { shuffled.swapAt(i, random.below(i + 1)) }
            let good = _TourSearch.improve(shuffled, metric: metric, deadline: _Deadline(seconds: 30), seed: seed, kickFactor: 2)
            #expect(metric.tourCost(good) <= metric.tourCost(shuffled))
            // Starting from an already good tour, with a different seed, must not lose it.
            let again = _TourSearch.improve(good, metric: metric, deadline: _Deadline(seconds: 30), seed: seed &+ 7, kickFactor: 1)
            #expect(metric.tourCost(again) <= metric.tourCost(good) + 1e-9)
            // An expired deadline still returns a tour no worse than the initial one.
            let rushed = _TourSearch.improve(shuffled, metric: metric, deadline: _Deadline(seconds: 0), seed: seed)
            #expect(F.isPermutation(rushed, of: 60))
            #expect(metric.tourCost(rushed) <= metric.tourCost(shuffled))
        }
    }

    @Test("Tours of up to nine terminals are optimal, as brute force confirms", arguments: [4, 5, 6, 7, 8, 9])
    func smallInstancesAreOptimal(count: Int) {
        for seed in 0..<5 as Range<UInt64> {
            for metric in [F.planeMetric(count: count, seed: 1000 + seed), F.brainDumpMetric(count: count, seed: 2000 + seed)] {
                let tour = _TourSearch.improve(Array(0..<count), metric: metric, deadline: _Deadline(seconds: 30), seed: seed)
                let optimum = F.bruteForceOptimum(metric)
                #expect(abs(metric.tourCost(tour) - optimum) <= 1e-9 * max(1, optimum),
                        "seed \(seed): \(metric.tourCost(tour)) vs optimum \(optimum)")
            }
        }
    }

    @Test("The same seed gives the same tour")
    func deterministic() {
        let metric = F.brainDumpMetric(count: 100, seed: 42)
        let first = _TourSearch.improve(Array(0..<100), metric: metric, deadline: _Deadline(seconds: 120), seed: 9, kickFactor: 3)
        let second = _TourSearch.improve(Array(0..<100), metric: metric, deadline: _Deadline(seconds: 120), seed: 9, kickFactor: 3)
        #expect(first == second)
        let plane = F.planeMetric(count: 100, seed: 42)
        #expect(_TourSearch.improve(Array(0..<100), metric: plane, deadline: _Deadline(seconds: 120), seed: 3, kickFactor: 3)
                == _TourSearch.improve(Array(0..<100), metric: plane, deadline: _Deadline(seconds: 120), seed: 3, kickFactor: 3))
    }

    @Test("Runs in pairs below their usual size give a tour no longer than the start, the same for the same seed")
    func pairedRunsFromALowerThreshold() {
        let metric = F.brainDumpMetric(count: 120, seed: 17)
        let start = Array(0..<120)
        func pairedRuns(_ seed: UInt64) -> [Int] {
            _TourSearch.improve(start, metric: metric, deadline: _Deadline(seconds: 120), seed: seed, kickFactor: 8,
                                pairedRunsFrom: 101)
        }
        let first = pairedRuns(4)
        #expect(F.isPermutation(first, of: 120))
        #expect(metric.tourCost(first) <= metric.tourCost(start))
        #expect(pairedRuns(4) == first)
        // The paired-run search is not the one-run search under another name.
        let oneRun = _TourSearch.improve(start, metric: metric, deadline: _Deadline(seconds: 120), seed: 4, kickFactor: 8)
        #expect(oneRun != first)
    }

    @Test("Runs in pairs make no kick once the tour costs what they are told is good enough")
    func pairedRunsStopWhenGoodEnough() {
        let metric = F.brainDumpMetric(count: 120, seed: 17)
        let start = Array(0..<120)
        func pairedRuns(goodEnough: Double?, reports: ReportLog<Double>) -> [Int] {
            _TourSearch.improve(start, metric: metric, deadline: _Deadline(seconds: 120), seed: 4, kickFactor: 8,
                                pairedRunsFrom: 101, goodEnough: goodEnough.map { cost in { _ in cost } },
                                progress: { reports.append($0) })
        }
        let plainReports = ReportLog<Double>()
        let plain = pairedRuns(goodEnough: nil, reports: plainReports)
        #expect(!plainReports.all.isEmpty)
        // Every tour is good enough: the descended tour comes back without a kick.
        let noKicks = ReportLog<Double>()
        let descended = pairedRuns(goodEnough: .infinity, reports: noKicks)
        #expect(noKicks.all.isEmpty)
        #expect(F.isPermutation(descended, of: 120) && metric.tourCost(descended) >= metric.tourCost(plain))
        // A cost never reached changes nothing; one reached stops the runs there.
        #expect(pairedRuns(goodEnough: -.infinity, reports: ReportLog<Double>()) == plain)
        let stoppedReports = ReportLog<Double>()
        let stopped = pairedRuns(goodEnough: metric.tourCost(plain), reports: stoppedReports)
        #expect(metric.tourCost(stopped) <= metric.tourCost(plain) + 1e-9)
        #expect(stoppedReports.all.count <= plainReports.all.count)
    }

    @Test("The search reaches the known optimum of a circle of points")
    func circle() {
        // Points on a circle: the optimal tour visits them in angular order.
        let n = 60
        var distances = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                let gap = Double(min(abs(i - j), n - abs(i - j)))
                distances[i * n + j] = 2 * (gap * Double.pi / Double(n)).sin()
            }
        }
        // Scramble the labels so the trivial tour is not already optimal.
        var random = _SplitMix64(seed: 5)
        var label = Array(0..<n)
        for i in stride(from: n - 1, to: 1, by: -1) { label.swapAt(i, 1 + random.below(i)) }
        var scrambled = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { scrambled[label[i] * n + label[j]] = distances[i * n + j] } }
        let metric = TerminalMetric(vertices: Array(0..<n), distances: scrambled)
        let tour = _TourSearch.improve(Array(0..<n), metric: metric, deadline: _Deadline(seconds: 30), seed: 1, kickFactor: 2)
        let optimum = Double(n) * 2 * (Double.pi / Double(n)).sin()
        #expect(abs(metric.tourCost(tour) - optimum) < 1e-9)
    }

    @Test("The search stops at a cost it is told is good enough, and is unchanged by one it never reaches")
    func goodEnoughStopsTheSearch() {
        let metric = F.brainDumpMetric(count: 60, seed: 12)
        let start = Array(0..<60)
        var seen: [[Int]] = []
        let stopped = _TourSearch.improve(start, metric: metric, deadline: _Deadline(seconds: 60), seed: 2,
                                          goodEnough: { seen.append($0); return .infinity })
        let descended = _TourSearch.improve(start, metric: metric, deadline: _Deadline(seconds: 60), seed: 2,
                                            kickFactor: 0)
        #expect(seen.count == 1 && F.isPermutation(seen[0], of: 60))
        #expect(stopped == descended)
        let unreached = _TourSearch.improve(start, metric: metric, deadline: _Deadline(seconds: 60), seed: 2,
                                            goodEnough: { _ in -.infinity })
        let plain = _TourSearch.improve(start, metric: metric, deadline: _Deadline(seconds: 60), seed: 2)
        #expect(unreached == plain)
        #expect(metric.tourCost(plain) <= metric.tourCost(descended))
    }

    @Test("Candidate lists on π-transformed costs hold the true costs, and equal penalties change nothing")
    func penalisedCandidateLists() {
        let n = 60
        let metric = F.planeMetric(count: n, seed: 21)
        let plain = _NeighbourLists(alphaNearness: metric, width: 8)
        // Equal penalties add the same amount to every edge (exactly, on whole distances): same tree, same α.
        let shifted = _NeighbourLists(alphaNearness: metric, width: 8, penalties: [Double](repeating: 0.5, count: n))
        var random = _SplitMix64(seed: 3)
        let penalties = (0..<n).map { _ in Double(random.below(200)) - 100 }
        let transformed = _NeighbourLists(alphaNearness: metric, width: 8, penalties: penalties)
        var differs = false
        for city in 0..<n {
            for rank in 0..<8 {
                #expect(shifted.neighbour(city, rank) == plain.neighbour(city, rank))
                #expect(shifted.cost(city, rank) == plain.cost(city, rank))
                let other = transformed.neighbour(city, rank)
                #expect(other >= 0 && other != city)
                #expect(transformed.cost(city, rank) == metric.distance(city, other))
                differs = differs || other != plain.neighbour(city, rank)
            }
        }
        #expect(differs, "penalties of up to 100 on distances of up to 1,400 should reorder some lists")
    }

    @Test("The search asks once for candidate penalties, and a nil answer leaves it as it was")
    func candidatePenaltiesHook() {
        let n = _TourSearch.pairedRunThreshold + 20
        let metric = F.planeMetric(count: n, seed: 17)
        let initial = Array(0..<n)
        var asked: [[Int]] = []
        let declined = _TourSearch.improve(initial, metric: metric, deadline: _Deadline(seconds: 120), seed: 5,
                                           kickFactor: 2, candidatePenalties: { asked.append($0); return nil })
        let plain = _TourSearch.improve(initial, metric: metric, deadline: _Deadline(seconds: 120), seed: 5, kickFactor: 2)
        #expect(asked.count == 1 && F.isPermutation(asked[0], of: n))
        #expect(declined == plain)
        let scale = _CostScale(metric)
        func penalties(_ descended: [Int]) -> [Double]? {
            let cost = scale.tourCost(descended)
            return _HeldKarpBound.boundOnCandidates(scale: scale, tour: descended, upperBound: cost,
                                                    deadline: _Deadline(seconds: 60), progress: { _ in }).penalties
        }
        let first = _TourSearch.improve(initial, metric: metric, deadline: _Deadline(seconds: 120), seed: 5,
                                        kickFactor: 2, candidatePenalties: penalties)
        let second = _TourSearch.improve(initial, metric: metric, deadline: _Deadline(seconds: 120), seed: 5,
                                         kickFactor: 2, candidatePenalties: penalties)
        #expect(F.isPermutation(first, of: n) && first.first == 0)
        #expect(first == second)
        #expect(metric.tourCost(first) <= metric.tourCost(asked[0]))
    }

    @Test("Short searches on lists ranked by Held-Karp penalties end with shorter tours than on plain lists")
    func heldKarpListsGiveShorterTours() {
        // What the exact solver's second look relies on: 24 brain dumps of 61 to 84 points, one short
        // run each (one kick per terminal) from the same nearest-neighbour tour and seed, with and
        // without the penalties of a root ascent.
        var plainTotal = 0.0, penalisedTotal = 0.0, shorter = 0, longer = 0
        for seed in UInt64(1)...24 {
            let metric = TerminalMetric(brainDumpProblem(vertices: 60 + Int(seed), optionalShare: 0, seed: seed &+ 300))
            let n = metric.count
            let deadline = _Deadline(seconds: 120)
            let start = _SimpleTourSearch.improvedNearestNeighbourTour(metric)
            let scale = _CostScale(metric)
            // The early schedule: a quarter of the root's steps, enough for these lists in a debug build.
            let root = rootHeldKarpAscent(scale, target: scale.tourCost(start), schedule: .early(n))
            let plain = metric.tourCost(_TourSearch.improve(start, metric: metric, deadline: deadline, seed: seed,
                                                            kickFactor: 1))
            let tour = _TourSearch.improve(start, metric: metric, deadline: deadline, seed: seed, kickFactor: 1,
                                           candidatePenalties: { _ in root.penalties.map { $0 * scale.unit } })
            #expect(F.isPermutation(tour, of: n) && tour.first == 0)
            let penalised = metric.tourCost(tour)
            plainTotal += plain
            penalisedTotal += penalised
            if penalised < plain - 1e-9 { shorter += 1 }
            if penalised > plain + 1e-9 { longer += 1 }
        }
        #expect(penalisedTotal < plainTotal)
        #expect(shorter > longer)
    }

    @Test("The search reports its runs' costs as it goes, never higher than before, and reporting changes nothing",
          arguments: [60, 181])
    func searchProgress(count n: Int) {
        let metric = F.planeMetric(count: n, seed: 23)
        let initial = Array(0..<n)
        let reports = ReportLog<Double>()
        let reported = _TourSearch.improve(initial, metric: metric, deadline: _Deadline(seconds: 120), seed: 6,
                                           kickFactor: 2, progress: { reports.append($0) })
        let silent = _TourSearch.improve(initial, metric: metric, deadline: _Deadline(seconds: 120), seed: 6, kickFactor: 2)
        #expect(reported == silent)
        let costs = reports.all
        #expect(!costs.isEmpty)
        // Each report is the cost of a tour some run held, so none is below the best tour returned.
        #expect(costs.allSatisfy { $0 >= metric.tourCost(reported) - 1e-6 })
        #expect(costs.allSatisfy { $0 <= metric.tourCost(initial) + 1e-6 })
        // Later independent runs start again from the descended tour; the reports stay at the best so far.
        #expect(zip(costs, costs.dropFirst()).allSatisfy { $1 <= $0 + 1e-9 })
    }

    @Test("Array tour moves keep a permutation and a rollback restores the tour")
    func arrayTourMoves() {
        var tour = _ArrayTour(Array(0..<20))
        let original = tour.citiesFromZero
        tour.isLogging = true
        tour.flip(2, 3, 15, 16)
        #expect(tour.next(2) == 15 || tour.previous(2) == 15)
        tour.moveSegment(first: 5, last: 6, between: 10, and: tour.next(10), adjacentToX: 6)
        tour.swapAdjacentSegments(atSlot: 18, firstLength: 3, secondLength: 4)
        #expect(Set(tour.citiesFromZero) == Set(0..<20))
        for city in 0..<20 { #expect(tour.city(atSlot: tour.slot(of: city)) == city) }
        tour.rollBack()
        #expect(tour.citiesFromZero == original)
    }

    @Test("Rolling back to a log mark undoes only the moves made after it")
    func rollBackToMark() {
        var tour = _ArrayTour(Array(0..<30))
        tour.isLogging = true
        tour.flip(3, 4, 20, 21)
        let afterFirstFlip = tour.citiesFromZero
        let mark = tour.logCount
        tour.flip(tour.previous(8), 8, 12, tour.next(12))
        tour.swapAdjacentSegments(atSlot: 25, firstLength: 4, secondLength: 3)
        #expect(tour.citiesFromZero != afterFirstFlip)
        tour.rollBack(toMark: mark)
        #expect(tour.citiesFromZero == afterFirstFlip)
        #expect(tour.logCount == mark)
        for city in 0..<30 { #expect(tour.city(atSlot: tour.slot(of: city)) == city) }
        tour.rollBack()
        #expect(tour.citiesFromZero == Array(0..<30))
    }

    @Test("Lin-Kernighan's alternate first step keeps the tour whole and its running cost exact, and improves tours the ordinary steps leave")
    func alternateFirstStep() {
        var improvedAfterPlainOptimum = 0
        for seed in UInt64(1)...8 {
            let n = 30 + 10 * Int(seed)
            let metric = seed.isMultiple(of: 2) ? F.brainDumpMetric(count: n, seed: seed) : F.planeMetric(count: n, seed: seed)
            let lists = _NeighbourLists(alphaNearness: metric, width: 8)
            func descended(from tour: [Int], alternates: Int) -> _LocalSearch<_DenseLegCosts, _ArrayTour> {
                var search = _LocalSearch<_DenseLegCosts, _ArrayTour>(
                    costs: _DenseLegCosts(metric), neighbours: lists, initial: tour,
                    epsilon: _TourSearch.epsilon(lists, count: n))
                search.maximumDepth = _TourSearch.deepMoveDepth
                search.alternateBreadth = alternates
                for city in tour { search.enqueue(city) }
                search.descend(deadline: _Deadline(seconds: 60))
                return search
            }
            func check(_ search: _LocalSearch<_DenseLegCosts, _ArrayTour>) {
                let tour = search.tour.citiesFromZero
                #expect(F.isPermutation(tour, of: n), "seed \(seed)")
                #expect(abs(search.tourCost - metric.tourCost(tour)) <= 1e-9 * metric.tourCost(tour), "seed \(seed)")
            }
            // From the identity order, a poor tour, with one and with three alternates.
            for alternates in [1, 3] { check(descended(from: Array(0..<n), alternates: alternates)) }
            // From a tour no ordinary step improves, only alternate first steps can find a move.
            let plain = descended(from: Array(0..<n), alternates: 0)
            let plainCost = metric.tourCost(plain.tour.citiesFromZero)
            let further = descended(from: plain.tour.citiesFromZero, alternates: 3)
            check(further)
            let furtherCost = metric.tourCost(further.tour.citiesFromZero)
            #expect(furtherCost <= plainCost + 1e-9, "seed \(seed)")
            if furtherCost < plainCost - 1e-9 { improvedAfterPlainOptimum += 1 }
            // Kicks, with rejected ones rolled back through the tour's write log.
            var kicked = further
            var random = _SplitMix64(seed: seed)
            kicked.iterate(kicks: 100, patience: 100, segmentLimit: 10, random: &random, deadline: _Deadline(seconds: 60))
            check(kicked)
            #expect(metric.tourCost(kicked.tour.citiesFromZero) <= furtherCost + 1e-9, "seed \(seed)")
        }
        #expect(improvedAfterPlainOptimum > 0, "the alternate step should improve some plain local optima")
    }

    @Test("From 161 terminals the paired-run search returns the same shorter tour for the same seed")
    func pairedRunSearch() {
        let n = _TourSearch.pairedRunThreshold + 20
        let metric = F.planeMetric(count: n, seed: 11)
        let initial = Array(0..<n)
        let first = _TourSearch.improve(initial, metric: metric, deadline: _Deadline(seconds: 120), seed: 4, kickFactor: 3)
        let second = _TourSearch.improve(initial, metric: metric, deadline: _Deadline(seconds: 120), seed: 4, kickFactor: 3)
        #expect(F.isPermutation(first, of: n))
        #expect(first == second)
        #expect(first.first == 0)
        // Random points in a square: the identity order is several times the length of a good tour.
        #expect(metric.tourCost(first) < 0.5 * metric.tourCost(initial))
        let oneKick = _TourSearch.improve(initial, metric: metric, deadline: _Deadline(seconds: 120), seed: 4, kickFactor: 0)
        #expect(metric.tourCost(first) <= metric.tourCost(oneKick))
    }
}

extension Double {
    fileprivate func sin() -> Double {
        // Taylor series is enough for the small angles used above; avoids Foundation.
        var term = self, sum = self
        for k in 1..<12 {
            term *= -self * self / Double((2 * k) * (2 * k + 1))
            sum += term
        }
        return sum
    }
}
