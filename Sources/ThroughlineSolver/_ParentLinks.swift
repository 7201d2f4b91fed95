/// Search trees stored as parent links, the way Dijkstra's, A* and
/// breadth-first searches keep them: `parents[v]` is the vertex before `v` on
/// its path from the search's source, and -1 at the source.
internal enum _ParentLinks {
    /// The vertices from the root of `target`'s tree to `target`, both included.
    ///
    /// - Precondition: following `parents` from `target` ends at a vertex
    ///   whose parent is -1 (the searches set no parent for their source:
    ///   relations cost at least 0, and a parent is set only on a strict
    ///   improvement or a first visit).
    /// - Complexity: O(length of the path).
    static func path(to target: Int, in parents: [Int32]) -> [Int] {
        var path = [target]
        var v = target
        while parents[v] >= 0 {
            v = Int(parents[v])
            path.append(v)
        }
        return path.reversed()
    }
}
