/// Quoting of text for Graphviz DOT.
enum _DOTEscaping {
    /// `text` as the inside of a DOT double-quoted string whose content
    /// Graphviz shows literally: backslashes doubled (so `\N`, `\G`, `\l`
    /// are not expanded), quotes escaped, `&` written as `&amp;` (Graphviz
    /// decodes entities in labels, so a literal `&lt;` must not become `<`),
    /// line breaks as spaces, other control characters dropped. Callers
    /// join lines with ``lineBreak``. Never produces an HTML label: the
    /// result always goes inside double quotes.
    ///
    /// - Complexity: O(length of `text`).
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            default:
                let value = scalar.value
                // XML 1.0 forbids C0 controls and U+FFFE/U+FFFF; they would make the SVG invalid.
                if value < 0x20 || value == 0x7F || value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The DOT escape for a centred line break inside a quoted string.
    static let lineBreak = "\\n"

    /// A complete DOT string literal (with quotes) showing `lines` centred,
    /// one under the other.
    static func quoted(lines: [String]) -> String {
        "\"" + lines.map(escaped).joined(separator: lineBreak) + "\""
    }

    /// A complete DOT string literal (with quotes) for a value that is not a
    /// label (colours, numbers, styles); escaped the same way.
    static func quoted(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }
}
