#if canImport(Dispatch)
import Dispatch
#endif

/// Runs a few independent, deterministic jobs at once: on two cores two
/// iterated local searches take the wall time of one.
///
/// Every job must touch only its own state and read-only shared data; each
/// result is written to its own slot, so the results, returned in index
/// order, never depend on scheduling.
internal enum _ParallelJobs {
    /// The results of `job(0)`, …, `job(count - 1)`, computed concurrently
    /// where Dispatch is available, one after another elsewhere.
    ///
    /// - Complexity: the jobs' work; wall time about that of the longest job
    ///   when enough cores are free.
    static func map<Result>(_ count: Int, _ job: (Int) -> Result) -> [Result] {
        let slots = _ResultSlots<Result>(count: count)
        #if canImport(Dispatch)
        withoutActuallyEscaping(job) { job in
            let shared = _UncheckedBox(job)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.store(shared.value(index), at: index)
            }
        }
        #else
        for index in 0..<count { slots.store(job(index), at: index) }
        #endif
        return slots.results()
    }
}

extension _ParallelJobs {
    /// `count` rows of `length` elements, in row order as one array, built by
    /// `parts` jobs at once: job `p` gets the rows `p, p + parts, …` and
    /// returns their elements one row after another. One job runs on the
    /// calling thread. Each row is made the same way whichever job makes it,
    /// so the result does not depend on `parts`.
    ///
    /// - Precondition: every job returns `length` elements per row it gets.
    /// - Complexity: the jobs' work, plus O(`count` × `length`) to interleave.
    static func interleavedRows<Element>(count: Int, length: Int, parts: Int, filler: Element,
                                         _ job: (StrideTo<Int>) -> [Element]) -> [Element] {
        func rows(_ part: Int) -> StrideTo<Int> { stride(from: part, to: count, by: parts) }
        let blocks = parts == 1 ? [job(rows(0))] : map(parts) { job(rows($0)) }
        var result = [Element](repeating: filler, count: count * length)
        for part in 0..<parts {
            let rowCount = part < count ? (count - part + parts - 1) / parts : 0
            precondition(blocks[part].count == rowCount * length, "one full row per row index")
            var offset = 0
            for row in rows(part) {
                for column in 0..<length { result[row * length + column] = blocks[part][offset + column] }
                offset += length
            }
        }
        return result
    }
}

extension _ParallelJobs {
    /// The results of `first()` and `second()`, computed concurrently where
    /// Dispatch is available, one after the other elsewhere.
    ///
    /// - Complexity: the two jobs' work; wall time about that of the longer
    ///   one when two cores are free.
    static func both<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        // Each job writes its own variable, and both are read only after both jobs end.
        var firstResult: First?
        var secondResult: Second?
        _ = map(2) { index in
            if index == 0 { firstResult = first() } else { secondResult = second() }
        }
        return (firstResult!, secondResult!)
    }
}

/// One slot per job, each written by exactly one job before ``results()`` is
/// read (after every job has finished): there is never a concurrent access to
/// the same slot, which is why this may be shared across threads.
private final class _ResultSlots<Result>: @unchecked Sendable {
    /// Allocated once, so storing never reallocates or checks uniqueness.
    private let slots: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: Result, at index: Int) { slots[index] = result }

    func results() -> [Result] { slots.map { $0! } }
}

/// A value handed to concurrent jobs that only read it.
private struct _UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
