/// A tour held as a two-level doubly-linked list (Fredman, Johnson, McGeoch
/// and Ostheimer, "Data structures for traveling salesmen", J. Algorithms 18,
/// 1995; the layout of LKH's `Flip_SL`), so that a 2-opt flip costs O(√*n*)
/// however long the reversed path is, while reading the tour stays O(1).
///
/// The tour is cut into a fixed number of *segments*, runs of consecutive
/// cities of about 0.5 √*n* each (see ``defaultSegmentSize(for:)``); tours of
/// fewer than four cities use a single segment.
///
/// Per city (``nodes``, four `Int32`s, one 16-byte record so that `next` and
/// `previous` touch one cache line of city data):
/// - two *raw links*, `link0` and `link1`;
/// - its *segment*;
/// - its *id*, its sequence number within the segment.
///
/// Per segment (``segments``, eight `Int32`s): a *reversed* bit, the *raw
/// first* and *raw last* cities (smallest and largest id), a *rank*, raw links
/// to the next and previous segments of the segment ring, and its *size*.
/// There is also one global reversed bit (``reversalBit``).
///
/// Invariants (checked by ``checkInvariants()``):
/// - Within a segment the ids are consecutive integers, increasing along
///   `link0` from raw first to raw last.
/// - A segment *runs backwards* when its reversed bit differs from the global
///   one. Then `next(c)` is `link1` of `c`, otherwise `link0`; `previous(c)` is
///   the other link. The links of the cities at a segment's ends point into the
///   neighbouring segments, written in the orientation of the city's own
///   segment (as in LKH), so `next` and `previous` never look at a neighbour.
///   Read this way, the links are mutual: `previous(next(c)) == c`.
/// - Following the raw segment link `link0` round the ring, ranks are
///   consecutive modulo the segment count. The tour visits the segments in that
///   order, or in the opposite order when the global bit is set; so `between`
///   is a cyclic comparison of at most three ranks or ids: O(1).
/// - Every segment holds at least one city; sizes add up to ``count``.
///
/// A flip `a→b, c→d` reverses a path inside one segment city by city when the
/// path is short (relabelling the ids it occupies). Otherwise it cuts the
/// segments at `a|b` and `c|d` so that the path is a run of whole segments,
/// and reverses the run with fewer segments (toggling their reversed bits,
/// reversing their ring links and reassigning their ranks); reversing the
/// complementary run instead and toggling the global bit gives the same tour.
/// As in LKH, a cut does not add a segment: the smaller piece of the cut
/// segment joins the neighbouring segment on its side (taking that segment's
/// orientation: new ids continuing its range and, when orientations differ,
/// swapped links), so the segment count never changes. Left alone, sizes
/// drift (to four times the initial size in a test of random flips); so after
/// the flip, a segment that grew beyond ``maximumSegmentSize`` (twice the
/// initial size) shares its cities evenly with its smaller neighbour. Sizes
/// then stay within about 2.25 times the initial size in the same test. As a safety net, a
/// segment still beyond twice the maximum makes the flip lay the whole tour
/// out again in equal segments (O(*n*); never seen in tests, counted in
/// ``rebalanceCount``).
internal struct _TwoLevelTour: Sendable {
    /// The number of cities.
    let count: Int
    /// The number of segments, fixed at creation.
    let segmentCount: Int
    /// Twice the largest initial segment size: a segment that grows beyond it
    /// by taking a cut piece shares its cities with its smaller neighbour.
    let maximumSegmentSize: Int
    /// A path inside one segment of at most this many cities is reversed city
    /// by city (three quarters of the initial segment size, LKH's
    /// `SPLIT_CUTOFF`); for a longer one, cuts make the path a run of whole segments.
    let localReversalLimit: Int
    /// Ids stay within ±`idLimit`: a segment whose ids would leave that range
    /// (they drift as pieces join it) is renumbered from 0.
    let idLimit: Int
    /// Four `Int32`s per city `c`: `4c` and `4c + 1` raw links (`link0`,
    /// `link1`), `4c + 2` segment, `4c + 3` id.
    private(set) var nodes: [Int32]
    /// Eight `Int32`s per segment `s`: `8s` reversed bit (0 or 1), `8s + 1` raw
    /// first city, `8s + 2` raw last city, `8s + 3` rank, `8s + 4` raw next
    /// segment, `8s + 5` raw previous segment, `8s + 6` size, `8s + 7` unused.
    private(set) var segments: [Int32]
    /// 1 when the whole tour reads backwards (the global reversed bit), else 0.
    private(set) var reversalBit: Int32 = 0
    /// How many times a flip laid the segments out again because a segment
    /// stayed beyond twice ``maximumSegmentSize`` (a diagnostic; expected 0).
    private(set) var rebalanceCount = 0
    /// Whether flips are recorded for ``rollBack()`` (see ``_TourOrder``).
    var isLogging = false
    /// The flips made since the last ``commit()`` while logging, oldest first.
    private var log: [FlipRecord] = []

