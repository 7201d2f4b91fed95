/// Optimal tours of tiny metrics by depth-first enumeration with a cost cut-off.
internal enum _ExhaustiveTourSearch {
    /// An optimal tour starting at terminal 0 (ties go to the first found, in
    /// lexicographic order of the remaining terminals).
    ///
    /// - Complexity: O((*T* − 1)!) in the worst case; meant for *T* ≤ 8.
    static func optimalTour(_ metric: TerminalMetric) -> [Int] {
        let n = metric.count
        if n <= 3 { return Array(0..<n) }
        var best = Array(0..<n)
        var bestCost = metric.tourCost(best)
        var path = [0]
        var used = [Bool](repeating: false, count: n)
        used[0] = true
        // Extends the current path of cost `cost` in every way that can still beat the best.
        func extend(_ cost: Double) {
            if cost >= bestCost { return }
            if path.count == n {
                let total = cost + metric.distance(path[n - 1], 0)
                if total < bestCost { bestCost = total; best = path }
                return
            }
            let last = path[path.count - 1]
            for city in 1..<n where !used[city] {
                used[city] = true
                path.append(city)
                extend(cost + metric.distance(last, city))
                path.removeLast()
                used[city] = false
            }
        }
        extend(0)
        return best
    }
}
