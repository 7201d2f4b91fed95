/// Greedy-edge tour construction from candidate lists (the "greedy matching"
/// start of Johnson and McGeoch): candidate edges in increasing cost join
/// terminals of degree below two unless they would close a cycle, which leaves
/// a set of paths ("fragments"); the fragments are then chained into a tour.
internal enum _TourConstruction {
    /// The fragments left by greedy edge selection over the candidate lists:
    /// paths (single terminals included) in a deterministic order, each read
    /// from its lower-numbered end.
    ///
    /// - Complexity: O(*n k* log(*n k*)) for *n* terminals and *k* candidates each.
    static func greedyFragments(_ neighbours: _NeighbourLists, count n: Int) -> [[Int]] {
        var matching = _GreedyMatching(count: n)
        matching.add(candidateEdges(neighbours, count: n))
        return matching.fragments()
    }

    /// Every candidate pair once, as `(cost, lower, higher)`.
    ///
    /// - Complexity: O(*n k*²).
    static func candidateEdges(_ neighbours: _NeighbourLists, count n: Int) -> [(cost: Double, a: Int32, b: Int32)] {
        var edges: [(cost: Double, a: Int32, b: Int32)] = []
        edges.reserveCapacity(n * neighbours.width)
        for a in 0..<n {
            for rank in 0..<neighbours.width {
                let b = neighbours.neighbour(a, rank)
                if b < 0 { break }
                // Keep each undirected edge once; a pair in only one list is kept from that side.
                if a < b || !contains(neighbours, b, a) {
                    edges.append((neighbours.cost(a, rank), Int32(min(a, b)), Int32(max(a, b))))
                }
            }
        }
        return edges
    }

    /// Whether `b` is on `a`'s candidate list.
    ///
    /// - Complexity: O(*k*).
    private static func contains(_ neighbours: _NeighbourLists, _ a: Int, _ b: Int) -> Bool {
        for rank in 0..<neighbours.width where neighbours.neighbour(a, rank) == b { return true }
        return false
    }

    /// A greedy-edge tour on a dense metric: the fragments are chained by
    /// always continuing to the nearest free fragment end.
    ///
    /// - Complexity: O(*n k* log(*n k*) + *F*²) for *F* fragments.
    static func greedyTour(_ neighbours: _NeighbourLists, metric: TerminalMetric) -> [Int] {
        let n = metric.count
        let fragments = greedyFragments(neighbours, count: n)
        guard let first = fragments.first else { return [] }
        var used = [Bool](repeating: false, count: fragments.count)
        used[0] = true
        var tour = first
        for _ in 1..<fragments.count {
            let end = tour[tour.count - 1]
            var best = -1, bestReversed = false, bestCost = Double.infinity
            for (index, fragment) in fragments.enumerated() where !used[index] {
                let head = metric.distance(end, fragment[0])
                if best < 0 || head < bestCost { best = index; bestReversed = false; bestCost = head }
                let tail = metric.distance(end, fragment[fragment.count - 1])
                if tail < bestCost { best = index; bestReversed = true; bestCost = tail }
            }
            used[best] = true
            tour.append(contentsOf: bestReversed ? fragments[best].reversed() : fragments[best])
        }
        return tour
    }
}

/// Greedy edge selection state: terminals of degree at most two joined into
/// paths, never into a cycle (a union-find over path ends).
internal struct _GreedyMatching {
    /// The two path neighbours of each terminal, -1 where free.
    private(set) var links: [Int32]
    private var paths: _DisjointSets
    let count: Int

    /// `count` terminals, each a path of its own.
    ///
    /// - Complexity: O(`count`).
    init(count: Int) {
        self.count = count
        links = [Int32](repeating: -1, count: 2 * count)
        paths = _DisjointSets(count: count)
    }

    /// Whether `city` is an end of its path (degree below two).
    ///
    /// - Complexity: O(1).
    func isEnd(_ city: Int) -> Bool { links[2 * city + 1] < 0 }

    /// Whether `a` and `b` are on the same path.
    ///
    /// - Complexity: O(α(*n*)) amortised.
    mutating func sharesPath(_ a: Int, _ b: Int) -> Bool { paths.root(a) == paths.root(b) }

    /// A name for the path `city` is on: equal for two terminals exactly when
    /// they share a path, until the next ``add(_:)``.
    ///
    /// - Complexity: O(α(*n*)) amortised.
    mutating func path(of city: Int) -> Int { paths.root(city) }

    /// Adds the edges, sorted by (cost, ends), that join two path ends of different paths.
    ///
    /// - Complexity: O(*m* log *m*) for *m* edges.
    mutating func add(_ edges: [(cost: Double, a: Int32, b: Int32)]) {
        let sorted = edges.sorted { ($0.cost, $0.a, $0.b) < ($1.cost, $1.a, $1.b) }
        for edge in sorted {
            let a = Int(edge.a), b = Int(edge.b)
            guard a != b, isEnd(a), isEnd(b) else { continue }
            guard paths.join(a, b) else { continue }
            links[links[2 * a] < 0 ? 2 * a : 2 * a + 1] = Int32(b)
            links[links[2 * b] < 0 ? 2 * b : 2 * b + 1] = Int32(a)
        }
    }

    /// The paths, each read from its lower-numbered end, in order of that end.
    ///
    /// - Complexity: O(*n*).
    func fragments() -> [[Int]] {
        var seen = [Bool](repeating: false, count: count)
        var fragments: [[Int]] = []
        for start in 0..<count where !seen[start] && isEnd(start) {
            var path = [start]
            seen[start] = true
            var previous = -1, current = start
            while true {
                let first = Int(links[2 * current]), second = Int(links[2 * current + 1])
                let next = first >= 0 && first != previous ? first : (second >= 0 && second != previous ? second : -1)
                if next < 0 || seen[next] { break }
                seen[next] = true
                path.append(next)
                previous = current
                current = next
            }
            fragments.append(path)
        }
        return fragments
    }
}
