/// Escaping of text for XML 1.0 documents.
enum _XMLEscaping {
    /// `text` for a double-quoted attribute value: `&`, `<`, `>` and `"` as
    /// entities, tab, line feed and carriage return as character references
    /// (so parsers keep them instead of normalising them to spaces), and
    /// characters XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF) dropped.
    ///
    /// - Complexity: O(length of `text`).
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// `text` for element content: `&`, `<` and `>` as entities, forbidden
    /// characters dropped.
    static func content(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where inAttribute: out += "&#9;"
            default:
                let value = scalar.value
                if (value < 0x20 && value != 0x09 && value != 0x0A) || value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
