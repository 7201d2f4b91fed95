#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finishes a branch and bound on two threads without giving up determinism.
///
/// The open nodes of a search that ran out of its first instalment are
/// independent subproblems: every tour cheaper than the best lies under one
/// of them. Each is searched on its own (``_BranchAndBound``, its own 1-tree
/// engine per thread) from the same best tour, with the same work budget,
/// taking nodes from a shared counter until none are left, those of lowest
/// bound (usually the largest subtrees) first. A subtree's search
/// sees no tour found in another, so its outcome depends only on its node,
/// the starting tour and the budget, never on which thread ran it or when;
/// the outcomes are combined in node order (the first cheapest tour wins
/// ties). On two cores a proof takes about half the wall time.
internal enum _SplitBranchAndBound {
    /// Open nodes to reach before sharing them out, so that both threads have
    /// work while the largest subtrees run.
    static let minimumOpenNodes = 8

    /// Runs the rest of `search` as independent subtree searches of at most
    /// `stepBudget` 1-trees each.
    ///
    /// - Parameters:
    ///   - search: a search whose instalments so far left open nodes; it is
    ///     left as it was, apart from nodes its current tour already prunes.
    ///   - scale: the distances, in units.
    ///   - stepBudget: the most 1-trees for the instalments that open
    ///     ``minimumOpenNodes`` nodes, then for each subtree (deterministic budgets).
    ///   - report: called now and then, from one thread at a time, with the
    ///     best cost and the bound proven before the split, in units (a
    ///     heartbeat for the progress line: subtree bounds are not global).
    /// - Returns: the combined outcome: optimal when every subtree finished;
    ///   otherwise the least bound over the subtrees.
    /// - Complexity: the subtrees' work (exponential in the worst case), in
    ///   about half the wall time on two free cores.
    static func run(_ search: _BranchAndBound, scale: _CostScale, stepBudget: Int, deadline: _Deadline,
                    report: (Double, Double) -> Void) -> _BranchAndBound.Result {
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
        let budget = stepBudget - spent
        // Largest subtrees first, so that no big one is left to run alone at the end: a node's
        // subtree tends to be the larger the lower its bound (on pr76, bd100s3 and kroA100 the
        // lowest bounds head the largest subtrees). Ties go by node order.
        let order = open.indices.sorted { (open[$0].bound, $0) < (open[$1].bound, $1) }
        let counter = _SharedCounter()
        let perThread = _ParallelJobs.map(2) { job -> [(index: Int, result: _BranchAndBound.Result)] in
            let tree = _OneTree(count: scale.count, costs: scale.distances)
            var done: [(index: Int, result: _BranchAndBound.Result)] = []
            while true {
                let taken = counter.next()
                guard taken < open.count else { break }
                let index = order[taken]
                let subtree = _BranchAndBound(scale: scale, tree: tree, root: open[index], tour: state.tour)
                // Only the first job reports, so the reporter is never called from two threads at once.
                let heartbeat: (Double, Double) -> Void = { _, _ in if job == 0 { report(state.cost, state.lowerBound) } }
                done.append((index, subtree.run(stepBudget: budget, deadline: deadline, report: heartbeat)))
            }
            return done
        }
        var outcomes = [_BranchAndBound.Result?](repeating: nil, count: open.count)
        for (index, result) in perThread.joined() { outcomes[index] = result }
        var combined = state
        combined.isOptimal = true
        var least = state.cost
        for case let outcome? in outcomes {
            if outcome.cost < combined.cost - scale.tolerance(near: combined.cost) {
                combined.tour = outcome.tour
                combined.cost = outcome.cost
            }
            combined.isOptimal = combined.isOptimal && outcome.isOptimal
            least = min(least, outcome.lowerBound)
            combined.nodes += outcome.nodes
            combined.steps += outcome.steps
        }
        combined.lowerBound = combined.isOptimal ? combined.cost : min(least, combined.cost)
        return combined
    }
}

/// A counter that hands out 0, 1, 2, … to threads, each number once.
private final class _SharedCounter: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var value = 0

    init() {
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    /// The next number.
    func next() -> Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        value += 1
        return value - 1
    }
}
