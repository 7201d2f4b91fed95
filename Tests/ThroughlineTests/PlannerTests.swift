import Testing
@testable import ThroughlineSolver
@testable import Throughline

/// The solver's seeded generator (SplitMix64), so random tests are the same in every run.
typealias SeededGenerator = _SplitMix64

/// Checks every property the contract promises of a plan of `file`.
func planViolations(_ plan: Plan, of file: PointsFile) -> [String] {
    var problems: [String] = []
    let thesis = plan.thesis
    if plan.walk.first != thesis || plan.walk.last != thesis { problems.append("walk does not start and end at the thesis") }
    if plan.steps.count != max(0, plan.walk.count - 1) { problems.append("steps do not match the walk") }
    var total = 0.0
    for (k, step) in plan.steps.enumerated() {
        let relation = plan.relations[step.relationIndex]
        if step.from != plan.walk[k] || step.to != plan.walk[k + 1] || !relation.joins(step.from, step.to) {
            problems.append("step \(k + 1) is not along a relation")
        }
        let cheapest = plan.relations.filter { $0.joins(step.from, step.to) }.map(\.cost).min() ?? .infinity
        if relation.cost != cheapest { problems.append("step \(k + 1) does not use the cheapest relation") }
        total += relation.cost
    }
    if abs(total - plan.cost) > 1e-9 * max(1, total) { problems.append("cost \(plan.cost) is not the sum of the steps \(total)") }
    if plan.lowerBound > plan.cost + 1e-9 { problems.append("lower bound above cost") }
    let visited = Set(plan.walk)
    for point in file.points where !point.isOptional && !visited.contains(point.id) { problems.append("\(point.id) never visited") }
    return problems
}

/// The optimal closed-walk cost by brute force over orders of the required points.
func bruteForceOptimum(_ file: PointsFile, thesis: String) -> Double {
    let n = file.points.count
    var index: [String: Int] = [:]
    for (i, p) in file.points.enumerated() { index[p.id] = i }
    var d = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
    for i in 0..<n { d[i][i] = 0 }
    func join(_ a: Int, _ b: Int, _ c: Double) { d[a][b] = min(d[a][b], c); d[b][a] = min(d[b][a], c) }
    for r in file.relations { join(index[r.from]!, index[r.to]!, r.traversalCost) }
    for p in file.points { for o in p.relates { join(index[p.id]!, index[o]!, 1) } }
    for k in 0..<n { for i in 0..<n { for j in 0..<n where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] } } }
    let start = index[thesis]!
    let others = (0..<n).filter { $0 != start && !file.points[$0].isOptional }
    var best = Double.infinity
    func permute(_ rest: [Int], _ last: Int, _ cost: Double) {
        if cost >= best { return }
        if rest.isEmpty { best = min(best, cost + d[last][start]); return }
        for (i, v) in rest.enumerated() {
            var remaining = rest
            remaining.remove(at: i)
            permute(remaining, v, cost + d[last][v])
        }
    }
    permute(others, start, 0)
    return best
}

/// A random connected points file: a random spanning tree plus extra relations,
/// with costs given as `cost`, `strength` or `relates`, and some optional points.
func randomConnectedFile(pointCount n: Int, using rng: inout SeededGenerator) -> PointsFile {
    var points = (0..<n).map { Point(id: "p\($0)", text: "Point \($0)", isOptional: $0 > 0 && Int.random(in: 0..<5, using: &rng) == 0) }
    var relations: [Relation] = []
    func relate(_ a: Int, _ b: Int) {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: relations.append(Relation(from: points[a].id, to: points[b].id, cost: Double(Int.random(in: 0...20, using: &rng)) / 4))
        case 1: relations.append(Relation(from: points[a].id, to: points[b].id, strength: Double(Int.random(in: 1...8, using: &rng))))
        default: points[a].relates.append(points[b].id)
        }
    }
    for i in 1..<max(1, n) { relate(i, Int.random(in: 0..<i, using: &rng)) }
    for _ in 0..<Int.random(in: 0...n, using: &rng) {
        relate(Int.random(in: 0..<n, using: &rng), Int.random(in: 0..<n, using: &rng))
    }
    return PointsFile(thesis: points[Int.random(in: 0..<n, using: &rng)].id, points: points, relations: relations)
}

@Suite("Planning")
struct PlannerTests {
    @Test("500 random connected files plan to valid walks; proven-optimal ones match brute force")
    func randomGraphs() throws {
        var rng = SeededGenerator(seed: 20_261_130)
        var provenOptimal = 0
        for trial in 0..<500 {
            // Every tenth file is larger; a short budget keeps the search fast in debug builds.
            let n = trial % 10 == 9 ? Int.random(in: 9...20, using: &rng) : Int.random(in: 1...8, using: &rng)
            let file = randomConnectedFile(pointCount: n, using: &rng)
            let plan = try Planner.plan(file, source: "random \(trial)", options: PlanOptions(timeLimit: n > 8 ? 0.02 : nil))
            let problems = planViolations(plan, of: file)
            #expect(problems.isEmpty, "trial \(trial): \(problems)")
            if n <= 8 {
                let optimum = bruteForceOptimum(file, thesis: plan.thesis)
                #expect(plan.lowerBound <= optimum + 1e-9, "trial \(trial)")
                if plan.isOptimal {
                    provenOptimal += 1
                    #expect(plan.lowerBound == plan.cost, "trial \(trial)")
                    #expect(abs(plan.cost - optimum) <= 1e-9, "trial \(trial): cost \(plan.cost), optimum \(optimum)")
                }
            }
        }
        #expect(provenOptimal >= 300)
    }

