import Foundation

/// Writing to standard error and standard output without buffering surprises.
enum StandardError {
    /// Writes `line` and a newline to standard error.
    static func writeLine(_ line: String) {
        write(line + "\n")
    }

    /// Writes `text` to standard error as it is.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (so progress may be drawn on it).
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
