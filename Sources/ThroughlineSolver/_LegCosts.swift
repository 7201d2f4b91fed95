/// The cost of the leg between two terminals, as the tour search sees it.
///
/// The dense solver reads a ``TerminalMetric``; the large-instance solver
/// computes legs on demand and caches them, hence `mutating`.
internal protocol _LegCosts {
    /// The shortest-path cost between terminals `a` and `b`.
    ///
    /// - Complexity: O(1) for dense costs; see ``_LazyLegCosts`` for the large path.
    mutating func cost(_ a: Int, _ b: Int) -> Double
}

/// Leg costs read from a dense ``TerminalMetric``.
internal struct _DenseLegCosts: _LegCosts {
    let distances: [Double]
    let count: Int

    /// Shares the metric's matrix (copy-on-write, so no copy is made).
    ///
    /// - Complexity: O(1).
    init(_ metric: TerminalMetric) {
        distances = metric.distances
        count = metric.count
    }

    /// - Complexity: O(1).
    @inline(__always)
    func cost(_ a: Int, _ b: Int) -> Double { distances[a &* count &+ b] }
}