    @Test("a file with only the thesis plans to the one-point walk of cost 0")
    func thesisOnly() throws {
        let plan = try Planner.plan(PointsFile(thesis: "t", points: [Point(id: "t", text: "T")]))
        #expect(plan.walk == ["t"])
        #expect(plan.steps.isEmpty)
        #expect(plan.cost == 0)
        #expect(plan.isOptimal)
    }

    @Test("no thesis, an unknown --thesis and unreachable points are unplannable errors")
    func unplannable() {
        let file = PointsFile(points: [Point(id: "a", text: "A", relates: ["b"]), Point(id: "b", text: "B"), Point(id: "c", text: "C")])
        func message(_ options: PlanOptions) -> String? {
            do { _ = try Planner.plan(file, source: "f", options: options); return nil } catch {
                #expect(error.category == .unplannable)
                return error.description
            }
        }
        #expect(message(PlanOptions()) == #"f: no thesis: add "thesis": "ID" to the file or pass --thesis ID"#)
        #expect(message(PlanOptions(thesis: "q")) == #"f: --thesis names unknown point "q""#)
        #expect(message(PlanOptions(thesis: "a")) == #"f: 1 point is not reachable from thesis "a" along relations: "c"; relate it to the rest or mark it optional"#)
    }
}

@Suite("Progress snapshots")
struct ProgressSnapshotTests {
    @Test("A snapshot with a cost and a bound of 0 has no bound yet; one whose walk costs nothing has its bound; one whose cost is not finite reads a gap of 0")
    func boundOrNone() {
        let early = PlanProgress(elapsedSeconds: 1, bestCost: 12.5, lowerBound: 0, phase: "improving tour")
        #expect(!early.hasLowerBound)
        let free = PlanProgress(elapsedSeconds: 1, bestCost: 0, lowerBound: 0, phase: "bounding")
        #expect(free.hasLowerBound && free.relativeGap == 0)
        let later = PlanProgress(elapsedSeconds: 2, bestCost: 20, lowerBound: 19, phase: "bounding")
        #expect(later.hasLowerBound && abs(later.relativeGap - 0.05) < 1e-15)
        // The solver's snapshot draws the same line.
        #expect(!SolverProgress(elapsedSeconds: 1, bestCost: 12.5, lowerBound: 0, phase: "bounding").hasLowerBound)
        #expect(SolverProgress(elapsedSeconds: 1, bestCost: 0, lowerBound: 0, phase: "bounding").hasLowerBound)
        #expect(SolverProgress(elapsedSeconds: 2, bestCost: 20, lowerBound: 19, phase: "bounding").hasLowerBound)
        // Both read a gap of 0, not NaN, where the cost is not finite.
        #expect(PlanProgress(elapsedSeconds: 1, bestCost: .infinity, lowerBound: 3, phase: "bounding").relativeGap == 0)
        #expect(SolverProgress(elapsedSeconds: 1, bestCost: .infinity, lowerBound: 3, phase: "bounding").relativeGap == 0)
        #expect(abs(SolverProgress(elapsedSeconds: 2, bestCost: 20, lowerBound: 19, phase: "bounding").relativeGap - 0.05)
                < 1e-15)
    }
}

@Suite("Keeping the previous walk")
struct PreviousWalkTests {
    private let square = PointsFile(thesis: "a", points: [
        Point(id: "a", text: "A", relates: ["b"]), Point(id: "b", text: "B", relates: ["c"]),
        Point(id: "c", text: "C", relates: ["d"]), Point(id: "d", text: "D", relates: ["a"]),
    ])

    private func plan(_ file: PointsFile, previous: [String]?) throws -> Plan {
        var options = PlanOptions()
        options.previousWalk = previous
        return try Planner.plan(file, source: "f", options: options)
    }

    @Test("an equally cheap previous walk is kept as it was")
    func keepsEqualWalk() throws {
        let fresh = try plan(square, previous: nil)
        let reversed = Array(fresh.walk.reversed())
        let kept = try plan(square, previous: reversed)
        #expect(kept.walk == reversed)
        #expect(kept.cost == fresh.cost)
        #expect(kept.isOptimal)
        #expect(planViolations(kept, of: square).isEmpty)
    }

