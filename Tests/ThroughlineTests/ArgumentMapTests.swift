import Foundation
import Testing
@testable import Throughline

@Suite("Argument map writer")
struct ArgumentMapTests {
    let plan = Fixtures.fixedEssay
    var dot: String { ArgumentMapWriter().write(plan) }

    /// The statement lines of `dot` that define node `name`.
    private func nodeLine(_ name: String, in dot: String) -> String? {
        dot.split(separator: "\n").map { $0.trimmingCharacters() }.first { $0.hasPrefix(name + " [") }
    }

    /// The edge statement joining `a` and `b`, in either direction.
    private func edgeLine(_ a: String, _ b: String, in dot: String) -> String? {
        dot.split(separator: "\n").map { $0.trimmingCharacters() }.first { $0.hasPrefix("\(a) -- \(b) [") || $0.hasPrefix("\(b) -- \(a) [") }
    }

    @Test("Every point is a node named n<index> with its text wrapped at 28 characters")
    func nodes() throws {
        #expect(ArgumentMapWriter.nodeName(ofPointAt: 7) == "n7")
        for i in plan.points.indices { #expect(nodeLine("n\(i)", in: dot) != nil, "n\(i)") }
        let persona = try #require(nodeLine("n3", in: dot))
        #expect(persona.hasPrefix(#"n3 [label="Models adopt a persona that\nfits the narrow training\nsignal""#))
        #expect(_TextWrapping.lines(of: "Models adopt a persona that fits the narrow training signal", width: 28)
                == ["Models adopt a persona that", "fits the narrow training", "signal"])
        #expect(_TextWrapping.lines(of: "abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test("The thesis is bold, double-outlined and filled; optional points are dashed")
    func thesisAndOptional() throws {
        let thesis = try #require(nodeLine("n0", in: dot))
        #expect(thesis.contains("peripheries=2") && thesis.contains("bold") && thesis.contains("fillcolor=\"#fff2b3\""))
        let optional = try #require(nodeLine("n6", in: dot))
        #expect(optional.contains("dashed"))
        #expect(!(try #require(nodeLine("n1", in: dot))).contains("dashed"))
    }

    @Test("Groups are labelled clusters numbered in order of first appearance")
    func clusters() {
        let lines = dot.split(separator: "\n").map { $0.trimmingCharacters() }
        #expect(lines.filter { $0.hasPrefix("subgraph cluster_") } == ["subgraph cluster_0 {", "subgraph cluster_1 {", "subgraph cluster_2 {", "subgraph cluster_legend {"])
        let labels = lines.filter { $0.hasPrefix("label=") && $0.contains("labeljust") }.map { $0.split(separator: ";")[0] }
        #expect(labels == [#"label="Psychological""#, #"label="Evidence""#, #"label="Objections""#, #"label="Legend""#])
    }

    @Test("Walked relations carry their step numbers and dark bold colours by kind; the rest are faint")
    func walkOverMap() throws {
        let hostile = try #require(edgeLine("n7", "n1", in: dot))
        #expect(hostile.contains(#"label="7, 8""#))
        #expect(hostile.contains("color=\"#b3261e\""))
        let supports = try #require(edgeLine("n0", "n3", in: dot))
        #expect(supports.contains(#"label="5""#) && supports.contains("color=\"#1b7a34\""))
        let example = try #require(edgeLine("n5", "n2", in: dot))
        #expect(!example.contains("label=") && example.contains("color=\"#c4c7c5\""))
        let unwalkedContrast = try #require(edgeLine("n3", "n4", in: dot))
        #expect(unwalkedContrast.contains("color=\"#eda7a2\""))
        for step in plan.steps { #expect(dot.contains("\"\(step.number)\"") || dot.contains("\(step.number),") || dot.contains(", \(step.number)\"")) }
    }

    @Test("Edges run away from the thesis so a layered layout puts it on top")
    func edgeOrientation() throws {
        #expect(edgeLine("n0", "n4", in: dot)?.hasPrefix("n0 -- n4") == true)
        #expect(edgeLine("n0", "n2", in: dot)?.hasPrefix("n0 -- n2") == true)
    }

    @Test("The legend names the relation kinds used and the walk")
    func legend() {
        #expect(dot.contains(#"legend_0 -- legend_1 [label="supports""#))
        #expect(dot.contains(#"legend_1 -- legend_2 [label="attacks, rebuts,\ncontrasts""#))
        #expect(dot.contains(#"legend_2 -- legend_3 [label="example-of,\nillustrates""#))
        #expect(dot.contains(#"legend_3 -- legend_4 [label="walked (bold,\nstep numbers)""#))
        #expect(dot.contains(#"legend_4 -- legend_5 [label="not walked\n(faint)""#))
        #expect(dot.contains("optional point"))
        // No edge within one rank: Graphviz 2.42 mishandles them in clusters.
        #expect(!dot.contains("rank=same"))
        let noLegend = ArgumentMapWriter(options: MapOptions(includesLegend: false)).write(plan)
        #expect(!noLegend.contains("legend"))
    }

    @Test("Hostile text is escaped: backslashes doubled, quotes escaped, ampersands as entities, never an HTML label")
    func escaping() throws {
        let hostile = try #require(nodeLine("n7", in: dot))
        #expect(hostile.contains(#"<script>alert(1)</script> &amp;"#))
        #expect(hostile.contains(#"\"quotes\" \\N \\G ]]> {a|b}"#))
        #expect(!dot.contains("label=<"))
        #expect(!dot.contains("record"))
        #expect(_DOTEscaping.escaped("a\\b\"c\nd\u{1}e&f") == #"a\\b\"c de&amp;f"#)
    }

    @Test("With an engine that has no clusters, groups show as node fills and in the legend")
    func withoutClusters() throws {
        let sfdp = ArgumentMapWriter(options: MapOptions(layoutEngine: "sfdp")).write(plan)
        #expect(sfdp.contains("layout=\"sfdp\""))
        #expect(!sfdp.contains("subgraph cluster_0"))
        #expect(try #require(nodeLine("n1", in: sfdp)).contains("fillcolor=\"#def0d9\""))
        #expect(sfdp.contains(#"legend_group1 [shape=box"#) && sfdp.contains(#"label="Evidence""#))
    }

    @Test("With no engine named, a map of more than 60 points shows groups as fills, not clusters")
    func largeMapWithoutEngine() throws {
        func star(_ count: Int) throws -> Plan {
            var points = [Point(id: "hub", text: "Hub", group: "Centre")]
            for i in 1..<count { points.append(Point(id: "p\(i)", text: "Point \(i)", group: "G\(i % 3)")) }
            points[0].relates = points.dropFirst().map(\.id)
            return try Planner.plan(PointsFile(thesis: "hub", points: points))
        }
        let small = ArgumentMapWriter().write(try star(ArgumentMapWriter.clusterPointLimit))
        #expect(small.contains("subgraph cluster_0"))
        let large = ArgumentMapWriter().write(try star(ArgumentMapWriter.clusterPointLimit + 1))
        #expect(!large.contains("subgraph cluster_0"))
        #expect(large.contains("legend_group0"))
    }

    @Test("The DOT of fixed plans matches the golden files")
    func golden() throws {
        try Fixtures.expectGolden(ArgumentMapWriter().write(Fixtures.fixedEssay), "essay.dot")
        try Fixtures.expectGolden(ArgumentMapWriter(options: MapOptions(layoutEngine: "sfdp", rankDirection: .leftToRight)).write(Fixtures.fixedStar), "star-sfdp.dot")
    }

    /// The walks the planner finds for the examples (both proven optimal),
    /// fixed so that the golden files do not move with the solver's ties.
    static let exampleWalks: [String: [String]] = [
        "small": ["ending-first", "try-it", "provisional", "discovery", "openings-lie", "cut-detours", "mystery-writers", "destination", "ending-first"],
        "essay": ["write-first", "meeting-tax", "fragmented-days", "maker-schedule", "fragmented-days", "meeting-tax", "no-record", "our-outage",
                  "incident-exception", "urgent", "meeting-needs-doc", "comment-deadline", "template", "writing-improves", "bad-writers",
                  "writing-improves", "template", "decision-log", "meeting-writes-back", "meeting-needs-doc", "amazon-memos", "writing-is-thinking",
                  "writing-slow", "slow-is-fine", "scales-audience", "reader-time", "scales-audience", "gitlab-handbook", "owners-dates", "doc-rot",
                  "searchable-memory", "rfc-process", "rust-rfcs", "async-inclusion", "loudest-voice", "async-inclusion", "timezone-penalty",
                  "async-inclusion", "lose-warmth", "social-calls", "culture", "invitation", "write-first"],
    ]

    @Test("The DOT and Markdown of the examples, with their optimal walks, match the golden files")
    func exampleGoldens() throws {
        let examples = Fixtures.goldenDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")
        for name in ["small", "essay"] {
            let bytes = try Data(contentsOf: examples.appendingPathComponent(name + ".json"))
            let file = try PointsFile.decode(Array(bytes), source: name + ".json")
            let plan = Fixtures.fixedPlan(file, walk: try #require(Self.exampleWalks[name]), method: "fixed")
            let planned = try Planner.plan(file, source: name + ".json")
            #expect(abs(planned.cost - plan.cost) < 1e-9, "the fixed walk of \(name) is as cheap as the planner's")
            try Fixtures.expectGolden(ArgumentMapWriter().write(plan), "example-\(name).dot")
            try Fixtures.expectGolden(plan.render(.markdown), "example-\(name).md")
        }
    }

    @Test("Numbers in labels and penwidths are formatted with at most four decimals")
    func numberFormatting() {
        #expect(_NumberFormatting.decimal(6.566666666666666) == "6.5667")
        #expect(_NumberFormatting.decimal(2) == "2")
        #expect(_NumberFormatting.decimal(0.00001) == "0")
        #expect(_NumberFormatting.decimal(-1.25) == "-1.25")
        #expect(_NumberFormatting.decimal(0.05) == "0.05")
        #expect(_NumberFormatting.decimal(.infinity) == "∞")
    }
}

extension Substring {
    /// Without leading spaces.
    fileprivate func trimmingCharacters() -> String { String(drop { $0 == " " }) }
}
