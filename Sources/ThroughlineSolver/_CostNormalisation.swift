/// The power of two by which the solver scales a problem's costs before it
/// solves it, so that its tolerances fit the costs whatever their magnitude.
///
/// Several of the solver's tolerances have an absolute part, sized for costs
/// such as `1 / strength` or whole distances: a 2-opt move must gain more than
/// 1e-10, a bound proves a tour optimal when it is within 1e-9 × max(1, cost)
/// of it. With costs around 1e-15 that tolerance dwarfs every difference
/// between tours, and a tour was declared optimal by its first 1-tree (pr76
/// with its costs times 1e-15); with costs around 1e250 the rounding errors of
/// a 2-opt gain dwarf 1e-10 and the 2-opt descent never ended (a brain dump of
/// 50 points with its costs times 1e250).
///
/// So when the largest relation cost lies outside ``solvedAsGiven``, the
/// problem is solved with every cost multiplied by a power of two that brings
/// the largest into `[1, 2)`, and the result is scaled back. Multiplying by a
/// power of two is exact (no cost becomes subnormal: the factor is limited so
/// that the smallest non-zero cost stays a normal number), so the scaled
/// problem has exactly the same order of walks and ties as the given one, and
/// a bound scaled back is still a bound. Problems whose largest cost is in
/// range, as in every writer's file, are solved as given.
internal enum _CostNormalisation {
    /// The largest relation costs for which the problem is solved as given:
    /// from 2⁻¹⁰ (strengths up to 1,024) to 2³⁰ (distances in metres around
    /// the world).
    static let solvedAsGiven: ClosedRange<Double> = 0x1p-10...0x1p30

    /// The factor (a power of two) for `graph`'s costs: 1 when the largest
    /// cost is in ``solvedAsGiven`` or every cost is zero, otherwise the one
    /// that brings the largest into `[1, 2)`, limited so that the smallest
    /// non-zero cost stays normal.
    ///
    /// - Complexity: O(*E*) for *E* edges.
    static func factor(for graph: RelationGraph) -> Double {
        var largest = 0.0, smallest = Double.infinity
        for cost in graph.costs where cost > 0 {
            largest = max(largest, cost)
            smallest = min(smallest, cost)
        }
        guard largest > 0, !solvedAsGiven.contains(largest) else { return 1 }
        // largest × 2^-e is in [1, 2) for e its exponent. Scaling up is always exact; scaling
        // down is exact while the smallest cost stays normal, that is for 2^k with
        // k >= leastNormalExponent - (smallest's exponent).
        var power = -largest.exponent
        if power < 0 {
            power = min(0, max(power, Double.leastNormalMagnitude.exponent - smallest.exponent))
        }
        return power == 0 ? 1 : Double(sign: .plus, exponent: power, significand: 1)
    }

    /// A progress callback for a solve of costs scaled by `factor` that hands
    /// `progress` the costs and bounds in the costs as given.
    ///
    /// - Complexity: O(1) per report.
    static func reporting(_ progress: @escaping @Sendable (SolverProgress) -> Void,
                          scaledBackFrom factor: Double) -> @Sendable (SolverProgress) -> Void {
        { report in
            progress(SolverProgress(elapsedSeconds: report.elapsedSeconds, bestCost: report.bestCost / factor,
                                    lowerBound: report.lowerBound / factor, phase: report.phase))
        }
    }
}

extension RelationGraph {
    /// This graph with every edge cost multiplied by `factor` (a power of two
    /// for ``_CostNormalisation``): the same vertices, edges and order.
    ///
    /// - Complexity: O(*E*).
    func scaled(by factor: Double) -> RelationGraph {
        RelationGraph(vertexCount: vertexCount, offsets: offsets, targets: targets, costs: costs.map { $0 * factor })
    }
}

extension WalkProblem {
    /// This problem with every edge cost multiplied by `factor`.
    ///
    /// - Complexity: O(*V* + *E*).
    func scaled(by factor: Double) -> WalkProblem {
        var isRequired = [Bool](repeating: false, count: graph.vertexCount)
        for vertex in requiredVertices { isRequired[vertex] = true }
        return WalkProblem(graph: graph.scaled(by: factor), start: start, isRequired: isRequired)
    }
}
