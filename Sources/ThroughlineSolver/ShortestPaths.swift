/// Single-source shortest paths on a ``RelationGraph`` (Dijkstra's algorithm
/// with a binary heap that lowers a waiting vertex's key in place).
///
/// Adjacency lists are sorted and the heap breaks ties by vertex index, so the
/// chosen paths are the same in every run.
public struct ShortestPaths: Sendable {
    /// The source vertex.
    public let source: Int
    /// `distances[v]` is the cost of a cheapest path from `source` to `v`, or
    /// `.infinity` where `v` cannot be reached.
    public let distances: [Double]
    /// `predecessors[v]` is the vertex before `v` on the chosen cheapest path,
    /// or -1 for the source and for unreachable vertices.
    public let predecessors: [Int32]

    /// Computes shortest paths from `source` to every vertex.
    ///
    /// - Complexity: O((*V* + *E*) log *V*).
    public init(in graph: RelationGraph, from source: Int) {
        var search = _DijkstraWorkspace(vertexCount: graph.vertexCount, queue: _IndexedMinHeap.self)
        search.start(at: source)
        while search.settleNext(in: graph) != nil {}
        self.source = source
        self.distances = search.distances
        self.predecessors = search.predecessors
    }

    /// The vertices of the chosen cheapest path from `source` to `target`,
    /// both included, or `nil` where `target` cannot be reached.
    ///
    /// - Complexity: O(length of the path).
    public func path(to target: Int) -> [Int]? {
        guard distances[target].isFinite else { return nil }
        return _ParentLinks.path(to: target, in: predecessors)
    }
}
