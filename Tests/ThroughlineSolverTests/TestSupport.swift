import Synchronization
@testable import ThroughlineSolver

/// The solver's own seeded generator (SplitMix64), so every test instance is the same in every run.
typealias SeededGenerator = _SplitMix64

/// Instances shaped like a writer's brain dump: groups of related points with
/// strengths 1-3 (costs 1, 1/2, 1/3), a few links across groups, a chain of
/// cost-2 edges keeping the graph connected, and some optional points.
func brainDumpProblem(vertices n: Int, optionalShare: Double, seed: UInt64) -> WalkProblem {
    var random = SeededGenerator(seed: seed)
    let groups = max(2, Int((Double(n).squareRoot() / 1.5).rounded()))
    let member = (0..<n).map { _ in Int.random(in: 0..<groups, using: &random) }
    var edges: [RelationGraph.Edge] = []
    for a in 0..<n {
        let mates = (0..<n).filter { member[$0] == member[a] && $0 != a }
        for _ in 0..<min(3, mates.count) {
            let b = mates[Int.random(in: 0..<mates.count, using: &random)]
            edges.append(.init(a, b, cost: 1 / Double([1, 1, 2, 3][Int.random(in: 0..<4, using: &random)])))
        }
    }
    for _ in 0..<max(groups, n / 6) {
        edges.append(.init(Int.random(in: 0..<n, using: &random), Int.random(in: 0..<n, using: &random), cost: 1))
    }
    let order = (0..<n).shuffled(using: &random)
    for k in 0..<(n - 1) { edges.append(.init(order[k], order[k + 1], cost: 2)) }
    let graph = RelationGraph(vertexCount: n, edges: edges)
    let required = (0..<n).map { _ in Double.random(in: 0..<1, using: &random) >= optionalShare }
    return WalkProblem(graph: graph, start: Int.random(in: 0..<n, using: &random), isRequired: required)
}

/// A complete graph on random points in a square with rounded Euclidean costs
/// (TSPLIB EUC_2D style), every vertex required.
func euclideanProblem(cities n: Int, seed: UInt64, rounded: Bool = true) -> WalkProblem {
    var random = SeededGenerator(seed: seed)
    let points = (0..<n).map { _ in (Double.random(in: 0..<1000, using: &random), Double.random(in: 0..<1000, using: &random)) }
    var edges: [RelationGraph.Edge] = []
    for a in 0..<n {
        for b in (a + 1)..<n {
            let dx = points[a].0 - points[b].0, dy = points[a].1 - points[b].1
            let d = (dx * dx + dy * dy).squareRoot()
            edges.append(.init(a, b, cost: rounded ? d.rounded() : d))
        }
    }
    return WalkProblem(graph: RelationGraph(vertexCount: n, edges: edges), start: 0,
                       isRequired: [Bool](repeating: true, count: n))
}

/// The root Held-Karp ascent the solver runs (zero penalties, no
/// constraints, the root schedule unless told another), with `target` as the
/// step target, in units.
func rootHeldKarpAscent(_ scale: _CostScale, target: Double,
                        schedule: _HeldKarpBound.Schedule? = nil) -> _HeldKarpBound.Outcome {
    let n = scale.count
    return _HeldKarpBound.ascend(
        tree: _OneTree(count: n, costs: scale.distances), constraints: _EdgeConstraints(count: n),
        penalties: [Double](repeating: 0, count: n), target: target, stopAbove: .infinity,
        schedule: schedule ?? .root(n))
}

/// The exact search's root on `metric` for the upper bound of `tour`: the
/// plain Held-Karp ascent (zero penalties, the root schedule) on a new 1-tree
/// engine and its reduced-cost fixings; nil when the root closes the gap.
func rootWithFixings(_ metric: TerminalMetric, tour: [Int])
    -> (scale: _CostScale, tree: _OneTree, constraints: _EdgeConstraints, root: _HeldKarpBound.Outcome)? {
    let scale = _CostScale(metric)
    let n = metric.count
    let tree = _OneTree(count: n, costs: scale.distances)
    var constraints = _EdgeConstraints(count: n)
    let upperBound = scale.tourCost(tour)
    let threshold = scale.pruneThreshold(upperBound: upperBound)
    let root = _HeldKarpBound.ascend(tree: tree, constraints: constraints, penalties: [Double](repeating: 0, count: n),
                                     target: upperBound, stopAbove: threshold, schedule: .root(n))
    guard !root.isTour, root.bound <= threshold,
          tree.reduce(constraints: &constraints, penalties: root.penalties, threshold: threshold)
    else { return nil }
    return (scale, tree, constraints, root)
}