    /// The initial segment size used for `count` cities: about 0.5 √*n*, at
    /// least 2, so that even tiny tours use several segments unless they have
    /// fewer than four cities.
    ///
    /// A long flip costs up to half the segments in segment updates, plus a
    /// piece of a segment at each cut (and at most one rebalancing share-out)
    /// in city updates. City records are scattered in memory, so city updates
    /// are chains of cache misses, while the segment records (32 bytes each)
    /// stay in the first-level cache; so segments shorter than LKH's 0.75 √*n*
    /// pay off. Measured on random flips at 5,000 to 1,000,000 cities, 0.3 to
    /// 0.5 √*n* was fastest (at 100,000 cities, flips with log-uniform path
    /// lengths took about 450 ns at 0.5 √*n* against 580 ns at 0.75 √*n*).
    ///
    /// - Complexity: O(1).
    static func defaultSegmentSize(for count: Int) -> Int {
        max(2, Int((0.5 * Double(count).squareRoot()).rounded()))
    }

    /// Creates a tour visiting `cities` in order, with segments of the default size.
    ///
    /// - Precondition: `cities` is a permutation of `0..<cities.count` and is not empty.
    /// - Complexity: O(*n*).
    init(_ cities: [Int]) {
        self.init(cities, segmentSize: Self.defaultSegmentSize(for: cities.count))
    }

    /// Creates a tour visiting `cities` in order, cut into `cities.count / segmentSize`
    /// segments of (nearly) equal size (one segment when `segmentSize >= cities.count`).
    ///
    /// `idLimit` bounds the ids (see ``idLimit``); tests lower it to exercise renumbering.
    ///
    /// - Precondition: `cities` is a permutation of `0..<cities.count` and is not
    ///   empty; `segmentSize >= 1`; `cities.count <= idLimit <= 2³⁰`.
    /// - Complexity: O(*n*).
    init(_ cities: [Int], segmentSize: Int, idLimit: Int = 1 << 30) {
        let n = cities.count
        precondition(n >= 1, "a tour needs at least one city")
        precondition(n < 1 << 28, "too many cities for Int32 ids")
        precondition(segmentSize >= 1, "segments hold at least one city")
        precondition(idLimit >= n && idLimit <= 1 << 30, "ids need room to drift")
        self.idLimit = idLimit
        count = n
        let groups = max(1, n / min(segmentSize, n))
        segmentCount = groups
        let largest = (n + groups - 1) / groups
        maximumSegmentSize = 2 * largest
        localReversalLimit = groups == 1 ? n : max(1, (3 * largest) / 4)
        var seen = [Bool](repeating: false, count: n)
        var order = [Int32](repeating: 0, count: n)
        for (k, city) in cities.enumerated() {
            precondition(city >= 0 && city < n && !seen[city], "cities must be a permutation of 0..<count")
            seen[city] = true
            order[k] = Int32(truncatingIfNeeded: city)
        }
        nodes = [Int32](repeating: 0, count: 4 * n)
        segments = [Int32](repeating: 0, count: 8 * groups)
        nodes.withUnsafeMutableBufferPointer { node in
            segments.withUnsafeMutableBufferPointer { segment in
                order.withUnsafeBufferPointer { order in
                    var editor = Editor(node: node.baseAddress!, segment: segment.baseAddress!, count: n, segmentCount: groups,
                                        maximumSegmentSize: 2 * largest, localReversalLimit: 0, idLimit: idLimit, bit: 0)
                    editor.layOut(order.baseAddress!)
                }
            }
        }
    }

    /// The city after `city`.
    ///
    /// - Complexity: O(1): one city record and one (cached) segment bit.
    @inline(__always) func next(_ city: Int) -> Int {
        // Both links and the segment load together; the segment's bit then selects
        // (a shorter chain of dependent loads than indexing by the bit).
        let base = 4 &* city
        let link0 = nodes[base], link1 = nodes[base &+ 1], segment = nodes[base &+ 2]
        return Int(segments[8 &* Int(segment)] ^ reversalBit == 0 ? link0 : link1)
    }

    /// The city before `city`.
    ///
    /// - Complexity: O(1): one city record and one (cached) segment bit.
    @inline(__always) func previous(_ city: Int) -> Int {
        let base = 4 &* city
        let link0 = nodes[base], link1 = nodes[base &+ 1], segment = nodes[base &+ 2]
        return Int(segments[8 &* Int(segment)] ^ reversalBit == 0 ? link1 : link0)
    }

    /// Whether `b` lies on the forward path from `a` to `c`, both ends included
    /// (when `a == c`, only `b == a` does).
    ///
    /// - Complexity: O(1).
    func between(_ a: Int, _ b: Int, _ c: Int) -> Bool {
        reading { $0.between(a, b, c) }
    }

