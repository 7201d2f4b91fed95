/// Among the cheapest paths a point-to-point search has found, one with the
/// fewest steps.
///
/// Dijkstra's search (and A*) keeps the first cheapest path it meets to each
/// vertex. Where relations cost nothing, many paths cost exactly the same
/// and the first one met can wander: on a random graph of 30 points whose
/// relations cost 0, 1 or 2, a third of a walk's 75 steps could go without
/// changing its cost, each one a point the outline passes through again for
/// nothing. (The solver merges the points that free relations join before
/// it searches, ``_ZeroCostContraction``, so this serves walks that
/// ``WalkProblem/expand(tour:metric:)`` makes from a caller's own tour.)
/// This search goes over the relations the first search found
/// *tight* (`distance(u) + cost(u, v) == distance(v)`, exactly), breadth
/// first from the source, so the path it finds has the fewest steps of all
/// paths made of tight relations; each of those costs exactly the target's
/// distance (every step adds its cost to the distance before it).
///
/// - Complexity: O(relations scanned), at most the `budget` given.
internal struct _FewestStepsSearch {
    private var tree: _BreadthFirstTree

    /// State for graphs of `vertexCount` vertices.
    ///
    /// - Complexity: O(`vertexCount`).
    init(vertexCount: Int) {
        tree = _BreadthFirstTree(vertexCount: vertexCount)
    }

    /// Whether any relation of `graph` costs nothing: only then do cheapest
    /// paths of different lengths tie often (integer or `1 / strength`
    /// costs on brain dumps, the bundled examples and TSPLIB graphs gave
    /// walks with no step to spare).
    ///
    /// - Complexity: O(*E*).
    static func isWorthSearching(_ graph: RelationGraph) -> Bool {
        graph.costs.contains(0)
    }

    /// A path from `source` to `target` of fewer than `steps` steps along
    /// relations that are tight for `distances` (a search's costs from
    /// `source`: exact for every vertex it settled, `.infinity` where it did
    /// not reach), both ends included; `nil` when there is none, or when it
    /// would scan more than `budget` relations (a hub of thousands), so that
    /// the caller keeps the path it has.
    ///
    /// - Complexity: O(min(`budget`, relations of the vertices reached)).
    mutating func path(in graph: RelationGraph, distances: [Double], from source: Int, to target: Int,
                       fewerThan steps: Int, budget: Int) -> [Int]? {
        tree.start(at: source)
        var head = 0, levelEnd = 1, level = 0, scanned = 0
        while head < tree.queue.count {
            if head == levelEnd {
                level += 1
                levelEnd = tree.queue.count
            }
            // What this level reaches is `level + 1` steps from the source.
            if level + 1 >= steps { return nil }
            let u = Int(tree.queue[head])
            head += 1
            let distance = distances[u]
            for slot in graph.offsets[u]..<graph.offsets[u + 1] {
                scanned += 1
                if scanned > budget { return nil }
                let v = Int(graph.targets[slot])
                guard !tree.hasReached(v), distances[v].isFinite, distance + graph.costs[slot] == distances[v] else {
                    continue
                }
                tree.reach(v, from: u)
                if v == target { return tree.path(to: target) }
            }
        }
        return nil
    }
}
