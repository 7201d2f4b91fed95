import Testing
@testable import Throughline

@Suite("Decoding points files")
struct DecodingTests {
    private func decode(_ text: String) throws(ThroughlineError) -> PointsFile {
        try PointsFile.decode(Array(text.utf8), source: "essay.json")
    }

    private func message(_ text: String) -> String? {
        do { _ = try decode(text); return nil } catch { return error.description }
    }

    @Test("the contract's example decodes to the expected model")
    func contractExample() throws {
        let file = try decode("""
        {
          "title": "Why emergent misalignment is a systems story",
          "thesis": "compensation",
          "points": [
            {"id": "compensation", "text": "Narrow constraints make whole systems reorganise",
             "group": "Psychological", "tags": ["core"], "note": "free text",
             "relates": ["efficiency", "convergence"]},
            {"id": "efficiency", "text": "18 parameters give 60% of the effect", "optional": false},
            {"id": "convergence", "text": "Different fine-tunes converge on one direction"}
          ],
          "relations": [
            {"from": "efficiency", "to": "convergence", "kind": "supports", "strength": 2.0,
             "note": "why this transition works"}
          ]
        }
        """)
        #expect(file.title == "Why emergent misalignment is a systems story")
        #expect(file.thesis == "compensation")
        #expect(file.points[0] == Point(id: "compensation", text: "Narrow constraints make whole systems reorganise",
                                        group: "Psychological", tags: ["core"], note: "free text",
                                        relates: ["efficiency", "convergence"]))
        #expect(file.points[1].isOptional == false)
        #expect(file.relations == [Relation(from: "efficiency", to: "convergence", kind: "supports",
                                            note: "why this transition works", strength: 2)])
        #expect(file.audiences.isEmpty)
    }

    @Test("numbers decode exactly as Swift reads their text")
    func exactNumbers() throws {
        let lexemes = ["0.1", "2.5e-3", "123456789.123456789", "1e-300", "0.30000000000000004"]
        let relations = lexemes.map { "{\"from\": \"a\", \"to\": \"a\", \"strength\": \($0)}" }.joined(separator: ", ")
        let file = try decode("{\"points\": [{\"id\": \"a\", \"text\": \"A\"}], \"relations\": [\(relations)]}")
        #expect(file.relations.map(\.strength) == lexemes.map { Double($0) })
    }

    @Test("null for an optional key means the key is absent")
    func nullIsAbsent() throws {
        let file = try decode(#"{"title": null, "thesis": null, "relations": null, "audiences": null, "points": [{"id": "a", "text": "A", "group": null, "tags": null, "note": null, "relates": null, "optional": null}]}"#)
        #expect(file == PointsFile(points: [Point(id: "a", text: "A")]))
    }

    @Test("a syntax error names the file, line and column, and is malformedJSON")
    func syntaxErrorFormat() {
        do {
            _ = try decode("{\n  \"points\": [\n    {\"id\": \"a\", \"text\": \"A\"}\n  ]\n  \"thesis\": \"a\"\n}")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "essay.json: line 5, column 3: expected ',' or '}' after an object member, found '\"'")
            #expect(error.category == .malformedJSON)
        }
    }

    @Test("type errors name the point by number and id, and the key")
    func typeErrors() {
        #expect(message(#"{"points": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", "text": "C"}, {"id": "efficiency", "text": 18}]}"#)
                == #"essay.json: point 4 ("efficiency"): "text" must be a string, not a number"#)
        #expect(message(#"{"points": [{"id": "a", "text": "A", "tags": [true]}]}"#)
                == #"essay.json: point 1 ("a"): "tags" item 1 must be a string, not a boolean"#)
        #expect(message(#"{"points": [{"id": "a", "text": "A"}], "relations": [{"from": "a", "to": "a", "cost": {}}]}"#)
                == #"essay.json: relation 1: "cost" must be a number, not an object"#)
    }

    @Test("the first error in file order is reported: type errors before rule errors")
    func errorOrder() {
        #expect(message(#"{"points": [{"id": "a", "text": "A"}, {"id": "a", "text": 1}]}"#)
                == #"essay.json: point 2 ("a"): "text" must be a string, not a number"#)
    }

    @Test("ids in messages are escaped and long ones are shortened, so messages stay on one line")
    func quotedIDs() {
        let message = message("{\"points\": [{\"id\": \"line\\nbreak\", \"text\": 1}]}")
        #expect(message == #"essay.json: point 1 ("line\nbreak"): "text" must be a string, not a number"#)
        let bidi = self.message("{\"points\": [{\"id\": \"a\u{202E}b\u{2028}\", \"text\": 1}]}")
        #expect(bidi == #"essay.json: point 1 ("a\u{202e}b\u{2028}"): "text" must be a string, not a number"#)
        let long = String(repeating: "x", count: 500)
        let longMessage = self.message("{\"points\": [{\"id\": \"\(long)\", \"text\": 1}]}") ?? ""
        #expect(longMessage.count < 200)
        #expect(longMessage.contains("xxx...\""))
    }

    @Test("unknown keys are ignored at every level")
    func unknownKeys() throws {
        let file = try decode(#"{"version": 3, "points": [{"id": "a", "text": "A", "color": "red"}], "relations": [{"from": "a", "to": "a", "weight": 9}], "audiences": {"x": {"colour": 1}}}"#)
        #expect(file.points == [Point(id: "a", text: "A")])
        #expect(file.relations == [Relation(from: "a", to: "a")])
        #expect(file.audiences == [Audience(name: "x", filter: PointFilter())])
    }
}

