/// The costliest edge on the path between any two vertices of a spanning tree,
/// by binary lifting: for every vertex, its `2^k`-th ancestor and the costliest
/// edge on the way up to it.
///
/// Used for α-nearness without a dense matrix (``_NeighbourLists/init(alphaNearnessAmong:tree:width:)``):
/// the costliest tree edge between `i` and `j` is what forcing the edge
/// `(i, j)` into the tree would let it drop.
///
/// - Complexity: O(*n* log *n*) time and memory to build; O(log *n*) per query.
internal struct _TreePathMaxima {
    /// The number of vertices.
    let count: Int
    /// Levels of the lifting tables: the least `L` with `2^L >= count`, at least 1.
    private let levels: Int
    /// Each vertex's distance from the root (vertex 0) in edges.
    private let depth: [Int32]
    /// `ancestor[k * count + v]`: the `2^k`-th ancestor of `v` (the root is its own).
    private let ancestor: [Int32]
    /// `maximum[k * count + v]`: the costliest edge between `v` and that ancestor (0 at the root).
    private let maximum: [Double]

    /// Prepares queries on the tree with these `count - 1` edges.
    ///
    /// - Returns: `nil` unless the edges form a spanning tree of `0..<count`.
    /// - Complexity: O(*n* log *n*).
    init?(count: Int, edges: [(a: Int32, b: Int32, cost: Double)]) {
        guard count >= 1, edges.count == count - 1 else { return nil }
        // Adjacency in compressed rows.
        var start = [Int](repeating: 0, count: count + 1)
        for edge in edges {
            start[Int(edge.a) + 1] += 1
            start[Int(edge.b) + 1] += 1
        }
        for v in 0..<count { start[v + 1] += start[v] }
        var fill = start
        var neighbour = [Int32](repeating: 0, count: 2 * edges.count)
        var cost = [Double](repeating: 0, count: 2 * edges.count)
        for edge in edges {
            neighbour[fill[Int(edge.a)]] = edge.b
            cost[fill[Int(edge.a)]] = edge.cost
            fill[Int(edge.a)] += 1
            neighbour[fill[Int(edge.b)]] = edge.a
            cost[fill[Int(edge.b)]] = edge.cost
            fill[Int(edge.b)] += 1
        }
        var levels = 1
        while (1 << levels) < count { levels += 1 }
        var depth = [Int32](repeating: -1, count: count)
        var ancestor = [Int32](repeating: 0, count: levels * count)
        var maximum = [Double](repeating: 0, count: levels * count)
        // Breadth-first from the root: parents and the edge up to them.
        var queue = [0]
        queue.reserveCapacity(count)
        depth[0] = 0
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for slot in start[u]..<start[u + 1] {
                let v = Int(neighbour[slot])
                guard depth[v] < 0 else { continue }
                depth[v] = depth[u] + 1
                ancestor[v] = Int32(u)
                maximum[v] = cost[slot]
                queue.append(v)
            }
        }
        guard queue.count == count else { return nil }
        for k in 1..<levels {
            let (row, previous) = (k * count, (k - 1) * count)
            for v in 0..<count {
                let middle = Int(ancestor[previous + v])
                ancestor[row + v] = ancestor[previous + middle]
                maximum[row + v] = max(maximum[previous + v], maximum[previous + middle])
            }
        }
        self.count = count
        self.levels = levels
        self.depth = depth
        self.ancestor = ancestor
        self.maximum = maximum
    }

    /// The costliest edge on the tree path between `a` and `b` (0 when they are equal).
    ///
    /// - Complexity: O(log *n*).
    func maximum(between a: Int, and b: Int) -> Double {
        var (low, high) = depth[a] >= depth[b] ? (a, b) : (b, a)
        var best = 0.0
        var climb = Int(depth[low] - depth[high])
        var k = 0
        while climb > 0 {
            if climb & 1 == 1 {
                best = max(best, maximum[k * count + low])
                low = Int(ancestor[k * count + low])
            }
            climb >>= 1
            k += 1
        }
        if low == high { return best }
        for k in stride(from: levels - 1, through: 0, by: -1)
        where ancestor[k * count + low] != ancestor[k * count + high] {
            best = max(best, maximum[k * count + low], maximum[k * count + high])
            low = Int(ancestor[k * count + low])
            high = Int(ancestor[k * count + high])
        }
        return max(best, maximum[low], maximum[high])
    }
}
