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

    init(seconds budget: Double) {
        self.init(start: _Deadline.now(), seconds: budget)
    }

    /// A deadline whose solve started at `start` on the monotonic clock.
    init(start: Double, seconds budget: Double) {
        self.start = start
        self.budget = budget
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    /// Seconds since the start.
    var elapsed: Double { _Deadline.now() - start }

    /// Seconds left, never negative.
    var remaining: Double { max(0, budget - elapsed) }

    /// Whether the budget is spent.
    var hasPassed: Bool { elapsed >= budget }
}
