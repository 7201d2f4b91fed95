/// Calls ``SolverOptions/progress`` about every half second once a solve has
/// run for a second, and never before.
internal final class _ProgressReporter {
    private let callback: (@Sendable (SolverProgress) -> Void)?
    private let deadline: _Deadline
    private var nextReport = 1.0

    /// A reporter for a solve that started when `deadline` did.
    init(_ callback: (@Sendable (SolverProgress) -> Void)?, deadline: _Deadline) {
        self.callback = callback
        self.deadline = deadline
    }

    /// Reports the state when a report is due; cheap to call often.
    ///
    /// - Parameters:
    ///   - bestCost: the best walk's cost so far, in the problem's costs.
    ///   - lowerBound: the best proven bound so far, in the problem's costs.
    /// - Complexity: O(1).
    func update(bestCost: Double, lowerBound: Double, phase: String) {
        guard let callback else { return }
        let elapsed = deadline.elapsed
        guard elapsed >= nextReport else { return }
        nextReport = elapsed + 0.5
        callback(SolverProgress(elapsedSeconds: elapsed, bestCost: bestCost,
                                lowerBound: min(lowerBound, bestCost), phase: phase))
    }
}
