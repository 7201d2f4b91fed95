/// Escaping of user text for CommonMark, so that a point's text shows as
/// written and never turns into emphasis, links, HTML or code.
enum _MarkdownEscaping {
    /// `text` on one line (line breaks become spaces) with Markdown's active
    /// characters backslash-escaped: `\` `` ` `` `*` `_` `[` `]` `<` `>` `|`,
    /// `&` where it would start an entity, and a leading `#`, `+`, `-`, `=`
    /// or `1.` that would start a block.
    ///
    /// - Complexity: O(length of `text`).
    static func inline(_ text: String) -> String {
        let line = _TextWrapping.lines(of: text, width: Int.max / 2).joined(separator: " ")
        var out = ""
        var characters = Array(line)
        if characters.isEmpty { return "" }
        var i = 0
        while i < characters.count {
            let c = characters[i]
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|":
                out += "\\" + String(c)
            case "&":
                // An entity or character reference would be decoded.
                var j = i + 1
                while j < characters.count, characters[j].isLetter || characters[j].isNumber || characters[j] == "#" { j += 1 }
                out += (j < characters.count && characters[j] == ";" && j > i + 1) ? "\\&" : "&"
            default:
                out.append(c)
            }
            i += 1
        }
        characters = Array(out)
        // Block starts at the beginning of a line.
        if let first = characters.first {
            if "#+-=".contains(first) { return "\\" + out }
            if first.isNumber, let dot = characters.firstIndex(where: { !$0.isNumber }), ".)".contains(characters[dot]) {
                return String(characters[..<dot]) + "\\" + String(characters[dot...])
            }
        }
        return out
    }

    /// The non-empty lines of `text`, each escaped with ``inline(_:)``.
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { inline(String($0)) }
            .filter { !$0.isEmpty }
    }
}
