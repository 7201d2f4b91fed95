/// Local search on a tour (an ``_ArrayTour`` or a ``_TwoLevelTour``, see
/// ``_TourOrder``) driven by a queue of terminals whose
/// "don't-look bit" is off: each terminal taken from the queue is tried as the
/// start of a Lin-Kernighan move (``linKernighanMove(from:)``, which includes
/// every 2-opt move) and of an Or-opt move (``orOptMove(from:)``); the ends of
/// every edge a move changes go back into the queue.
///
/// Moves are taken only when they shorten the tour by more than `epsilon`,
/// so the many equal leg costs of brain-dump graphs cannot make it cycle.
internal struct _LocalSearch<Costs: _LegCosts, Tour: _TourOrder> {
    var costs: Costs
    let neighbours: _NeighbourLists
    var tour: Tour
    /// The current tour's cost, kept up to date move by move.
    var tourCost: Double
    /// The smallest gain that counts as an improvement.
    let epsilon: Double
    /// The most flips in one Lin-Kernighan move.
    var maximumDepth = 6 {
        didSet { sizeChoices() }
    }
    /// How many alternatives to try at each level of a Lin-Kernighan move (the
    /// last entry applies to deeper levels).
    var breadth = [5, 3, 1] {
        didSet { sizeChoices() }
    }
    /// The largest entry of ``breadth``, kept with it: every level of a move
    /// reads it, and as a computed property its scan of ``breadth`` took 4 %
    /// of the instructions of a plan of brain dump 400 (callgrind: 10.98
    /// against 10.52 billion) and 4 % of the time at 1,000 points.
    private(set) var maximumBreadth = 0

    // Queue of terminals to examine (a ring of capacity n) and their membership flags.
    private var queue: [Int32]
    private var queueHead = 0
    private var queueCount = 0
    private var isQueued: [Bool]

    // Scratch state of the Lin-Kernighan move in progress.
    var addedEdges: [(Int32, Int32)] = []
    /// For each terminal `c`, slots `2c` and `2c + 1`: the other ends of the
    /// chain's added edges at `c` (-1 when empty), for a constant-time
    /// ``isAdded(_:_:)``.
    var addedPartners: [Int32]
    /// The flips of the chain in progress, as the tour recorded them for undoing.
    var flips: [Tour.FlipRecord] = []
    var chain: [Int32] = []
    /// Per-level candidate buffers of the Lin-Kernighan move.
    var choices: [(t3: Int32, t4: Int32, score: Double)] = []
    /// How many of Lin and Kernighan's alternate first steps (a sequential
    /// 3-opt move with `t4` after `t3`) a move tries when its ordinary first
    /// steps all fail; 0 tries none.
    var alternateBreadth = 0 {
        didSet { alternates = Array(repeating: (-1, -1, -1, -1, 0), count: alternateBreadth) }
    }
    /// The alternate first steps under consideration, best first.
    var alternates: [(t3: Int32, t4: Int32, t5: Int32, t6: Int32, score: Double)] = []

    /// Creates a search starting from `initial`.
    ///
    /// - Complexity: O(*n*).
    init(costs: Costs, neighbours: _NeighbourLists, initial: [Int], epsilon: Double) {
        self.costs = costs
        self.neighbours = neighbours
        self.tour = Tour(initial)
        self.epsilon = epsilon
        let n = initial.count
        queue = [Int32](repeating: 0, count: max(1, n))
        isQueued = [Bool](repeating: false, count: n)
        addedPartners = [Int32](repeating: -1, count: 2 * n)
        var total = 0.0
        for k in 0..<n { total += self.costs.cost(initial[k], initial[(k + 1) % n]) }
        tourCost = total
        sizeChoices()
    }

    /// Derives ``maximumBreadth`` from ``breadth`` and makes room in
    /// ``choices`` for ``maximumDepth`` levels of that many choices each.
    ///
    /// - Complexity: O(``maximumDepth`` × ``maximumBreadth``).
    private mutating func sizeChoices() {
        maximumBreadth = breadth.max() ?? 1
        choices = Array(repeating: (-1, -1, 0), count: maximumDepth * maximumBreadth)
    }

    /// Clears `city`'s don't-look bit: it will be examined again.
    ///
    /// - Complexity: O(1).
    mutating func enqueue(_ city: Int) {
        if isQueued[city] { return }
        isQueued[city] = true
        var tail = queueHead + queueCount
        if tail >= queue.count { tail -= queue.count }
        queue[tail] = Int32(city)
        queueCount += 1
    }

    /// Takes the terminal queued longest ago, setting its don't-look bit.
    ///
    /// - Complexity: O(1).
    private mutating func dequeue() -> Int? {
        guard queueCount > 0 else { return nil }
        let city = Int(queue[queueHead])
        queueHead += 1
        if queueHead == queue.count { queueHead = 0 }
        queueCount -= 1
        isQueued[city] = false
        return city
    }

    /// Empties the queue without examining anyone.
    ///
    /// - Complexity: O(queued terminals).
    mutating func clearQueue() {
        while dequeue() != nil {}
    }

    /// Applies improving moves until every terminal's don't-look bit is set
    /// (a local optimum for both neighbourhoods) or `deadline` passes.
    ///
    /// - Returns: `false` when the deadline cut the descent short.
    /// - Complexity: O(*n*) per move applied plus O(*k*²) candidate checks per
    ///   terminal examined (in practice near-linear from a greedy start).
    @discardableResult
    mutating func descend(deadline: _Deadline) -> Bool {
        var examined = 0
        while let city = dequeue() {
            examined += 1
            if examined & 255 == 0 && deadline.hasPassed {
                clearQueue()
                return false
            }
            if linKernighanMove(from: city) || orOptMove(from: city) {
                enqueue(city)
            }
        }
        return true
    }

    /// The tour's cost recomputed from scratch (the running total drifts by rounding).
    ///
    /// - Complexity: O(*n*).
    mutating func recomputedCost() -> Double {
        var total = 0.0
        for slot in 0..<tour.count {
            total += costs.cost(tour.city(atSlot: slot), tour.city(atSlot: slot + 1))
        }
        return total
    }

    // MARK: Helpers for moves that look at the tour in either direction.

    /// The terminal after `city` when the tour is read forwards (or backwards if `reversed`).
    ///
    /// - Complexity: O(1).
    @inline(__always) func successor(_ city: Int, _ reversed: Bool) -> Int {
        reversed ? tour.previous(city) : tour.next(city)
    }

    /// The terminal before `city` when the tour is read forwards (or backwards if `reversed`).
    ///
    /// - Complexity: O(1).
    @inline(__always) func predecessor(_ city: Int, _ reversed: Bool) -> Int {
        reversed ? tour.next(city) : tour.previous(city)
    }

    /// ``_TourOrder/flip(_:_:_:_:)`` in the chosen reading direction: edges
    /// `a→b`, `c→d` (as read) become `a–c`, `b–d`.
    ///
    /// - Complexity: O(min(*p*, *n* − *p*)) for a path of *p* terminals on an
    ///   array, O(√*n*) on a two-level list.
    @inline(__always) mutating func flip(_ a: Int, _ b: Int, _ c: Int, _ d: Int, _ reversed: Bool) -> Tour.FlipRecord {
        reversed ? tour.flip(d, c, b, a) : tour.flip(a, b, c, d)
    }
}
