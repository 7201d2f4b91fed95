import Testing
@testable import Throughline

@Suite("Validating files built in code")
struct ValidationTests {
    private func message(_ file: PointsFile) -> String? {
        do { try file.validate(source: "app"); return nil } catch { return error.description }
    }

    private let a = Point(id: "a", text: "A")
    private let b = Point(id: "b", text: "B")

    @Test("a good file passes")
    func goodFile() {
        #expect(message(PointsFile(thesis: "a", points: [a, b], relations: [Relation(from: "a", to: "b", cost: 0)])) == nil)
    }

    @Test("each rule gives its message, naming the culprit")
    func rules() {
        #expect(message(PointsFile(points: [])) == #"app: "points" must be a non-empty list: a plan needs at least the thesis"#)
        #expect(message(PointsFile(points: [a, Point(id: "", text: "")])) == #"app: point 2: "id" must be a non-empty string, not """#)
        #expect(message(PointsFile(points: [a, b, Point(id: "a", text: "again")])) == #"app: point 3: duplicate id "a" (first used by point 1)"#)
        #expect(message(PointsFile(points: [a, Point(id: "b", text: "B", relates: ["zz"])])) == #"app: point 2 ("b"): "relates" names unknown point "zz""#)
        #expect(message(PointsFile(points: [a, b], relations: [Relation(from: "x", to: "b")])) == #"app: relation 1: "from" names unknown point "x""#)
        #expect(message(PointsFile(points: [a, b], relations: [Relation(from: "a", to: "b", strength: 1, cost: 1)]))
                == #"app: relation 1: give "strength" or "cost", not both"#)
        #expect(message(PointsFile(points: [a, b], relations: [Relation(from: "a", to: "b"), Relation(from: "a", to: "b", strength: .infinity)]))
                == #"app: relation 2: "strength" must be a finite number > 0, not inf"#)
        #expect(message(PointsFile(points: [a, b], relations: [Relation(from: "a", to: "b", cost: .nan)]))
                == #"app: relation 1: "cost" must be a finite number >= 0, not nan"#)
        #expect(message(PointsFile(points: [a, b], relations: [Relation(from: "a", to: "b", cost: -0.5)]))
                == #"app: relation 1: "cost" must be a finite number >= 0, not -0.5"#)
        #expect(message(PointsFile(points: [a, b], relations: [Relation(from: "a", to: "b", strength: .leastNonzeroMagnitude)]))
                == #"app: relation 1: "strength" 5e-324 is too small: its cost, 1 / strength, is not a finite number"#)
        #expect(message(PointsFile(points: [a, b], relations: [Relation(from: "a", to: "b", cost: 9e299), Relation(from: "a", to: "b", cost: 0),
                                                              Relation(from: "b", to: "a", cost: 2e299)]))
                == #"app: relation 3: with this one (cost 2e+299) the relations' costs add up to more than 1e+300; scale them down"#)
        #expect(message(PointsFile(points: [a, b], relations: [Relation(from: "a", to: "b", cost: 5e299), Relation(from: "a", to: "b", cost: 5e299)])) == nil)
        #expect(message(PointsFile(thesis: "q", points: [a])) == #"app: "thesis" names unknown point "q""#)
        #expect(message(PointsFile(points: [a], audiences: [Audience(name: "x", filter: PointFilter()), Audience(name: "x", filter: PointFilter())]))
                == #"app: audience 2: duplicate name "x" (first used by audience 1)"#)
        #expect(message(PointsFile(points: [a], audiences: [Audience(name: "", filter: PointFilter())])) == "app: audience 1: the name must not be empty")
    }

    @Test("validation errors are invalidPointsFile")
    func category() {
        do {
            try PointsFile(points: []).validate(source: "app")
            Issue.record("accepted")
        } catch {
            #expect(error.category == .invalidPointsFile)
        }
    }

    @Test("the planner validates files built in code before planning")
    func plannerValidates() {
        do {
            _ = try Planner.plan(PointsFile(thesis: "a", points: [a, a]), source: "app")
            Issue.record("accepted")
        } catch {
            #expect(error.description == #"app: point 2: duplicate id "a" (first used by point 1)"#)
        }
    }
}