    /// The 2-opt move that turns the tour edges `a→b` and `c→d` into `a→c` and
    /// `b→d` by reversing the forward path `b…c` in place: read forwards, the
    /// tour becomes `a, c, …, b, d, …`, every city off `b…c` keeping its
    /// successor. Internally it may reverse the complementary path `d…a`
    /// instead and toggle the global reversed bit, which gives the same tour.
    /// `b == c` does nothing; `a == d` (or `a == c`, where the path is the
    /// whole tour) just turns the tour round.
    ///
    /// This is the structure's own move; ``flip(_:_:_:_:)`` is the same move
    /// as the local search makes it (recorded in the log while logging).
    ///
    /// - Precondition: `next(a) == b` and `next(c) == d`.
    /// - Complexity: amortised O(√*n*): O(*p*) for a path of *p* ≤
    ///   ``localReversalLimit`` cities inside one segment; otherwise at most
    ///   two cuts of O(segment size) and a run of at most half the segments.
    mutating func reversePath(_ a: Int, _ b: Int, _ c: Int, _ d: Int) {
        assert(next(a) == b && next(c) == d, "flip needs the tour edges a→b and c→d")
        rebalanceCount += editing { $0.flip(a, b, c, d) }
    }

    /// Lays the tour out again in equal segments, none reversed; the tour read
    /// forwards does not change. (A flip does this itself in the rare case
    /// described under ``rebalanceCount``.)
    ///
    /// - Complexity: O(*n*).
    mutating func rebalance() {
        editing { $0.rebalance() }
    }

    /// The city `slot` forward steps from city 0 (the reference city; `slot`
    /// is taken modulo ``count``, negative allowed), so that
    /// `city(atSlot: s + 1) == next(city(atSlot: s))`.
    ///
    /// - Complexity: O(√*n*): a walk over segment sizes, then over at most half a segment.
    func city(atSlot slot: Int) -> Int {
        let n = count
        let offset = ((slot % n) + n) % n
        return reading { $0.city(offset) }
    }

    /// The slot of `city`: how many forward steps lead from city 0 to it, so
    /// that `city(atSlot: slot(of: c)) == c`.
    ///
    /// - Complexity: O(√*n*) (O(1) inside city 0's segment).
    func slot(of city: Int) -> Int { steps(from: 0, to: city) }

    /// How many forward steps lead from `a` to `b`, in `0..<count` (0 when equal).
    ///
    /// - Complexity: O(1) when `a` and `b` share a segment, else O(√*n*): a
    ///   walk over at most half the segment sizes.
    func steps(from a: Int, to b: Int) -> Int {
        reading { $0.steps(from: a, to: b) }
    }

    /// The tour read forwards starting at city 0: `[0, next(0), next(next(0)), …]`.
    ///
    /// - Complexity: O(*n*).
    var citiesFromZero: [Int] {
        reading { editor in
            var cities = [Int](repeating: 0, count: editor.count)
            var city = 0
            for k in 0..<editor.count {
                cities[k] = city
                city = editor.next(city)
            }
            return cities
        }
    }

    /// Runs `body` on an ``Editor`` over the storage, and keeps the global
    /// reversed bit it leaves.
    ///
    /// - Complexity: O(1) plus `body`.
    @inline(__always) private mutating func editing<R>(_ body: (inout Editor) -> R) -> R {
        let (n, groups, maximum, limit, ids) = (count, segmentCount, maximumSegmentSize, localReversalLimit, idLimit)
        var bit = reversalBit
        let result = nodes.withUnsafeMutableBufferPointer { node in
            segments.withUnsafeMutableBufferPointer { segment in
                var editor = Editor(node: node.baseAddress!, segment: segment.baseAddress!, count: n, segmentCount: groups,
                                    maximumSegmentSize: maximum, localReversalLimit: limit, idLimit: ids, bit: bit)
                let result = body(&editor)
                bit = editor.bit
                return result
            }
        }
        reversalBit = bit
        return result
    }

    /// Runs `body` on a read-only ``Editor`` over the current storage.
    ///
    /// - Complexity: O(1) plus `body`.
    @inline(__always) private func reading<R>(_ body: (Editor) -> R) -> R {
        nodes.withUnsafeBufferPointer { node in
            segments.withUnsafeBufferPointer { segment in
                body(Editor(node: UnsafeMutablePointer(mutating: node.baseAddress!),
                            segment: UnsafeMutablePointer(mutating: segment.baseAddress!),
                            count: count, segmentCount: segmentCount, maximumSegmentSize: maximumSegmentSize,
                            localReversalLimit: localReversalLimit, idLimit: idLimit, bit: reversalBit))
            }
        }
    }
}

