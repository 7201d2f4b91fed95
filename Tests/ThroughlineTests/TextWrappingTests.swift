import Testing
@testable import Throughline

@Suite("Text wrapping")
struct TextWrappingTests {
    @Test("One line is the unlimited wrap joined by spaces, for line breaks, tabs, runs of spaces and non-ASCII text",
          arguments: ["", " ", "word", "  two  words  ", "a\tb\t\tc", "one\ntwo\r\nthree\rfour", "para\n\npara",
                      "trailing\n", "\n\nleading", "naïve café — 日本語 \t x", "tab\t\n\tend"])
    func oneLineMatchesUnlimitedWrap(text: String) {
        #expect(_TextWrapping.oneLine(text) == _TextWrapping.lines(of: text, width: Int.max / 2).joined(separator: " "))
    }

    @Test("An excerpt keeps a short text whole and cuts a long one at a word with an ellipsis")
    func excerpts() {
        #expect(_OutlinePhrasing.excerpt(of: "short\ttext\n") == "short text ")
        let long = String(repeating: "wörd ", count: 20)
        let excerpt = _OutlinePhrasing.excerpt(of: long)
        #expect(excerpt.hasSuffix("wörd…"))
        #expect(excerpt.count <= _OutlinePhrasing.referenceLength)
        // 59 characters but 118 bytes: counted in characters, not cut.
        let accented = String(repeating: "é", count: 59)
        #expect(_OutlinePhrasing.excerpt(of: accented) == accented)
    }
}
