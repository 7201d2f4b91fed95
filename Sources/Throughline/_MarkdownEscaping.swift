/// Escaping of user text for CommonMark, so that a point's text shows as
/// written and never turns into emphasis, links, HTML or code.
enum _MarkdownEscaping {
    /// `text` on one line (line breaks become spaces) with Markdown's active
    /// characters backslash-escaped: `\` `` ` `` `*` `_` `[` `]` `<` `>` `|`,
    /// `&` where it would start an entity, and a leading `#`, `+`, `-`, `=`
    /// or `1.` that would start a block.
    ///
    /// Works on UTF-8 bytes: every character it looks at is ASCII, as in
    /// CommonMark's own rules (an entity name is ASCII letters and digits, a
    /// list number ASCII digits), and a byte below 0x80 is never part of a
    /// longer character.
    ///
    /// - Complexity: O(length of `text`).
    static func inline(_ text: String) -> String {
        let line = _TextWrapping.oneLineUTF8(text)
        if line.isEmpty { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(line.count + line.count / 8 + 2)
        var i = 0
        while i < line.count {
            let byte = line[i]
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"):
                out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "&"):
                // An entity or character reference (`&amp;`, `&#38;`) would be decoded.
                var j = i + 1
                while j < line.count, _isASCIILetterOrDigit(line[j]) || line[j] == UInt8(ascii: "#") { j += 1 }
                if j < line.count, line[j] == UInt8(ascii: ";"), j > i + 1 { out.append(UInt8(ascii: "\\")) }
            default:
                break
            }
            out.append(byte)
            i += 1
        }
        // Block starts at the beginning of a line.
        switch out[0] {
        case UInt8(ascii: "#"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "="):
            out.insert(UInt8(ascii: "\\"), at: 0)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let end = out.firstIndex(where: { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
               out[end] == UInt8(ascii: ".") || out[end] == UInt8(ascii: ")") {
                out.insert(UInt8(ascii: "\\"), at: end)
            }
        default:
            break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The non-empty lines of `text`, each escaped with ``inline(_:)``.
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { inline(String($0)) }
            .filter { !$0.isEmpty }
    }

    /// Whether `byte` is an ASCII letter or digit.
    private static func _isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
