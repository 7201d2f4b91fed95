/// The cost of the leg between two terminals, as the tour search sees it.
///
/// The dense solver reads a ``TerminalMetric``; the large-instance solver
/// computes legs on demand and caches them, hence `mutating`.
internal protocol _LegCosts {
    /// The shortest-path cost between terminals `a` and `b`.
    ///
    /// - Complexity: O(1) for dense costs; see ``_LazyLegCosts`` for the large path.
    mutating func cost(_ a: Int, _ b: Int) -> Double

    /// The cost between `a` and `b` where it may be below `limit`; where a
    /// cheap lower bound shows that it is not, that bound (at least `limit`)
    /// may come back instead. Lin-Kernighan asks this of the edge that would
    /// close its chain, and Or-opt of the legs it would add, which are only of
    /// use when they are cheaper than the gain so far: on the large path most
    /// such legs join distant terminals, and a landmark bound rules them out
    /// without pricing (or caching) them.
    ///
    /// - Complexity: at most that of ``cost(_:_:)``.
    mutating func cost(_ a: Int, _ b: Int, ifBelow limit: Double) -> Double
}

extension _LegCosts {
    /// The exact cost: with every cost at hand, there is nothing to save.
    ///
    /// - Complexity: that of ``cost(_:_:)``.
    @inline(__always)
    mutating func cost(_ a: Int, _ b: Int, ifBelow limit: Double) -> Double { cost(a, b) }
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
