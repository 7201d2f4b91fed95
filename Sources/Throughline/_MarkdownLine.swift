/// One line of a Markdown brain dump, classified.
internal struct _MarkdownLine {
    enum Kind {
        case blank
        /// `#` to `######` and the heading's text (closing `#`s removed).
        case heading(level: Int, text: String)
        /// A list item: its indent in columns (a tab advances to the next
        /// multiple of four) and its text after the marker and any task box.
        case bullet(indent: Int, text: String)
        /// Any other line, trimmed.
        case text(String)
    }

    let kind: Kind
    /// Whether the line opens or closes a fenced code block (```` ``` ```` or `~~~`).
    let isFence: Bool

    /// The lines of `text`, split at LF, CRLF or CR.
    ///
    /// - Complexity: O(*n*).
    static func lines(of text: String) -> [_MarkdownLine] {
        var result: [_MarkdownLine] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                result.append(_MarkdownLine(current))
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { result.append(_MarkdownLine(current)) }
        return result
    }

    init(_ raw: String) {
        var indent = 0
        var rest = Substring(raw)
        while let first = rest.first, first == " " || first == "\t" {
            indent = first == "\t" ? (indent / 4 + 1) * 4 : indent + 1
            rest = rest.dropFirst()
        }
        rest = rest.drop(while: { $0 == "\u{FEFF}" })
        let trimmed = String(rest.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
        isFence = trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
        if trimmed.isEmpty {
            kind = .blank
        } else if indent < 4, let heading = _MarkdownLine.heading(trimmed) {
            kind = heading
        } else if let item = _MarkdownLine.listItemText(trimmed) {
            kind = .bullet(indent: indent, text: item)
        } else {
            kind = .text(trimmed)
        }
    }

    private static func heading(_ line: String) -> Kind? {
        let level = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(level) else { return nil }
        let rest = line.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingSpaces()
        // Closing sequence: `## Heading ##`.
        let withoutClosing = text.reversed().drop(while: { $0 == "#" })
        if withoutClosing.count < text.count, withoutClosing.isEmpty || withoutClosing.first == " " {
            text = String(withoutClosing.reversed()).trimmingSpaces()
        }
        return .heading(level: level, text: text)
    }

    private static func listItemText(_ line: String) -> String? {
        var rest: Substring
        if let first = line.first, "-*+".contains(first) {
            rest = line.dropFirst()
        } else {
            let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, digits.count <= 9 else { return nil }
            rest = line.dropFirst(digits.count)
            guard let marker = rest.first, marker == "." || marker == ")" else { return nil }
            rest = rest.dropFirst()
        }
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        var text = rest.trimmingSpaces()
        for box in ["[ ] ", "[x] ", "[X] "] where text.hasPrefix(box) {
            text = String(text.dropFirst(box.count)).trimmingSpaces()
        }
        return text
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
