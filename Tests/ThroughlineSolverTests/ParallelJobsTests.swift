import Testing
@testable import ThroughlineSolver

@Suite("Parallel jobs and stop signals")
struct ParallelJobsTests {
    @Test("A deadline passes as soon as its stop signal is raised, and leaves no time")
    func stopSignalEndsTheDeadline() {
        let stop = _StopSignal()
        let deadline = _Deadline(seconds: 60, stoppedBy: stop)
        #expect(!deadline.hasPassed)
        #expect(deadline.remaining > 30)
        stop.raise()
        #expect(deadline.hasPassed)
        #expect(deadline.remaining == 0)
        #expect(!_Deadline(seconds: 60).hasPassed, "a deadline without the signal is not stopped")
    }

    @Test("Both jobs' results come back in order, and the second sees the first raise the stop")
    func bothJobsRunAndTheStopReachesTheOther() {
        let stop = _StopSignal()
        let deadline = _Deadline(seconds: 30, stoppedBy: stop)
        let (first, second) = _ParallelJobs.both({ () -> Int in
            stop.raise()
            return 1
        }, { () -> String in
            // Whichever thread runs it and whenever, it ends by the signal, not the clock.
            while !deadline.hasPassed {}
            return "stopped"
        })
        #expect(first == 1)
        #expect(second == "stopped")
        #expect(deadline.elapsed < 30)
    }

    @Test("Rows built by one, two or three jobs come back in row order, the same", arguments: [0, 1, 2, 7, 10])
    func interleavedRowsAreInRowOrder(count: Int) {
        func row(_ i: Int) -> [Int] { [10 * i, 10 * i + 1, 10 * i + 2] }
        let expected = (0..<count).flatMap(row)
        for parts in 1...3 {
            let rows = _ParallelJobs.interleavedRows(count: count, length: 3, parts: parts, filler: -1) { rows in
                rows.flatMap(row)
            }
            #expect(rows == expected, "\(parts) parts")
        }
    }
}
