import Testing
@testable import ThroughlineSolver

/// A plain array of cities with each city's slot, flipping the obvious way:
/// reversing the forward path `b…c` in place. With `reversesShorterSide` it
/// reverses whichever of `b…c` and its complement is shorter and reads the
/// array backwards when that was the complement (the same tour, in
/// O(min(*p*, *n* − *p*)), for the long test).
private struct PathReversalModel {
    var order: [Int]
    var position: [Int]
    /// Whether the array is read backwards.
    var isReversed = false
    let reversesShorterSide: Bool

    init(_ cities: [Int], reversesShorterSide: Bool = false) {
        order = cities
        position = [Int](repeating: 0, count: cities.count)
        for (slot, city) in cities.enumerated() { position[city] = slot }
        self.reversesShorterSide = reversesShorterSide
    }

    var count: Int { order.count }

    func next(_ city: Int) -> Int {
        let n = count
        return order[(position[city] + (isReversed ? n - 1 : 1)) % n]
    }

    func previous(_ city: Int) -> Int {
        let n = count
        return order[(position[city] + (isReversed ? 1 : n - 1)) % n]
    }

    /// Forward steps from `a` to `b`.
    func steps(from a: Int, to b: Int) -> Int {
        let n = count
        let d = (position[b] - position[a] + n) % n
        return isReversed ? (n - d) % n : d
    }

    /// Whether `b` is on the forward path `a…c`, ends included.
    func between(_ a: Int, _ b: Int, _ c: Int) -> Bool { steps(from: a, to: b) <= steps(from: a, to: c) }

    /// The tour read forwards from city 0.
    var fromZero: [Int] {
        var cities = [0]
        while cities.count < count { cities.append(next(cities[cities.count - 1])) }
        return cities
    }

    /// Reverses the `length` cities of the array from `slot` on (cyclically).
    mutating func reverseSlots(from slot: Int, length: Int) {
        let n = count
        var left = slot, right = (slot + length - 1) % n
        for _ in 0..<(length / 2) {
            order.swapAt(left, right)
            position[order[left]] = left
            position[order[right]] = right
            left = (left + 1) % n
            right = (right + n - 1) % n
        }
    }

    /// The 2-opt move `a→b, c→d` into `a→c, b→d`: the forward path `b…c` reversed in place.
    mutating func flip(_ b: Int, _ c: Int) {
        let n = count
        let length = steps(from: b, to: c) + 1
        let start = isReversed ? position[c] : position[b]
        if reversesShorterSide && 2 * length > n {
            reverseSlots(from: (start + length) % n, length: n - length)
            isReversed.toggle()
        } else {
            reverseSlots(from: start, length: length)
        }
    }
}

@Suite("Two-level tour")
struct TwoLevelTourTests {
    /// A random permutation of `0..<n`.
    static func shuffled(_ n: Int, _ random: inout _SplitMix64) -> [Int] {
        var cities = Array(0..<n)
        for k in stride(from: n - 1, to: 0, by: -1) { cities.swapAt(k, random.below(k + 1)) }
        return cities
    }

    /// A flip's `(a, c)`: `c` uniform, or chosen to make a degenerate or short
    /// path (`b == c`, `a == d`, two cities, a few cities, and rarely `a == c`).
    static func flipEnds(_ tour: _TwoLevelTour, _ random: inout _SplitMix64) -> (a: Int, c: Int) {
        let n = tour.count
        let a = random.below(n)
        let b = tour.next(a)
        switch random.below(16) {
        case 0: return (a, b)  // b == c: nothing to reverse
        case 1: return (a, tour.previous(a))  // a == d: everything but a
        case 2: return (a, tour.next(b))  // a path of two cities
        case 3:
            var c = b
            for _ in 0..<random.below(2 * tour.localReversalLimit + 2) { c = tour.next(c) }
            return (a, c)
        case 4: return (a, a)  // the path is the whole tour: it turns round
        default: return (a, random.below(n))
        }
    }

