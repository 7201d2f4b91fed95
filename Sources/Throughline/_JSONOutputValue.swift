/// A JSON value with object keys in a fixed order, for writers whose output
/// must be byte-for-byte deterministic.
enum _JSONOutputValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([_JSONOutputValue])
    case object([(String, _JSONOutputValue)])

    static func == (a: _JSONOutputValue, b: _JSONOutputValue) -> Bool { a.text(indent: nil) == b.text(indent: nil) }
    func hash(into hasher: inout Hasher) { hasher.combine(text(indent: nil)) }

    /// An optional string, or `null`.
    static func string(_ text: String?) -> _JSONOutputValue { text.map { .string($0) } ?? .null }

    /// The JSON text: with `indent` spaces per level and one member per line
    /// (arrays of scalars stay on one line), or compact when `indent` is nil.
    ///
    /// - Complexity: O(size of the output).
    func text(indent: Int? = 2) -> String {
        var out: [UInt8] = []
        write(to: &out, indent: indent, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// Appends the value's UTF-8 text to `out` (bytes rather than a `String`,
    /// which made the writer about a tenth of a 20-point plan's instructions).
    private func write(to out: inout [UInt8], indent: Int?, level: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): out.append(contentsOf: jsonNumber(value).utf8)
        case .integer(let value): out.append(contentsOf: String(value).utf8)
        case .string(let value): appendJSONString(value, to: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            if indent == nil || items.allSatisfy(\.isScalar) {
                for (i, item) in items.enumerated() {
                    if i > 0 {
                        out.append(UInt8(ascii: ","))
                        if indent != nil { out.append(UInt8(ascii: " ")) }
                    }
                    item.write(to: &out, indent: indent, level: level + 1)
                }
            } else {
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    newline(indent, level + 1, &out)
                    item.write(to: &out, indent: indent, level: level + 1)
                }
                newline(indent, level, &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent, level + 1, &out)
                appendJSONString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, indent: indent, level: level + 1)
            }
            newline(indent, level, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and `indent * level` spaces, or nothing when compact.
    private func newline(_ indent: Int?, _ level: Int, _ out: inout [UInt8]) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }
}

/// A JSON string literal for `text` (RFC 8259 escapes; non-ASCII kept as
/// UTF-8, except U+2028 and U+2029, escaped for JavaScript readers).
internal func jsonString(_ text: String) -> String {
    var out: [UInt8] = []
    appendJSONString(text, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// Appends ``jsonString(_:)``'s literal for `text` to `out`, working on the
/// UTF-8 bytes: every escape is of an ASCII byte, except U+2028 and U+2029
/// (`E2 80 A8` and `E2 80 A9`), and every other byte is copied.
///
/// - Complexity: O(*n*) in the UTF-8 length of `text`.
internal func appendJSONString(_ text: String, to out: inout [UInt8]) {
    @inline(__always) func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }
    out.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hexDigit(byte >> 4), hexDigit(byte & 0xF)])
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                out.append(contentsOf: "\\u202".utf8)
                out.append(bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                i += 2
            default:
                out.append(byte)
            }
            i += 1
        }
    }
    out.append(UInt8(ascii: "\""))
}

/// A JSON number for a finite double: integers without a fraction, others in
/// Swift's shortest round-trip form (which reads back as the same double).
/// Non-finite values, which JSON cannot hold, become `null`.
internal func jsonNumber(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}
