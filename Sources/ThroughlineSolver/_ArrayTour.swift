/// A tour held as an array of terminals plus each terminal's slot, with the
/// three physical moves the search needs: reversing a path (a 2-opt flip),
/// moving a short segment elsewhere, and swapping two adjacent segments.
///
/// While `isLogging` is set, every slot written is recorded, so a rejected
/// iteration of the iterated local search is undone in time proportional to
/// the work it did rather than to the tour length.
internal struct _ArrayTour {
    /// The terminals in tour order.
    private(set) var order: [Int32]
    /// `position[c]` is the slot of terminal `c` in `order`.
    private(set) var position: [Int32]
    /// The number of terminals.
    let count: Int
    /// Whether writes are recorded for ``rollBack()``.
    var isLogging = false
    /// (slot, terminal that was there before) for every write since the last
    /// commit: the first ``logCount`` entries; the array only grows (doubling),
    /// so that writing an entry is a store, not an append.
    private var log: [(slot: Int32, city: Int32)] = []
    /// The number of writes recorded since the last commit.
    private(set) var logCount = 0
    /// Scratch space for segment moves.
    private var buffer: [Int32] = []

    /// Creates a tour visiting `cities` in order.
    ///
    /// - Precondition: `cities` is a permutation of `0..<cities.count`.
    /// - Complexity: O(*n*).
    init(_ cities: [Int]) {
        count = cities.count
        order = cities.map { Int32($0) }
        position = [Int32](repeating: 0, count: cities.count)
        for (slot, city) in cities.enumerated() { position[city] = Int32(slot) }
    }

    /// The terminals in tour order, starting at terminal 0.
    ///
    /// - Complexity: O(*n*).
    var citiesFromZero: [Int] {
        guard count > 0 else { return [] }
        let first = Int(position[0])
        return (0..<count).map { Int(order[($0 + first) % count]) }
    }

    /// The terminal after `city`.
    ///
    /// - Complexity: O(1).
    @inline(__always) func next(_ city: Int) -> Int {
        let slot = Int(position[city]) &+ 1
        return Int(order[slot == count ? 0 : slot])
    }

    /// The terminal before `city`.
    ///
    /// - Complexity: O(1).
    @inline(__always) func previous(_ city: Int) -> Int {
        let slot = Int(position[city])
        return Int(order[slot == 0 ? count - 1 : slot - 1])
    }

    /// The terminal in `slot` (taken modulo the tour length).
    ///
    /// - Complexity: O(1).
    @inline(__always) func city(atSlot slot: Int) -> Int { Int(order[((slot % count) + count) % count]) }

    /// The slot of `city`.
    ///
    /// - Complexity: O(1).
    @inline(__always) func slot(of city: Int) -> Int { Int(position[city]) }

    /// How many forward steps lead from `a` to `b` (0 when equal).
    ///
    /// - Complexity: O(1).
    @inline(__always) func steps(from a: Int, to b: Int) -> Int {
        let d = Int(position[b]) - Int(position[a])
        return d < 0 ? d + count : d
    }

    /// Writes `city` into `slot`, logging the old occupant when logging.
    ///
    /// - Complexity: O(1) amortised.
    @inline(__always) private mutating func put(_ city: Int32, at slot: Int) {
        if isLogging {
            reserveLog(1)
            log[logCount] = (Int32(slot), order[slot])
            logCount += 1
        }
        order[slot] = city
        position[Int(city)] = Int32(slot)
    }

    /// Makes room for `extra` more log entries, doubling the log's storage when it is full.
    ///
    /// - Complexity: O(1) amortised.
    @inline(__always) private mutating func reserveLog(_ extra: Int) {
        let needed = logCount + extra
        if needed > log.count {
            log.append(contentsOf: repeatElement((slot: Int32(0), city: Int32(0)), count: max(needed, 2 * log.count, 64) - log.count))
        }
    }

    /// Reverses the `length` terminals starting at `slot` (cyclically).
    ///
    /// This is the search's hottest loop, so it works on the raw buffers.
    ///
    /// - Complexity: O(`length`).
    mutating func reverse(fromSlot slot: Int, length: Int) {
        let swaps = length / 2
        guard swaps > 0 else { return }
        let n = count
        let logging = isLogging
        if logging { reserveLog(2 * swaps) }
        var entry = logCount
        order.withUnsafeMutableBufferPointer { order in
            position.withUnsafeMutableBufferPointer { position in
                log.withUnsafeMutableBufferPointer { log in
                    var left = slot
                    var right = slot + length - 1
                    if right >= n { right -= n }
                    for _ in 0..<swaps {
                        let a = order[left], b = order[right]
                        if logging {
                            log[entry] = (Int32(truncatingIfNeeded: left), a)
                            log[entry &+ 1] = (Int32(truncatingIfNeeded: right), b)
                            entry &+= 2
                        }
                        order[left] = b
                        position[Int(b)] = Int32(truncatingIfNeeded: left)
                        order[right] = a
                        position[Int(a)] = Int32(truncatingIfNeeded: right)
                        left &+= 1
                        if left == n { left = 0 }
                        right &-= 1
                        if right < 0 { right = n &- 1 }
                    }
                }
            }
        }
        logCount = entry
    }