    /// Checks `tour` against `model`: the tour read from city 0, `next` and
    /// `previous` everywhere, and `between`, `steps` and slots on random cities
    /// (one expectation, listing the first mismatches).
    fileprivate static func expectSame(_ tour: _TwoLevelTour, _ model: PathReversalModel, _ random: inout _SplitMix64,
                                       _ context: @autoclosure () -> String) {
        let n = model.count
        var mismatches: [String] = []
        let (read, expected) = (tour.citiesFromZero, model.fromZero)
        if let k = (0..<n).first(where: { read[$0] != expected[$0] }) {
            mismatches.append("tour from 0 differs at \(k): \(read[k...].prefix(8)) instead of \(expected[k...].prefix(8))")
        }
        for city in 0..<n where tour.next(city) != model.next(city) || tour.previous(city) != model.previous(city) {
            mismatches.append("neighbours of \(city)")
        }
        for _ in 0..<20 {
            let a = random.below(n), b = random.below(n)
            let c = random.below(4) == 0 ? a : random.below(n)
            if tour.between(a, b, c) != model.between(a, b, c) { mismatches.append("between(\(a), \(b), \(c))") }
            if !tour.between(a, a, c) || !tour.between(a, c, c) { mismatches.append("between(\(a), ends, \(c))") }
            if tour.steps(from: a, to: b) != model.steps(from: a, to: b) { mismatches.append("steps(\(a), \(b))") }
            let slot = tour.slot(of: a)
            if !(0..<n).contains(slot) || tour.city(atSlot: slot) != a { mismatches.append("slot(of: \(a)) \(slot)") }
            let s = random.below(4 * n) - 2 * n
            let city = tour.city(atSlot: s)
            if tour.next(city) != tour.city(atSlot: s + 1) || tour.slot(of: city) != ((s % n) + n) % n {
                mismatches.append("city(atSlot: \(s))")
            }
        }
        #expect(mismatches.isEmpty, "\(context()): \(mismatches.prefix(5))")
    }

