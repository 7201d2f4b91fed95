#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A monotonic-clock deadline for the search.
internal struct _Deadline: Sendable {
    /// Start of the solve, in seconds on the monotonic clock.
    let start: Double
    /// Seconds allowed, or `.infinity`.
    let budget: Double
    /// A signal that ends the budget early: another thread's search has made this one's work moot.
    let stop: _StopSignal?

    init(seconds budget: Double) {
        self.init(start: _Deadline.now(), seconds: budget)
    }

    /// A deadline `budget` seconds from now that also passes as soon as
    /// `stop` is raised.
    init(seconds budget: Double, stoppedBy stop: _StopSignal) {
        self.init(start: _Deadline.now(), seconds: budget, stoppedBy: stop)
    }

    /// A deadline whose solve started at `start` on the monotonic clock,
    /// stopped early by `stop` when given.
    init(start: Double, seconds budget: Double, stoppedBy stop: _StopSignal? = nil) {
        self.start = start
        self.budget = budget
        self.stop = stop
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    /// Seconds since the start.
    var elapsed: Double { _Deadline.now() - start }

    /// Seconds left, never negative; none once the stop signal is raised.
    var remaining: Double { stop?.isRaised == true ? 0 : max(0, budget - elapsed) }

    /// Whether the budget is spent or the stop signal raised.
    var hasPassed: Bool { elapsed >= budget || stop?.isRaised == true }
}

/// A flag one thread raises to tell another that its work is no longer
/// wanted (see ``_Deadline/init(seconds:stoppedBy:)``).
internal final class _StopSignal: @unchecked Sendable {
    /// Guards `raised`.
    private let lock = _Lock()
    private var raised = false

    /// Whether ``raise()`` has been called.
    var isRaised: Bool { lock.withLock { raised } }

    /// Raises the signal; it stays raised.
    func raise() { lock.withLock { raised = true } }
}
