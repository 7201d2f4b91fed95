/// A walk problem split at its cut vertices: a point whose removal would
/// leave required points on both sides is passed through by every walk, and
/// an optimal walk enters each side only from it and comes back to it. So
/// the optimum is the sum of the optima of the *blocks* (biconnected
/// components: what stays connected whichever single point is removed), each
/// solved on its own with its cut vertex towards the start as its start and
/// its cut vertices towards required points as required points; blocks with
/// no required point beyond them are left out. A relation whose removal cuts
/// required points off (a bridge) is a block of two points, crossed twice.
///
/// On a tree of relations (an outline's hierarchy, as `throughline init`
/// makes; a chain; a star of notes around an index) every block is a single
/// relation, and ``walkOnTree(_:)`` gives the optimal walk directly (`method`
/// `"tree"`), where the 1-tree bounds can stop at half of the optimum (the
/// sparse ascent of a star of 3,500 points ended at 50 %) and the search can
/// miss it (a tree of 5,000 points ended 6.1 % above). Brain dumps made by
/// `gen.py` have a single block.
///
/// The blocks come from one depth-first search from the start (Hopcroft and
/// Tarjan: when the search leaves `c` for its parent `p` and no edge from
/// `c`'s subtree reaches above `p`, the vertices found since `c`, and `p`,
/// form a block).
internal struct _BlockDecomposition {
    /// One block that holds a required point or leads to one.
    struct Part {
        /// The block's vertices, `vertices[i]` being vertex `i` of
        /// `problem`; `vertices[0]` is its cut vertex towards the start (the
        /// start itself for the blocks around it).
        var vertices: [Int]
        /// The block on its own: its relations, `vertices[0]` as start, and
        /// required where the whole problem requires a point or a block
        /// below hangs.
        var problem: WalkProblem
    }

    /// Whether the relations reachable from the start form a tree (no
    /// cycle); then ``walkOnTree(_:)`` gives the optimal walk.
    let isTree: Bool
    /// The blocks that hold or lead to required points, in the order the
    /// search closed them (a block after the blocks below it); empty for a
    /// tree and where there is only one such block.
    let parts: [Part]
    /// The vertex above each vertex reached, in the search's tree, or -1.
    private let parent: [Int32]
    /// How many required vertices each vertex's subtree holds.
    private let requiredBelow: [Int32]

    /// Finds the blocks of `problem`'s graph reachable from the start, and
    /// makes the parts unless the graph is a tree or a single block.
    ///
    /// - Complexity: O(*V* + *E* log *E*), iterative (no recursion on deep
    ///   graphs); O(*V* + *E*) for a tree.
    init(_ problem: WalkProblem) {
        let graph = problem.graph
        let n = graph.vertexCount
        var order = [Int32](repeating: -1, count: n)    // preorder number, -1 unvisited
        var low = [Int32](repeating: 0, count: n)       // lowest preorder reachable from the subtree
        var requiredBelow = [Int32](repeating: 0, count: n)
        var parent = [Int32](repeating: -1, count: n)
        var nextSlot = [Int](repeating: 0, count: n)
        for v in problem.requiredVertices { requiredBelow[v] = 1 }

        var isTree = true
        var blocks: [[Int]] = []        // needed blocks, cut vertex first
        var found: [Int32] = []         // vertices found and not yet in a block
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
                    nextSlot[w] = graph.offsets[w]
                    stack.append(Int32(w))
                    found.append(Int32(w))
                } else {
                    low[v] = min(low[v], order[w])
                    isTree = false
                }
                continue
            }
            stack.removeLast()
            let p = Int(parent[v])
            guard p >= 0 else { continue }
            low[p] = min(low[p], low[v])
            requiredBelow[p] += requiredBelow[v]
            if low[v] >= order[p] {
                // p cuts v's subtree off: the vertices found since v, with p, are a block.
                var block = [p]
                while let last = found.popLast() {
                    block.append(Int(last))
                    if Int(last) == v { break }
                }
                if requiredBelow[v] > 0 { blocks.append(block) }
            }
        }
        self.isTree = isTree
        self.parent = parent
        self.requiredBelow = requiredBelow
        // A single block (every brain dump) is solved whole: no copy of the graph for it.
        self.parts = isTree || blocks.count < 2 ? [] : Self.parts(of: problem, blocks: blocks)
    }

    /// The parts for the needed `blocks`: each block's relations, with its
    /// points required where the problem requires them or a needed block
    /// hangs below.
    private static func parts(of problem: WalkProblem, blocks: [[Int]]) -> [Part] {
        let graph = problem.graph
        var hangsBelow = [Bool](repeating: false, count: graph.vertexCount)
        for block in blocks { hangsBelow[block[0]] = true }
        var localIndex = [Int32](repeating: -1, count: graph.vertexCount)
        return blocks.map { block in
            for (i, v) in block.enumerated() { localIndex[v] = Int32(i) }
            var edges: [RelationGraph.Edge] = []
            for (i, u) in block.enumerated() {
                for slot in graph.offsets[u]..<graph.offsets[u + 1] {
                    let j = Int(localIndex[Int(graph.targets[slot])])
                    if j > i { edges.append(.init(i, j, cost: graph.costs[slot])) }
                }
            }
            // The cut vertex on top may lie in other blocks too, but two vertices share at most one
            // block, so an edge between two of this block's vertices is this block's.
            let isRequired = block.enumerated().map { i, v in
                i == 0 || problem.isRequired(v) || hangsBelow[v]
            }
            for v in block { localIndex[v] = -1 }
            return Part(vertices: block,
                        problem: WalkProblem(graph: RelationGraph(vertexCount: block.count, edges: edges),
                                             start: 0, isRequired: isRequired))
        }
    }

    /// The whole walk from the parts' walks (`walks[i]` for `parts[i]`, in
    /// the problem's vertices, from and back to the part's cut vertex): from
    /// the start, at the first visit of a vertex with blocks below it, the
    /// walk goes round each of those and comes back there.
    ///
    /// - Complexity: O(length of the walk), iterative (blocks can nest deeply).
    func joined(_ walks: [[Int]], start: Int) -> [Int] {
        var below: [Int: [Int]] = [:]   // cut vertex -> the parts that hang below it
        for (index, part) in parts.enumerated() { below[part.vertices[0], default: []].append(index) }
        var walk = [start]
        var entered: Set<Int> = []
        var stack: [(part: Int, next: Int)] = []
        func enter(_ v: Int) {
            if let hanging = below[v], entered.insert(v).inserted {
                // Its first vertex is v, already walked.
                for part in hanging.reversed() { stack.append((part, 1)) }
            }
        }
        enter(start)
        while let (part, position) = stack.last {
            let partWalk = walks[part]
            if position == partWalk.count {
                stack.removeLast()   // back at its cut vertex, the last vertex walked
                continue
            }
            stack[stack.count - 1].next = position + 1
            let v = partWalk[position]
            walk.append(v)
            enter(v)
        }
        return walk
    }

    /// On a tree, the optimal closed walk: from the start, down into every
    /// subtree that holds a required vertex (in the order of the vertices'
    /// indices) and back, so it crosses each relation it needs twice and
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
