/// A small, self-contained tour search used by the exact solver: a
/// nearest-neighbour start, 2-opt, and an iterated 2-opt + Or-opt local search
/// that tightens the upper bound before branch and bound. It is independent of
/// the main tour search (``_TourSearch``), so the exact search never depends on
/// the quality of one heuristic alone. Also the minimum spanning tree bound.
internal enum _SimpleTourSearch {
    /// Nearest-neighbour tour from terminal 0, improved by 2-opt to a local optimum.
    ///
    /// - Complexity: O(*T*²) per 2-opt pass.
    static func improvedNearestNeighbourTour(_ metric: TerminalMetric) -> [Int] {
        let t = metric.count
        var visited = [Bool](repeating: false, count: t)
        var tour = [0]
        visited[0] = true
        for _ in 1..<t {
            let last = tour[tour.count - 1]
            var best = -1, bestCost = Double.infinity
            for j in 0..<t where !visited[j] && metric.distance(last, j) < bestCost {
                best = j; bestCost = metric.distance(last, j)
            }
            visited[best] = true
            tour.append(best)
        }
        var improved = true
        while improved {
            improved = false
            for i in 0..<(t - 1) {
                for j in (i + 2)..<t where !(i == 0 && j == t - 1) {
                    let a = tour[i], b = tour[i + 1], c = tour[j], d = tour[(j + 1) % t]
                    let delta = metric.distance(a, c) + metric.distance(b, d) - metric.distance(a, b) - metric.distance(c, d)
                    if delta < -1e-10 {
                        tour[(i + 1)...j].reverse()
                        improved = true
                    }
                }
            }
        }
        return tour
    }

    /// Iterated local search: 2-opt and Or-opt moves over the `neighbourCount`
    /// nearest neighbours of each terminal, restarted `kicks` times from a
    /// random double-bridge perturbation of the best tour (kept when no worse).
    ///
    /// Deterministic: the perturbations come from a generator seeded by `seed`.
    ///
    /// - Parameters:
    ///   - distances: a row-major `n * n` symmetric matrix.
    ///   - tour: the starting tour, a cyclic order of `0..<n`.
    /// - Returns: a tour no costlier than `tour`.
    /// - Complexity: O(*n*² log *n*) for the neighbour lists, then O(*n*) per
    ///   applied move and per kick.
    static func iteratedLocalSearch(distances: [Double], count n: Int, tour: [Int], kicks: Int,
                                    seed: UInt64, neighbourCount: Int = 8) -> [Int] {
        guard n >= 8 else { return tour }
        let k = min(neighbourCount, n - 1)
        var neighbours = [Int](repeating: 0, count: n * k)
        for a in 0..<n {
            let near = (0..<n).filter { $0 != a }.sorted { (distances[a * n + $0], $0) < (distances[a * n + $1], $1) }
            for s in 0..<k { neighbours[a * k + s] = near[s] }
        }
        var search = _SimpleLocalSearch(distances: distances, count: n, neighbours: neighbours, width: k, tour: tour)
        search.optimise(all: true)
        var best = search.tour
        var bestCost = search.cost()
        var random = _SplitMix64(seed: seed)
        for _ in 0..<kicks {
            // Double bridge: A B C D -> A C B D.
            var cuts = [1 + random.below(n - 1), 1 + random.below(n - 1), 1 + random.below(n - 1)]
            cuts.sort()
            guard cuts[0] < cuts[1] && cuts[1] < cuts[2] else { continue }
            let (p, q, r) = (cuts[0], cuts[1], cuts[2])
            let kicked = Array(best[0..<p] + best[q..<r] + best[p..<q] + best[r..<n])
            search.reset(tour: kicked)
            for city in [best[p - 1], best[p], best[q - 1], best[q], best[r - 1], best[r % n]] { search.wake(city) }
            search.optimise(all: false)
            let cost = search.cost()
            if cost <= bestCost - 1e-9 * max(1, abs(bestCost)) || (cost <= bestCost && search.tour != best) {
                bestCost = cost
                best = search.tour
            }
        }
        return best
    }

    /// The cost of a minimum spanning tree of the closure: every tour minus one
    /// leg is a spanning path, so this never exceeds the optimum.
    ///
    /// - Complexity: O(*T*²) (Prim on the dense matrix).
    static func spanningTreeBound(_ metric: TerminalMetric) -> Double {
        let t = metric.count
        var inTree = [Bool](repeating: false, count: t)
        var key = [Double](repeating: .infinity, count: t)
        key[0] = 0
        var total = 0.0
        for _ in 0..<t {
            var u = -1
            for v in 0..<t where !inTree[v] && (u < 0 || key[v] < key[u]) { u = v }
            inTree[u] = true
            total += key[u]
            for v in 0..<t where !inTree[v] && metric.distance(u, v) < key[v] { key[v] = metric.distance(u, v) }
        }
        return total
    }
}

/// 2-opt and Or-opt on an array tour with neighbour lists and a queue of
/// "awake" cities (don't-look bits).
private struct _SimpleLocalSearch {
    let distances: [Double]
    let n: Int
    let neighbours: [Int]
    let width: Int
    var tour: [Int]
    var position: [Int]
    var awake: [Bool]
    var queue: [Int] = []

    init(distances: [Double], count: Int, neighbours: [Int], width: Int, tour: [Int]) {
        self.distances = distances
        self.n = count
        self.neighbours = neighbours
        self.width = width
        self.tour = tour
        position = [Int](repeating: 0, count: count)
        awake = [Bool](repeating: false, count: count)
        reset(tour: tour)
    }

