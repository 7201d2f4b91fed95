/// The longest text, in Unicode scalars, that ``quoted(_:)`` shows in full.
internal let _quotedLengthLimit = 80

/// A string in double quotes with quotes, backslashes, control characters,
/// line separators and bidirectional controls escaped, for error messages that
/// must stay on one line and show in order. Text longer than
/// 80 scalars is cut and ends in `...`.
internal func quoted(_ text: String) -> String {
    var out = "\""
    var count = 0
    let isLong = text.unicodeScalars.dropFirst(_quotedLengthLimit).first != nil
    for scalar in text.unicodeScalars {
        count += 1
        if isLong && count > _quotedLengthLimit - 3 {
            out += "..."
            break
        }
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || _isLineOrDirectionControl(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// Line and paragraph separators and the bidirectional controls, which would
/// break a message's line or reorder how a terminal shows it.
private func _isLineOrDirectionControl(_ value: UInt32) -> Bool {
    (0x2028...0x2029).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        || value == 0x200E || value == 0x200F || value == 0x061C
}

/// `point 4 ("efficiency")`: how messages name a point (1-based number, then id).
internal func _pointLabel(number: Int, id: String) -> String {
    id.isEmpty ? "point \(number)" : "point \(number) (\(quoted(id)))"
}

/// A number as a message shows it: `0`, `-1`, `0.25`, `inf`, `nan`.
internal func _numberText(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}
