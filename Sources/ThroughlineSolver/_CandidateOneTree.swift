/// Minimum 1-trees restricted to a sparse set of candidate edges, for the
/// subgradient ascent on instances too large for an O(*n*²) 1-tree per step.
///
/// The candidates are each terminal's `k` nearest terminals plus the edges of
/// a tour (so the candidate graph without vertex 0 is connected). A 1-tree on
/// candidates only is *not* a valid bound by itself (the complete closure may
/// have a lighter one); the ascent here only chooses penalties, and the bound
/// reported is always the weight of the minimum 1-tree on the complete
/// closure under those penalties (``_OneTree``).
internal final class _CandidateOneTree {
    /// The number of vertices.
    let count: Int
    private let offsets: [Int]
    private let targets: [Int32]
    private let costs: [Double]
    /// After ``compute(penalties:)``: the degree of each vertex.
    private(set) var degree: [Int32]
    /// After ``compute(penalties:)``: the penalised 1-tree weight minus `2 sum(pi)`.
    private(set) var weight: Double = -.infinity
    private var key: [Double]
    private var inTree: [Bool]
    private var parent: [Int32]
    private var heap: _IndexedMinHeap

    /// Builds the candidate graph.
    ///
    /// - Parameters:
    ///   - scale: the distances.
    ///   - tour: a tour of all vertices, whose edges join the candidates.
    ///   - nearest: how many nearest neighbours of each vertex to add.
    /// - Complexity: O(*n*² log *k*) time, O(*n k*) memory.
    init(scale: _CostScale, tour: [Int], nearest: Int) {
        let n = scale.count
        count = n
        var lists = [[Int32]](repeating: [], count: n)
        let k = min(nearest, n - 1)
        for a in 0..<n {
            // The k nearest, lowest index first among equals, by insertion into a short sorted list.
            var best: [(Double, Int)] = []
            best.reserveCapacity(k + 1)
            for b in 0..<n where b != a {
                let d = scale.distance(a, b)
                if best.count == k, let last = best.last, (d, b) >= last { continue }
                var i = best.count
                while i > 0 && (d, b) < best[i - 1] { i -= 1 }
                best.insert((d, b), at: i)
                if best.count > k { best.removeLast() }
            }
            for (_, b) in best {
                lists[a].append(Int32(b))
                lists[b].append(Int32(a))
            }
        }
        for i in 0..<tour.count {
            let a = tour[i], b = tour[(i + 1) % tour.count]
            lists[a].append(Int32(b))
            lists[b].append(Int32(a))
        }
        var offsets = [0]
        var targets: [Int32] = []
        var costs: [Double] = []
        for a in 0..<n {
            var seen = Int32(-1)
            for b in lists[a].sorted() where b != seen {
                seen = b
                targets.append(b)
                costs.append(scale.distance(a, Int(b)))
            }
            offsets.append(targets.count)
        }
        self.offsets = offsets
        self.targets = targets
        self.costs = costs
        degree = [Int32](repeating: 0, count: n)
        key = [Double](repeating: .infinity, count: n)
        inTree = [Bool](repeating: false, count: n)
        parent = [Int32](repeating: -1, count: n)
        heap = _IndexedMinHeap(capacity: n)
    }

    /// The number of candidate edges.
    var edgeCount: Int { targets.count / 2 }

    /// Computes the minimum 1-tree on the candidate edges under `pi`.
    ///
    /// - Returns: false if the candidates do not connect the vertices.
    /// - Complexity: O(*m* log *n*) for *m* candidate edges (Prim with a
    ///   decrease-key heap).
    @discardableResult
    func compute(penalties pi: [Double]) -> Bool {
        let n = count
        // The working arrays move out of the instance for the computation and back at the end:
        // as locals they are accessed without the run-time exclusivity checks that a class's
        // stored properties get (those checks took about a fifth of this function's time).
        var degree = self.degree, key = self.key, inTree = self.inTree, parent = self.parent, heap = self.heap
        self.degree = []; self.key = []; self.inTree = []; self.parent = []; self.heap = _IndexedMinHeap(capacity: 0)
        defer {
            self.degree = degree; self.key = key; self.inTree = inTree; self.parent = parent; self.heap = heap
        }
        let offsets = self.offsets, targets = self.targets, costs = self.costs
        for v in 0..<n {
            degree[v] = 0
            key[v] = .infinity
            inTree[v] = false
            parent[v] = -1
        }
        var total = 0.0
        heap.removeAll()
        key[1] = 0
        heap.insertOrDecrease(1, key: 0)
        var added = 0
        while let (k, u) = heap.popMin() {
            inTree[u] = true
            added += 1
            if parent[u] >= 0 {
                let p = Int(parent[u])
                total += k
                degree[u] += 1
                degree[p] += 1
            }
            for slot in offsets[u]..<offsets[u + 1] {
                let v = Int(targets[slot])
                if v == 0 || inTree[v] { continue }
                let w = costs[slot] + pi[u] + pi[v]
                if w < key[v] {
                    key[v] = w
                    parent[v] = Int32(u)
                    heap.insertOrDecrease(v, key: w)
                }
            }
        }
        guard added == n - 1 else { weight = -.infinity; return false }
        var first = Double.infinity, second = Double.infinity
        var firstVertex = -1, secondVertex = -1
        for slot in offsets[0]..<offsets[1] {
            let v = Int(targets[slot])
            let w = costs[slot] + pi[0] + pi[v]
            if w < first {
                second = first; secondVertex = firstVertex
                first = w; firstVertex = v
            } else if w < second {
                second = w; secondVertex = v
            }
        }
        guard secondVertex >= 0 else { weight = -.infinity; return false }
        total += first + second
        degree[0] = 2
        degree[firstVertex] += 1
        degree[secondVertex] += 1
        var penaltySum = 0.0
        for v in 0..<n { penaltySum += pi[v] }
        weight = total - 2 * penaltySum
        return true
    }
}
