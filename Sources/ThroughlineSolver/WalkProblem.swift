/// The closed-walk problem: starting at `start`, visit every required vertex of
/// a relation graph and return to `start`, moving only along edges, at least cost.
///
/// Vertices that are not required may be passed through where that shortens the
/// walk (they are Steiner vertices). The start vertex is always required.
public struct WalkProblem: Sendable, Hashable {
    /// The graph the walk moves on.
    public let graph: RelationGraph
    /// The vertex where the walk starts and ends.
    public let start: Int
    /// The required vertices in increasing order; always contains `start`.
    public let requiredVertices: [Int]

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - graph: the relation graph.
    ///   - start: the vertex where the walk starts and ends.
    ///   - isRequired: for each vertex, whether the walk must visit it. `start`
    ///     is required whatever this says.
    /// - Precondition: `isRequired.count == graph.vertexCount` and `start` is a vertex.
    public init(graph: RelationGraph, start: Int, isRequired: [Bool]) {
        precondition(isRequired.count == graph.vertexCount, "one flag per vertex")
        precondition(start >= 0 && start < graph.vertexCount, "start is not a vertex")
        self.graph = graph
        self.start = start
        self.requiredVertices = (0..<graph.vertexCount).filter { $0 == start || isRequired[$0] }
    }

    /// Whether `vertex` must be visited.
    public func isRequired(_ vertex: Int) -> Bool {
        var low = 0, high = requiredVertices.count
        while low < high {
            let mid = (low + high) / 2
            if requiredVertices[mid] < vertex { low = mid + 1 } else { high = mid }
        }
        return low < requiredVertices.count && requiredVertices[low] == vertex
    }

    /// The required vertices that no walk from `start` can reach, in increasing order.
    ///
    /// A problem has a solution exactly when this is empty.
    ///
    /// - Complexity: O(*V* + *E*).
    public func unreachableRequiredVertices() -> [Int] {
        var seen = [Bool](repeating: false, count: graph.vertexCount)
        var stack = [start]
        seen[start] = true
        while let v = stack.popLast() {
            for (w, _) in graph.neighbours(of: v) where !seen[w] {
                seen[w] = true
                stack.append(w)
            }
        }
        return requiredVertices.filter { !seen[$0] }
    }
}