    @Test("Random flips give the tour that reversing the path in a plain array gives, for every tour length and segment size",
          arguments: [1, 2, 3, 4, 5, 7, 8, 16, 100, 1_000])
    func randomFlipsMatchTheModel(count n: Int) {
        // The default segments, and for longer tours also one-city segments, short ones and a single segment.
        let sizes = n < 100 ? [_TwoLevelTour.defaultSegmentSize(for: n)] : [_TwoLevelTour.defaultSegmentSize(for: n), 1, 3, n]
        for (index, size) in sizes.enumerated() {
            for seed in 0..<(n <= 16 ? 3 : 1) as Range<UInt64> {
                var random = _SplitMix64(seed: seed &+ 100 &* UInt64(n) &+ UInt64(index))
                let cities = Self.shuffled(n, &random)
                var tour = _TwoLevelTour(cities, segmentSize: size)
                var model = PathReversalModel(cities)
                var shorterSide = PathReversalModel(cities, reversesShorterSide: true)
                tour.checkInvariants()
                Self.expectSame(tour, model, &random, "n \(n), size \(size), new")
                let flips = n >= 1_000 ? (size == n ? 100 : 250) : (n >= 100 ? 800 : 1_500)
                for step in 0..<flips {
                    let (a, c) = Self.flipEnds(tour, &random)
                    let (b, d) = (tour.next(a), tour.next(c))
                    tour.flip(a, b, c, d)
                    model.flip(b, c)
                    shorterSide.flip(b, c)
                    if n <= 100 || step % 8 == 0 { tour.checkInvariants() }
                    Self.expectSame(tour, model, &random, "n \(n), size \(size), seed \(seed), step \(step)")
                    // The model that reverses the shorter side (used by the long test) agrees;
                    // the new edges read the way the move promises.
                    #expect(shorterSide.fromZero == model.fromZero && (a == c || b == c || tour.next(a) == c && tour.next(b) == d),
                            "n \(n), size \(size), seed \(seed), step \(step)")
                }
            }
        }
    }

    @Test("A flip followed by the flip of its new edges restores the tour exactly")
    func flipThenUndo() {
        for (n, size) in [(5, 2), (16, 3), (100, 8), (1_000, 1), (1_000, 24), (1_000, 1_000)] {
            var random = _SplitMix64(seed: UInt64(n * 7 + size))
            var tour = _TwoLevelTour(Self.shuffled(n, &random), segmentSize: size)
            for _ in 0..<400 {
                let (a, c) = Self.flipEnds(tour, &random)
                if a == c { continue }
                let (b, d) = (tour.next(a), tour.next(c))
                let before = tour.citiesFromZero
                tour.flip(a, b, c, d)
                if b != c { #expect(tour.citiesFromZero != before || n <= 3) }
                tour.flip(a, c, b, d)
                #expect(tour.citiesFromZero == before, "n \(n), size \(size)")
                // Move on to a different tour.
                let (x, z) = Self.flipEnds(tour, &random)
                tour.flip(x, tour.next(x), z, tour.next(z))
            }
            tour.checkInvariants()
        }
    }

    @Test("Segments stay balanced, ids stay in range, and laying the tour out again keeps it")
    func balanceAndRenumbering() {
        let n = 3_000
        var random = _SplitMix64(seed: 31)
        let cities = Self.shuffled(n, &random)
        // A tight id range, so that segments whose ids drift are renumbered often.
        var tour = _TwoLevelTour(cities, segmentSize: 20, idLimit: n)
        var model = PathReversalModel(cities)
        var largest = 0
        for step in 0..<3_000 {
            let (a, c) = Self.flipEnds(tour, &random)
            let (b, d) = (tour.next(a), tour.next(c))
            tour.flip(a, b, c, d)
            model.flip(b, c)
            if step % 100 == 0 { tour.checkInvariants() }
            largest = max(largest, (0..<tour.segmentCount).map { Int(tour.segments[8 * $0 + 6]) }.max()!)
        }
        tour.checkInvariants()
        Self.expectSame(tour, model, &random, "after random flips")
        // Without sharing out, sizes drift to about twice the maximum.
        #expect(largest <= tour.maximumSegmentSize + tour.maximumSegmentSize / 4)
        #expect(tour.rebalanceCount == 0)
        tour.rebalance()
        tour.checkInvariants()
        Self.expectSame(tour, model, &random, "laid out again")
        let sizes = (0..<tour.segmentCount).map { Int(tour.segments[8 * $0 + 6]) }
        #expect(sizes.max()! - sizes.min()! <= 1)
    }

    @Test("One-city tours and two-city tours stay put and read consistently")
    func tinyTours() {
        var one = _TwoLevelTour([0])
        #expect(one.next(0) == 0 && one.previous(0) == 0)
        one.flip(0, 0, 0, 0)
        one.checkInvariants()
        #expect(one.citiesFromZero == [0] && one.between(0, 0, 0) && one.steps(from: 0, to: 0) == 0)
        #expect(one.city(atSlot: -3) == 0 && one.slot(of: 0) == 0)
        var two = _TwoLevelTour([1, 0])
        #expect(two.next(0) == 1 && two.previous(0) == 1 && two.steps(from: 0, to: 1) == 1)
        two.flip(0, 1, 1, 0)
        two.checkInvariants()
        #expect(two.citiesFromZero == [0, 1])
        #expect(two.between(0, 1, 1) && !two.between(1, 0, 1) && two.between(1, 0, 0))
    }

    @Test("A long run of long and short flips on 100,000 cities ends with the model's tour")
    func longRun() {
        let n = 100_000
        var random = _SplitMix64(seed: 2_024)
        let cities = Self.shuffled(n, &random)
        var tour = _TwoLevelTour(cities)
        var model = PathReversalModel(cities, reversesShorterSide: true)
        for _ in 0..<20_000 {
            let a = random.below(n)
            // Path lengths spread over every scale; most short enough that the model keeps up in a debug build.
            let length = random.below(100) == 0 ? random.below(n) : (1 << random.below(11)) + random.below(64)
            let c = model.order[(model.position[a] + (model.isReversed ? n - length : length) % n) % n]
            if c == a { continue }
            let (b, d) = (tour.next(a), tour.next(c))
            tour.flip(a, b, c, d)
            model.flip(b, c)
        }
        tour.checkInvariants()
        #expect(tour.citiesFromZero == model.fromZero)
        var mismatches = 0
        for _ in 0..<1_000 {
            let a = random.below(n), b = random.below(n), c = random.below(n)
            if tour.between(a, b, c) != model.between(a, b, c) || tour.steps(from: a, to: b) != model.steps(from: a, to: b) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        // Sharing out keeps the segments balanced without ever laying the whole tour out again.
        let largest = (0..<tour.segmentCount).map { Int(tour.segments[8 * $0 + 6]) }.max()!
        #expect(largest <= tour.maximumSegmentSize + tour.maximumSegmentSize / 4 && tour.rebalanceCount == 0)
    }
}
