/// Finishes a branch and bound on two threads without giving up determinism.
///
/// The open nodes of a search that ran out of its first instalment are
/// independent subproblems: every tour cheaper than the best lies under one
/// of them. They are searched in rounds of pieces: a piece is a group of
/// open nodes searched depth first as one search (``_BranchAndBound``, one
/// 1-tree engine per thread) for at most ``chunkStepsPerVertex`` 1-trees per
/// vertex. The open nodes an unfinished piece leaves are the next round's
/// pieces, split into groups only as far as needed for ``piecesPerRound``
/// pieces, so a large subtree is shared out again after each chunk instead
/// of running alone on one thread, while the open nodes kept stay those of a
/// few depth-first stacks. Between rounds the best tour found so far goes to
/// every piece of the next round, so a better tour found under one node
/// prunes all the others from then on.
///
/// Within a round, a piece sees no tour found in another, so its outcome
/// depends only on its nodes, the best tour at the start of the round and
/// the chunk, never on which thread ran it or when. The outcomes are combined
/// in the order of the pieces' paths from the split, which is the depth-first
/// order of one search (the first cheapest tour wins ties), and the budget is
/// checked between rounds: the output is the same bytes whatever the
/// scheduling. Each job takes the pieces it left first (their nodes are in
/// its core's cache), then the other's, lowest bound (usually the largest
/// subtree) first.
///
/// Against one search per open node, with its own budget (before): gr96
/// 0.113 → 0.092 s, brain dump 100 seed 24 0.126 → 0.105 s, brain dump 150
/// seed 27 and 160 seed 2 proven in 0.32 s and 0.85 s instead of unproven
/// after 0.92 s and 0.86 s, pr107 stopped by the budget after 2.2 s with a
/// better bound instead of by the time limit after 10 s; pr76, kroE100 and
/// brain dump 120 seed 14, whose subtrees were already balanced, 1–6 %
/// slower (whole process, best of 3; Guides/ExactSearch.md).
internal enum _SplitBranchAndBound {
    /// Open nodes to reach before sharing them out, so that both threads have
    /// work while the largest subtrees run.
    static let minimumOpenNodes = 8

    /// 1-trees per vertex a piece may compute in a round before its open
    /// nodes are shared out again (2,000 at 100 vertices, about 6 ms).
    /// Measured against 10: as fast on most files, and a better tour found
    /// in the first round instead of the second on brain dump 150 seed 27
    /// (0.33 s instead of 0.82 s).
    static let chunkStepsPerVertex = 20

    /// Pieces to aim for in each round: when fewer searches are left
    /// unfinished, their open nodes are split into groups to reach it; when
    /// more, each goes on whole. So the pieces, and the open nodes kept in
    /// memory, never grow beyond this many searches' stacks.
    static let piecesPerRound = 16

    /// Open nodes to search in the next round, as one search.
    private struct Piece {
        /// In the order the search takes them (next first).
        var nodes: [_BranchAndBound.Node]
        /// The best tour known when the nodes were shared out, and its cost.
        var tour: [Int]
        var cost: Double
        /// The piece's place: its index among the split's open nodes, then
        /// among the groups of open nodes each piece on the way left
        /// (depth-first order).
        var path: [Int32]
        /// The job that left the nodes and takes them first (scheduling only).
        var job: Int

        /// The least bound of the nodes: it holds for every tour under them.
        var bound: Double { nodes.map(\.bound).min()! }
    }

