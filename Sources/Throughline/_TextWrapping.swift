/// Greedy word wrapping for labels and plain text.
enum _TextWrapping {
    /// `text` broken into lines of at most `width` characters: hard line
    /// breaks are kept, runs of spaces and tabs collapse to one space, words
    /// longer than `width` are split. An empty text gives one empty line.
    ///
    /// - Complexity: O(length of `text`).
    static func lines(of text: String, width: Int) -> [String] {
        let width = max(1, width)
        var result: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var line = ""
            var lineLength = 0
            for rawWord in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                var word = Substring(rawWord)
                while !word.isEmpty {
                    let wordLength = word.count
                    if lineLength == 0 {
                        if wordLength <= width {
                            line = String(word); lineLength = wordLength; word = ""
                        } else {
                            result.append(String(word.prefix(width))); word = word.dropFirst(width)
                        }
                    } else if lineLength + 1 + wordLength <= width {
                        line += " " + word; lineLength += 1 + wordLength; word = ""
                    } else {
                        result.append(line); line = ""; lineLength = 0
                    }
                }
            }
            result.append(line)
        }
        return result.isEmpty ? [""] : result
    }

    /// The UTF-8 bytes of `text` on one line: each line (split at `\r\n`,
    /// `\n` or `\r`) with runs of spaces and tabs collapsed to one space and
    /// none at either end, the lines joined by one space (so an empty line
    /// leaves two): ``lines(of:width:)`` with no width limit, joined by spaces,
    /// without its per-character work.
    ///
    /// - Complexity: O(length of `text`).
    static func oneLineUTF8(_ text: String) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(text.utf8.count)
        var wordsInLine = false, spaceBeforeWord = false
        var bytes = text.utf8.makeIterator()
        var pending = bytes.next()
        while let byte = pending {
            pending = bytes.next()
            switch byte {
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if byte == UInt8(ascii: "\r"), pending == UInt8(ascii: "\n") { pending = bytes.next() }
                line.append(UInt8(ascii: " "))
                wordsInLine = false
                spaceBeforeWord = false
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                spaceBeforeWord = wordsInLine
            default:
                if spaceBeforeWord { line.append(UInt8(ascii: " ")); spaceBeforeWord = false }
                wordsInLine = true
                line.append(byte)
            }
        }
        return line
    }

    /// ``oneLineUTF8(_:)`` as a string.
    ///
    /// - Complexity: O(length of `text`).
    static func oneLine(_ text: String) -> String { String(decoding: oneLineUTF8(text), as: UTF8.self) }
}
