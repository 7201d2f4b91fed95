/// Writes a plan as JSON for programs: `thesis`, `walk`, `cost`, `lowerBound`,
/// `optimal` (the contract's fields) and more.
public struct JSONPlanWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The JSON text of `plan`, one object, keys in a fixed order.
    ///
    /// - Complexity: O(size of the output).
    public func write(_ plan: Plan) -> String {
        var out = "{\n"
        out += "  \"thesis\": \(jsonString(plan.thesis)),\n"
        out += "  \"walk\": [" + plan.walk.map(jsonString).joined(separator: ", ") + "],\n"
        out += "  \"cost\": \(jsonNumber(plan.cost)),\n"
        out += "  \"lowerBound\": \(jsonNumber(plan.lowerBound)),\n"
        out += "  \"optimal\": \(plan.isOptimal)\n"
        out += "}\n"
        return out
    }
}

/// A JSON string literal for `text` (RFC 8259 escapes; non-ASCII kept as UTF-8).
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
            if scalar.value < 0x20 {
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
/// Swift's shortest round-trip form.
internal func jsonNumber(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}
