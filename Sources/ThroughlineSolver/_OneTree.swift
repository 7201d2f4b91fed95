/// Minimum 1-trees of a dense symmetric cost matrix under vertex penalties and
/// edge constraints: the relaxation behind the Held-Karp bound.
///
/// A 1-tree is a spanning tree on vertices `1..<n` plus two edges at vertex 0.
/// Every tour is a 1-tree in which every vertex has degree 2, so with penalties
/// `pi`, for every tour `H`:
///
///     cost(H) = sum over edges {i, j} of H of (c[i][j] + pi[i] + pi[j]) - 2 * sum(pi)
///             >= minimum penalised 1-tree - 2 * sum(pi)  =: weight(pi)
///
/// Forced edges are placed in the tree first (they form paths, never cycles,
/// so a spanning tree containing them exists whenever the free edges connect the
/// rest); excluded edges are skipped. Then `weight(pi)` bounds every tour that
/// uses all forced and no excluded edge.
///
/// The buffers skip Swift's run-time exclusivity checks
/// (`@exclusivity(unchecked)`): every method touches each buffer through one
/// access at a time, one tree is never shared between threads, and the checks
/// cost about a tenth of a 1-tree at 100 vertices.
internal final class _OneTree {
    /// The number of vertices.
    let count: Int
    /// Row-major `count * count` edge costs (symmetric, zero diagonal). The
    /// blossom ascents (``_BlossomBound``, ``_BlossomLifting``) move them
    /// between 1-trees; nothing else changes them. ``restrict(to:)`` copies
    /// them, so a change reaches ``computeRestricted(penalties:)`` only after
    /// restricting again, or through ``addToCosts(at:_:)``, which moves both.
    var costs: [Double]
    /// A constant subtracted from every 1-tree's weight: with costs lifted by
    /// Lagrangian multipliers of inequalities `a x <= b`, the sum of
    /// multiplier times `b` (``_BlossomBound``); zero otherwise.
    var offset: Double

    /// After ``compute(constraints:penalties:)``: the tree parent of each vertex
    /// in `1..<n`; vertex 1 is the root (`-1`), `parent[0]` is unused.
    @exclusivity(unchecked) private(set) var parent: [Int32]
    /// After ``compute(constraints:penalties:)``: vertices `1..<n` in the order
    /// Prim's algorithm added them (every parent before its children).
    @exclusivity(unchecked) private(set) var order: [Int32]
    /// After ``compute(constraints:penalties:)``: the two neighbours of vertex 0.
    private(set) var zeroNeighbours: (Int, Int) = (-1, -1)
    /// After ``compute(constraints:penalties:)``: the degree of each vertex.
    @exclusivity(unchecked) private(set) var degree: [Int32]
    /// After ``compute(constraints:penalties:)``: `weight(pi)`, the lower bound.
    private(set) var weight: Double = -.infinity

    @exclusivity(unchecked) private var key: [Double]

    /// After ``restrict(to:)``: the edges that are not excluded, as adjacency
    /// lists (each in increasing neighbour order); `rowStart[v]..<rowStart[v + 1]`
    /// indexes `neighbour` and `edgeCost` (the cost, `-infinity` when forced).
    @exclusivity(unchecked) private var rowStart: [Int32]
    @exclusivity(unchecked) private var neighbour: [Int32] = []
    @exclusivity(unchecked) private var edgeCost: [Double] = []
    /// For ``computeRestricted(penalties:)``: the least (key, vertex) of each
    /// block of waiting vertices.
    @exclusivity(unchecked) private var blockKey: [Double]
    @exclusivity(unchecked) private var blockVertex: [Int32]
    /// For ``computeRestricted(penalties:)``: the heap's keys and vertices.
    @exclusivity(unchecked) private var heapKey: [Double] = []
    @exclusivity(unchecked) private var heapVertex: [Int32] = []
    /// For ``computeRestricted(penalties:)``: vertices reached by a forced
    /// edge, waiting to join the tree ahead of the heap.
    @exclusivity(unchecked) private var pendingForced: [Int32]
    /// Vertices per block in ``computeRestricted(penalties:)``: `1 << blockShift`.
    static let blockShift = 3
    static let blockSize = 1 << blockShift

    /// Prepares buffers for matrices of `count` vertices (`count >= 3`).
    init(count: Int, costs: [Double], offset: Double = 0) {
        precondition(count >= 3 && costs.count == count * count)
        self.count = count
        self.costs = costs
        self.offset = offset
        parent = [Int32](repeating: -1, count: count)
        order = [Int32](repeating: 0, count: count - 1)
        degree = [Int32](repeating: 0, count: count)
        key = [Double](repeating: .infinity, count: count)
        rowStart = [Int32](repeating: 0, count: count + 1)
        pendingForced = [Int32](repeating: 0, count: count)
        blockKey = [Double](repeating: 0, count: (count + _OneTree.blockSize - 1) / _OneTree.blockSize)
        blockVertex = [Int32](repeating: 0, count: blockKey.count)
    }

