/// What the local search (``_LocalSearch``: Lin-Kernighan, Or-opt and the
/// iterated search's kicks) needs from a tour: reading it in either
/// direction, the three moves, and undoing them.
///
/// Two representations conform. ``_ArrayTour`` reads the tour in O(1) and
/// reverses a path in O(min(*p*, *n* − *p*)): the dense path (below 3,000
/// terminals) uses it. ``_TwoLevelTour`` (Fredman, Johnson, McGeoch and
/// Ostheimer 1995) reads it at a small constant cost more and reverses any
/// path in O(√*n*): the large path uses it, where an array made long moves
/// so dear that they had to be capped (Guides/LargeInstances.md).
///
/// While ``isLogging`` is set, every change is recorded, so that the iterated
/// search can roll a rejected kick back (``rollBack()``) in time proportional
/// to the work the kick did, and Lin-Kernighan can undo a tentative flip
/// without leaving a trace in the log (``undo(_:)``).
internal protocol _TourOrder {
    /// What ``undo(_:)`` needs to take back one ``flip(_:_:_:_:)``.
    associatedtype FlipRecord

    /// Creates a tour visiting `cities` in order.
    ///
    /// - Precondition: `cities` is a permutation of `0..<cities.count`.
    /// - Complexity: O(*n*).
    init(_ cities: [Int])

    /// The number of terminals.
    var count: Int { get }

    /// The terminals in tour order, starting at terminal 0.
    ///
    /// - Complexity: O(*n*).
    var citiesFromZero: [Int] { get }

    /// The terminal after `city`.
    ///
    /// - Complexity: O(1).
    func next(_ city: Int) -> Int

    /// The terminal before `city`.
    ///
    /// - Complexity: O(1).
    func previous(_ city: Int) -> Int

    /// The terminal `slot` forward steps from a reference terminal (taken
    /// modulo the tour length): `city(atSlot: s + 1) == next(city(atSlot: s))`.
    ///
    /// - Complexity: O(1) for an array, O(√*n*) for a two-level list.
    func city(atSlot slot: Int) -> Int

    /// The slot of `city`, so that `city(atSlot: slot(of: c)) == c`.
    ///
    /// - Complexity: O(1) for an array, O(√*n*) for a two-level list.
    func slot(of city: Int) -> Int

    /// How many forward steps lead from `a` to `b` (0 when equal).
    ///
    /// - Complexity: O(1) for an array, O(√*n*) for a two-level list.
    func steps(from a: Int, to b: Int) -> Int

    /// The 2-opt move that turns the tour edges `a→b` and `c→d` into the
    /// edges `a–c` and `b–d`. Read forwards afterwards, the tour may run either
    /// way round (an array reverses whichever side is shorter), so callers
    /// re-derive their reading direction from `next(a) == c`.
    ///
    /// - Precondition: `next(a) == b` and `next(c) == d`.
    /// - Returns: what ``undo(_:)`` needs to take the move back.
    mutating func flip(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> FlipRecord

    /// Takes back `record`'s flip, which must be the last change made;
    /// while logging, its log entries go too.
    mutating func undo(_ record: FlipRecord)

    /// Moves the path `first…last` (forward) between the adjacent terminals
    /// `x→y`, with `adjacentToX` (one of the path's ends) next to `x`, and
    /// closes the gap it leaves.
    ///
    /// - Precondition: the path is short and neither `x` nor `y` is on it; `next(x) == y`.
    mutating func moveSegment(first: Int, last: Int, between x: Int, and y: Int, adjacentToX: Int)

    /// Swaps the `firstLength` terminals starting at `slot` with the
    /// `secondLength` terminals that follow them (a double bridge on short
    /// segments).
    mutating func swapAdjacentSegments(atSlot slot: Int, firstLength: Int, secondLength: Int)

    /// Whether changes are recorded for ``rollBack()``.
    var isLogging: Bool { get set }

    /// Forgets the recorded changes: the current tour is kept.
    ///
    /// - Complexity: O(1).
    mutating func commit()

    /// Restores the tour as it was at the last ``commit()``.
    ///
    /// - Complexity: proportional to the changes since then.
    mutating func rollBack()
}

extension _ArrayTour: _TourOrder {
    /// The physical reversal a flip made and the log's length before it.
    typealias FlipRecord = (slot: Int, length: Int, mark: Int)
}
