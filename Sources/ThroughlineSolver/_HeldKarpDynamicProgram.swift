/// Held-Karp dynamic programming over subsets: the optimal tour of a small metric.
internal enum _HeldKarpDynamicProgram {
    /// Above this many terminals the table (2^(T-1) x (T-1) doubles) grows too large.
    static let maximumTerminals = 12

    /// An optimal tour starting at terminal 0.
    ///
    /// - Complexity: O(2^*T* *T*²) time, O(2^*T* *T*) memory.
    static func optimalTour(_ metric: TerminalMetric) -> [Int] {
        let t = metric.count
        if t <= 3 { return Array(0..<t) }
        let others = t - 1
        let subsets = 1 << others
        var cost = [Double](repeating: .infinity, count: subsets * others)
        var parent = [Int8](repeating: -1, count: subsets * others)
        for j in 0..<others { cost[(1 << j) * others + j] = metric.distance(0, j + 1) }
        for set in 1..<subsets {
            for last in 0..<others where set & (1 << last) != 0 {
                let here = cost[set * others + last]
                if here == .infinity { continue }
                for next in 0..<others where set & (1 << next) == 0 {
                    let grown = set | (1 << next)
                    let candidate = here + metric.distance(last + 1, next + 1)
                    if candidate < cost[grown * others + next] {
                        cost[grown * others + next] = candidate
                        parent[grown * others + next] = Int8(last)
                    }
                }
            }
        }
        let full = subsets - 1
        var best = Double.infinity, bestLast = 0
        for last in 0..<others {
            let total = cost[full * others + last] + metric.distance(last + 1, 0)
            if total < best { best = total; bestLast = last }
        }
        var tour: [Int] = []
        var set = full, last = bestLast
        while last >= 0 {
            tour.append(last + 1)
            let previous = Int(parent[set * others + last])
            set &= ~(1 << last)
            last = previous
        }
        return [0] + tour.reversed()
    }
}
