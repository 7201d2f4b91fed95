/// An undirected graph with non-negative edge costs, stored as compressed
/// adjacency lists (CSR) over vertices `0..<vertexCount`.
///
/// Parallel edges collapse to the cheapest one and self-loops are dropped, so
/// every pair of vertices has at most one edge. Adjacency lists are sorted by
/// neighbour index, which makes every traversal deterministic.
public struct RelationGraph: Sendable, Hashable {
    /// One undirected edge between two vertices with a non-negative cost.
    public struct Edge: Sendable, Hashable {
        /// One end of the edge.
        public var u: Int
        /// The other end of the edge.
        public var v: Int
        /// The cost of moving along the edge in either direction (finite, >= 0).
        public var cost: Double

        /// Creates an edge between `u` and `v` with the given cost.
        public init(_ u: Int, _ v: Int, cost: Double) {
            self.u = u
            self.v = v
            self.cost = cost
        }
    }

    /// The number of vertices; vertices are `0..<vertexCount`.
    public let vertexCount: Int
    /// `offsets[v]..<offsets[v + 1]` indexes the neighbours of `v`.
    @usableFromInline internal let offsets: [Int]
    /// Neighbour vertex of each adjacency slot.
    @usableFromInline internal let targets: [Int32]
    /// Cost of each adjacency slot.
    @usableFromInline internal let costs: [Double]

    /// Creates a graph from a list of edges.
    ///
    /// - Precondition: every endpoint is in `0..<vertexCount` and every cost is
    ///   finite and non-negative.
    /// - Complexity: O(*E* log *E*) for *E* edges.
    public init(vertexCount: Int, edges: [Edge]) {
        precondition(vertexCount >= 0)
        var directed: [(from: Int, to: Int, cost: Double)] = []
        directed.reserveCapacity(edges.count * 2)
        for edge in edges where edge.u != edge.v {
            precondition(edge.u >= 0 && edge.u < vertexCount && edge.v >= 0 && edge.v < vertexCount,
                         "edge endpoint out of range")
            precondition(edge.cost.isFinite && edge.cost >= 0, "edge cost must be finite and >= 0")
            directed.append((edge.u, edge.v, edge.cost))
            directed.append((edge.v, edge.u, edge.cost))
        }
        directed.sort { ($0.from, $0.to, $0.cost) < ($1.from, $1.to, $1.cost) }
        var offsets = [Int](repeating: 0, count: vertexCount + 1)
        var targets: [Int32] = []
        var costs: [Double] = []
        targets.reserveCapacity(directed.count)
        costs.reserveCapacity(directed.count)
        var previous: (Int, Int)? = nil
        for arc in directed {
            // Sorted by cost within a pair, so the first arc of a pair is the cheapest.
            if let previous, previous == (arc.from, arc.to) { continue }
            previous = (arc.from, arc.to)
            offsets[arc.from + 1] += 1
            targets.append(Int32(arc.to))
            costs.append(arc.cost)
        }
        for v in 0..<vertexCount { offsets[v + 1] += offsets[v] }
        self.vertexCount = vertexCount
        self.offsets = offsets
        self.targets = targets
        self.costs = costs
    }

    /// A graph from adjacency arrays already in the layout above.
    ///
    /// - Complexity: O(1).
    internal init(vertexCount: Int, offsets: [Int], targets: [Int32], costs: [Double]) {
        self.vertexCount = vertexCount
        self.offsets = offsets
        self.targets = targets
        self.costs = costs
    }

    /// The number of distinct undirected edges.
    public var edgeCount: Int { targets.count / 2 }

    /// The neighbours of `vertex` with the cost of the edge to each, in
    /// increasing neighbour order.
    ///
    /// - Complexity: O(1) to create; iterating is O(degree).
    @inlinable
    public func neighbours(of vertex: Int) -> some RandomAccessCollection<(vertex: Int, cost: Double)> {
        (offsets[vertex]..<offsets[vertex + 1]).lazy.map { (Int(targets[$0]), costs[$0]) }
    }

    /// The degree of `vertex`.
    @inlinable
    public func degree(of vertex: Int) -> Int { offsets[vertex + 1] - offsets[vertex] }

    /// The cost of the edge between `u` and `v`, or `nil` where there is none.
    ///
    /// - Complexity: O(log degree(u)).
    public func edgeCost(_ u: Int, _ v: Int) -> Double? {
        var low = offsets[u], high = offsets[u + 1]
        let target = Int32(v)
        while low < high {
            let mid = (low + high) / 2
            if targets[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < offsets[u + 1] && targets[low] == target ? costs[low] : nil
    }
}
