/// Finds the first byte sequence that is not well-formed UTF-8 (Unicode 15, table 3-7).
internal enum _UTF8Validation {
    /// The offset and bytes of the first ill-formed sequence, or `nil` for valid UTF-8.
    ///
    /// - Complexity: O(*n*).
    static func firstInvalidSequence(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, bytes: [UInt8])? {
        let count = bytes.count
        var i = 0
        while i < count {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            let continuations: Int
            switch lead {
            case 0xC2...0xDF: continuations = 1
            case 0xE0: continuations = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: continuations = 2
            case 0xED: continuations = 2; high = 0x9F
            case 0xF0: continuations = 3; low = 0x90
            case 0xF1...0xF3: continuations = 3
            case 0xF4: continuations = 3; high = 0x8F
            default: return (i, [lead])
            }
            for k in 1...continuations {
                let j = i + k
                let byteLow: UInt8 = k == 1 ? low : 0x80
                let byteHigh: UInt8 = k == 1 ? high : 0xBF
                guard j < count, bytes[j] >= byteLow, bytes[j] <= byteHigh else {
                    return (i, Array(bytes[i..<min(j + 1, count)]))
                }
            }
            i += continuations + 1
        }
        return nil
    }
}