    /// Whether the last 1-tree computed is a tour (every degree is 2).
    var isTour: Bool { degree.allSatisfy { $0 == 2 } }

    /// The penalised cost of edge `{i, j}`.
    @inline(__always) func penalisedCost(_ i: Int, _ j: Int, _ penalties: [Double]) -> Double {
        costs[i &* count &+ j] + penalties[i] + penalties[j]
    }

    /// Computes a minimum 1-tree under `constraints` with `penalties`, storing
    /// it in ``parent``, ``order``, ``zeroNeighbours``, ``degree`` and ``weight``.
    ///
    /// Ties are broken towards lower vertex indices, so the result is deterministic.
    ///
    /// - Returns: false when no 1-tree meets the constraints.
    /// - Complexity: O(*n*²) (Prim's algorithm on the dense matrix).
    @discardableResult
    func compute(constraints: _EdgeConstraints, penalties: [Double]) -> Bool {
        if constraints.isUnconstrained && count >= 3 { return computeUnconstrained(penalties: penalties) }
        return computeConstrained(constraints: constraints, penalties: penalties)
    }

    /// ``compute(constraints:penalties:)`` for any constraints, one vertex at a time.
    ///
    /// - Complexity: O(*n*²).
    @discardableResult
    func computeConstrained(constraints: _EdgeConstraints, penalties: [Double]) -> Bool {
        let n = count
        let free = _EdgeConstraints.State.free.rawValue
        let forced = _EdgeConstraints.State.forced.rawValue
        let excluded = _EdgeConstraints.State.excluded.rawValue
        var total = 0.0
        // The buffers, without bounds or exclusivity checks, for the whole computation.
        let feasible: Bool = costs.withUnsafeBufferPointer { c in
        constraints.states.withUnsafeBufferPointer { s in
        penalties.withUnsafeBufferPointer { pi in
        key.withUnsafeMutableBufferPointer { key in
        parent.withUnsafeMutableBufferPointer { parent in
        order.withUnsafeMutableBufferPointer { order in
        degree.withUnsafeMutableBufferPointer { degree in
        // Prim on 1..<n from vertex 1, scanning the vertices in index
        // order so that the first least key is the lowest index among
        // equals; a vertex's key becomes NaN when it joins the tree, so
        // that no comparison lowers it or picks it again.
        _OneTree.clear(key: key, parent: parent, degree: degree)
        key[1] = .nan
        order[0] = 1
        var added = 1
        var u = 1
        while added < n &- 1 {
            let row = u &* n
            let pu = pi[u]
            var best = -1
            var bestKey = Double.infinity
            for v in 2..<n {
                let state = s[row &+ v]
                let w = state == free ? c[row &+ v] + pu + pi[v]
                    : state == forced ? -Double.infinity : Double.infinity
                _OneTree.offer(v, weight: w, from: u, key: key, parent: parent, bestKey: &bestKey, best: &best)
            }
            if best < 0 { return false }
            _OneTree.join(best, position: added, key: key, order: order, parent: parent, degree: degree,
                          costs: c, penalties: pi, total: &total)
            added += 1
            u = best
        }
        // Vertex 0: its forced edges, then its cheapest free ones.
        var zero = _ZeroEdges()
        for j in 1..<n where s[j] != excluded {
            zero.offer(j, cost: c[j] + pi[0] + pi[j], isForced: s[j] == forced)
        }
        return closeAtZero(zero, costs: c, penalties: pi, degree: degree, total: &total)
        }}}}}}}  // the 7 buffers
        weight = feasible ? total : -.infinity
        return feasible
    }

