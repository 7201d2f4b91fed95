import Testing
@testable import Throughline

@Suite("Linting points files")
struct LinterTests {
    private func lint(_ file: PointsFile, thesis: String? = nil) -> [String] {
        PointsFileLinter().lint(file, thesis: thesis).map(\.description)
    }

    @Test("a clean file has no findings")
    func clean() {
        let file = PointsFile(thesis: "a", points: [
            Point(id: "a", text: "A", relates: ["b", "c"]), Point(id: "b", text: "B", relates: ["c"]), Point(id: "c", text: "C"),
        ])
        #expect(lint(file).isEmpty)
    }

    @Test("each check reports what to fix, errors first, then in check and file order")
    func allChecks() {
        let file = PointsFile(thesis: "t", points: [
            Point(id: "t", text: "Thesis", relates: ["a", "b"]),
            Point(id: "a", text: "Same  text", relates: ["b", "a"]),
            Point(id: "b", text: "same text"),
            Point(id: "leaf", text: "Leaf"),
            Point(id: "island", text: "Island"),
            Point(id: "far", text: "Far", isOptional: true),
        ], relations: [
            Relation(from: "a", to: "leaf", kind: "supports"),
            Relation(from: "b", to: "t", kind: "supports"),
            Relation(from: "t", to: "a", kind: "suports"),
            Relation(from: "leaf", to: "leaf"),
        ])
        #expect(lint(file) == [
            #"error: point 5 ("island"): not reachable from thesis "t" along relations; relate it to a point that is, or mark it optional"#,
            #"warning: point 6 ("far"): optional and not reachable from thesis "t", so the walk never visits it; relate it or remove it"#,
            #"warning: point 4 ("leaf"): related only to "a": a dead end the walk must back out of; relate it to a second point"#,
            #"warning: point 3 ("b"): same text as point "a"; merge the two or reword one"#,
            #"warning: relation 4: relates "leaf" to itself; remove it"#,
            #"warning: point 2 ("a") "relates": relates "a" to itself; remove it"#,
            #"warning: point 1 ("t") "relates": joins "t" and "a" again (as relation 3 does); only the cheapest counts, so remove one or merge their notes"#,
            #"warning: point 1 ("t") "relates": joins "t" and "b" again (as relation 2 does); only the cheapest counts, so remove one or merge their notes"#,
            #"warning: relation 3: kind "suports" is used only here; is it a typo of "supports"?"#,
        ])
        #expect(PointsFileLinter().lint(file).first?.severity == .error)
    }

    @Test("a missing or unknown thesis is an error")
    func thesisErrors() {
        let file = PointsFile(points: [Point(id: "a", text: "A")])
        #expect(lint(file) == [#"error: thesis: no thesis: add "thesis": "ID" to the file or pass --thesis ID"#])
        #expect(lint(file, thesis: "zz") == [#"error: thesis: names unknown point "zz"; use the id of one of the points"#])
    }

    @Test("an invalid file gives one error with the validation message")
    func invalidFile() {
        let file = PointsFile(thesis: "a", points: [Point(id: "a", text: "A", relates: ["nope"])])
        #expect(lint(file) == [#"error: file: point 1 ("a"): "relates" names unknown point "nope""#])
    }

    @Test("an optional point with a single relation is flagged as never passed through")
    func optionalDeadEnd() {
        let file = PointsFile(thesis: "a", points: [
            Point(id: "a", text: "A", relates: ["b", "o"]), Point(id: "b", text: "B", relates: ["a"]), Point(id: "o", text: "O", isOptional: true),
        ])
        let findings = lint(file)
        #expect(findings.contains(#"warning: point 3 ("o"): optional and related only to "a", so the walk never passes through it; relate it to a second point or make it required"#))
    }
}
