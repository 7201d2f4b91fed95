import Foundation
import Throughline

/// A set of output files written all or nothing, as far as the file system
/// allows: each file goes to a temporary file in its own directory first, and
/// only when every temporary file is complete are they renamed over their
/// targets (rename(2) is atomic). A failure before the renames leaves every
/// target exactly as it was and no temporary file behind.
struct OutputBatch {
    /// One file to write.
    struct Entry {
        /// The path as the user gave it (used in messages).
        var path: String
        /// The complete contents.
        var bytes: [UInt8]
    }

    private(set) var entries: [Entry] = []

    /// Adds a file to the batch. A later entry for the same path replaces the earlier one.
    mutating func add(_ path: String, bytes: [UInt8]) {
        entries.removeAll { $0.path == path }
        entries.append(Entry(path: path, bytes: bytes))
    }

    /// Adds a text file (UTF-8) to the batch.
    mutating func add(_ path: String, text: String) {
        add(path, bytes: Array(text.utf8))
    }

    /// Writes every file of the batch.
    ///
    /// - Throws: ``ThroughlineError`` (`unwritableOutput`) naming the first file
    ///   that could not be staged or renamed.
    func commit() throws(ThroughlineError) {
        var staged: [(temporary: String, entry: Entry)] = []
        do throws(ThroughlineError) {
            for entry in entries {
                staged.append((try Self.stage(entry), entry))
            }
        } catch {
            for (temporary, _) in staged { unlink(temporary) }
            throw error
        }
        for (index, (temporary, entry)) in staged.enumerated() {
            if rename(temporary, entry.path) != 0 {
                let code = errno
                for (later, _) in staged[index...] { unlink(later) }
                throw Self.failure(entry.path, errno: code)
            }
        }
    }

    /// Writes `entry` to a new temporary file beside its target and returns the temporary path.
    private static func stage(_ entry: Entry) throws(ThroughlineError) -> String {
        let target = entry.path
        let directory = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        if base.isEmpty || target.hasSuffix("/") {
            throw ThroughlineError(.unwritableOutput, file: target, message: "cannot write: the path names a directory")
        }
        var status = stat()
        if stat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw ThroughlineError(.unwritableOutput, file: target, message: "cannot write: is a directory")
        }
        let directoryPath = directory.isEmpty ? "." : directory
        if stat(directoryPath, &status) != 0 {
            throw ThroughlineError(.unwritableOutput, file: target, message: "cannot write: directory \(directoryPath) does not exist")
        }
        if (status.st_mode & S_IFMT) != S_IFDIR {
            throw ThroughlineError(.unwritableOutput, file: target, message: "cannot write: \(directoryPath) is not a directory")
        }
        var template = Array((directoryPath + "/." + base + ".throughline-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if descriptor < 0 { throw failure(target, errno: errno) }
        let temporary = String(cString: template)
        var written = 0
        var writeError: Int32 = 0
        entry.bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    writeError = errno
                    return
                }
                written += count
            }
        }
        // Keep an existing file's permissions; a new file gets 0666 less the umask.
        let mode: mode_t
        if stat(target, &status) == 0 {
            mode = status.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        if writeError == 0 && fchmod(descriptor, mode) != 0 { writeError = errno }
        if writeError == 0 && fsync(descriptor) != 0 && errno != EINVAL { writeError = errno }
        if close(descriptor) != 0 && writeError == 0 { writeError = errno }
        if writeError != 0 {
            unlink(temporary)
            throw failure(target, errno: writeError)
        }
        return temporary
    }

    private static func failure(_ path: String, errno code: Int32) -> ThroughlineError {
        let reason: String
        switch code {
        case EACCES, EPERM: reason = "permission denied"
        case ENOSPC: reason = "no space left on the device"
        case EROFS: reason = "read-only file system"
        default: reason = String(cString: strerror(code))
        }
        return ThroughlineError(.unwritableOutput, file: path, message: "cannot write: \(reason)")
    }
}
