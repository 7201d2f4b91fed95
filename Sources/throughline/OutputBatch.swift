#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    ///
    /// A symbolic link is kept: the file it points to is replaced. A target
    /// that is neither a regular file nor a directory (`/dev/null`,
    /// `/dev/stdout`, a named pipe, anything under /dev or /proc) is written
    /// in place after the renames, since replacing it would be wrong.
    func commit() throws(ThroughlineError) {
        var staged: [(temporary: String, entry: Entry)] = []
        var special: [Entry] = []
        do throws(ThroughlineError) {
            for entry in entries {
                if let physical = Self.replaceablePath(of: entry.path) {
                    let target = Entry(path: physical, bytes: entry.bytes)
                    staged.append((try Self.stage(target), target))
                } else {
                    special.append(entry)
                }
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
        for entry in special {
            let descriptor = open(entry.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            if descriptor < 0 { throw Self.failure(entry.path, errno: errno) }
            defer { close(descriptor) }
            if let code = FileDescriptor.writeAll(entry.bytes, to: descriptor) { throw Self.failure(entry.path, errno: code) }
        }
    }

    /// The path to replace by rename for `path`: `path` itself when it does
    /// not exist or is a regular file (or a directory, which staging reports),
    /// the file a symbolic link resolves to; `nil` when it must be written in
    /// place (a device, pipe or socket, anything under /dev or /proc, a link
    /// that does not resolve).
    private static func replaceablePath(of path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return path }
        var physical = path
        if (status.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else { return nil }
            physical = String(cString: resolved)
            free(resolved)
            guard stat(physical, &status) == 0 else { return nil }
        }
        if physical.hasPrefix("/dev/") || physical.hasPrefix("/proc/") { return nil }
        let type = status.st_mode & S_IFMT
        return type == S_IFREG || type == S_IFDIR ? physical : nil
    }

    /// `path` split at its last slash: the directory (empty for a bare name,
    /// `/` for a file at the root, trailing slashes dropped) and the name
    /// after the slash (empty when `path` ends in a slash).
    static func splitPath(_ path: String) -> (directory: String, base: String) {
        let bytes = Array(path.utf8)
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        let base = String(decoding: bytes[(slash + 1)...], as: UTF8.self)
        var end = slash
        while end > 0 && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        let directory = end == 0 ? "/" : String(decoding: bytes[..<end], as: UTF8.self)
        return (directory, base)
    }

    /// Writes `entry` to a new temporary file beside its target and returns the temporary path.
    private static func stage(_ entry: Entry) throws(ThroughlineError) -> String {
        let target = entry.path
        let (directory, base) = Self.splitPath(target)
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
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var writeError: Int32 = FileDescriptor.writeAll(entry.bytes, to: descriptor) ?? 0
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
