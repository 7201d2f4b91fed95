import Foundation
import Testing
@testable import Throughline

/// Points files and plans shared by the writer tests.
enum Fixtures {
    /// A small essay: eight points in three groups (one point without a
    /// group, optional), relations of several kinds with notes, costs and
    /// strengths, and one point with hostile text.
    static let essay = PointsFile(
        title: "Why emergent misalignment is a systems story",
        thesis: "compensation",
        points: [
            Point(id: "compensation", text: "Narrow constraints make whole systems reorganise", group: "Psychological", tags: ["core"], note: "The central claim."),
            Point(id: "efficiency", text: "18 parameters give 60% of the effect", group: "Evidence"),
            Point(id: "convergence", text: "Different fine-tunes converge on one direction", group: "Evidence"),
            Point(id: "persona", text: "Models adopt a persona that fits the narrow training signal", group: "Psychological"),
            Point(id: "objection", text: "It is just overfitting to the fine-tuning data", group: "Objections", note: "Strongest counter;\nanswer it early."),
            Point(id: "reply", text: "Overfitting would not generalise to unrelated prompts", group: "Objections"),
            Point(id: "analogy", text: "Like a body compensating for an injured knee", isOptional: true),
            Point(id: "hostile", text: hostileText, group: "Evidence"),
        ],
        relations: [
            Relation(from: "compensation", to: "persona", kind: "supports", note: "the mechanism", strength: 2),
            Relation(from: "persona", to: "efficiency", kind: "supports"),
            Relation(from: "efficiency", to: "convergence", kind: "supports", note: "why this transition works", strength: 2),
            Relation(from: "convergence", to: "compensation", kind: "supports"),
            Relation(from: "objection", to: "compensation", kind: "attacks", strength: 1.5),
            Relation(from: "reply", to: "objection", kind: "rebuts", strength: 2),
            Relation(from: "reply", to: "convergence", kind: "example-of", cost: 2),
            Relation(from: "analogy", to: "compensation", kind: "illustrates", cost: 0.2),
            Relation(from: "analogy", to: "reply", kind: "illustrates", cost: 0.2),
            Relation(from: "hostile", to: "efficiency", kind: "contrasts"),
            Relation(from: "persona", to: "objection", kind: "contrasts", cost: 3),
        ])

    /// Text that breaks naive DOT, XML, Markdown and JSON writers.
    static let hostileText = "Edge case: <script>alert(1)</script> & \"quotes\" \\N \\G ]]> {a|b} *em* [link](x)"

    /// A star: the thesis in the middle, three spokes; every return to the
    /// thesis is a transition. Relations by `relates` shorthand (no kinds).
    static let star = PointsFile(
        title: nil,
        thesis: "hub",
        points: [
            Point(id: "hub", text: "The hub", relates: ["a", "b", "c"]),
            Point(id: "a", text: "Spoke A"),
            Point(id: "b", text: "Spoke B"),
            Point(id: "c", text: "Spoke C"),
        ])

    /// `file` planned by the planner.
    static func planned(_ file: PointsFile) throws -> Plan {
        try Planner.plan(file, source: "fixture.json")
    }

    /// `file` with a walk fixed by hand (not by the solver), for golden files
    /// that must not move when the solver changes: relations as the planner
    /// lists them (file relations, then `relates` in point order), each step
    /// along the cheapest relation joining its ends.
    static func fixedPlan(_ file: PointsFile, walk: [String], lowerBound: Double? = nil, method: String = "fixed") -> Plan {
        var relations: [PlannedRelation] = []
        for (i, r) in file.relations.enumerated() {
            relations.append(PlannedRelation(from: r.from, to: r.to, kind: r.kind, note: r.note, strength: r.strength,
                                             cost: r.traversalCost, source: .relation(index: i)))
        }
        for point in file.points {
            for other in point.relates {
                relations.append(PlannedRelation(from: point.id, to: other, kind: nil, note: nil, strength: nil, cost: 1,
                                                 source: .relates(pointID: point.id)))
            }
        }
        var steps: [Step] = []
        var cost = 0.0
        for k in 0..<max(0, walk.count - 1) {
            let candidates = relations.indices.filter { relations[$0].joins(walk[k], walk[k + 1]) }
            let best = candidates.min { relations[$0].cost < relations[$1].cost }!
            steps.append(Step(number: k + 1, from: walk[k], to: walk[k + 1], relationIndex: best))
            cost += relations[best].cost
        }
        return Plan(title: file.title, thesis: file.thesis!, points: file.points, relations: relations, walk: walk, steps: steps,
                    cost: cost, lowerBound: lowerBound ?? cost, isOptimal: lowerBound == nil, method: method)
    }

    /// The essay with the walk the planner finds for it, fixed.
    static var fixedEssay: Plan {
        fixedPlan(essay, walk: ["compensation", "analogy", "reply", "objection", "compensation", "persona", "efficiency",
                                "hostile", "efficiency", "convergence", "compensation"])
    }

    /// The star with a fixed walk and a lower bound below its cost.
    static var fixedStar: Plan {
        fixedPlan(star, walk: ["hub", "a", "hub", "b", "hub", "c", "hub"], lowerBound: 5.5, method: "heuristic")
    }

    /// The directory of golden files, `Tests/Golden`.
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// Compares `text` with the golden file `name`; with the environment
    /// variable `THROUGHLINE_UPDATE_GOLDEN=1`, writes it instead.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["THROUGHLINE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "differs from Tests/Golden/\(name); rerun with THROUGHLINE_UPDATE_GOLDEN=1 if the change is intended",
                sourceLocation: sourceLocation)
    }
}

@Suite("Outline")
struct OutlineTests {
    @Test("Every outline format gives the same bytes for equal plans")
    func deterministicFormats() throws {
        let first = try Fixtures.planned(Fixtures.essay)
        let second = try Fixtures.planned(Fixtures.essay)
        for format in OutlineFormat.allCases {
            #expect(first.render(format) == second.render(format), "\(format)")
            #expect(!first.render(format).isEmpty)
        }
    }

    @Test("The planned essay visits every required point and its outline has a section per point visited")
    func outlineSectionsCoverTheWalk() throws {
        let plan = try Fixtures.planned(Fixtures.essay)
        let outline = plan.outline
        let visited = Set(plan.walk)
        #expect(Set(outline.sections.map(\.point.id)) == visited)
        #expect(outline.sections.map(\.number) == Array(0..<visited.count))
        #expect(outline.closing?.point.id == "compensation")
    }

    @Test("Each format renders a fixed plan exactly as its golden file")
    func goldenOutlines() throws {
        try Fixtures.expectGolden(Fixtures.fixedEssay.render(.markdown), "essay.md")
        try Fixtures.expectGolden(Fixtures.fixedEssay.render(.text), "essay.txt")
        try Fixtures.expectGolden(Fixtures.fixedEssay.render(.json), "essay.json")
        try Fixtures.expectGolden(Fixtures.fixedEssay.render(.opml), "essay.opml")
        try Fixtures.expectGolden(Fixtures.fixedStar.render(.markdown), "star.md")
    }
}
