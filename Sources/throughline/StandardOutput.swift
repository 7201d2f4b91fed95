#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard output.
enum StandardOutput {
    /// Writes `text` to standard output as it is.
    static func write(_ text: String) {
        _ = FileDescriptor.writeAll(text.utf8, to: STDOUT_FILENO)
    }
}