extension _TwoLevelTour {
    /// The structure's operations on raw pointers to the records, so that the
    /// flip's loops run without bounds or uniqueness checks. Built for one
    /// call by ``_TwoLevelTour`` (read-only ones never write through it).
    fileprivate struct Editor {
        /// The city records (see ``_TwoLevelTour/nodes``).
        let node: UnsafeMutablePointer<Int32>
        /// The segment records (see ``_TwoLevelTour/segments``).
        let segment: UnsafeMutablePointer<Int32>
        /// The number of cities.
        let count: Int
        /// The number of segments.
        let segmentCount: Int
        /// See ``_TwoLevelTour/maximumSegmentSize``.
        let maximumSegmentSize: Int
        /// See ``_TwoLevelTour/localReversalLimit``.
        let localReversalLimit: Int
        /// See ``_TwoLevelTour/idLimit``.
        let idLimit: Int
        /// The global reversed bit, written back by the caller after a flip.
        var bit: Int32

        // MARK: Fields

        /// The segment of city `c`.
        ///
        /// - Complexity: O(1).
        @inline(__always) func group(_ c: Int) -> Int { Int(node[4 &* c &+ 2]) }

        /// The id of city `c`.
        ///
        /// - Complexity: O(1).
        @inline(__always) func id(_ c: Int) -> Int { Int(node[4 &* c &+ 3]) }

        /// Sets the segment and id of city `c`.
        ///
        /// - Complexity: O(1).
        @inline(__always) func place(_ c: Int, in s: Int, id: Int) {
            node[4 &* c &+ 2] = Int32(truncatingIfNeeded: s)
            node[4 &* c &+ 3] = Int32(truncatingIfNeeded: id)
        }

        /// Swaps the two raw links of city `c`.
        ///
        /// - Complexity: O(1).
        @inline(__always) func swapLinks(_ c: Int) {
            let base = 4 &* c
            let link0 = node[base]
            node[base] = node[base &+ 1]
            node[base &+ 1] = link0
        }

        /// 1 when segment `s` runs backwards (its reversed bit differs from the global one), else 0.
        ///
        /// - Complexity: O(1).
        @inline(__always) func orientation(_ s: Int) -> Int { Int(segment[8 &* s] ^ bit) }

        /// The city after `c`.
        ///
        /// - Complexity: O(1).
        @inline(__always) func next(_ c: Int) -> Int {
            let base = 4 &* c
            let link0 = node[base], link1 = node[base &+ 1]
            return Int(segment[8 &* Int(node[base &+ 2])] ^ bit == 0 ? link0 : link1)
        }

        /// The city before `c`.
        ///
        /// - Complexity: O(1).
        @inline(__always) func previous(_ c: Int) -> Int {
            let base = 4 &* c
            let link0 = node[base], link1 = node[base &+ 1]
            return Int(segment[8 &* Int(node[base &+ 2])] ^ bit == 0 ? link1 : link0)
        }

        /// Makes `after` the city after `c` (one side of the link only).
        ///
        /// - Complexity: O(1).
        @inline(__always) func setNext(_ c: Int, _ after: Int) {
            node[4 &* c &+ orientation(group(c))] = Int32(truncatingIfNeeded: after)
        }

        /// Makes `before` the city before `c` (one side of the link only).
        ///
        /// - Complexity: O(1).
        @inline(__always) func setPrevious(_ c: Int, _ before: Int) {
            node[4 &* c &+ 1 &- orientation(group(c))] = Int32(truncatingIfNeeded: before)
        }

        /// Field `field` of segment `s` (see ``_TwoLevelTour/segments``).
        ///
        /// - Complexity: O(1).
        @inline(__always) func get(_ s: Int, _ field: Int) -> Int { Int(segment[8 &* s &+ field]) }

        /// Sets field `field` of segment `s`.
        ///
        /// - Complexity: O(1).
        @inline(__always) func set(_ s: Int, _ field: Int, _ value: Int) {
            segment[8 &* s &+ field] = Int32(truncatingIfNeeded: value)
        }

        /// The number of cities in segment `s`.
        ///
        /// - Complexity: O(1).
        @inline(__always) func size(_ s: Int) -> Int { get(s, 6) }

        /// The rank of segment `s` in the ring.
        ///
        /// - Complexity: O(1).
        @inline(__always) func rank(_ s: Int) -> Int { get(s, 3) }

        /// The first city of segment `s` in tour order.
        ///
        /// - Complexity: O(1).
        @inline(__always) func tourFirst(_ s: Int) -> Int { get(s, 1 &+ orientation(s)) }

        /// The last city of segment `s` in tour order.
        ///
        /// - Complexity: O(1).
        @inline(__always) func tourLast(_ s: Int) -> Int { get(s, 2 &- orientation(s)) }

        /// The segment after `s` in tour order.
        ///
        /// - Complexity: O(1).
        @inline(__always) func nextGroup(_ s: Int) -> Int { get(s, 4 &+ Int(bit)) }

        /// The segment before `s` in tour order.
        ///
        /// - Complexity: O(1).
        @inline(__always) func previousGroup(_ s: Int) -> Int { get(s, 5 &- Int(bit)) }

        /// How many segments the tour passes from `s` forwards to `t` (0 when equal).
        ///
        /// - Complexity: O(1).
        @inline(__always) func groupSteps(from s: Int, to t: Int) -> Int {
            let d = bit == 0 ? rank(t) - rank(s) : rank(s) - rank(t)
            return d < 0 ? d + segmentCount : d
        }

        /// The number of cities on the forward path `f…l` when it stays inside
        /// one segment, else nil.
        ///
        /// - Complexity: O(1).
        @inline(__always) func lengthWithinGroup(from f: Int, to l: Int) -> Int? {
            let s = group(f)
            guard group(l) == s else { return nil }
            let d = id(l) - id(f)
            if orientation(s) == 0 { return d >= 0 ? d + 1 : nil }
            return d <= 0 ? 1 - d : nil
        }

        // MARK: Reading

        /// See ``_TwoLevelTour/between(_:_:_:)``.
        ///
        /// - Complexity: O(1).
        func between(_ a: Int, _ b: Int, _ c: Int) -> Bool {
            if b == a || b == c { return true }
            if a == c { return false }
            let sa = group(a), sb = group(b), sc = group(c)
            if sa == sc {
                let forward = orientation(sa) == 0
                let ia = id(a), ic = id(c)
                if sb == sa {
                    let ib = id(b)
                    return forward == (ia < ic ? (ib > ia && ib < ic) : (ib > ia || ib < ic))
                }
                // b is elsewhere: on the path only if the path leaves the segment.
                return forward == (ia > ic)
            }
            if sb == sc { return (orientation(sb) == 0) == (id(b) < id(c)) }
            if sa == sb { return (orientation(sa) == 0) == (id(a) < id(b)) }
            let ra = rank(sa), rb = rank(sb), rc = rank(sc)
            return (bit != 0) != (ra < rc ? (rb > ra && rb < rc) : (rb > ra || rb < rc))
        }

        /// See ``_TwoLevelTour/steps(from:to:)``.
        ///
        /// - Complexity: O(1) inside one segment, else O(number of segments / 2).
        func steps(from a: Int, to b: Int) -> Int {
            if a == b { return 0 }
            let sa = group(a), sb = group(b)
            if sa == sb {
                let d = id(b) - id(a)
                let forward = orientation(sa) == 0 ? d > 0 : d < 0
                return forward ? abs(d) : count - abs(d)
            }
            if 2 * groupSteps(from: sa, to: sb) <= segmentCount { return forwardSteps(from: a, to: b) }
            return count - forwardSteps(from: b, to: a)
        }

        /// Forward steps from `a` to `b` in different segments, walking the segments between.
        ///
        /// - Complexity: O(number of segments passed).
        func forwardSteps(from a: Int, to b: Int) -> Int {
            let sa = group(a), sb = group(b)
            var total = abs(id(tourLast(sa)) - id(a)) + 1
            var s = nextGroup(sa)
            while s != sb {
                total += size(s)
                s = nextGroup(s)
            }
            return total + abs(id(b) - id(tourFirst(sb)))
        }

        /// The city `offset` forward steps from city 0.
        ///
        /// - Precondition: `0 <= offset < count`.
        /// - Complexity: O(number of segments + segment size).
        func city(_ offset: Int) -> Int {
            var s = group(0)
            let toEnd = abs(id(tourLast(s)) - id(0))
            var remaining = offset
            if remaining > toEnd {
                remaining -= toEnd + 1
                s = nextGroup(s)
                while remaining >= size(s) {
                    remaining -= size(s)
                    s = nextGroup(s)
                }
                // Walk from the nearer end of the segment.
                if 2 * remaining >= size(s) {
                    var c = tourLast(s)
                    for _ in 0..<(size(s) - 1 - remaining) { c = previous(c) }
                    return c
                }
                var c = tourFirst(s)
                for _ in 0..<remaining { c = next(c) }
                return c
            }
            var c = 0
            for _ in 0..<remaining { c = next(c) }
            return c
        }

        // MARK: Building

        /// Lays the tour `order[0..<count]` out in equal segments with nothing reversed.
        ///
        /// - Complexity: O(*n*).
        mutating func layOut(_ order: UnsafePointer<Int32>) {
            let n = count, groups = segmentCount
            bit = 0
            for s in 0..<groups {
                let start = s * n / groups, end = (s + 1) * n / groups
                for k in start..<end {
                    let c = Int(order[k])
                    node[4 * c] = order[k + 1 == n ? 0 : k + 1]
                    node[4 * c + 1] = order[k == 0 ? n - 1 : k - 1]
                    place(c, in: s, id: k)
                }
                set(s, 0, 0)
                set(s, 1, Int(order[start]))
                set(s, 2, Int(order[end - 1]))
                set(s, 3, s)
                set(s, 4, s + 1 == groups ? 0 : s + 1)
                set(s, 5, s == 0 ? groups - 1 : s - 1)
                set(s, 6, end - start)
                set(s, 7, 0)
            }
        }

        /// Lays the current tour out again in equal segments.
        ///
        /// - Complexity: O(*n*).
        mutating func rebalance() {
            var order = [Int32](repeating: 0, count: count)
            var c = 0
            for k in 0..<count {
                order[k] = Int32(truncatingIfNeeded: c)
                c = next(c)
            }
            order.withUnsafeBufferPointer { layOut($0.baseAddress!) }
        }

        /// Renumbers the ids of segment `s` from 0 along `link0`.
        ///
        /// - Complexity: O(size of `s`).
        func renumber(_ s: Int) {
            var c = get(s, 1)
            for k in 0..<size(s) {
                node[4 &* c &+ 3] = Int32(truncatingIfNeeded: k)
                c = Int(node[4 &* c])
            }
        }

        // MARK: Flipping

        /// See ``_TwoLevelTour/flip(_:_:_:_:)``.
        ///
        /// - Returns: how many times the segments were laid out again (0 or 1).
        /// - Complexity: amortised O(√*n*).
        mutating func flip(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Int {
            if b == c { return 0 }
            if a == d || a == c {
                // The complementary path is one city (or none): reversing b…c turns the tour round.
                bit ^= 1
                return 0
            }
            // From here a, b, c, d are distinct and both paths hold at least two cities.
            var grown = (-1, -1)
            while true {
                if let length = lengthWithinGroup(from: b, to: c), length <= localReversalLimit {
                    reverseWithinGroup(from: b, to: c, length: length)
                    break
                }
                if let length = lengthWithinGroup(from: d, to: a), length <= localReversalLimit {
                    reverseWithinGroup(from: d, to: a, length: length)
                    bit ^= 1
                    break
                }
                let (x, y) = group(a) == group(b) ? (a, b) : (c, d)
                if group(x) == group(y) {
                    let receiver = cut(x, y, keeping: (a, b, c, d))
                    if grown.0 < 0 { grown.0 = receiver } else { grown.1 = receiver }
                    continue
                }
                // b…c and d…a are runs of whole segments: reverse the run with fewer.
                let pathGroups = groupSteps(from: group(b), to: group(c)) + 1
                if 2 * pathGroups <= segmentCount {
                    reverseGroups(from: b, to: c, groups: pathGroups)
                } else {
                    reverseGroups(from: d, to: a, groups: segmentCount - pathGroups)
                    bit ^= 1
                }
                break
            }
            if grown.0 >= 0 && balance(grown.0) { return 1 }
            if grown.1 >= 0 && balance(grown.1) { return 1 }
            return 0
        }

        /// Reverses the forward path `f…l` of `length` cities inside one
        /// segment, relabelling the ids it occupies, and relinks its ends.
        ///
        /// - Precondition: `2 <= length < count - 1`; the path lies inside one segment.
        /// - Complexity: O(`length`).
        func reverseWithinGroup(from f: Int, to l: Int, length: Int) {
            let s = group(f)
            let o = orientation(s)
            let before = previous(f), after = next(l)
            // Walk in from both ends at once (two chains of cache misses overlap),
            // swapping each city's links and giving it the id of its mirror image.
            var u = f, v = l
            var idU = id(f), idV = id(l)
            let step = idV > idU ? 1 : -1
            @inline(__always) func update(_ city: Int, _ newID: Int) {
                let base = 4 &* city
                let link0 = node[base]
                node[base] = node[base &+ 1]
                node[base &+ 1] = link0
                node[base &+ 3] = Int32(truncatingIfNeeded: newID)
            }
            for _ in 0..<(length / 2) {
                let nextU = Int(node[4 &* u &+ o]), nextV = Int(node[4 &* v &+ 1 &- o])
                update(u, idV)
                update(v, idU)
                idU &+= step
                idV &-= step
                u = nextU
                v = nextV
            }
            if length & 1 == 1 { update(u, idU) }
            setNext(f, after)
            setPrevious(l, before)
            setNext(before, l)
            setPrevious(after, f)
            for field in 1...2 {
                let end = get(s, field)
                if end == f { set(s, field, l) } else if end == l { set(s, field, f) }
            }
        }

        /// Puts a segment boundary between `x` and `y = next(x)`, which share a
        /// segment, by moving the smaller of the two pieces into the
        /// neighbouring segment on its side (LKH's rule), unless that would
        /// erase the boundary `a|b` or `c|d` of the flip `kept`.
        ///
        /// - Returns: the segment that received the piece.
        /// - Precondition: at least two segments.
        /// - Complexity: O(size of the moved piece).
        mutating func cut(_ x: Int, _ y: Int, keeping kept: (a: Int, b: Int, c: Int, d: Int)) -> Int {
            let s = group(y)
            let first = tourFirst(s), last = tourLast(s)
            let headLength = abs(id(x) - id(first)) + 1
            let tailLength = size(s) - headLength
            // Moving the head joins the segment before `s` to `s`; moving the tail joins `s` to the one after.
            // Both are barred only when `s` holds the whole tour.
            let headAllowed = first != kept.b && first != kept.d
            let tailAllowed = last != kept.a && last != kept.c
            precondition(headAllowed || tailAllowed, "a cut needs a movable piece")
            if headAllowed && (!tailAllowed || headLength <= tailLength) {
                let before = previousGroup(s)
                moveHead(of: s, length: headLength, into: before, through: x)
                return before
            }
            let after = nextGroup(s)
            moveTail(of: s, length: tailLength, into: after, from: y)
            return after
        }

        /// Keeps segment `s` within ``maximumSegmentSize`` after it received a
        /// piece: if it is larger, it shares its cities evenly with its smaller
        /// neighbour. Should a segment still exceed twice the maximum (which
        /// takes many unlucky flips in a row), lays the whole tour out again.
        ///
        /// - Returns: whether the tour was laid out again.
        /// - Complexity: O(size of `s`), or O(*n*) when laying out again.
        mutating func balance(_ s: Int) -> Bool {
            guard size(s) > maximumSegmentSize else { return false }
            let before = previousGroup(s), after = nextGroup(s)
            let neighbour = size(before) <= size(after) ? before : after
            let moving = (size(s) - size(neighbour)) / 2
            if moving > 0 {
                if neighbour == before {
                    moveHead(of: s, length: moving, into: before)
                } else {
                    moveTail(of: s, length: moving, into: after)
                }
            }
            if max(size(s), size(neighbour)) > 2 * maximumSegmentSize {
                rebalance()
                return true
            }
            return false
        }

        /// Moves the first `length` cities of segment `s` (in tour order) to the
        /// end of the segment `before` it, in that segment's orientation.
        /// `far`, when known (else -1), is the last city moved.
        ///
        /// - Precondition: `1 <= length < size(s)`.
        /// - Complexity: O(`length`).
        func moveHead(of s: Int, length: Int, into before: Int, through far: Int = -1) {
            let o = orientation(s), target = orientation(before)
            let near = tourFirst(s)
            // The cities keep their tour order; their ids continue `before`'s from its tour end.
            let firstID = target == 0 ? id(get(before, 2)) + 1 : id(get(before, 1)) - 1
            let end = relabel(from: near, through: far, length: length, along: o, into: before,
                              firstID: firstID, step: target == 0 ? 1 : -1, swapping: o != target)
            set(before, target == 0 ? 2 : 1, end.moved)
            set(s, o == 0 ? 1 : 2, end.left)
            set(before, 6, size(before) + length)
            set(s, 6, size(s) - length)
            if abs(firstID) + length > idLimit { renumber(before) }
        }

        /// Moves the last `length` cities of segment `s` (in tour order) to the
        /// start of the segment `after` it, in that segment's orientation.
        /// `far`, when known (else -1), is the first city moved.
        ///
        /// - Precondition: `1 <= length < size(s)`.
        /// - Complexity: O(`length`).
        func moveTail(of s: Int, length: Int, into after: Int, from far: Int = -1) {
            let o = orientation(s), target = orientation(after)
            let near = tourLast(s)
            // Walking backwards from `s`'s tour end, ids continue `after`'s backwards from its tour start.
            let firstID = target == 0 ? id(get(after, 1)) - 1 : id(get(after, 2)) + 1
            let end = relabel(from: near, through: far, length: length, along: 1 - o, into: after,
                              firstID: firstID, step: target == 0 ? -1 : 1, swapping: o != target)
            set(after, target == 0 ? 1 : 2, end.moved)
            set(s, o == 0 ? 2 : 1, end.left)
            set(after, 6, size(after) + length)
            set(s, 6, size(s) - length)
            if abs(firstID) + length > idLimit { renumber(after) }
        }

        /// Puts the `length` cities met walking from `near` along raw link
        /// `link` (0 or 1, read before any swap) into segment `target`, with ids
        /// `firstID`, `firstID + step`, … in walking order, swapping each city's
        /// links when `swapping`. With the last city `far` known (else -1) it
        /// walks from both ends at once, so that two chains of cache misses overlap.
        ///
        /// - Returns: the last city relabelled (`far`) and the next city along the walk, which stays.
        /// - Complexity: O(`length`).
        func relabel(from near: Int, through far: Int, length: Int, along link: Int, into target: Int,
                     firstID: Int, step: Int, swapping: Bool) -> (moved: Int, left: Int) {
            let group = Int32(truncatingIfNeeded: target)
            @inline(__always) func update(_ city: Int, _ newID: Int) {
                let base = 4 &* city
                if swapping {
                    let link0 = node[base]
                    node[base] = node[base &+ 1]
                    node[base &+ 1] = link0
                }
                node[base &+ 2] = group
                node[base &+ 3] = Int32(truncatingIfNeeded: newID)
            }
            if far < 0 {
                var city = near, moved = near, newID = firstID
                for _ in 0..<length {
                    let following = Int(node[4 &* city &+ link])
                    update(city, newID)
                    newID &+= step
                    moved = city
                    city = following
                }
                return (moved, city)
            }
            let beyond = Int(node[4 &* far &+ link])
            var u = near, v = far
            var idU = firstID, idV = firstID &+ step &* (length &- 1)
            for _ in 0..<(length / 2) {
                let nextU = Int(node[4 &* u &+ link]), nextV = Int(node[4 &* v &+ 1 &- link])
                update(u, idU)
                update(v, idV)
                idU &+= step
                idV &-= step
                u = nextU
                v = nextV
            }
            if length & 1 == 1 { update(u, idU) }
            return (far, beyond)
        }

        /// Reverses the forward path `f…l`, which is a run of `groups` whole
        /// segments (`f` first in the first, `l` last in the last): toggles the
        /// segments' reversed bits, reverses their ring links, gives them the
        /// run's ranks in the new order, and relinks the path's ends.
        ///
        /// - Precondition: `1 <= groups < segmentCount`.
        /// - Complexity: O(`groups`).
        func reverseGroups(from f: Int, to l: Int, groups: Int) {
            let before = previous(f), after = next(l)
            // The run in raw ring order (along link0): first … last.
            let first = bit == 0 ? group(f) : group(l)
            let last = bit == 0 ? group(l) : group(f)
            let outsideBefore = get(first, 5), outsideAfter = get(last, 4)
            // Walk in from both ends at once; the run keeps its ranks in ring order.
            let n = segmentCount
            var u = first, v = last
            var rankU = rank(first) &+ groups &- 1, rankV = rank(first)
            if rankU >= n { rankU &-= n }
            @inline(__always) func update(_ s: Int, _ newRank: Int) {
                let base = 8 &* s
                let link = segment[base &+ 4]
                segment[base &+ 4] = segment[base &+ 5]
                segment[base &+ 5] = link
                segment[base] ^= 1
                segment[base &+ 3] = Int32(truncatingIfNeeded: newRank)
            }
            for _ in 0..<(groups / 2) {
                let nextU = Int(segment[8 &* u &+ 4]), nextV = Int(segment[8 &* v &+ 5])
                update(u, rankU)
                update(v, rankV)
                rankU = rankU == 0 ? n &- 1 : rankU &- 1
                rankV = rankV == n &- 1 ? 0 : rankV &+ 1
                u = nextU
                v = nextV
            }
            if groups & 1 == 1 { update(u, rankU) }
            set(outsideBefore, 4, last)
            set(last, 5, outsideBefore)
            set(first, 4, outsideAfter)
            set(outsideAfter, 5, first)
            // f and l now run the other way: their outer links point at each other's old neighbours.
            setNext(before, l)
            setPrevious(l, before)
            setNext(f, after)
            setPrevious(after, f)
        }
    }
}

extension _TwoLevelTour: _TourOrder {
    /// The flip's four terminals, `a→b`, `c→d` before it.
    typealias FlipRecord = (a: Int32, b: Int32, c: Int32, d: Int32)

