import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    @Test("The worker keeps the result for the last value posted, and only work that was not superseded")
    func latestValueWorkerKeepsTheLastValue() {
        let computed = ReportLog<Int>()
        let worker = _LatestValueWorker<Int, Int>()
        let (_, kept) = _ParallelJobs.both({ () -> Int in
            for value in 1...40 {
                worker.post(value)
                var spin = 0
                while spin < 20_000 { spin += 1 }
            }
            worker.finish()
            return 0
        }, {
            worker.run { value, superseded in
                // Slow work that gives up once a newer value is posted: its output is then dropped.
                var steps = 0
                while steps < 2_000_000 && !superseded.isRaised { steps += 1 }
                computed.append(value)
                return superseded.isRaised ? -1 : value * 2
            }
        })
        #expect(kept?.value == 40)
        #expect(kept?.output == 80)
        #expect(computed.all.last == 40)
        #expect(computed.all.count <= 40)
    }

    @Test("The worker does not work out again a value equal to the one it has just finished")
    func latestValueWorkerSkipsARepeatedValue() {
        let started = ReportLog<Bool>()
        let computed = ReportLog<Int>()
        let worker = _LatestValueWorker<Int, Int>()
        let (_, kept) = _ParallelJobs.both({ () -> Int in
            worker.post(7)
            // Post 7 again only once its work is done: a repeat during the work would supersede
            // it. Where the jobs run one after the other, producer first (one core), the worker
            // has not started within the half second, and 7 is simply worked out once.
            let clock = ContinuousClock()
            func wait(at most: Duration, while condition: () -> Bool) {
                let end = clock.now.advanced(by: most)
                while condition() && clock.now < end { usleep(1_000) }
            }
            wait(at: .milliseconds(500), while: { started.all.isEmpty })
            if !started.all.isEmpty {
                wait(at: .seconds(10), while: { computed.all.isEmpty })
                // The worker keeps its result a few instructions after the work returns; a quarter
                // of a second covers those unless its thread stalls for longer.
                usleep(250_000)
                if !computed.all.isEmpty { worker.post(7) }
            }
            worker.finish()
            return 0
        }, {
            started.append(true)
            return worker.run { value, _ in
                computed.append(value)
                return value * 2
            }
        })
        #expect(kept?.value == 7 && kept?.output == 14)
        #expect(computed.all == [7])
    }

    @Test("The worker computes each value once, only after posts, and nothing after a cancel")
    func latestValueWorkerOneJobAfterTheOther() {
        var calls = 0
        let worker = _LatestValueWorker<Int, Int>()
        worker.post(3)
        worker.finish()
        let kept = worker.run { value, _ in calls += 1; return value * 2 }
        #expect(kept?.value == 3 && kept?.output == 6)
        #expect(calls == 1)
        let cancelled = _LatestValueWorker<Int, Int>()
        cancelled.post(5)
        cancelled.cancel()
        #expect(cancelled.run { value, _ in value } == nil)
        let idle = _LatestValueWorker<Int, Int>()
        idle.finish()
        #expect(idle.run { value, _ in value } == nil)
    }
}