@Suite("Encoding points files as JSON")
struct EncodingTests {
    private let sample = PointsFile(
        title: "Title with \"quotes\" and ünïcode 💡",
        thesis: "t",
        points: [
            Point(id: "t", text: "Thesis\nwith a line break and a tab\t", group: "G", tags: ["core", "x"], note: "n", relates: ["b"]),
            Point(id: "b", text: "B", isOptional: true),
            Point(id: "c\u{1}", text: "control \u{8}\u{C} characters"),
        ],
        relations: [
            Relation(from: "t", to: "c\u{1}", kind: "supports", note: "why", strength: 0.1),
            Relation(from: "b", to: "c\u{1}", cost: 1e-7),
            Relation(from: "b", to: "t", cost: 1.2345678901234567e19),
        ],
        audiences: [
            Audience(name: "short", filter: PointFilter(skipTags: ["x"])),
            Audience(name: "all", filter: PointFilter()),
            Audience(name: "core", filter: PointFilter(onlyTags: ["core"], onlyGroups: ["G"], bridgeTags: ["x"])),
        ])

    @Test("jsonText round-trips through decode to an equal file")
    func roundTrip() throws {
        let text = sample.jsonText()
        let decoded = try PointsFile.decode(Array(text.utf8), source: "x")
        #expect(decoded == sample)
    }

    @Test("jsonText has a fixed layout with one point per line")
    func layout() {
        let file = PointsFile(thesis: "a", points: [Point(id: "a", text: "A", relates: ["b"]), Point(id: "b", text: "B")],
                              relations: [Relation(from: "a", to: "b", kind: "supports", strength: 2)])
        #expect(file.jsonText() == """
        {
          "thesis": "a",
          "points": [
            {"id": "a", "text": "A", "relates": ["b"]},
            {"id": "b", "text": "B"}
          ],
          "relations": [
            {"from": "a", "to": "b", "kind": "supports", "strength": 2}
          ]
        }

        """)
    }

    @Test("every odd corpus file survives decode, encode, decode unchanged")
    func corpusRoundTrip() throws {
        for name in try Corpus.fileNames(in: "odd") where name.hasSuffix(".json") {
            let file = try PointsFile.decode(Corpus.bytes("odd", name), source: name)
            let again = try PointsFile.decode(Array(file.jsonText().utf8), source: name)
            #expect(again == file, "\(name)")
        }
    }
}
