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
}
