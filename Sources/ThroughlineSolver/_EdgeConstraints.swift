/// Edges of the complete terminal graph that a branch of the exact search has
/// forced into, or excluded from, every tour it considers, with the
/// consequences propagated.
///
/// Propagation rules, applied until nothing changes:
/// - a vertex with two forced edges loses all its other edges;
/// - a vertex with only two edges left must use both (they are forced);
/// - a forced path that does not yet cover every vertex may not be closed into
///   a cycle, so the edge joining its two ends is excluded;
/// - a vertex left with fewer than two edges, or with more than two forced
///   edges, or a forced cycle shorter than a tour, makes the branch infeasible.
internal struct _EdgeConstraints {
    /// The state of one edge.
    enum State: UInt8 {
        case free = 0, forced = 1, excluded = 2
    }

    /// The number of vertices.
    let count: Int
    /// Row-major `count * count` edge states (symmetric); raw values of ``State``.
    private(set) var states: [UInt8]
    /// The up to two forced neighbours of each vertex, `-1` where absent.
    private(set) var forcedNeighbours: [Int32]
    /// The number of forced edges at each vertex.
    private(set) var forcedDegree: [Int32]
    /// The number of edges at each vertex that are not excluded.
    private(set) var availableDegree: [Int32]

    /// All edges free.
    ///
    /// - Complexity: O(*n*²).
    init(count: Int) {
        self.count = count
        states = [UInt8](repeating: State.free.rawValue, count: count * count)
        for v in 0..<count { states[v * count + v] = State.excluded.rawValue }
        forcedNeighbours = [Int32](repeating: -1, count: 2 * count)
        forcedDegree = [Int32](repeating: 0, count: count)
        availableDegree = [Int32](repeating: Int32(count - 1), count: count)
    }

    /// Whether no edge is forced or excluded.
    ///
    /// - Complexity: O(*n*).
    var isUnconstrained: Bool {
        let free = Int32(count - 1)
        for v in 0..<count where availableDegree[v] != free || forcedDegree[v] != 0 { return false }
        return true
    }

    /// The state of edge `{a, b}`.
    @inline(__always) func state(_ a: Int, _ b: Int) -> State { State(rawValue: states[a * count + b])! }

    /// Whether edge `{a, b}` is free.
    @inline(__always) func isFree(_ a: Int, _ b: Int) -> Bool { states[a * count + b] == State.free.rawValue }

    /// Excludes edge `{a, b}` and propagates.
    ///
    /// - Returns: false when the constraints can no longer be met by any tour.
    /// - Complexity: O(*n*) per edge whose state the propagation changes, plus O(*n*)
    ///   per forced edge to follow its path.
    mutating func exclude(_ a: Int, _ b: Int) -> Bool {
        var work = [(op: State.excluded, a: a, b: b)]
        return propagate(&work)
    }

    /// Forces edge `{a, b}` into every tour and propagates.
    ///
    /// - Returns: false when the constraints can no longer be met by any tour.
    /// - Complexity: as ``exclude(_:_:)``.
    mutating func force(_ a: Int, _ b: Int) -> Bool {
        var work = [(op: State.forced, a: a, b: b)]
        return propagate(&work)
    }

    private mutating func setState(_ a: Int, _ b: Int, _ s: State) {
        states[a * count + b] = s.rawValue
        states[b * count + a] = s.rawValue
    }

    /// Applies queued operations and everything they imply (the rules in the
    /// type's overview), with a work list rather than recursion so that long
    /// cascades cannot exhaust the stack.
    ///
    /// - Complexity: O(*n*) per edge whose state changes.
    private mutating func propagate(_ work: inout [(op: State, a: Int, b: Int)]) -> Bool {
        let n = count
        while let (op, a, b) = work.popLast() {
            let current = state(a, b)
            if current != .free {
                if current == op { continue }
                return false
            }
            setState(a, b, op)
            if op == .excluded {
                for v in [a, b] {
                    availableDegree[v] -= 1
                    if availableDegree[v] < 2 { return false }
                    if availableDegree[v] == 2 && forcedDegree[v] < 2 {
                        for w in 0..<n where w != v && isFree(v, w) { work.append((.forced, v, w)) }
                    }
                }
            } else {
                for (v, w) in [(a, b), (b, a)] {
                    if forcedDegree[v] >= 2 { return false }
                    forcedNeighbours[2 * v + Int(forcedDegree[v])] = Int32(w)
                    forcedDegree[v] += 1
                }
                // Follow the forced path through {a, b} to both ends.
                let (endA, lengthA, closedA) = pathEnd(from: a, avoiding: b)
                if closedA {
                    // A forced cycle: only a whole tour is allowed.
                    if lengthA != n { return false }
                    continue
                }
                let (endB, lengthB, _) = pathEnd(from: b, avoiding: a)
                if lengthA + lengthB < n && isFree(endA, endB) { work.append((.excluded, endA, endB)) }
                for v in [a, b] where forcedDegree[v] == 2 {
                    for w in 0..<n where w != v && isFree(v, w) { work.append((.excluded, v, w)) }
                }
            }
        }
        return true
    }

    /// Walks the forced edges from `start`, leaving it away from `previous`.
    ///
    /// - Returns: the last vertex reached, the number of vertices on the walk
    ///   from `start` (included), and whether the walk came back to `previous`
    ///   (a forced cycle).
    /// - Complexity: O(length of the path).
    private func pathEnd(from start: Int, avoiding previous: Int) -> (end: Int, length: Int, closed: Bool) {
        var before = previous, here = start, length = 1
        while true {
            var next = -1
            for slot in 0..<Int(forcedDegree[here]) {
                let w = Int(forcedNeighbours[2 * here + slot])
                if w != before { next = w; break }
            }
            if next < 0 { return (here, length, false) }
            if next == previous { return (here, length + 1, true) }
            before = here
            here = next
            length += 1
        }
    }
}