    /// Runs the rest of `search` as pieces of independent subtree searches.
    ///
    /// - Parameters:
    ///   - search: a search whose instalments so far left open nodes; it is
    ///     left as it was, apart from nodes its current tour already prunes.
    ///   - scale: the distances, in units.
    ///   - stepBudget: the most 1-trees for the instalments that open
    ///     ``minimumOpenNodes`` nodes; the pieces then compute about three
    ///     times what is left of it (checked between rounds: the last round
    ///     may go over).
    ///   - chunkSteps: the most 1-trees per piece and round (tests use small
    ///     ones to get many rounds).
    ///   - report: called before every piece, whichever job runs it (under a
    ///     lock: never from two threads at once), with the best cost at the
    ///     start of the round and the least bound over its pieces, in units.
    ///     How the pieces split between the jobs depends on scheduling; how
    ///     many there are, and so how many reports, does not.
    /// - Returns: the combined outcome: optimal when every piece finished;
    ///   otherwise the least bound over the unfinished pieces.
    /// - Complexity: the subtrees' work (exponential in the worst case), in
    ///   about half the wall time on two free cores, plus O(*m*) per piece
    ///   for the *m* edges the root leaves.
    static func run(_ search: _BranchAndBound, scale: _CostScale, stepBudget: Int, chunkSteps: Int? = nil,
                    deadline: _Deadline, report: (Double, Double) -> Void) -> _BranchAndBound.Result {
        // An instalment of no work gives the search's state (nodes the best tour prunes are dropped);
        // short instalments then open at least `minimumOpenNodes` nodes to share out.
        var state = search.run(stepBudget: 0, deadline: deadline, report: { _, _ in })
        var spent = 0
        while !state.isOptimal && search.openNodes.count < minimumOpenNodes && spent < stepBudget
            && !deadline.hasPassed {
            let before = state.steps
            state = search.run(stepBudget: min(10 * scale.count, stepBudget - spent), deadline: deadline,
                               report: report)
            spent += state.steps - before
        }
        let open = search.openNodes
        if state.isOptimal || open.isEmpty || spent >= stepBudget { return state }
        // Three times what is left: one search per open node used to get all of it, and a proof whose
        // subtrees each fitted (brain dump 120 seed 14: 390,000 1-trees against 260,000) still fits.
        var budgetLeft = 3 * (stepBudget - spent)
        let chunk = chunkSteps ?? chunkStepsPerVertex * scale.count
        // One 1-tree engine per thread, its edges limited for each piece from those the search's root
        // leaves.
        let trees = (0..<2).map { _ in _OneTree(count: scale.count, costs: scale.distances) }
        // Both jobs report, one at a time.
        let reporting = _Lock()
        trees[0].limitEdges(to: search.rootConstraints)
        let rootLimit = trees[0].edgeLimit
        var pieces = open.indices.map {
            Piece(nodes: [open[$0]], tour: state.tour, cost: state.cost, path: [Int32($0)], job: $0 % 2)
        }
        var best = (tour: state.tour, cost: state.cost)
        // Every piece that ended, finished or not, with its path.
        var ended: [(path: [Int32], result: _BranchAndBound.Result)] = []
        var nodes = state.nodes
        var steps = state.steps
        while !pieces.isEmpty {
            // Once the budget is spent (checked between rounds, so that where the search stops does not
            // depend on timing), the pieces left end unfinished, with their bounds.
            if budgetLeft <= 0 || deadline.hasPassed {
                for piece in pieces {
                    let bound = min(piece.cost, scale.provenBound(piece.bound))
                    ended.append((piece.path, .init(tour: piece.tour, cost: piece.cost, lowerBound: bound,
                                                    isOptimal: false, nodes: 0, steps: 0)))
                }
                break
            }
            // Every better tour lies under an open piece: the least of their bounds holds for all tours.
            let bounds = pieces.map(\.bound)
            let roundCost = best.cost
            let roundBound = min(roundCost, max(state.lowerBound, scale.provenBound(bounds.min()!)))
            // Each job first takes the pieces it left (their nodes are still in its core's cache), then
            // the other's; in each queue the largest subtrees first, so that no big one is left to run
            // alone at the end of the round: a node's subtree tends to be the larger the lower its bound
            // (on pr76, bd100s3 and kroA100 the lowest bounds head the largest subtrees). Ties go by
            // piece order.
            let order = pieces.indices.sorted { (bounds[$0], $0) < (bounds[$1], $1) }
            let queues = _PieceQueues(order.filter { pieces[$0].job == 0 }, order.filter { pieces[$0].job == 1 })
            typealias Outcome = (result: _BranchAndBound.Result, open: [_BranchAndBound.Node], job: Int)
            let perThread = _ParallelJobs.map(2) { job -> [(index: Int, outcome: Outcome)] in
                var done: [(index: Int, outcome: Outcome)] = []
                while let index = queues.next(for: job) {
                    let piece = pieces[index]
                    // One node: its own edges; several: the root's, which all of them respect.
                    if piece.nodes.count == 1 {
                        trees[job].limitEdges(to: piece.nodes[0].constraints, within: rootLimit)
                    } else {
                        trees[job].edgeLimit = rootLimit
                    }
                    let subtree = _BranchAndBound(scale: scale, tree: trees[job], open: piece.nodes, tour: piece.tour,
                                                  lifting: search.lifting)
                    reporting.withLock { report(roundCost, roundBound) }
                    let result = subtree.run(stepBudget: chunk, deadline: deadline, report: { _, _ in
                        reporting.withLock { report(roundCost, roundBound) }
                    })
                    done.append((index, (result, result.isOptimal ? [] : subtree.openNodes, job)))
                }
                return done
            }
            var outcomes = [Outcome?](repeating: nil, count: pieces.count)
            for (index, outcome) in perThread.joined() { outcomes[index] = outcome }
            var next: [Piece] = []
            let unfinished = outcomes.filter { $0.map { !$0.result.isOptimal } ?? false }.count
            let groups = unfinished >= piecesPerRound ? 1 : (piecesPerRound + unfinished - 1) / max(1, unfinished)
            for case let (index, (result, open, job)?) in outcomes.enumerated() {
                nodes += result.nodes
                steps += result.steps
                budgetLeft -= result.steps
                if result.cost < best.cost - scale.tolerance(near: best.cost) { best = (result.tour, result.cost) }
                if result.isOptimal || deadline.hasPassed {
                    ended.append((pieces[index].path, result))
                } else {
                    // The open nodes in `groups` runs of consecutive nodes (as even as can be), in order.
                    let count = min(groups, open.count)
                    for k in 0..<count {
                        let range = (k * open.count / count)..<((k + 1) * open.count / count)
                        next.append(Piece(nodes: Array(open[range]), tour: result.tour, cost: result.cost,
                                          path: pieces[index].path + [Int32(k)], job: job))
                    }
                }
            }
            // The best tour of the round (the first cheapest in piece order) prunes every piece of the
            // next: without it, a subtree of brain dump 140 seed 15 that would have found the optimum
            // within its first search went on in pieces that each kept the worse starting tour, for
            // 50 times the 1-trees.
            for p in next.indices where next[p].cost > best.cost + scale.tolerance(near: best.cost) {
                next[p].tour = best.tour
                next[p].cost = best.cost
            }
            pieces = next
        }
        // Depth-first order: the first cheapest tour wins ties, as in one search.
        ended.sort { $0.path.lexicographicallyPrecedes($1.path) }
        var combined = state
        combined.isOptimal = true
        var least = state.cost
        for (_, outcome) in ended {
            if outcome.cost < combined.cost - scale.tolerance(near: combined.cost) {
                combined.tour = outcome.tour
                combined.cost = outcome.cost
            }
            combined.isOptimal = combined.isOptimal && outcome.isOptimal
            least = min(least, outcome.lowerBound)
        }
        combined.nodes = nodes
        combined.steps = steps
        combined.lowerBound = combined.isOptimal ? combined.cost : min(least, combined.cost)
        return combined
    }
}

/// Two queues of pieces, one per job: a job takes from the front of its own,
/// then from the front of the other's.
private final class _PieceQueues: @unchecked Sendable {
    /// Guards `queues` and `heads`.
    private let lock = _Lock()
    private var queues: [[Int]]
    private var heads = [0, 0]

    init(_ first: [Int], _ second: [Int]) { queues = [first, second] }

    /// The next piece for `job`, or nil when both queues are empty.
    func next(for job: Int) -> Int? {
        lock.withLock {
            for queue in [job, 1 - job] where heads[queue] < queues[queue].count {
                heads[queue] += 1
                return queues[queue][heads[queue] - 1]
            }
            return nil
        }
    }
}
