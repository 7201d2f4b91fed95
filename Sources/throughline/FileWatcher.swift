#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Throughline

/// `--watch`: plans a file, then polls its modification time, size and inode
/// every ``interval`` seconds and plans it again after each change, keeping
/// the essay's order where the edit allows (``PlanOptions/previousWalk``).
/// An invalid intermediate save prints its error and the watch goes on.
struct FileWatcher {
    /// What identifies one version of the file on disk.
    struct Fingerprint: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    /// The watched path.
    var path: String
    /// Seconds between polls.
    var interval: Double = 0.3

    /// The file's current fingerprint, or `nil` when it cannot be examined (being replaced, deleted).
    func fingerprint() -> Fingerprint? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Fingerprint(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                           modifiedSeconds: Int(status.st_mtim.tv_sec), modifiedNanoseconds: Int(status.st_mtim.tv_nsec))
    }

    /// Plans with `job` now and after every change, until interrupted.
    ///
    /// - Throws: ``ThroughlineError`` only when the file cannot be read at the
    ///   start; later failures are printed and the watch continues.
    func watch(_ job: PlanJob) throws(ThroughlineError) -> Never {
        _ = try InputFile.read(path)  // A file that is not there at the start is a mistake, not an edit in progress.
        var seen = fingerprint()
        var lastWalk: [String]?
        var round = 0
        while true {
            round += 1
            let prefix = round == 1 ? "" : "\n----- \(path) changed: plan \(round) -----\n\n"
            do throws(ThroughlineError) {
                let plan = try job.run(previousWalk: lastWalk, outlinePrefix: prefix)
                lastWalk = plan.walk
                if !job.outputPaths.isEmpty || !job.writesOutlineToStandardOutput {
                    let optimal = plan.isOptimal ? "optimal" : "lower bound " + printfNumber("%.4g", plan.lowerBound)
                    StandardError.writeLine("throughline: \(path): plan \(round): cost \(printfNumber("%.4g", plan.cost)) (\(optimal)); wrote \(job.outputPaths.joined(separator: ", "))")
                }
            } catch {
                StandardError.writeLine("throughline: \(error.description)")
            }
            StandardError.writeLine("throughline: watching \(path) for changes (Ctrl-C to stop)")
            seen = waitForChange(from: seen)
        }
    }

    /// Waits until the fingerprint differs from `previous` and then holds
    /// still for one interval (so a save in progress is not read half-written).
    func waitForChange(from previous: Fingerprint?) -> Fingerprint? {
        var current = previous
        while current == previous {
            sleep(seconds: interval)
            current = fingerprint()
        }
        while true {
            sleep(seconds: interval)
            let next = fingerprint()
            if next == current && next != nil { return next }
            current = next
        }
    }

    private func sleep(seconds: Double) {
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
