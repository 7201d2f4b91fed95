#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to a file descriptor, through write(2) alone (the CLI
/// does not load Foundation: that keeps the process start short).
enum FileDescriptor {
    /// Writes all of `bytes` to `descriptor`, retrying short writes and
    /// `EINTR`; returns the errno of a failure, or `nil`.
    static func writeAll<Bytes: Collection<UInt8>>(_ bytes: Bytes, to descriptor: Int32) -> Int32? {
        let attempt = bytes.withContiguousStorageIfAvailable { buffer in writeAll(buffer, to: descriptor) }
        return attempt ?? Array(bytes).withUnsafeBufferPointer { writeAll($0, to: descriptor) }
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var written = 0
        while written < buffer.count {
            #if canImport(Glibc)
            let count = Glibc.write(descriptor, base + written, buffer.count - written)
            #else
            let count = Darwin.write(descriptor, base + written, buffer.count - written)
            #endif
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += count
        }
        return nil
    }
}
