#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard error and standard output without buffering surprises.
enum StandardError {
    /// Writes `line` and a newline to standard error.
    static func writeLine(_ line: String) {
        write(line + "\n")
    }

    /// Writes `text` to standard error as it is.
    static func write(_ text: String) {
        _ = FileDescriptor.writeAll(text.utf8, to: STDERR_FILENO)
    }

    /// Whether standard error is a terminal (so progress may be drawn on it).
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
