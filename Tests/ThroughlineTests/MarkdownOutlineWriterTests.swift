import Testing
@testable import Throughline

@Suite("Markdown outline writer")
struct MarkdownOutlineWriterTests {
    let markdown = MarkdownOutlineWriter().write(Fixtures.fixedEssay)

    @Test("The outline opens on the thesis and numbers each first visit in walk order")
    func sectionsInWalkOrder() {
        #expect(markdown.hasPrefix("# Why emergent misalignment is a systems story\n\n## Opening: Narrow constraints make whole systems reorganise\n"))
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == [
            "## Opening: Narrow constraints make whole systems reorganise",
            "## 1. Like a body compensating for an injured knee",
            "## 2. Overfitting would not generalise to unrelated prompts",
            "## 3. It is just overfitting to the fine-tuning data",
            "## 4. Models adopt a persona that fits the narrow training signal",
            "## 5. 18 parameters give 60% of the effect",
            #"## 6. Edge case: \<script\>alert(1)\</script\> & "quotes" \\N \\G \]\]\> {a\|b} \*em\* \[link\](x)"#,
            "## 7. Different fine-tunes converge on one direction",
            "## Closing: Narrow constraints make whole systems reorganise",
        ])
    }

    @Test("A point met again is a one-line transition back to its section, not a new section")
    func transitions() {
        let transitions = markdown.split(separator: "\n").filter { $0.hasPrefix("→ ") }
        #expect(transitions == [
            "→ *Back to the thesis, “Narrow constraints make whole systems reorganise”*, which §3 attacks",
            "→ *Back to §5, “18 parameters give 60% of the effect”*, which §6 contrasts",
        ])
        #expect(markdown.components(separatedBy: "## 5.").count == 2)
    }

    @Test("Each section says how the walk arrives: the relation's kind, the point it comes from and the note")
    func arrivals() {
        #expect(markdown.contains("## 4. Models adopt a persona that fits the narrow training signal\n\n_The thesis “Narrow constraints make whole systems reorganise” supports this_ — the mechanism\\\nGroup: Psychological\n"))
        #expect(markdown.contains("## 1. Like a body compensating for an injured knee\n\n_Illustrates the thesis “Narrow constraints make whole systems reorganise”_\\\nOptional\n"))
        #expect(markdown.contains("_§5 “18 parameters give 60% of the effect” supports this_ — why this transition works"))
    }

    @Test("Notes become block quotes with their line breaks kept")
    func notes() {
        #expect(markdown.contains("> Strongest counter;\\\n> answer it early.\n"))
        #expect(markdown.contains("Thesis · Group: Psychological · Tags: core\n\n> The central claim.\n"))
    }

    @Test("The outline closes on the thesis and ends with cost, lower bound and optimality")
    func closingAndFooter() {
        #expect(markdown.contains("## Closing: Narrow constraints make whole systems reorganise\n\n*Back to the thesis*, which §7 supports\n"))
        #expect(markdown.hasSuffix("---\n\n*Cost 6.5667 · lower bound 6.5667 · optimal (fixed) · 10 steps*\n"))
        let star = MarkdownOutlineWriter().write(Fixtures.fixedStar)
        #expect(star.hasSuffix("*Cost 6 · lower bound 5.5 · not proven optimal (gap 8.3%) (heuristic) · 6 steps*\n"))
        #expect(star.hasPrefix("# Essay plan\n"))
    }

    @Test("A plan of the thesis alone has an opening and a footer but no closing")
    func thesisAlone() throws {
        let plan = try Planner.plan(PointsFile(thesis: "only", points: [Point(id: "only", text: "Just this")]))
        let text = MarkdownOutlineWriter().write(plan)
        #expect(text.contains("## Opening: Just this"))
        #expect(!text.contains("## Closing"))
        #expect(text.contains("0 steps"))
    }

    @Test("Text that looks like Markdown is escaped so it shows as written")
    func escaping() {
        #expect(_MarkdownEscaping.inline("# not a heading") == ##"\# not a heading"##)
        #expect(_MarkdownEscaping.inline("1. not a list") == #"1\. not a list"#)
        #expect(_MarkdownEscaping.inline("a &amp; b & c") == #"a \&amp; b & c"#)
        #expect(_MarkdownEscaping.inline("line\nbreak") == "line break")
        #expect(_MarkdownEscaping.inline("<b>_x_</b>") == #"\<b\>\_x\_\</b\>"#)
    }

    @Test("Line breaks, tabs and runs of spaces become single spaces, an empty line two, with none at the ends")
    func whitespace() {
        #expect(_MarkdownEscaping.inline("  one\t\ttwo  \r\nthree\rfour\n\nfive ") == "one two three four  five")
        #expect(_MarkdownEscaping.inline(" \t ") == "")
    }

    @Test("Only ASCII names and numbers make an entity or a list number, as in CommonMark")
    func asciiEntitiesAndNumbers() {
        #expect(_MarkdownEscaping.inline("&#38; &x1; &é; &;") == #"\&#38; \&x1; &é; &;"#)
        #expect(_MarkdownEscaping.inline("12) twelve") == #"12\) twelve"#)
        #expect(_MarkdownEscaping.inline("١. Arabic-Indic digit") == "١. Arabic-Indic digit")
        #expect(_MarkdownEscaping.inline("日本 * 語") == #"日本 \* 語"#)
    }
}