    /// ``compute(constraints:penalties:)`` when no edge is forced or
    /// excluded (the root's ascents and the dense blossom ascent): the same
    /// Prim's algorithm, with the same sums and the same tree, ties included,
    /// but eight vertices at a time. Each lane keeps the first least key it
    /// sees, and the least over the lanes goes to the lowest vertex among
    /// equal keys, which is the scalar scan's choice.
    ///
    /// - Complexity: O(*n*²).
    @discardableResult
    func computeUnconstrained(penalties: [Double]) -> Bool {
        typealias Keys = SIMD8<Double>
        let lanes = Keys.scalarCount
        let n = count
        var total = 0.0
        let feasible: Bool = costs.withUnsafeBufferPointer { c in
        penalties.withUnsafeBufferPointer { pi in
        key.withUnsafeMutableBufferPointer { key in
        parent.withUnsafeMutableBufferPointer { parent in
        order.withUnsafeMutableBufferPointer { order in
        degree.withUnsafeMutableBufferPointer { degree in
        _OneTree.clear(key: key, parent: parent, degree: degree)
        key[1] = .nan
        order[0] = 1
        let keys = UnsafeMutableRawPointer(key.baseAddress!)
        let penaltyBase = UnsafeRawPointer(pi.baseAddress!)
        let costBase = UnsafeRawPointer(c.baseAddress!)
        // Vertices 2..<vectorEnd in blocks of eight, the rest one by one.
        let vectorEnd = 2 &+ (n &- 2) / lanes &* lanes
        var added = 1
        var u = 1
        while added < n &- 1 {
            let row = u &* n
            let pu = pi[u]
            var laneBest = Keys(repeating: .infinity)
            var v = 2
            while v < vectorEnd {
                let doubleOffset = v &* MemoryLayout<Double>.stride
                let w = costBase.loadUnaligned(fromByteOffset: (row &+ v) &* MemoryLayout<Double>.stride, as: Keys.self)
                    + pu + penaltyBase.loadUnaligned(fromByteOffset: doubleOffset, as: Keys.self)
                var k = keys.loadUnaligned(fromByteOffset: doubleOffset, as: Keys.self)
                let lower = w .< k
                if any(lower) {
                    k.replace(with: w, where: lower)
                    keys.storeBytes(of: k, toByteOffset: doubleOffset, as: Keys.self)
                    for lane in 0..<lanes where lower[lane] { parent[v &+ lane] = Int32(u) }
                }
                laneBest.replace(with: k, where: k .< laneBest)
                v &+= lanes
            }
            // The least key of the blocks, then the first vertex that holds it.
            var best = -1
            var bestKey = laneBest.min()
            if bestKey < .infinity {
                let target = Keys(repeating: bestKey)
                var w = 2
                while w < vectorEnd {
                    let equal = keys.loadUnaligned(fromByteOffset: w &* MemoryLayout<Double>.stride, as: Keys.self) .== target
                    if any(equal) {
                        for lane in 0..<lanes where equal[lane] { best = w &+ lane; break }
                        break
                    }
                    w &+= lanes
                }
            }
            while v < n {
                _OneTree.offer(v, weight: c[row &+ v] + pu + pi[v], from: u, key: key, parent: parent,
                               bestKey: &bestKey, best: &best)
                v &+= 1
            }
            _OneTree.join(best, position: added, key: key, order: order, parent: parent, degree: degree,
                          costs: c, penalties: pi, total: &total)
            added += 1
            u = best
        }
        // Vertex 0: its cheapest two edges.
        var zero = _ZeroEdges()
        for j in 1..<n { zero.offer(j, cost: c[j] + pi[0] + pi[j], isForced: false) }
        return closeAtZero(zero, costs: c, penalties: pi, degree: degree, total: &total)
        }}}}}}  // the 6 buffers
        weight = feasible ? total : -.infinity
        return feasible
    }

    /// Empties the arrays Prim's algorithm fills: no degree, no parent, every key infinite.
    ///
    /// - Complexity: O(*n*).
    @inline(__always)
    private static func clear(key: UnsafeMutableBufferPointer<Double>, parent: UnsafeMutableBufferPointer<Int32>,
                              degree: UnsafeMutableBufferPointer<Int32>) {
        for v in 0..<key.count {
            degree[v] = 0
            key[v] = .infinity
            parent[v] = -1
        }
    }

