import Testing
@testable import ThroughlineSolver

@Suite("Blossom bounds")
struct BlossomBoundTests {
    private func blossomAscent(_ scale: _CostScale, from penalties: [Double], target: Double) -> _BlossomBound.Outcome {
        _BlossomBound.ascend(distances: scale.distances, count: scale.count, penalties: penalties, target: target,
                             stopAbove: .infinity, maximumSteps: 10 * scale.count, deadline: _Deadline(seconds: 60))
    }

    /// Symmetric per-edge tree counts on `n` vertices from (a, b, count) entries.
    private func counts(_ n: Int, _ entries: [(Int, Int, Int32)]) -> [Int32] {
        var counts = [Int32](repeating: 0, count: n * n)
        for (a, b, c) in entries {
            counts[a * n + b] = c
            counts[b * n + a] = c
        }
        return counts
    }

    @Test("Two triangles joined by three whole edges give the textbook blossom")
    func twoTrianglesGiveABlossom() {
        // The subtour relaxation's classic fractional point: each triangle's edges at one half,
        // the three edges between them at one. Counts are per 20 trees.
        let halves = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)].map { ($0, $1, Int32(10)) }
        let wholes = [(0, 3), (1, 4), (2, 5)].map { ($0, $1, Int32(20)) }
        let found = _BlossomBound.separate(counts(6, halves + wholes), trees: 20, count: 6)
        #expect(found == [
            _BlossomBound.Blossom(handle: [0, 1, 2], teeth: [0, 3, 1, 4, 2, 5]),
            _BlossomBound.Blossom(handle: [3, 4, 5], teeth: [3, 0, 4, 1, 5, 2]),
        ])
        #expect(found.first?.rightHandSide == 4)
    }

    @Test("Teeth in 90 % of the trees make blossoms only with the wider band")
    func widerBandFindsNearWholeTeeth() {
        // The two triangles again, but the edges between them in 18 of 20 trees: in the usual band
        // (over 1 and under 19) they are fractional and join one handle of six with no teeth.
        let halves = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)].map { ($0, $1, Int32(10)) }
        let nearWholes = [(0, 3), (1, 4), (2, 5)].map { ($0, $1, Int32(18)) }
        let entries = counts(6, halves + nearWholes)
        #expect(_BlossomBound.separate(entries, trees: 20, count: 6).isEmpty)
        let wider = _BlossomBound.separate(entries, trees: 20, count: 6,
                                           fractionalMargin: _BlossomBound.widerFractionalMargin)
        #expect(wider == [
            _BlossomBound.Blossom(handle: [0, 1, 2], teeth: [0, 3, 1, 4, 2, 5]),
            _BlossomBound.Blossom(handle: [3, 4, 5], teeth: [3, 0, 4, 1, 5, 2]),
        ])
    }

    @Test("Handles with an even number of teeth, or teeth sharing an end, give nothing")
    func invalidHandlesAreSkipped() {
        // A fractional square 0-1-2-3 with two whole edges leaving it: even.
        let square: [(Int, Int, Int32)] = [(0, 1, 10), (1, 2, 10), (2, 3, 10), (3, 0, 10), (0, 4, 20), (2, 5, 20)]
        #expect(_BlossomBound.separate(counts(8, square), trees: 20, count: 8).isEmpty)
        // A third whole edge makes the teeth odd, but it shares vertex 4 with the first.
        #expect(_BlossomBound.separate(counts(8, square + [(1, 4, 20)]), trees: 20, count: 8).isEmpty)
    }

    @Test("The blossom bound never exceeds the brute-force optimum")
    func boundBelowBruteForceOptimum() {
        for (seed, optimum, scale, root) in smallEuclideanInstancesWithRootAscent() {
            let lifted = blossomAscent(scale, from: root.penalties, target: optimum / scale.unit)
            #expect(scale.reportedBound(scale.provenBound(lifted.bound)) <= optimum, "seed \(seed)")
        }
    }

    @Test("Blossoms lift the bound on 60-city instances, never above the proven optimum")
    func blossomsLiftTheBound() {
        var lifts = 0
        for seed in UInt64(1)...6 {
            let metric = TerminalMetric(euclideanProblem(cities: 60, seed: seed))
            let scale = _CostScale(metric)
            let exact = ClosedWalkSolver.solveTour(metric, seed: 1, deadline: _Deadline(seconds: 120),
                                                   progress: _ProgressReporter(nil, deadline: _Deadline(seconds: 120)))
            #expect(exact.isOptimal, "seed \(seed)")
            let optimum = scale.tourCost(exact.tour)
            let root = rootHeldKarpAscent(scale, target: optimum)
            let lifted = blossomAscent(scale, from: root.penalties, target: optimum)
            #expect(lifted.bound <= optimum + 1e-9, "seed \(seed)")
            // The optimal tour gains at most the offset from the lifted costs: the bound's premise.
            var liftedCost = 0.0
            for (position, a) in exact.tour.enumerated() {
                let b = exact.tour[(position + 1) % exact.tour.count]
                liftedCost += lifted.costs[a * scale.count + b]
            }
            #expect(liftedCost - lifted.offset <= optimum + 1e-9, "seed \(seed)")
            if lifted.blossoms > 0 && lifted.bound > root.bound + 1e-9 { lifts += 1 }
        }
        #expect(lifts >= 2)
    }

    @Test("Fixings from blossom-lifted reduced costs keep the optimal tour and fix more than plain ones")
    func liftedFixingsKeepTheOptimalTour() {
        var stronger = 0
        for seed in UInt64(1)...6 {
            let metric = TerminalMetric(euclideanProblem(cities: 60, seed: seed &+ 20))
            let scale = _CostScale(metric)
            let exact = ClosedWalkSolver.solveTour(metric, seed: 1, deadline: _Deadline(seconds: 120),
                                                   progress: _ProgressReporter(nil, deadline: _Deadline(seconds: 120)))
            #expect(exact.isOptimal, "seed \(seed)")
            let optimum = scale.tourCost(exact.tour)
            // Fixings for the tours that cost at most the optimum: the optimal tour must meet them.
            let threshold = optimum + 1e-9 * optimum
            let root = rootHeldKarpAscent(scale, target: optimum)
            let tree = _OneTree(count: scale.count, costs: scale.distances)
            var plain = _EdgeConstraints(count: scale.count)
            #expect(tree.compute(constraints: plain, penalties: root.penalties))
            #expect(tree.reduce(constraints: &plain, penalties: root.penalties, threshold: threshold))
            let lifted = _BlossomBound.ascend(
                distances: scale.distances, count: scale.count, constraints: plain, penalties: root.penalties,
                target: optimum, stopAbove: .infinity, maximumSteps: 20 * scale.count, deadline: _Deadline(seconds: 60))
            #expect(lifted.bound <= optimum + 1e-9, "seed \(seed)")
            guard let fixings = _BlossomBound.fixings(of: lifted, threshold: threshold) else {
                Issue.record("seed \(seed): the fixings leave no tour, not even the optimal one")
                continue
            }
            var tourEdges = Set<Int>()
            for (position, a) in exact.tour.enumerated() {
                let b = exact.tour[(position + 1) % exact.tour.count]
                tourEdges.insert(min(a, b) * scale.count + max(a, b))
                #expect(fixings.state(a, b) != .excluded, "seed \(seed): tour edge \(a)-\(b) excluded")
            }
            var excludedPlain = 0, excludedLifted = 0
            for a in 0..<scale.count {
                for b in (a + 1)..<scale.count {
                    if fixings.state(a, b) == .forced {
                        #expect(tourEdges.contains(a * scale.count + b), "seed \(seed): \(a)-\(b) forced")
                    }
                    if plain.state(a, b) == .excluded { excludedPlain += 1 }
                    if fixings.state(a, b) == .excluded { excludedLifted += 1 }
                }
            }
            #expect(excludedLifted >= excludedPlain, "seed \(seed)")
            if excludedLifted > excludedPlain { stronger += 1 }
        }
        #expect(stronger >= 2)
    }
}
