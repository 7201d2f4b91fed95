#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `value` formatted by C's printf with `format` (one double conversion,
/// such as `%.4g` or `%.1f`), for progress and status lines.
func printfNumber(_ format: String, _ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    let count = withVaList([value]) { arguments in
        buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress!, $0.count, format, arguments) }
    }
    let length = max(0, min(Int(count), buffer.count - 1))
    return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