    /// One step of Prim's scan over the waiting vertices: the edge from `u`
    /// of penalised weight `w` lowers `v`'s key (and makes `u` its parent)
    /// when strictly lighter, and `v` becomes the best so far when its key is
    /// strictly below `bestKey`, so the first least key wins ties.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    private static func offer(_ v: Int, weight w: Double, from u: Int, key: UnsafeMutableBufferPointer<Double>,
                              parent: UnsafeMutableBufferPointer<Int32>, bestKey: inout Double, best: inout Int) {
        var k = key[v]
        if w < k {
            k = w
            key[v] = w
            parent[v] = Int32(u)
        }
        if k < bestKey {
            bestKey = k
            best = v
        }
    }

    /// Joins `v`, the vertex chosen `position`-th, to the tree on 1..<n through
    /// `parent[v]`: its key becomes NaN, so that no comparison lowers it or
    /// picks it again, its edge's penalised cost joins `total`, and both ends
    /// gain a degree.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    private static func join(_ v: Int, position: Int, key: UnsafeMutableBufferPointer<Double>,
                             order: UnsafeMutableBufferPointer<Int32>, parent: UnsafeMutableBufferPointer<Int32>,
                             degree: UnsafeMutableBufferPointer<Int32>, costs c: UnsafeBufferPointer<Double>,
                             penalties pi: UnsafeBufferPointer<Double>, total: inout Double) {
        key[v] = .nan
        order[position] = Int32(v)
        let p = Int(parent[v])
        total += c[v &* key.count &+ p] + pi[v] + pi[p]
        degree[v] += 1
        degree[p] += 1
    }

    /// After ``limitEdges(to:)``: the edges that may be free or forced in
    /// later constraints, as adjacency lists in increasing neighbour order
    /// (empty when there is no limit).
    @exclusivity(unchecked) private var limitRowStart: [Int32] = []
    @exclusivity(unchecked) private var limitNeighbour: [Int32] = []

    /// Promises that every constraints later passed to ``restrict(to:)``
    /// excludes at least the edges `constraints` excludes (as every branch of
    /// the exact search does with the root's constraints), so that loading
    /// them only looks at the edges left here instead of all *n*² pairs.
    ///
    /// - Complexity: O(*n*²).
    func limitEdges(to constraints: _EdgeConstraints) {
        let n = count
        let excluded = _EdgeConstraints.State.excluded.rawValue
        var rowStart = [Int32](repeating: 0, count: n + 1)
        var neighbour: [Int32] = []
        for u in 0..<n {
            rowStart[u] = Int32(neighbour.count)
            for v in 0..<n where constraints.states[u * n + v] != excluded { neighbour.append(Int32(v)) }
        }
        rowStart[n] = Int32(neighbour.count)
        limitRowStart = rowStart
        limitNeighbour = neighbour
    }

    /// The edges a limit leaves (``limitEdges(to:)``), to narrow from again
    /// later with ``limitEdges(to:within:)``.
    struct EdgeLimit {
        fileprivate var rowStart: [Int32]
        fileprivate var neighbour: [Int32]
    }

    /// The current limit (empty lists when there is none); setting it
    /// restores a limit taken earlier, in O(1).
    var edgeLimit: EdgeLimit {
        get { EdgeLimit(rowStart: limitRowStart, neighbour: limitNeighbour) }
        set {
            limitRowStart = newValue.rowStart
            limitNeighbour = newValue.neighbour
        }
    }

    /// ``limitEdges(to:)`` for `constraints` that exclude at least what those
    /// of `limit` excluded, from the edges `limit` left: on a branch-and-bound
    /// node below the root whose limit that is, the same lists for a fraction
    /// of the cost.
    ///
    /// - Complexity: O(*m*) for the *m* edges `limit` left.
    func limitEdges(to constraints: _EdgeConstraints, within limit: EdgeLimit) {
        guard !limit.rowStart.isEmpty else { return limitEdges(to: constraints) }
        let n = count
        let excluded = _EdgeConstraints.State.excluded.rawValue
        var rowStart = [Int32](repeating: 0, count: n + 1)
        var neighbour = [Int32]()
        neighbour.reserveCapacity(limit.neighbour.count)
        constraints.states.withUnsafeBufferPointer { s in
            for u in 0..<n {
                rowStart[u] = Int32(neighbour.count)
                let row = u &* n
                for k in Int(limit.rowStart[u])..<Int(limit.rowStart[u + 1]) {
                    let v = limit.neighbour[k]
                    if s[row &+ Int(v)] != excluded { neighbour.append(v) }
                }
            }
        }
        rowStart[n] = Int32(neighbour.count)
        limitRowStart = rowStart
        limitNeighbour = neighbour
    }

    /// Lifts the promise of ``limitEdges(to:)``.
    func removeEdgeLimit() {
        limitRowStart = []
        limitNeighbour = []
    }

    /// Loads the edges that `constraints` does not exclude into adjacency
    /// lists for ``computeRestricted(penalties:)``.
    ///
    /// - Returns: whether they are few enough (under a quarter of all edges)
    ///   that the restricted computation beats the dense one; when they are
    ///   not, nothing is loaded.
    /// - Complexity: O(*n*), plus O(*n*²) when the edges are loaded
    ///   (O(*m*) for the *m* edges left by ``limitEdges(to:)``).
    @discardableResult
    func restrict(to constraints: _EdgeConstraints) -> Bool {
        let n = count
        var entries = 0
        for v in 0..<n { entries += Int(constraints.availableDegree[v]) }
        guard entries < n * n / 4 else { return false }
        let excluded = _EdgeConstraints.State.excluded.rawValue
        let forced = _EdgeConstraints.State.forced.rawValue
        if neighbour.count < entries {
            neighbour = [Int32](repeating: 0, count: entries)
            edgeCost = [Double](repeating: 0, count: entries)
            heapKey = [Double](repeating: 0, count: entries + n)
            heapVertex = [Int32](repeating: 0, count: entries + n)
        }
        let isLimited = !limitRowStart.isEmpty
        constraints.states.withUnsafeBufferPointer { s in
            limitRowStart.withUnsafeBufferPointer { limitStart in
            limitNeighbour.withUnsafeBufferPointer { limitTarget in
            costs.withUnsafeBufferPointer { c in
                rowStart.withUnsafeMutableBufferPointer { start in
                    neighbour.withUnsafeMutableBufferPointer { target in
                        edgeCost.withUnsafeMutableBufferPointer { cost in
                            var slot = 0
                            for u in 0..<n {
                                start[u] = Int32(slot)
                                // The row holds exactly the edges its available degree counts.
                                precondition(slot + Int(constraints.availableDegree[u]) <= target.count)
                                let row = u &* n
                                if isLimited {
                                    for k in Int(limitStart[u])..<Int(limitStart[u &+ 1]) {
                                        let v = Int(limitTarget[k])
                                        let state = s[row &+ v]
                                        if state == excluded { continue }
                                        target[slot] = Int32(v)
                                        cost[slot] = state == forced ? -.infinity : c[row &+ v]
                                        slot &+= 1
                                    }
                                } else {
                                    for v in 0..<n where s[row &+ v] != excluded {
                                        target[slot] = Int32(v)
                                        cost[slot] = s[row &+ v] == forced ? -.infinity : c[row &+ v]
                                        slot &+= 1
                                    }
                                }
                            }
                            start[n] = Int32(slot)
                        }
                    }
                }
            }
            }
            }
        }
        return true
    }

    /// Where `{a, b}` sits in `a`'s list after ``restrict(to:)``: a slot for
    /// ``addToCosts(at:_:)``, or -1 when the edge is excluded.
    ///
    /// - Complexity: O(log *d*) for `a`'s *d* listed edges.
    func restrictedSlot(from a: Int, to b: Int) -> Int32 {
        var (low, high) = (Int(rowStart[a]), Int(rowStart[a + 1]))
        while low < high {
            let middle = (low + high) / 2
            if Int(neighbour[middle]) < b { low = middle + 1 } else { high = middle }
        }
        return low < Int(rowStart[a + 1]) && Int(neighbour[low]) == b ? Int32(low) : -1
    }

    /// Calls `body` with the place and the other end of each edge in `a`'s
    /// list after ``restrict(to:)``, in increasing order of the other end.
    ///
    /// - Complexity: O(*d*) for `a`'s *d* listed edges.
    func forEachRestrictedEdge(of a: Int, _ body: (_ slot: Int, _ neighbour: Int) -> Void) {
        for slot in Int(rowStart[a])..<Int(rowStart[a + 1]) { body(slot, Int(neighbour[slot])) }
    }

    /// Adds `amount` to the cost at each place of `places`: in ``costs`` at
    /// `matrix`, and in the lists of ``restrict(to:)`` at `slot` unless it is
    /// -1 (a forced edge stays at `-infinity` there). With both moved
    /// together, a lift reaches ``computeRestricted(penalties:)`` without the
    /// lists being loaded again.
    ///
    /// - Complexity: O(`places.count`).
    func addToCosts(at places: [(matrix: Int32, slot: Int32)], _ amount: Double) {
        costs.withUnsafeMutableBufferPointer { c in
            edgeCost.withUnsafeMutableBufferPointer { listed in
                for place in places {
                    c[Int(place.matrix)] += amount
                    if place.slot >= 0 { listed[Int(place.slot)] += amount }
                }
            }
        }
    }

    /// Computes the same minimum 1-tree as ``compute(constraints:penalties:)``
    /// (the same tree, ties included) for the constraints last passed to
    /// ``restrict(to:)``, by Prim's algorithm over the adjacency lists.
    ///
    /// Both ways below make the dense version's choice at every step (the
    /// waiting vertex of least key, lowest index among equals, keys moved
    /// only when they strictly drop):
    ///
    /// - with fewer than 4 edges per vertex on average, a binary heap of
    ///   (key, vertex) pairs with stale entries skipped;
    /// - otherwise the waiting vertices are kept in blocks of ``blockSize``
    ///   consecutive indices, each with its least (key, vertex): lowering a
    ///   key updates its block in O(1), and the next vertex is the least over
    ///   the block minima (scanned in increasing order, so the lowest index
    ///   wins ties), after which its block is rescanned. Measured at 76 to 100
    ///   vertices with 10 to 25 edges per vertex, this is about 1.5 times
    ///   faster than the heap, whose comparisons branch unpredictably.
    ///
    /// In both, a vertex reached by a forced edge (key `-infinity`, below
    /// every other) waits in a short list instead, and the lowest such vertex
    /// joins next: deep in the search many tree edges are forced, and this
    /// saves about a tenth of the time (pr76, bd100s3). A vertex's key becomes
    /// NaN when it joins the tree, so that no comparison lowers it or picks it
    /// again.
    ///
    /// - Returns: false when no 1-tree meets the constraints.
    /// - Complexity: O(*m* log *m*) with the heap, O(*m* + *n* (*n* / *b* + *b*))
    ///   with blocks of *b* vertices, for *m* edges not excluded.
    @discardableResult
    func computeRestricted(penalties: [Double]) -> Bool {
        let n = count
        let size = _OneTree.blockSize
        let shift = _OneTree.blockShift
        let blocks = (n + size - 1) >> shift
        // Measured: the heap wins below an average of 4 edges per vertex, the blocks above.
        let useHeap = Int(rowStart[n]) < 4 * n
        var total = 0.0
        // The buffers, without bounds or exclusivity checks, for the whole computation.
        let feasible: Bool = costs.withUnsafeBufferPointer { c in
        penalties.withUnsafeBufferPointer { pi in
        rowStart.withUnsafeBufferPointer { start in
        neighbour.withUnsafeBufferPointer { target in
        edgeCost.withUnsafeBufferPointer { cost in
        pendingForced.withUnsafeMutableBufferPointer { pending in
        heapKey.withUnsafeMutableBufferPointer { hk in
        heapVertex.withUnsafeMutableBufferPointer { hv in
        blockKey.withUnsafeMutableBufferPointer { blockKey in
        blockVertex.withUnsafeMutableBufferPointer { blockVertex in
        key.withUnsafeMutableBufferPointer { key in
        parent.withUnsafeMutableBufferPointer { parent in
        order.withUnsafeMutableBufferPointer { order in
        degree.withUnsafeMutableBufferPointer { degree in
        _OneTree.clear(key: key, parent: parent, degree: degree)
        for b in 0..<blocks {
            blockKey[b] = .infinity
            blockVertex[b] = Int32.max
        }
        // The waiting vertices' least keys: a binary heap of (key, vertex), stale
        // entries skipped, or the least key and vertex of each block.
        @inline(__always) func less(_ k1: Double, _ v1: Int32, _ k2: Double, _ v2: Int32) -> Bool {
            k1 < k2 || (k1 == k2 && v1 < v2)
        }
        var heapSize = 0
        @inline(__always) func push(_ k: Double, _ v: Int32) {
            var child = heapSize
            heapSize &+= 1
            while child > 0 {
                let up = (child &- 1) >> 1
                if !less(k, v, hk[up], hv[up]) { break }
                hk[child] = hk[up]
                hv[child] = hv[up]
                child = up
            }
            hk[child] = k
            hv[child] = v
        }
        @inline(__always) func pop() -> (Double, Int32) {
            let top = (hk[0], hv[0])
            heapSize &-= 1
            let k = hk[heapSize], v = hv[heapSize]
            var slot = 0
            while true {
                var child = 2 &* slot &+ 1
                if child >= heapSize { break }
                if child &+ 1 < heapSize && less(hk[child &+ 1], hv[child &+ 1], hk[child], hv[child]) { child &+= 1 }
                if !less(hk[child], hv[child], k, v) { break }
                hk[slot] = hk[child]
                hv[slot] = hv[child]
                slot = child
            }
            hk[slot] = k
            hv[slot] = v
            return top
        }
        // Vertex 0 never joins the tree on 1..<n.
        key[0] = .nan
        var pendingCount = 0
        // Prim on 1..<n from vertex 1.
        var added = 0
        var u = 1
        while true {
            key[u] = .nan
            order[added] = Int32(u)
            added &+= 1
            if u != 1 {
                let p = Int(parent[u])
                total += c[u &* n &+ p] + pi[u] + pi[p]
                degree[u] &+= 1
                degree[p] &+= 1
                // Rescan the block u left, if u was its least vertex (a vertex that
                // came through a forced edge may never have been).
                let b = u >> shift
                if !useHeap && blockVertex[b] == Int32(u) {
                    var least = Double.infinity
                    var leastVertex = Int32.max
                    for v in (b &* size)..<min(n, b &* size &+ size) where key[v] < least {
                        least = key[v]
                        leastVertex = Int32(v)
                    }
                    blockKey[b] = least
                    blockVertex[b] = leastVertex
                }
            }
            if added == n &- 1 { break }
            let pu = pi[u]
            for slot in Int(start[u])..<Int(start[u &+ 1]) {
                let v = Int(target[slot])
                let w = cost[slot] + pu + pi[v]
                if w < key[v] {
                    key[v] = w
                    parent[v] = Int32(u)
                    if w == -.infinity {
                        // A forced edge: v comes next (or after other forced ones), bypassing heap and blocks.
                        pending[pendingCount] = Int32(v)
                        pendingCount &+= 1
                    } else if useHeap {
                        push(w, Int32(v))
                    } else {
                        let b = v >> shift
                        if w < blockKey[b] || (w == blockKey[b] && Int32(v) < blockVertex[b]) {
                            blockKey[b] = w
                            blockVertex[b] = Int32(v)
                        }
                    }
                }
            }
            var next = -1
            if pendingCount > 0 {
                // Keys of -infinity are the least: the lowest such vertex is next.
                var at = 0
                for i in 1..<max(1, pendingCount) where pending[i] < pending[at] { at = i }
                next = Int(pending[at])
                pendingCount &-= 1
                pending[at] = pending[pendingCount]
            } else if useHeap {
                while heapSize > 0 {
                    let (k, v) = pop()
                    if k == key[Int(v)] { next = Int(v); break }
                }
            } else {
                var bestBlock = 0
                var bestKey = blockKey[0]
                for b in 1..<blocks where blockKey[b] < bestKey {
                    bestKey = blockKey[b]
                    bestBlock = b
                }
                if bestKey < .infinity { next = Int(blockVertex[bestBlock]) }
            }
            if next < 0 { return false }
            u = next
        }
        // Vertex 0: its forced edges, then its cheapest free ones.
        var zero = _ZeroEdges()
        for slot in Int(start[0])..<Int(start[1]) {
            let j = Int(target[slot])
            zero.offer(j, cost: c[j] + pi[0] + pi[j], isForced: cost[slot] == -.infinity)
        }
        return closeAtZero(zero, costs: c, penalties: pi, degree: degree, total: &total)
        }}}}}}}}}}}}}}  // the 14 buffers
        weight = feasible ? total : -.infinity
        return feasible
    }

    /// Adds vertex 0's two chosen edges to the 1-tree being built (its
    /// weight `total`, `degree` and ``zeroNeighbours``) and subtracts twice the
    /// penalty sum and the ``offset``, turning the penalised tree weight into
    /// the bound.
    ///
    /// - Returns: false when vertex 0 cannot have exactly two edges.
    /// - Complexity: O(*n*).
    @inline(__always)
    private func closeAtZero(_ zero: _ZeroEdges, costs c: UnsafeBufferPointer<Double>,
                             penalties pi: UnsafeBufferPointer<Double>, degree: UnsafeMutableBufferPointer<Int32>,
                             total: inout Double) -> Bool {
        guard zero.isFeasible else { return false }
        let (first, second) = (zero.first, zero.second)
        total += c[first] + pi[0] + pi[first]
        total += c[second] + pi[0] + pi[second]
        degree[0] = 2
        degree[first] += 1
        degree[second] += 1
        zeroNeighbours = (first, second)
        var penaltySum = 0.0
        for v in 0..<count { penaltySum += pi[v] }
        total -= 2 * penaltySum + offset
        return true
    }

    /// The tour the last 1-tree forms, starting at vertex 0, when ``isTour``.
    ///
    /// - Complexity: O(*n*).
    func tour() -> [Int] {
        let n = count
        var adjacency = [Int32](repeating: -1, count: 2 * n)
        func link(_ a: Int, _ b: Int) {
            adjacency[2 * a + (adjacency[2 * a] < 0 ? 0 : 1)] = Int32(b)
            adjacency[2 * b + (adjacency[2 * b] < 0 ? 0 : 1)] = Int32(a)
        }
        for v in 2..<n { link(v, Int(parent[v])) }
        link(0, zeroNeighbours.0)
        link(0, zeroNeighbours.1)
        var tour = [0]
        var previous = 0, here = zeroNeighbours.0
        while here != 0 {
            tour.append(here)
            let a = Int(adjacency[2 * here]), b = Int(adjacency[2 * here + 1])
            let next = a == previous ? b : a
            previous = here
            here = next
        }
        return tour
    }

    /// After ``reduce(constraints:penalties:threshold:)``: for each vertex
    /// `v >= 2` whose tree edge to its parent is free, how much the 1-tree
    /// weight rises when that edge is excluded (`+infinity` when nothing can
    /// replace it); 0 elsewhere.
    private(set) var exclusionGain: [Double] = []

    /// Fixes edges that the bound decides, for the branch whose constraints
    /// and penalties produced the last 1-tree:
    ///
    /// - *excluded*: a free edge `e` outside the 1-tree. The cheapest 1-tree that
    ///   contains `e` weighs `weight + c'(e) - c'(f)`, where `f` is the costliest
    ///   free tree edge on the tree path between the ends of `e` (at vertex 0, its
    ///   costlier free edge). When that exceeds `threshold`, no tour in this
    ///   branch that uses `e` beats the threshold. An edge whose tree path is all
    ///   forced would close a forced cycle and is excluded too.
    /// - *forced*: a free tree edge `e`. The cheapest 1-tree without `e` weighs
    ///   `weight - c'(e) + c'(r)`, `r` the cheapest free non-tree edge that
    ///   reconnects the tree (at vertex 0, its third-cheapest edge). When that
    ///   exceeds `threshold`, every tour in this branch that beats it uses `e`.
    ///
    /// Must follow a successful ``compute(constraints:penalties:)`` with the
    /// same `constraints` and `penalties`. Also fills ``exclusionGain``.
    ///
    /// - Returns: false when the fixings leave no tour.
    /// - Complexity: O(*n*² + *m* log *m*) for *m* free edges, plus the propagation.
    func reduce(constraints: inout _EdgeConstraints, penalties pi: [Double], threshold: Double) -> Bool {
        let n = count
        let slack = threshold - weight
        var exclusions: [(Int, Int)] = []
        var forcings: [(Int, Int)] = []
        func freeCost(_ a: Int, _ b: Int) -> Double {
            constraints.isFree(a, b) ? penalisedCost(a, b, pi) : -.infinity
        }
        func isTreeEdge(_ a: Int, _ b: Int) -> Bool { Int(parent[a]) == b || Int(parent[b]) == a }

        // Exclusions: beta[v] is the costliest free edge on the tree path from r to v.
        var beta = [Double](repeating: -.infinity, count: n)
        var mark = [Int32](repeating: -1, count: n)
        var replaceable: [(cost: Double, a: Int32, b: Int32)] = []
        // upCost[v]: the penalised cost of the tree edge from v to its parent, -infinity unless free.
        var upCost = [Double](repeating: -.infinity, count: n)
        let parent = self.parent, order = self.order
        for v in 2..<n { upCost[v] = freeCost(v, Int(parent[v])) }
        let free = _EdgeConstraints.State.free.rawValue
        constraints.states.withUnsafeBufferPointer { states in
            costs.withUnsafeBufferPointer { c in
                pi.withUnsafeBufferPointer { pi in
                    parent.withUnsafeBufferPointer { parent in
                        order.withUnsafeBufferPointer { order in
                            upCost.withUnsafeBufferPointer { upCost in
                                beta.withUnsafeMutableBufferPointer { beta in
                                    mark.withUnsafeMutableBufferPointer { mark in
            for r in 1..<n {
                let row = r &* n
                // Only vertices with a free edge to a higher vertex outside the tree need the path costs.
                var needed = false
                for v in (r &+ 1)..<n where states[row &+ v] == free
                    && Int(parent[v]) != r && Int(parent[r]) != v { needed = true; break }
                if !needed { continue }
                beta[r] = -.infinity
                mark[r] = Int32(r)
                var j = r
                while parent[j] >= 0 {
                    let p = Int(parent[j])
                    beta[p] = max(beta[j], upCost[j])
                    mark[p] = Int32(r)
                    j = p
                }
                for index in 0..<(n &- 1) {
                    let v = Int(order[index])
                    if mark[v] != Int32(r) {
                        beta[v] = max(beta[Int(parent[v])], upCost[v])
                    }
                }
                let pr = pi[r]
                for v in (r &+ 1)..<n where states[row &+ v] == free && Int(parent[v]) != r && Int(parent[r]) != v {
                    let cost = c[row &+ v] + pr + pi[v]
                    if beta[v] == -.infinity || cost - beta[v] > slack {
                        exclusions.append((r, v))
                    } else {
                        replaceable.append((cost, Int32(r), Int32(v)))
                    }
                }
            }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let (za, zb) = zeroNeighbours
        let zeroReplaceable = max(freeCost(0, za), freeCost(0, zb))
        var thirdAtZero = Double.infinity
        for v in 1..<n where v != za && v != zb && constraints.isFree(0, v) {
            let cost = penalisedCost(0, v, pi)
            if zeroReplaceable == -.infinity || cost - zeroReplaceable > slack {
                exclusions.append((0, v))
            } else {
                thirdAtZero = min(thirdAtZero, cost)
            }
        }

        // Forcings: the cheapest replacement of each free tree edge, by
        // offering non-tree edges in increasing cost to the tree paths they
        // cover (each tree edge takes the first, skipped afterwards by jumps).
        var depth = [Int32](repeating: 0, count: n)
        for index in 1..<(n - 1) {
            let v = Int(order[index])
            depth[v] = depth[Int(parent[v])] + 1
        }
        var replacement = [Double](repeating: .infinity, count: n)
        var up = [Int32](repeating: 0, count: n)
        for v in 0..<n { up[v] = Int32(v) }
        func find(_ v: Int) -> Int {
            var root = v
            while Int(up[root]) != root { root = Int(up[root]) }
            var x = v
            while Int(up[x]) != root { let next = Int(up[x]); up[x] = Int32(root); x = next }
            return root
        }
        replaceable.sort { ($0.cost, $0.a, $0.b) < ($1.cost, $1.a, $1.b) }
        for edge in replaceable {
            var a = find(Int(edge.a)), b = find(Int(edge.b))
            while a != b {
                if depth[a] < depth[b] { swap(&a, &b) }
                replacement[a] = edge.cost
                up[a] = parent[a]
                a = find(a)
            }
        }
        exclusionGain = [Double](repeating: 0, count: n)
        for v in 2..<n {
            let p = Int(parent[v])
            guard constraints.isFree(v, p) else { continue }
            let gain = replacement[v] - penalisedCost(v, p, pi)
            exclusionGain[v] = gain
            if gain > slack { forcings.append((v, p)) }
        }
        for z in [za, zb] where constraints.isFree(0, z) && thirdAtZero - penalisedCost(0, z, pi) > slack {
            forcings.append((0, z))
        }
        for (u, v) in exclusions where !constraints.exclude(u, v) { return false }
        for (u, v) in forcings where !constraints.force(u, v) { return false }
        return true
    }
}

/// The two edges vertex 0 keeps in a minimum 1-tree: its forced edges first,
/// then its cheapest free ones, the lowest vertex among equal costs (the
/// order in which edges are offered must be increasing by vertex).
internal struct _ZeroEdges {
    /// The first chosen neighbour, or -1.
    private(set) var first = -1
    /// The second chosen neighbour, or -1.
    private(set) var second = -1
    private var firstRank = Double.infinity
    private var secondRank = Double.infinity
    private var forcedCount = 0

    /// Whether vertex 0 can have exactly two edges: two were offered and at
    /// most two of them are forced.
    var isFeasible: Bool { first >= 0 && second >= 0 && forcedCount <= 2 }

    /// Considers edge `{0, j}` of penalised `cost`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    mutating func offer(_ j: Int, cost: Double, isForced: Bool) {
        // Forced edges rank below every free one.
        let rank = isForced ? -Double.infinity : cost
        if isForced { forcedCount += 1 }
        if rank < firstRank || (rank == firstRank && first < 0) {
            second = first; secondRank = firstRank
            first = j; firstRank = rank
        } else if rank < secondRank || (rank == secondRank && second < 0) {
            second = j; secondRank = rank
        }
    }
}
