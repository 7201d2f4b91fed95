import Testing
@testable import Throughline

@Suite("Importing a Markdown brain dump")
struct BrainDumpImporterTests {
    private func importing(_ markdown: String) throws(ThroughlineError) -> PointsFile {
        try BrainDumpImporter().importMarkdown(markdown, source: "notes.md")
    }

    @Test("bullets become points, headings groups, #tags tags, indented bullets elaborate their parent")
    func fullExample() throws {
        let file = try importing("""
        # Why systems reorganise

        ## Psychological
        - Narrow constraints make whole systems reorganise #core
          - 18 parameters give 60% of the effect #evidence #core
            * Measured on three models
        - Different fine-tunes converge on one direction #thesis

        ## Technical
        1. Steering vectors transfer across tasks
        + [x] A task box is dropped
        """)
        #expect(file.title == "Why systems reorganise")
        #expect(file.points.map(\.id) == ["narrow-constraints-make-whole", "18-parameters-give-60", "measured-on-three-models",
                                          "different-fine-tunes-converge", "steering-vectors-transfer-across", "a-task-box-is"])
        #expect(file.points[0].text == "Narrow constraints make whole systems reorganise")
        #expect(file.points[0].tags == ["core"])
        #expect(file.points[1].tags == ["evidence", "core"])
        #expect(file.points.map(\.group) == ["Psychological", "Psychological", "Psychological", "Psychological", "Technical", "Technical"])
        #expect(file.points[5].text == "A task box is dropped")
        #expect(file.thesis == "different-fine-tunes-converge")
        #expect(file.points[3].tags.isEmpty)
        #expect(file.relations == [
            Relation(from: "narrow-constraints-make-whole", to: "18-parameters-give-60", kind: "elaborates"),
            Relation(from: "18-parameters-give-60", to: "measured-on-three-models", kind: "elaborates"),
        ])
        try file.validate(source: "notes.md")
    }

    @Test("without #thesis the first bullet is the thesis; several top headings are all groups")
    func defaults() throws {
        let file = try importing("# One\n- first point\n# Two\n- second point\n")
        #expect(file.title == nil)
        #expect(file.thesis == "first-point")
        #expect(file.points.map(\.group) == ["One", "Two"])
    }

    @Test("a lone top heading is the title, not a group")
    func loneTitle() throws {
        let file = try importing("# My essay\n\n- a point\n")
        #expect(file.title == "My essay")
        #expect(file.points[0].group == nil)
    }

    @Test("repeated ids get -2, -3 suffixes and odd text still gives an id")
    func uniqueIDs() throws {
        let file = try importing("- Same words here\n- same WORDS, here!\n- Same words here\n- 💡 ✨\n- Don't panic\n- same-words-here-2 exists\n")
        #expect(file.points.map(\.id) == ["same-words-here", "same-words-here-2", "same-words-here-3", "point", "dont-panic", "same-words-here-2-2"])
    }

    @Test("plain text right after a bullet becomes its note; code fences and thematic breaks are ignored")
    func notesAndNoise() throws {
        let file = try importing("- A point\n  with more to say\n  and more\n\nStray paragraph\n```\n- not a point\n```\n* * *\n- B point #only-tag\n- #just-tags\n")
        #expect(file.points.map(\.text) == ["A point", "B point"])
        #expect(file.points[0].note == "with more to say and more")
        #expect(file.points[1].tags == ["only-tag"])
    }

    @Test("a hash inside a word or before a digit is text, not a tag")
    func notTags() throws {
        let file = try importing("- C# and F# are languages; issue #42 is open; see #core.\n")
        #expect(file.points[0].text == "C# and F# are languages; issue #42 is open; see")
        #expect(file.points[0].tags == ["core"])
    }

    @Test("CRLF and tab indentation are understood")
    func lineEndsAndTabs() throws {
        let file = try importing("- parent\r\n\t- child\r\n- sibling\r\n")
        #expect(file.points.map(\.id) == ["parent", "child", "sibling"])
        #expect(file.relations == [Relation(from: "parent", to: "child", kind: "elaborates")])
    }

    @Test("the same text gives the same bytes, which decode back to the same file")
    func stable() throws {
        let text = "# T\n## G\n- one #a\n  - two\n- three\n"
        let first = try importing(text).jsonText()
        #expect(try importing(text).jsonText() == first)
        #expect(try PointsFile.decode(Array(first.utf8), source: "x") == importing(text))
    }

    @Test("text without bullets is an error that says what to write")
    func noBullets() {
        do {
            _ = try importing("# Just a heading\n\nSome prose.\n")
            Issue.record("accepted")
        } catch {
            #expect(error.description == #"notes.md: no bullet points found: write each point on its own line starting with "- ""#)
            #expect(error.category == .invalidPointsFile)
        }
    }
}
