import ThroughlineSolver

/// Plans essays: validates a points file, applies filters, finds the cheapest
/// closed walk from the thesis through every required point, and checks it.
public enum Planner {
    /// Plans the walk through `file`.
    ///
    /// The steps: ``PointsFile/validate(source:)``; the thesis from
    /// `options.thesis`, else the file's; the audience's filter and then
    /// `options.filter` (see ``PointFilter``); the solve; and, when
    /// `options.previousWalk` is given, the previous walk repaired to fit the
    /// file (unknown ids dropped, broken steps bridged by cheapest paths,
    /// missing required points spliced in at their cheapest place), kept when
    /// it costs no more than the new walk (within 1e-9). A kept walk is
    /// optimal only when the new solve proved optimality at the same cost.
    /// Every walk is checked (starts and ends at the thesis, moves along
    /// relations, visits every required point) before it is returned.
    ///
    /// - Parameters:
    ///   - file: the points and relations.
    ///   - source: the file's name as the user gave it, used in error messages.
    ///   - options: thesis, audience, filters, search budget and previous walk.
    /// - Throws: ``ThroughlineError``: ``ThroughlineError/Category/invalidPointsFile``
    ///   for a file that breaks the format; ``ThroughlineError/Category/unplannable``
    ///   for no thesis, an unknown `--thesis` or audience, a filter that drops the
    ///   thesis, or required points unreachable from the thesis (up to five named,
    ///   then how many more; the message says when filters may be the cause).
    /// - Complexity: dominated by the solver; see `ClosedWalkSolver`.
    public static func plan(_ file: PointsFile, source: String = "<input>", options: PlanOptions = PlanOptions()) throws(ThroughlineError) -> Plan {
        try file.validate(source: source)
        guard let thesis = options.thesis ?? file.thesis else {
            throw ThroughlineError(.unplannable, file: source,
                                   message: "no thesis: add \"thesis\": \"ID\" to the file or pass --thesis ID")
        }
        // `validate` has checked the file's own thesis; only an override can be unknown.
        guard file.points.contains(where: { $0.id == thesis }) else {
            throw ThroughlineError(.unplannable, file: source, message: "--thesis names unknown point \(quoted(thesis))")
        }
        let filtered = try file.filtered(for: options, thesis: thesis, source: source)
        let droppedByFilters = file.points.count - filtered.points.count
        return try solve(filtered, thesis: thesis, source: source, options: options, droppedByFilters: droppedByFilters)
    }

    private static func solve(_ file: PointsFile, thesis: String, source: String, options: PlanOptions,
                              droppedByFilters: Int) throws(ThroughlineError) -> Plan {
        var index: [String: Int] = [:]
        index.reserveCapacity(file.points.count)
        for (i, point) in file.points.enumerated() { index[point.id] = i }
        var relations: [PlannedRelation] = []
        for (i, relation) in file.relations.enumerated() where index[relation.from] != nil && index[relation.to] != nil {
            relations.append(PlannedRelation(from: relation.from, to: relation.to, kind: relation.kind, note: relation.note,
                                             strength: relation.strength, cost: relation.traversalCost, source: .relation(index: i)))
        }
        for point in file.points {
            for other in point.relates where index[other] != nil {
                relations.append(PlannedRelation(from: point.id, to: other, kind: nil, note: nil, strength: nil, cost: 1,
                                                 source: .relates(pointID: point.id)))
            }
        }
        let edges = relations.map { RelationGraph.Edge(index[$0.from]!, index[$0.to]!, cost: $0.cost) }
        let graph = RelationGraph(vertexCount: file.points.count, edges: edges)
        let start = index[thesis]!
        let problem = WalkProblem(graph: graph, start: start, isRequired: file.points.map { !$0.isOptional })
        var solverOptions = SolverOptions(timeLimit: options.timeLimit, seed: options.seed)
        if let report = options.progress {
            solverOptions.progress = { p in
                report(PlanProgress(elapsedSeconds: p.elapsedSeconds, bestCost: p.bestCost, lowerBound: p.lowerBound, phase: p.phase))
            }
        }
        let result: ClosedWalk
        do {
            result = try ClosedWalkSolver.solve(problem, options: solverOptions)
        } catch {
            switch error {
            case .unreachable(let vertices):
                let names = vertices.prefix(5).map { quoted(file.points[$0].id) }.joined(separator: ", ")
                let more = vertices.count > 5 ? " and \(vertices.count - 5) more" : ""
                let noun = vertices.count == 1 ? "point is" : "points are"
                let cause = droppedByFilters > 0
                    ? "; this may be due to the filters, which dropped " + (droppedByFilters == 1 ? "1 point and its relations" : "\(droppedByFilters) points and their relations")
                    : vertices.count == 1 ? "; relate it to the rest or mark it optional" : "; relate them to the rest or mark them optional"
                throw ThroughlineError(.unplannable, file: source,
                                       message: "\(vertices.count) \(noun) not reachable from thesis \(quoted(thesis)) along relations: \(names)\(more)\(cause)")
            }
        }
        var walk = result.vertices
        var isOptimal = result.isOptimal
        var lowerBound = result.lowerBound
        var method = result.method
        // How far two sums of the same walk's costs may differ by rounding alone: 1e-9, relative for
        // costs below 1 (with costs near 1e-15 an absolute 1e-9 would let a longer walk pass as optimal).
        let rounding = 1e-9 * min(1, result.cost)
        if let previous = options.previousWalk,
           let repaired = _PreviousWalkRepair.repair(previous, vertexOfID: index, problem: problem),
           problem.violations(of: repaired).isEmpty,
           let repairedCost = problem.cost(of: repaired), repairedCost <= result.cost + rounding {
            walk = repaired
            isOptimal = result.isOptimal && abs(repairedCost - result.cost) <= rounding
            lowerBound = min(lowerBound, repairedCost)
            method += ", previous walk kept"
        }
        let violations = problem.violations(of: walk)
        guard violations.isEmpty else {
            // A solver defect; refuse to emit a wrong walk.
            throw ThroughlineError(.internalFailure, file: source, message: "internal error: the walk failed its check: \(violations.joined(separator: "; "))")
        }

        // The cheapest relation for each pair, the earliest in `relations` on ties.
        var cheapest: [Int: Int] = [:]
        let n = file.points.count
        for (r, relation) in relations.enumerated() {
            let a = index[relation.from]!, b = index[relation.to]!
            if a == b { continue }
            let key = min(a, b) * n + max(a, b)
            if let existing = cheapest[key], relations[existing].cost <= relation.cost { continue }
            cheapest[key] = r
        }
        var steps: [Step] = []
        var cost = 0.0
        for k in 0..<max(0, walk.count - 1) {
            let a = walk[k], b = walk[k + 1]
            let r = cheapest[min(a, b) * n + max(a, b)]!
            steps.append(Step(number: k + 1, from: file.points[a].id, to: file.points[b].id, relationIndex: r))
            cost += relations[r].cost
        }
        // A proven-optimal cost is itself the best lower bound; this also hides
        // the solver's rounding (a bound of 2.999999999997 for a cost of 3).
        return Plan(title: file.title, thesis: thesis, points: file.points, relations: relations,
                    walk: walk.map { file.points[$0].id }, steps: steps, cost: cost,
                    lowerBound: isOptimal ? cost : min(lowerBound, cost), isOptimal: isOptimal, method: method)
    }
}
