#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work done ahead of time on a second thread for the latest of a stream of
/// values, so that its result is ready, or nearly, when the producer's last
/// value turns out to be the one needed.
///
/// One thread posts values (``post(_:)``) and then calls ``finish()``; the
/// other runs ``run(_:)``, which computes `work(value, stop)` for the most
/// recent value it has not yet seen. A newer post raises `stop`, so the
/// computation for a superseded value ends early and is discarded. Only a
/// computation that ran to its end without `stop` raised is kept, with its
/// value, so the result a caller takes (``run(_:)``'s return, matched by
/// value) is exactly what the same work would give computed afterwards for
/// that value: nothing depends on timing but how much of the work is already
/// done. A value equal to the last one worked out is not worked out again.
///
/// The worker never waits on a lock held across work: it polls for a new
/// value every 50 µs, and it ends once ``finish()`` has been called and no
/// value is left, so it cannot block when both jobs run one after the other
/// on a single thread, producer first (then only the last value is
/// computed), as ``_ParallelJobs`` runs them without Dispatch; with
/// Dispatch the producer's job is taken first or runs at the same time.
internal final class _LatestValueWorker<Value: Equatable, Output>: @unchecked Sendable {
    /// Guards everything below.
    private let lock = _Lock()
    private var latest: Value?
    private var isFinished = false
    /// Raised when a newer value supersedes the one being worked on.
    private var supersede = _StopSignal()

    /// Offers `value`: the work on any earlier one is abandoned.
    ///
    /// - Complexity: O(1).
    func post(_ value: Value) {
        lock.withLock {
            latest = value
            supersede.raise()
            supersede = _StopSignal()
        }
    }

    /// No more values will come: ``run(_:)`` ends after the last one.
    ///
    /// - Complexity: O(1).
    func finish() {
        lock.withLock { isFinished = true }
    }

    /// No more values, and the work on the last one is not wanted either.
    ///
    /// - Complexity: O(1).
    func cancel() {
        lock.withLock {
            latest = nil
            isFinished = true
            supersede.raise()
        }
    }

    /// Works on the latest value until ``finish()`` or ``cancel()``.
    ///
    /// - Returns: the value and output of the last computation that ran to
    ///   its end without being superseded or cancelled, if any.
    /// - Complexity: that of the work on each value it takes, plus the polling.
    func run(_ work: (Value, _StopSignal) -> Output) -> (value: Value, output: Output)? {
        var done: (value: Value, output: Output)?
        while true {
            let taken: (value: Value?, stop: _StopSignal, finished: Bool) = lock.withLock {
                defer { latest = nil }
                return (latest, supersede, isFinished)
            }
            guard let value = taken.value else {
                if taken.finished { return done }
                var pause = timespec(tv_sec: 0, tv_nsec: 50_000)
                nanosleep(&pause, nil)
                continue
            }
            if let finished = done, finished.value == value { continue }
            let output = work(value, taken.stop)
            if !taken.stop.isRaised { done = (value, output) }
        }
    }
}
