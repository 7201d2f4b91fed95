/// The state of many breadth-first searches on one graph, one after another:
/// the vertices the current search has reached, in the order reached, and
/// the vertex each was reached from.
///
/// The caller drives each search: it ``start(at:)``s, takes the vertices of
/// ``queue`` in order, and ``reach(_:from:)``es the neighbours it follows.
/// Each vertex is marked with the number of the search that last reached it,
/// so starting a search is O(1) and one that stops early costs only what it
/// touched, not O(*V*). (``_FewestStepsSearch`` follows tight relations with
/// it, ``_ZeroCostContraction`` free ones.)
internal struct _BreadthFirstTree {
    /// The vertices the current search has reached, in the order reached,
    /// its source first: the breadth-first queue.
    private(set) var queue: [Int32] = []
    /// The vertex each reached vertex was reached from; -1 for the source.
    private var parents: [Int32]
    /// `stamps[v] == generation` when the current search has reached `v`.
    private var stamps: [UInt32]
    private var generation: UInt32 = 0

    /// State for graphs of `vertexCount` vertices.
    ///
    /// - Complexity: O(`vertexCount`).
    init(vertexCount: Int) {
        parents = [Int32](repeating: -1, count: vertexCount)
        stamps = [UInt32](repeating: 0, count: vertexCount)
    }

    /// Forgets the previous search and starts one that has reached `source` only.
    ///
    /// - Complexity: O(1), except once every 2³² searches, when the marks are
    ///   cleared in O(*V*).
    mutating func start(at source: Int) {
        generation &+= 1
        if generation == 0 {
            for v in stamps.indices { stamps[v] = 0 }
            generation = 1
        }
        queue.removeAll(keepingCapacity: true)
        stamps[source] = generation
        parents[source] = -1
        queue.append(Int32(source))
    }

    /// Whether the current search has reached `v`.
    ///
    /// - Complexity: O(1).
    @inline(__always) func hasReached(_ v: Int) -> Bool { stamps[v] == generation }

    /// Reaches `v` from `u` and queues it, unless the search has reached `v` already.
    ///
    /// - Returns: whether `v` was newly reached.
    /// - Complexity: O(1) amortised.
    @inline(__always) @discardableResult
    mutating func reach(_ v: Int, from u: Int) -> Bool {
        if stamps[v] == generation { return false }
        stamps[v] = generation
        parents[v] = Int32(truncatingIfNeeded: u)
        queue.append(Int32(truncatingIfNeeded: v))
        return true
    }

    /// The vertex `v` was reached from, or -1 for the source.
    ///
    /// - Precondition: the current search has reached `v`.
    /// - Complexity: O(1).
    @inline(__always) func parent(of v: Int) -> Int { Int(parents[v]) }

    /// The vertices from the source to `v`, both included, along the tree:
    /// a path with the fewest steps among those the search followed.
    ///
    /// - Precondition: the current search has reached `v`.
    /// - Complexity: O(length of the path).
    func path(to v: Int) -> [Int] {
        precondition(hasReached(v), "the search has not reached the vertex")
        return _ParentLinks.path(to: v, in: parents)
    }
}