    /// ``_TourOrder/flip(_:_:_:_:)``: reverses the path `b…c`, so that the
    /// tour reads `a, c, …, b, d` forwards (the rest keeps its direction),
    /// and records the flip while logging.
    ///
    /// - Precondition: `next(a) == b` and `next(c) == d`.
    /// - Complexity: O(√*n*) amortised.
    @discardableResult
    mutating func flip(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> FlipRecord {
        let record = (Int32(truncatingIfNeeded: a), Int32(truncatingIfNeeded: b),
                      Int32(truncatingIfNeeded: c), Int32(truncatingIfNeeded: d))
        reversePath(a, b, c, d)
        if isLogging { log.append(record) }
        return record
    }

    /// Takes back `record`'s flip (the last change made) by flipping the
    /// path back, and forgets it in the log while logging.
    ///
    /// - Complexity: O(√*n*) amortised.
    mutating func undo(_ record: FlipRecord) {
        reverse(record)
        if isLogging { log.removeLast() }
    }

    /// Reverses `record`'s flip without touching the log: after it the tour
    /// reads `a, c, …, b, d`, and reversing `c…b` restores it exactly.
    ///
    /// - Complexity: O(√*n*) amortised.
    private mutating func reverse(_ record: FlipRecord) {
        reversePath(Int(record.a), Int(record.c), Int(record.b), Int(record.d))
    }

    /// ``_TourOrder/moveSegment(first:last:between:and:adjacentToX:)`` as two
    /// or three flips: with `p`, `first…last`, `q` before and `x`, `y` later
    /// in the tour, reversing `first…x` and then `x…q` (now between `p` and
    /// `last`) leaves `p, q, …, x, last…first, y`; a third flip turns the
    /// segment round when `first` belongs next to `x`.
    ///
    /// - Precondition: the path is short and neither `x` nor `y` is on it; `next(x) == y`.
    /// - Complexity: O(√*n*) amortised.
    mutating func moveSegment(first: Int, last: Int, between x: Int, and y: Int, adjacentToX: Int) {
        let p = previous(first), q = next(last)
        flip(p, first, x, y)
        if x != q { flip(p, x, q, last) }
        if adjacentToX == first && first != last { flip(x, last, first, y) }
    }

    /// ``_TourOrder/swapAdjacentSegments(atSlot:firstLength:secondLength:)``
    /// as three flips: `a B C d` becomes `a C' B' d` (the two segments
    /// reversed together), then each segment is turned back round.
    ///
    /// - Complexity: O(`firstLength` + `secondLength` + √*n*) amortised.
    mutating func swapAdjacentSegments(atSlot slot: Int, firstLength: Int, secondLength: Int) {
        let a = city(atSlot: slot - 1), b1 = city(atSlot: slot)
        var b2 = b1
        for _ in 1..<firstLength { b2 = next(b2) }
        let c1 = next(b2)
        var c2 = c1
        for _ in 1..<secondLength { c2 = next(c2) }
        let d = next(c2)
        flip(a, b1, c2, d)
        if c1 != c2 { flip(a, c2, c1, b2) }
        if b1 != b2 { flip(c2, b2, b1, d) }
    }

    /// Forgets the recorded flips: the current tour is kept.
    ///
    /// - Complexity: O(1).
    mutating func commit() { log.removeAll(keepingCapacity: true) }

    /// Restores the tour as it was at the last ``commit()`` by taking the
    /// recorded flips back, last first.
    ///
    /// - Complexity: O(√*n*) amortised per flip recorded.
    mutating func rollBack() {
        while let record = log.popLast() { reverse(record) }
    }
}
