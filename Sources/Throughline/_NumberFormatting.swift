/// Deterministic decimal formatting for human-readable output.
enum _NumberFormatting {
    /// `value` rounded to at most `decimals` decimal places, without trailing
    /// zeros or a trailing point: 3.5 → "3.5", 1/3 → "0.3333", 2 → "2".
    /// Non-finite values give "∞", "-∞" or "NaN"; very large magnitudes use
    /// Swift's shortest round-trip form.
    ///
    /// - Complexity: O(1).
    static func decimal(_ value: Double, decimals: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        var scale: Int64 = 1
        for _ in 0..<max(0, min(decimals, 9)) { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard scaled < 9e15 else { return "\(value)" }
        let units = Int64(scaled)
        if units == 0 { return "0" }
        let whole = units / scale
        var fraction = units % scale
        var digits = decimals
        while digits > 0 && fraction % 10 == 0 && fraction != 0 { fraction /= 10; digits -= 1 }
        var text = (value < 0 ? "-" : "") + String(whole)
        if fraction != 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }
}
