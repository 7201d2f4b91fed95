import Testing
import Throughline

/// Uses only the public API, as a writing tool that embeds the planner would.
@Suite("Embedding the planner through the public API")
struct EmbeddingTests {
    @Test("a file built in code plans, and every outline format renders text")
    func planInCode() throws {
        let file = PointsFile(
            title: "Systems",
            thesis: "compensation",
            points: [
                Point(id: "compensation", text: "Narrow constraints make whole systems reorganise", relates: ["efficiency", "convergence"]),
                Point(id: "efficiency", text: "18 parameters give 60% of the effect"),
                Point(id: "convergence", text: "Different fine-tunes converge on one direction"),
            ],
            relations: [Relation(from: "efficiency", to: "convergence", kind: "supports", strength: 2)])
        try file.validate(source: "app")
        let plan = try Planner.plan(file, source: "app", options: PlanOptions(timeLimit: 5))
        #expect(plan.walk.first == "compensation" && plan.walk.last == "compensation")
        #expect(Set(plan.walk) == ["compensation", "efficiency", "convergence"])
        #expect(plan.cost == 2.5)
        #expect(plan.lowerBound <= plan.cost)
        #expect(plan.isOptimal)
        for format in OutlineFormat.allCases {
            #expect(!plan.render(format).isEmpty, "\(format)")
        }
        let again = try PointsFile.decode(Array(file.jsonText().utf8), source: "app")
        #expect(again == file)
    }

    @Test("errors from the public API are one line that names the file and the culprit")
    func errorsArePublic() {
        do {
            _ = try PointsFile.decode(Array(#"{"points": [{"id": 1}]}"#.utf8), source: "tool.json")
            Issue.record("accepted")
        } catch {
            #expect(error.category == .invalidPointsFile)
            #expect(error.file == "tool.json")
            #expect("\(error)" == #"tool.json: point 1: "id" must be a non-empty string, not a number"#)
        }
    }
}