    @inline(__always) func d(_ a: Int, _ b: Int) -> Double { distances[a &* n &+ b] }
    @inline(__always) func next(_ a: Int) -> Int { tour[(position[a] + 1) % n] }
    @inline(__always) func previous(_ a: Int) -> Int { tour[(position[a] + n - 1) % n] }

    /// Starts over from `tour` with every city asleep.
    ///
    /// - Complexity: O(*n*).
    mutating func reset(tour: [Int]) {
        self.tour = tour
        for (i, c) in tour.enumerated() { position[c] = i }
        for c in 0..<n { awake[c] = false }
        queue.removeAll(keepingCapacity: true)
    }

    /// Queues `city` for another look.
    mutating func wake(_ city: Int) {
        if !awake[city] { awake[city] = true; queue.append(city) }
    }

    /// The tour's cost.
    ///
    /// - Complexity: O(*n*).
    func cost() -> Double {
        var total = 0.0
        for i in 0..<n { total += d(tour[i], tour[(i + 1) % n]) }
        return total
    }

    /// Reverses the tour path from position `i` to position `j` (cyclically).
    ///
    /// - Complexity: O(min(length, *n* - length)).
    mutating func reverse(from i: Int, to j: Int) {
        var length = (j - i + n) % n + 1
        // Reverse the shorter side: reversing the complement gives the same cycle.
        var (a, b) = (i, j)
        if length * 2 > n { (a, b) = ((j + 1) % n, (i + n - 1) % n); length = n - length }
        for _ in 0..<(length / 2) {
            let ca = tour[a], cb = tour[b]
            tour[a] = cb; position[cb] = a
            tour[b] = ca; position[ca] = b
            a = (a + 1) % n
            b = (b + n - 1) % n
        }
    }

    /// Applies improving moves at awake cities until none is left awake
    /// (every city when `all`).
    ///
    /// - Complexity: O(*k*) per look at a city plus O(*n*) per applied move.
    mutating func optimise(all: Bool) {
        if all { for c in tour { wake(c) } }
        var head = 0
        while head < queue.count {
            let a = queue[head]
            head += 1
            awake[a] = false
            if improveTwoOpt(a) || improveOrOpt(a) {
                wake(a)
            }
            if head > 4 * n && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
        }
        queue.removeAll(keepingCapacity: true)
    }

    /// Tries 2-opt moves that give `a` a nearer neighbour.
    ///
    /// - Complexity: O(*k*) to look, O(*n*) to apply.
    mutating func improveTwoOpt(_ a: Int) -> Bool {
        for forward in [true, false] {
            let b = forward ? next(a) : previous(a)
            let ab = d(a, b)
            for s in 0..<width {
                let c = neighbours[a * width + s]
                let ac = d(a, c)
                if ac >= ab { break }
                let e = forward ? next(c) : previous(c)
                if c == b || e == a { continue }
                let delta = ac + d(b, e) - ab - d(c, e)
                if delta < -1e-10 {
                    // forward: a b ... c e -> a c ... b e ; reverse b..c.
                    if forward { reverse(from: position[b], to: position[c]) } else { reverse(from: position[c], to: position[b]) }
                    for x in [a, b, c, e] { wake(x) }
                    return true
                }
            }
        }
        return false
    }

    /// Tries moving a segment of 1 to 3 cities starting at `a` between a
    /// neighbour of `a` and that neighbour's successor or predecessor.
    ///
    /// - Complexity: O(*k*) to look, O(*n*) to apply.
    mutating func improveOrOpt(_ a: Int) -> Bool {
        for length in 1...3 where length < n - 3 {
            // Segment s = a ... last, forward.
            var last = a
            for _ in 1..<length { last = next(last) }
            let p = previous(a), q = next(last)
            if q == a || p == last { continue }
            let removeGain = d(p, a) + d(last, q) - d(p, q)
            for s in 0..<width {
                let c = neighbours[a * width + s]
                if d(a, c) >= removeGain { break }
                // c must be outside the segment.
                let offset = (position[c] - position[a] + n) % n
                if offset < length { continue }
                for (x, y) in [(c, next(c)), (previous(c), c)] {
                    if x == last || y == a { continue }
                    if (position[x] - position[a] + n) % n < length || (position[y] - position[a] + n) % n < length { continue }
                    // Insert between x and y, with a next to c.
                    // x = c: x a ... last y (segment kept forward); y = c: x last ... a y (reversed).
                    let keepsOrder = x == c
                    let added = keepsOrder ? d(c, a) + d(last, y) - d(x, y) : d(x, last) + d(a, c) - d(x, y)
                    if added - removeGain < -1e-10 {
                        move(first: a, last: last, length: length, after: x, reversed: !keepsOrder)
                        for z in [p, q, a, last, x, y] { wake(z) }
                        return true
                    }
                }
            }
        }
        return false
    }

    /// Moves the forward segment `first...last` to between `after` and its
    /// successor, reversed or not.
    ///
    /// - Complexity: O(*n*).
    mutating func move(first: Int, last: Int, length: Int, after: Int, reversed: Bool) {
        var segment: [Int] = []
        var c = first
        for _ in 0..<length { segment.append(c); c = next(c) }
        if reversed { segment.reverse() }
        var rest: [Int] = []
        rest.reserveCapacity(n)
        var start = q(after: last)
        for _ in 0..<(n - length) {
            rest.append(start)
            if start == after { rest.append(contentsOf: segment) }
            start = next(start)
        }
        tour = rest
        for (i, city) in tour.enumerated() { position[city] = i }
    }

    /// The city after `last`.
    private func q(after last: Int) -> Int { next(last) }
}