    /// The 2-opt move that turns the tour edges `a→b` and `c→d` into `a→c`
    /// and `b→d`, reversing whichever of the paths `b…c` and `d…a` is shorter.
    ///
    /// - Precondition: `next(a) == b` and `next(c) == d`.
    /// - Returns: the physical reversal done, `(slot, length)` (doing it again
    ///   undoes the move), and the log's length before it (``undo(_:)``).
    /// - Complexity: O(min(*p*, *n* − *p*)) for a path of *p* terminals.
    @discardableResult
    mutating func flip(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> (slot: Int, length: Int, mark: Int) {
        let mark = logCount
        var start = Int(position[b])
        var length = steps(from: b, to: c) + 1
        if 2 * length > count {
            start = Int(position[d])
            length = count - length
        }
        reverse(fromSlot: start, length: length)
        return (start, length, mark)
    }

    /// Takes back a ``flip(_:_:_:_:)``, which must be the last change made:
    /// from the log while logging (which also forgets its entries), otherwise
    /// by reversing the same slots again.
    ///
    /// - Complexity: O(length of the reversal).
    @inline(__always) mutating func undo(_ record: (slot: Int, length: Int, mark: Int)) {
        if isLogging {
            rollBack(toMark: record.mark)
        } else {
            reverse(fromSlot: record.slot, length: record.length)
        }
    }

    /// Moves the path `first…last` (forward) between the adjacent terminals
    /// `x→y`, with `adjacentToX` (one of the path's ends) next to `x`, and
    /// closes the gap it leaves. Shifts whichever side is shorter.
    ///
    /// - Precondition: the path is short and neither `x` nor `y` is on it; `next(x) == y`.
    /// - Complexity: O(*L* + min(*m*, *n* − *m*)) for a path of *L* and a gap of *m* terminals.
    mutating func moveSegment(first: Int, last: Int, between x: Int, and y: Int, adjacentToX: Int) {
        let length = steps(from: first, to: last) + 1
        let start = Int(position[first])
        buffer.removeAll(keepingCapacity: true)
        var s = start
        for _ in 0..<length {
            buffer.append(order[s])
            s += 1
            if s == count { s = 0 }
        }
        if adjacentToX != first { buffer.reverse() }
        let after = next(last), before = previous(first)
        let forwardGap = steps(from: after, to: x) + 1
        let backwardGap = steps(from: y, to: before) + 1
        if forwardGap <= backwardGap {
            var source = start + length
            if source >= count { source -= count }
            var target = start
            for _ in 0..<forwardGap {
                put(order[source], at: target)
                source += 1
                if source == count { source = 0 }
                target += 1
                if target == count { target = 0 }
            }
            for k in 0..<length {
                put(buffer[k], at: target)
                target += 1
                if target == count { target = 0 }
            }
        } else {
            var source = start - 1
            if source < 0 { source += count }
            var target = start + length - 1
            if target >= count { target -= count }
            for _ in 0..<backwardGap {
                put(order[source], at: target)
                source -= 1
                if source < 0 { source = count - 1 }
                target -= 1
                if target < 0 { target = count - 1 }
            }
            for k in stride(from: length - 1, through: 0, by: -1) {
                put(buffer[k], at: target)
                target -= 1
                if target < 0 { target = count - 1 }
            }
        }
    }

    /// Swaps the `firstLength` terminals starting at `slot` with the
    /// `secondLength` terminals that follow them (a double bridge on short segments).
    ///
    /// - Complexity: O(`firstLength` + `secondLength`).
    mutating func swapAdjacentSegments(atSlot slot: Int, firstLength: Int, secondLength: Int) {
        buffer.removeAll(keepingCapacity: true)
        var s = slot
        for _ in 0..<(firstLength + secondLength) {
            buffer.append(order[s])
            s += 1
            if s == count { s = 0 }
        }
        var target = slot
        for k in firstLength..<(firstLength + secondLength) {
            put(buffer[k], at: target)
            target += 1
            if target == count { target = 0 }
        }
        for k in 0..<firstLength {
            put(buffer[k], at: target)
            target += 1
            if target == count { target = 0 }
        }
    }

    /// Forgets the recorded writes: the current tour is kept.
    ///
    /// - Complexity: O(1).
    mutating func commit() { logCount = 0 }

    /// Restores the tour as it was at the last ``commit()``.
    ///
    /// - Complexity: O(number of writes since then).
    mutating func rollBack() { rollBack(toMark: 0) }

    /// Restores the tour as it was when ``logCount`` was `mark`, forgetting
    /// the writes made since (so that undoing a tentative move leaves no trace
    /// in the log).
    ///
    /// - Precondition: `0 <= mark <= logCount`, with logging on since the mark was taken.
    /// - Complexity: O(``logCount`` − `mark`).
    mutating func rollBack(toMark mark: Int) {
        precondition(mark >= 0 && mark <= logCount, "a log mark must come from this log")
        var entry = logCount
        order.withUnsafeMutableBufferPointer { order in
            position.withUnsafeMutableBufferPointer { position in
                log.withUnsafeBufferPointer { log in
                    while entry > mark {
                        entry &-= 1
                        let (slot, city) = log[entry]
                        order[Int(slot)] = city
                        position[Int(city)] = slot
                    }
                }
            }
        }
        logCount = mark
    }
}
