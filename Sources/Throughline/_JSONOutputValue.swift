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
        var out = ""
        write(to: &out, indent: indent, level: 0)
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private func write(to out: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += jsonNumber(value)
        case .integer(let value): out += String(value)
        case .string(let value): out += jsonString(value)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if indent == nil || items.allSatisfy(\.isScalar) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += indent == nil ? "," : ", " }
                    item.write(to: &out, indent: indent, level: level + 1)
                }
                out += "]"
            } else {
                out += "["
                for (i, item) in items.enumerated() {
                    out += (i > 0 ? "," : "") + newline(indent, level + 1)
                    item.write(to: &out, indent: indent, level: level + 1)
                }
                out += newline(indent, level) + "]"
            }
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                out += (i > 0 ? "," : "") + newline(indent, level + 1)
                out += jsonString(key) + (indent == nil ? ":" : ": ")
                value.write(to: &out, indent: indent, level: level + 1)
            }
            out += newline(indent, level) + "}"
        }
    }

    private func newline(_ indent: Int?, _ level: Int) -> String {
        guard let indent else { return "" }
        return "\n" + String(repeating: " ", count: indent * level)
    }
}

/// A JSON string literal for `text` (RFC 8259 escapes; non-ASCII kept as
/// UTF-8, except U+2028 and U+2029, escaped for JavaScript readers).
internal func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// A JSON number for a finite double: integers without a fraction, others in
/// Swift's shortest round-trip form (which reads back as the same double).
/// Non-finite values, which JSON cannot hold, become `null`.
internal func jsonNumber(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}
