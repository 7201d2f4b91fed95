/// Calls ``SolverOptions/progress`` about every half second once a solve has
/// run for a second, and never before (``SolverOptions/progressTiming``).
internal final class _ProgressReporter {
    private let callback: (@Sendable (SolverProgress) -> Void)?
    private let deadline: _Deadline
    private let interval: Double
    private var nextReport: Double

    /// A reporter for a solve that started when `deadline` did: the first
    /// report after `delay` seconds, then one every `interval` seconds at most.
    init(_ callback: (@Sendable (SolverProgress) -> Void)?, deadline: _Deadline, delay: Double = 1, interval: Double = 0.5) {
        self.callback = callback
        self.deadline = deadline
        self.interval = interval
        nextReport = delay
    }

    /// A reporter for a solve with `options`, started when `deadline` did.
    convenience init(_ options: SolverOptions, deadline: _Deadline) {
        self.init(options.progress, deadline: deadline, delay: options.progressTiming.delay,
                  interval: options.progressTiming.interval)
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
        nextReport = elapsed + interval
        callback(SolverProgress(elapsedSeconds: elapsed, bestCost: bestCost,
                                lowerBound: min(lowerBound, bestCost), phase: phase))
    }
}
