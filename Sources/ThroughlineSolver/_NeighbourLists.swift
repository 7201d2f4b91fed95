/// For every terminal, its `width` nearest other terminals in increasing cost
/// (ties broken by terminal index), with those costs: the candidate lists that
/// keep every local-search move near-linear.
internal struct _NeighbourLists {
    /// Neighbours per terminal (some lists of the large solver may be shorter:
    /// unused slots hold -1).
    let width: Int
    /// `cities[c * width + r]` is the `r`-th nearest neighbour of `c`, or -1.
    let cities: [Int32]
    /// `costs[c * width + r]` is the cost of the leg to that neighbour.
    let costs: [Double]

    /// Wraps lists already built (`cities.count == costs.count == count × width`).
    ///
    /// - Complexity: O(1).
    init(width: Int, cities: [Int32], costs: [Double]) {
        self.width = width
        self.cities = cities
        self.costs = costs
    }

    /// The `width` nearest neighbours of every terminal of a dense metric.
    ///
    /// - Complexity: O(*T*² *k*) worst case, O(*T*²) typically (insertion into
    ///   a sorted buffer of *k* that most candidates fail to enter).
    init(_ metric: TerminalMetric, width requested: Int) {
        let t = metric.count
        let k = max(0, min(requested, t - 1))
        var cities = [Int32](repeating: -1, count: t * k)
        var costs = [Double](repeating: .infinity, count: t * k)
        if k > 0 {
            for c in 0..<t {
                let base = c * k
                var filled = 0
                for other in 0..<t where other != c {
                    let d = metric.distance(c, other)
                    if filled == k && !(d < costs[base + k - 1]) { continue }
                    // Insert keeping (cost, index) order; `other` grows, so equal costs stay first-come.
                    var slot = filled == k ? k - 1 : filled
                    if filled < k { filled += 1 }
                    while slot > 0 && costs[base + slot - 1] > d {
                        costs[base + slot] = costs[base + slot - 1]
                        cities[base + slot] = cities[base + slot - 1]
                        slot -= 1
                    }
                    costs[base + slot] = d
                    cities[base + slot] = Int32(other)
                }
            }
        }
        self.width = k
        self.cities = cities
        self.costs = costs
    }

    /// The terminal in slot `rank` of `city`'s list, or -1.
    ///
    /// - Complexity: O(1).
    @inline(__always) func neighbour(_ city: Int, _ rank: Int) -> Int { Int(cities[city &* width &+ rank]) }

    /// The leg cost to the terminal in slot `rank` of `city`'s list.
    ///
    /// - Complexity: O(1).
    @inline(__always) func cost(_ city: Int, _ rank: Int) -> Double { costs[city &* width &+ rank] }
}