/// Twelve 9-city Euclidean instances (costs rounded on even seeds), each
/// with its brute-force optimum, its scale and the solver's root Held-Karp
/// ascent (with the optimum as target): the bound tests' common set.
func smallEuclideanInstancesWithRootAscent()
    -> [(seed: UInt64, optimum: Double, scale: _CostScale, root: _HeldKarpBound.Outcome)] {
    (UInt64(1)...12).map { seed in
        let metric = TerminalMetric(euclideanProblem(cities: 9, seed: seed, rounded: seed % 2 == 0))
        let optimum = bruteForceOptimum(metric)
        let scale = _CostScale(metric)
        return (seed, optimum, scale, rootHeldKarpAscent(scale, target: optimum / scale.unit))
    }
}

/// The optimum of a closure by trying every order of terminals `1..<T`
/// (terminal 0 first). For up to about 10 terminals.
func bruteForceOptimum(_ metric: TerminalMetric) -> Double {
    let t = metric.count
    guard t > 2 else { return t == 2 ? 2 * metric.distance(0, 1) : 0 }
    var order = Array(1..<t)
    var best = Double.infinity
    // Heap's algorithm over the order of terminals 1..<t.
    func cost() -> Double {
        var total = metric.distance(0, order[0]) + metric.distance(order[t - 2], 0)
        for k in 0..<(t - 2) { total += metric.distance(order[k], order[k + 1]) }
        return total
    }
    var c = [Int](repeating: 0, count: t - 1)
    best = cost()
    var i = 0
    while i < t - 1 {
        if c[i] < i {
            if i % 2 == 0 { order.swapAt(0, i) } else { order.swapAt(c[i], i) }
            best = min(best, cost())
            c[i] += 1
            i = 0
        } else {
            c[i] = 0
            i += 1
        }
    }
    return best
}

/// An exact search written independently of the solver: depth-first
/// extension of a path from terminal 0, pruned by the path cost plus a
/// minimum spanning tree over the unvisited terminals and the path's two ends.
///
/// - Returns: the cheapest tour cost strictly below `ceiling`, or `nil` if
///   there is none.
func independentCheaperTour(_ metric: TerminalMetric, below ceiling: Double) -> Double? {
    let t = metric.count
    var visited = [Bool](repeating: false, count: t)
    visited[0] = true
    var best = ceiling
    var found = false
    var path = [0]
    func spanningTree(_ last: Int) -> Double {
        // Prim over the unvisited terminals plus `last` and 0.
        var nodes = (0..<t).filter { !visited[$0] }
        nodes.append(last)
        if last != 0 { nodes.append(0) }
        var key = [Double](repeating: .infinity, count: nodes.count)
        var done = [Bool](repeating: false, count: nodes.count)
        key[0] = 0
        var total = 0.0
        for _ in 0..<nodes.count {
            var u = -1
            for k in 0..<nodes.count where !done[k] && (u < 0 || key[k] < key[u]) { u = k }
            done[u] = true
            total += key[u]
            for k in 0..<nodes.count where !done[k] {
                key[k] = min(key[k], metric.distance(nodes[u], nodes[k]))
            }
        }
        return total
    }
    // Only tours cheaper than this, beyond rounding, count.
    func margin(_ value: Double) -> Double { value.isFinite ? value - 1e-9 * max(1, value) : value }
    func extend(_ cost: Double) {
        let last = path[path.count - 1]
        if path.count == t {
            let total = cost + metric.distance(last, 0)
            if total < margin(best) { best = total; found = true }
            return
        }
        if cost + spanningTree(last) >= margin(best) { return }
        let next = (0..<t).filter { !visited[$0] }.sorted { metric.distance(last, $0) < metric.distance(last, $1) }
        for v in next {
            visited[v] = true
            path.append(v)
            extend(cost + metric.distance(last, v))
            path.removeLast()
            visited[v] = false
        }
    }
    extend(0)
    return found ? best : nil
}

/// Whether `a <= b` up to a relative rounding tolerance.
func atMost(_ a: Double, _ b: Double) -> Bool { a <= b + 1e-9 * max(1, abs(b)) }

/// Whether `a` and `b` agree up to a relative rounding tolerance.
func agree(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

/// Values reported from any thread (progress callbacks), in the order they arrived.
final class ReportLog<Element: Sendable>: Sendable {
    private let values = Mutex<[Element]>([])
    func append(_ value: Element) { values.withLock { $0.append(value) } }
    var all: [Element] { values.withLock { $0 } }
}