    @Test("a new point is spliced into the previous walk at its cheapest place")
    func splicesNewPoint() throws {
        var edited = square
        edited.points.append(Point(id: "e", text: "E", relates: ["c", "d"]))
        for previous in [["a", "d", "c", "b", "a"], ["a", "b", "c", "d", "a"]] {
            let kept = try plan(edited, previous: previous)
            let expected = previous[1] == "d" ? ["a", "d", "e", "c", "b", "a"] : ["a", "b", "c", "e", "d", "a"]
            #expect(kept.walk == expected)
            #expect(kept.cost == 5)
            #expect(kept.isOptimal)
        }
    }

    @Test("removed points are dropped and broken steps bridged by cheapest paths")
    func repairsRemovedPoints() throws {
        let kept = try plan(square, previous: ["a", "gone", "d", "c", "b", "a"])
        #expect(kept.walk == ["a", "d", "c", "b", "a"])
        let bridged = try plan(square, previous: ["a", "c", "b", "d", "a"])
        #expect(planViolations(bridged, of: square).isEmpty)
        #expect(bridged.cost == 4 || bridged.walk != ["a", "c", "b", "d", "a"])
    }

    @Test("a previous walk that is now worse than the new solve is replaced")
    func replacesWorseWalk() throws {
        let file = PointsFile(thesis: "a", points: [Point(id: "a", text: "A"), Point(id: "b", text: "B"), Point(id: "c", text: "C")],
                              relations: [Relation(from: "a", to: "b"), Relation(from: "b", to: "c"), Relation(from: "a", to: "c", cost: 10)])
        let replaced = try plan(file, previous: ["a", "c", "b", "a"])
        #expect(replaced.cost == 4)
        #expect(replaced.walk == ["a", "b", "c", "b", "a"])
    }

    @Test("a previous walk that is worse is replaced, and never called optimal, however small the costs")
    func replacesWorseWalkOfTinyCosts() throws {
        let file = PointsFile(thesis: "a", points: [Point(id: "a", text: "A"), Point(id: "b", text: "B"), Point(id: "c", text: "C")],
                              relations: [Relation(from: "a", to: "b", cost: 1e-15), Relation(from: "b", to: "c", cost: 1e-15),
                                          Relation(from: "a", to: "c", cost: 1e-14)])
        let replaced = try plan(file, previous: ["a", "c", "b", "a"])
        #expect(replaced.walk == ["a", "b", "c", "b", "a"])
        #expect(replaced.isOptimal)
        #expect(abs(replaced.cost - 4e-15) < 1e-25)
    }

    @Test("a previous walk from another thesis is rotated to start at the new one")
    func rotatesToThesis() throws {
        let kept = try plan(square, previous: ["c", "b", "a", "d", "c"])
        #expect(kept.walk == ["a", "d", "c", "b", "a"])
    }

    @Test("an empty previous walk, or one of unknown ids only, is rebuilt by insertion and stays valid")
    func emptyPreviousWalk() throws {
        for previous in [[], ["nope", "gone"], ["a"]] {
            let plan = try plan(square, previous: previous)
            #expect(planViolations(plan, of: square).isEmpty)
            #expect(plan.cost == 4)
        }
    }

    @Test("the repair splices every missing point in at its cheapest place")
    func repairDirectly() throws {
        // A path 0 - 1 - 2 - 3 with unit costs and a chord 0 - 3 of cost 5.
        let graph = RelationGraph(vertexCount: 4, edges: [.init(0, 1, cost: 1), .init(1, 2, cost: 1), .init(2, 3, cost: 1), .init(0, 3, cost: 5)])
        let problem = WalkProblem(graph: graph, start: 0, isRequired: [true, true, true, true])
        let ids = ["a": 0, "b": 1, "c": 2, "d": 3]
        #expect(_PreviousWalkRepair.repair([], vertexOfID: ids, problem: problem) == [0, 1, 2, 3, 2, 1, 0])
        #expect(_PreviousWalkRepair.repair(["a", "d", "a"], vertexOfID: ids, problem: problem) == [0, 1, 2, 3, 0])
        #expect(_PreviousWalkRepair.repair(["c", "x", "a"], vertexOfID: ids, problem: problem) == [0, 1, 2, 3, 2, 1, 0])
    }

    @Test("random edits keep every repaired walk valid")
    func randomRepairs() throws {
        var rng = SeededGenerator(seed: 99)
        for trial in 0..<100 {
            let before = randomConnectedFile(pointCount: Int.random(in: 2...9, using: &rng), using: &rng)
            let previous = try Planner.plan(before).walk.shuffled(using: &rng) + ["removed"]
            let after = randomConnectedFile(pointCount: Int.random(in: 2...9, using: &rng), using: &rng)
            var options = PlanOptions()
            options.previousWalk = previous
            let plan = try Planner.plan(after, source: "r", options: options)
            #expect(planViolations(plan, of: after).isEmpty, "trial \(trial)")
            let fresh = try Planner.plan(after)
            #expect(plan.cost <= fresh.cost + 1e-9, "trial \(trial)")
        }
    }
}
