/// The shortest-path costs between the required vertices (the terminals) of a
/// ``WalkProblem``: the metric closure on which the tour is solved.
///
/// Terminal `0` is the start vertex; the others follow in increasing vertex
/// order. The matrix is dense and symmetric, so this is for up to a few
/// thousand terminals.
public struct TerminalMetric: Sendable {
    /// The graph vertex of each terminal; `vertices[0]` is the start.
    public let vertices: [Int]
    /// Row-major `count * count` shortest-path costs between terminals.
    public let distances: [Double]

    /// The number of terminals.
    @inlinable public var count: Int { vertices.count }

    /// Terminals from which ``init(_:)`` runs its Dijkstra searches on two
    /// threads (below, the second thread would cost more than it saves).
    public static let parallelRowsTerminals = 200

    /// How many jobs work shared out terminal by terminal is split into: two
    /// from ``parallelRowsTerminals`` terminals, else one (the closure's rows
    /// here, the candidate lists, the α lists).
    ///
    /// - Complexity: O(1).
    static func jobs(forTerminals terminals: Int) -> Int { terminals >= parallelRowsTerminals ? 2 : 1 }

    /// The shortest-path cost between terminals `i` and `j`.
    @inlinable public func distance(_ i: Int, _ j: Int) -> Double { distances[i &* vertices.count &+ j] }

    /// Computes the closure with one Dijkstra run per terminal (on a
    /// decrease-key heap, with its state reused from row to row). From
    /// ``parallelRowsTerminals`` terminals the runs are shared between two
    /// threads (alternate rows each); every row is computed the same way
    /// either way, so the matrix is identical.
    ///
    /// - Precondition: every required vertex is reachable from the start.
    /// - Complexity: O(*T* (*V* + *E*) log *V*) time and O(*T*²) memory for *T* terminals.
    public init(_ problem: WalkProblem) {
        var vertices = [problem.start]
        vertices.append(contentsOf: problem.requiredVertices.filter { $0 != problem.start })
        let t = vertices.count
        let terminals = vertices
        let parts = TerminalMetric.jobs(forTerminals: t)
        var distances = _ParallelJobs.interleavedRows(count: t, length: t, parts: parts, filler: 0.0) { rows in
            var block: [Double] = []
            block.reserveCapacity(rows.underestimatedCount * t)
            var search = _DijkstraWorkspace(vertexCount: problem.graph.vertexCount, queue: _IndexedMinHeap.self)
            for i in rows {
                search.start(at: terminals[i])
                while search.settleNext(in: problem.graph) != nil {}
                for target in terminals { block.append(search.distances[target]) }
            }
            return block
        }
        // Rounding can make d(i, j) and d(j, i) differ in the last bit; keep the matrix symmetric.
        for i in 0..<t {
            for j in (i + 1)..<max(i + 1, t) {
                let d = min(distances[i * t + j], distances[j * t + i])
                distances[i * t + j] = d
                distances[j * t + i] = d
            }
        }
        self.vertices = vertices
        self.distances = distances
    }

    /// Creates a metric from an explicit symmetric matrix, for tests and for
    /// callers that already hold the closure.
    public init(vertices: [Int], distances: [Double]) {
        precondition(distances.count == vertices.count * vertices.count)
        self.vertices = vertices
        self.distances = distances
    }

    /// The cost of the closed tour that visits terminals in `order` and
    /// returns to the first.
    ///
    /// - Complexity: O(*T*).
    public func tourCost(_ order: [Int]) -> Double {
        guard order.count > 1 else { return 0 }
        var total = 0.0
        for k in 0..<order.count {
            total += distance(order[k], order[(k + 1) % order.count])
        }
        return total
    }
}
