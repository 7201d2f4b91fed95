import Testing
@testable import Throughline

@Suite("Plain-text outline writer")
struct PlainTextOutlineWriterTests {
    let text = PlainTextOutlineWriter().write(Fixtures.fixedEssay)

    @Test("No line is longer than the wrap width")
    func wrapped() {
        for width in [30, 72] {
            let wrapped = PlainTextOutlineWriter(lineWidth: width).write(Fixtures.fixedEssay)
            for line in wrapped.split(separator: "\n") { #expect(line.count <= width, "\(line)") }
        }
    }

    @Test("The plain outline has the opening, numbered sections, transitions, the closing and the footer, without markup")
    func structure() {
        #expect(text.hasPrefix("Why emergent misalignment is a systems story\n============================================\n\nOPENING: Narrow constraints make whole systems reorganise\n"))
        #expect(text.contains("\n4. Models adopt a persona that fits the narrow training signal\n   The thesis “Narrow constraints make whole systems reorganise”\n   supports this — the mechanism\n"))
        #expect(text.contains("   -> Back to §5, “18 parameters give 60% of the effect”, which §6\n      contrasts\n"))
        #expect(text.contains("\nCLOSING: Narrow constraints make whole systems reorganise\n   Back to the thesis, which §7 supports\n"))
        #expect(text.hasSuffix("Cost 6.5667 · lower bound 6.5667 · optimal (fixed) · 10 steps\n"))
        #expect(!text.contains("##"))
        #expect(!text.contains("_"))
        #expect(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(Fixtures.hostileText), "user text is kept literally")
    }
}
