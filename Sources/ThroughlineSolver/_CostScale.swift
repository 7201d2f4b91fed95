/// The closure distances rescaled to whole numbers of a common unit, where one
/// exists, so that bounds can be rounded up to the next achievable tour cost.
///
/// Relation costs are usually `1 / strength` for small whole strengths (1, 1/2,
/// 1/3) or whole TSPLIB distances, so every closure distance is, up to
/// floating-point rounding, a whole multiple of a unit such as 1/6 or 1. Then
/// every tour costs a whole number of units, and a lower bound `b` (in units)
/// proves `ceil(b - tolerance)`. That rounding is what closes instances with
/// many ties.
///
/// The unit `1 / k` (for the least `k` in `1...2520`, 2520 being the least
/// common multiple of 1 to 10) is only used when *every* distance is within a
/// relative 1e-11 of a whole multiple of it; otherwise `isIntegral` is false
/// and the distances are kept as they are (unit 1). The scaled distances are
/// then rounded to exact whole numbers. Rounding moves a tour's cost by at most
/// a relative 1e-11, which the reported bound's own margin (a relative 1e-10,
/// see ``reportedBound(_:)``) covers, so a rounded-up bound never exceeds the
/// optimum of the costs as given.
internal struct _CostScale {
    /// The number of terminals.
    let count: Int
    /// Row-major `count * count` distances, in units.
    let distances: [Double]
    /// The size of one unit in the problem's costs.
    let unit: Double
    /// Whether every distance is a whole number of units, so that every tour
    /// costs a whole number of units.
    let isIntegral: Bool

    /// The largest denominator tried for the unit `1 / k`.
    static let largestDenominator = 2520

    /// Scales `metric` to the coarsest unit `1 / k` that makes every distance whole.
    ///
    /// - Complexity: O(*T*²) per denominator tried, though a denominator that
    ///   fails usually fails on the first few distances.
    init(_ metric: TerminalMetric) {
        let t = metric.count
        count = t
        let largest = metric.distances.max() ?? 0
        for denominator in 1..._CostScale.largestDenominator {
            let k = Double(denominator)
            // Keep every tour sum exact in a double.
            guard largest * k * Double(max(t, 1)) < 1e13 else { break }
            var whole = true
            for d in metric.distances {
                let scaled = d * k
                if abs(scaled - scaled.rounded()) > 1e-11 * scaled { whole = false; break }
            }
            if whole {
                distances = metric.distances.map { ($0 * k).rounded() }
                unit = 1 / k
                isIntegral = true
                return
            }
        }
        distances = metric.distances
        unit = 1
        isIntegral = false
    }

    /// The distance between terminals `i` and `j`, in units.
    @inline(__always) func distance(_ i: Int, _ j: Int) -> Double { distances[i &* count &+ j] }

    /// The cost of a cyclic tour, in units.
    ///
    /// - Complexity: O(*T*).
    func tourCost(_ tour: [Int]) -> Double {
        guard tour.count > 1 else { return 0 }
        var total = 0.0
        for k in 0..<tour.count { total += distance(tour[k], tour[(k + 1) % tour.count]) }
        return total
    }

    /// A numerical tolerance for comparing bounds and tour costs near `value` (in units).
    @inline(__always) func tolerance(near value: Double) -> Double { 1e-9 * max(1, abs(value)) }

    /// The largest value a lower bound may be pruned against: a subtree whose
    /// bound exceeds this cannot hold a tour cheaper than `upperBound`.
    ///
    /// With whole units a better tour costs at most `upperBound - 1`; otherwise
    /// a better tour must beat `upperBound` by more than the rounding tolerance.
    func pruneThreshold(upperBound: Double) -> Double {
        isIntegral ? upperBound - 1 + tolerance(near: upperBound) : upperBound - tolerance(near: upperBound)
    }

    /// The strongest statement a computed bound `value` (in units) proves: with
    /// whole units, the next whole number at or above it (less the tolerance).
    func provenBound(_ value: Double) -> Double {
        isIntegral ? (value - tolerance(near: value)).rounded(.up) : value - tolerance(near: value)
    }

    /// The cost, in the problem's costs (as a tour search adds them up), at or
    /// below which a tour is proven optimal by `provenBound` (a
    /// ``provenBound(_:)`` value in units). With whole units this lies half a
    /// unit above the bound, so drift in a running sum cannot hide a tour that
    /// reaches it; callers confirm with ``tourCost(_:)`` and
    /// ``pruneThreshold(upperBound:)``.
    func stopCost(provenBound: Double) -> Double {
        isIntegral ? (provenBound + 0.5) * unit : provenBound * unit
    }

    /// A bound in units converted back to the problem's costs, made smaller by
    /// a relative 1e-10 so that neither the unit's rounding nor the order of
    /// floating-point sums can lift it above the optimum.
    func reportedBound(_ value: Double) -> Double {
        let cost = value * unit
        return cost - 1e-10 * abs(cost)
    }
}
