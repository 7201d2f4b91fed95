/// The relations whose removal would leave required vertices on both sides
/// (*separating bridges*). Every closed walk through the required vertices
/// crosses each at least twice, out and back, so twice the sum of their
/// costs is a lower bound on the walk, and an optimal walk crosses each
/// exactly twice: ``_BridgeDecomposition`` splits the problem at them.
///
/// On a tree of relations (an outline's hierarchy, as `throughline init`
/// makes; a chain; a star of notes around an index) every relation leading
/// to a required point separates, the bound is the optimum, and
/// ``walkOnTree(_:)`` gives the walk that meets it directly (`method`
/// `"tree"`), where the 1-tree bounds can stop at half of it (the sparse
/// ascent of a star of 3,500 points ended at 50 %) and the search can miss
/// it (a tree of 5,000 points ended 6.1 % above). Brain dumps have none.
///
/// The bridges come from one depth-first search from the start (Tarjan's
/// criterion: the edge from `p` down to its child `c` is a bridge when no
/// edge from `c`'s subtree reaches `p` or above); the edge separates required
/// vertices when `c`'s subtree holds one, the start being on `p`'s side.
internal struct _SeparatingBridges {
    /// Twice the sum of the costs of the relations that separate required
    /// vertices (the start among them), as summed: callers lower it against
    /// rounding.
    let bound: Double
    /// Whether the relations reachable from the start form a tree (no
    /// cycle): then every closed walk is at least ``bound`` and
    /// ``walkOnTree(_:)`` gives one that is not more.
    let isTree: Bool
    /// How many relations separate required vertices.
    let separatingCount: Int
    /// The vertex above each vertex reached, in the search's tree, or -1.
    private let parent: [Int32]
    /// Whether the relation between each vertex and its `parent` separates
    /// required vertices.
    private let separatesFromParent: [Bool]
    /// How many required vertices each vertex's subtree holds.
    private let requiredBelow: [Int32]

    /// Finds the separating bridges of `problem`'s graph.
    ///
    /// - Complexity: O(*V* + *E*), iterative (no recursion on deep graphs).
    init(_ problem: WalkProblem) {
        let graph = problem.graph
        let n = graph.vertexCount
        var order = [Int32](repeating: -1, count: n)    // preorder number, -1 unvisited
        var low = [Int32](repeating: 0, count: n)       // lowest preorder reachable from the subtree
        var requiredBelow = [Int32](repeating: 0, count: n)
        var parent = [Int32](repeating: -1, count: n)
        var parentCost = [Double](repeating: 0, count: n)
        var nextSlot = [Int](repeating: 0, count: n)
        for v in problem.requiredVertices { requiredBelow[v] = 1 }

        var total = 0.0
        var isTree = true
        var separatesFromParent = [Bool](repeating: false, count: n)
        var separatingCount = 0
        var stack: [Int32] = [Int32(problem.start)]
        var counter: Int32 = 0
        order[problem.start] = 0
        nextSlot[problem.start] = graph.offsets[problem.start]
        while let top = stack.last {
            let v = Int(top)
            let slot = nextSlot[v]
            if slot < graph.offsets[v + 1] {
                nextSlot[v] = slot + 1
                let w = Int(graph.targets[slot])
                if w == Int(parent[v]) { continue }   // the tree edge back up (relations are unique per pair)
                if order[w] < 0 {
                    counter += 1
                    order[w] = counter
                    low[w] = counter
                    parent[w] = Int32(v)
                    parentCost[w] = graph.costs[slot]
                    nextSlot[w] = graph.offsets[w]
                    stack.append(Int32(w))
                } else {
                    low[v] = min(low[v], order[w])
                    isTree = false
                }
                continue
            }
            // v is finished: its tree edge up is a bridge unless its subtree reaches above it.
            stack.removeLast()
            let p = Int(parent[v])
            guard p >= 0 else { continue }
            low[p] = min(low[p], low[v])
            requiredBelow[p] += requiredBelow[v]
            if low[v] > order[p] && requiredBelow[v] > 0 {
                total += 2 * parentCost[v]
                separatesFromParent[v] = true
                separatingCount += 1
            }
        }
        self.bound = total
        self.isTree = isTree
        self.separatingCount = separatingCount
        self.separatesFromParent = separatesFromParent
        self.parent = parent
        self.requiredBelow = requiredBelow
    }

    /// Whether the relation between `u` and `v` separates required vertices.
    ///
    /// - Complexity: O(1).
    func separates(_ u: Int, _ v: Int) -> Bool {
        (Int(parent[v]) == u && separatesFromParent[v]) || (Int(parent[u]) == v && separatesFromParent[u])
    }

    /// Whether `v` is below `u` in the search's tree, next to it.
    ///
    /// - Complexity: O(1).
    func isChild(_ v: Int, of u: Int) -> Bool { Int(parent[v]) == u }

    /// On a tree, the optimal closed walk: from the start, down into every
    /// subtree that holds a required vertex (in the order of the vertices'
    /// indices) and back, so it crosses each separating bridge twice and
    /// nothing else; `nil` when the graph has a cycle.
    ///
    /// - Complexity: O(*V* + *E*).
    func walkOnTree(_ problem: WalkProblem) -> [Int]? {
        guard isTree else { return nil }
        let graph = problem.graph
        var walk = [problem.start]
        var nextSlot = graph.offsets   // per vertex, the next relation to look down
        var stack = [problem.start]
        while let v = stack.last {
            if nextSlot[v] < graph.offsets[v + 1] {
                let w = Int(graph.targets[nextSlot[v]])
                nextSlot[v] += 1
                if Int(parent[w]) == v && requiredBelow[w] > 0 {
                    walk.append(w)
                    stack.append(w)
                }
                continue
            }
            stack.removeLast()
            if let up = stack.last { walk.append(up) }
        }
        return walk
    }
}
