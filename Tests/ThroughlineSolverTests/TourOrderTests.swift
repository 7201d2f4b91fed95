import Testing
@testable import ThroughlineSolver

/// A plain array that makes each move of ``_TourOrder`` the obvious way, to
/// check the two-level list's moves against.
private struct ModelTour {
    var order: [Int]

    func index(_ city: Int) -> Int { order.firstIndex(of: city)! }
    func next(_ city: Int) -> Int { order[(index(city) + 1) % order.count] }

    /// The tour read forwards from terminal 0.
    var fromZero: [Int] {
        let start = index(0)
        return (0..<order.count).map { order[($0 + start) % order.count] }
    }

    /// The forward path from `from` to `to`, both included.
    func path(from: Int, to: Int) -> [Int] {
        var cities = [from]
        var city = from
        while city != to {
            city = next(city)
            cities.append(city)
        }
        return cities
    }

    /// Reverses the forward path `b…c` in place.
    mutating func flip(_ b: Int, _ c: Int) {
        let path = path(from: b, to: c)
        let start = index(b)
        for (k, city) in path.reversed().enumerated() { order[(start + k) % order.count] = city }
    }

    /// Takes `first…last` out and puts it between `x` and `next(x)`, with `adjacentToX` next to `x`.
    mutating func move(first: Int, last: Int, after x: Int, adjacentToX: Int) {
        var segment = path(from: first, to: last)
        if adjacentToX != first { segment.reverse() }
        let rest = path(from: next(last), to: order[(index(first) + order.count - 1) % order.count])
        let at = rest.firstIndex(of: x)! + 1
        order = Array(rest[..<at]) + segment + Array(rest[at...])
    }
}

@Suite("Tour representations")
struct TourOrderTests {
    @Test("Moves on the two-level list give the tour a plain array gives, and a rollback restores it")
    func twoLevelMovesMatchTheModel() {
        for (n, seed) in [(8, 1), (9, 2), (13, 3), (40, 4), (300, 5)] as [(Int, UInt64)] {
            var random = _SplitMix64(seed: seed)
            var cities = Array(0..<n)
            for k in stride(from: n - 1, to: 0, by: -1) { cities.swapAt(k, random.below(k + 1)) }
            var tour = _TwoLevelTour(cities)
            var model = ModelTour(order: cities)
            tour.isLogging = true
            tour.commit()
            var committed = model.fromZero
            for step in 0..<400 {
                switch random.below(4) {
                case 0, 1:
                    let a = random.below(n), c = random.below(n)
                    let (b, d) = (tour.next(a), tour.next(c))
                    // a == c would leave no path to reverse.
                    if a == c { continue }
                    tour.flip(a, b, c, d)
                    model.flip(b, c)
                case 2:
                    let first = random.below(n)
                    var last = first
                    for _ in 0..<random.below(3) { last = tour.next(last) }
                    let segment = model.path(from: first, to: last)
                    let x = random.below(n)
                    let y = tour.next(x)
                    if segment.contains(x) || segment.contains(y) { continue }
                    let adjacentToX = random.below(2) == 0 ? first : last
                    tour.moveSegment(first: first, last: last, between: x, and: y, adjacentToX: adjacentToX)
                    model.move(first: first, last: last, after: x, adjacentToX: adjacentToX)
                default:
                    let firstLength = 1 + random.below(max(1, (n - 2) / 3))
                    let secondLength = 1 + random.below(max(1, (n - 2) / 3))
                    let slot = random.below(n)
                    let b1 = tour.city(atSlot: slot), b2 = tour.city(atSlot: slot + firstLength - 1)
                    let c2 = tour.city(atSlot: slot + firstLength + secondLength - 1)
                    #expect(model.path(from: b1, to: c2).count == firstLength + secondLength)
                    tour.swapAdjacentSegments(atSlot: slot, firstLength: firstLength, secondLength: secondLength)
                    // A C B from A B C: take B out and put it back after C.
                    model.move(first: b1, last: b2, after: c2, adjacentToX: b1)
                }
                #expect(tour.citiesFromZero == model.fromZero, "n \(n), step \(step)")
                if random.below(10) == 0 {
                    if random.below(2) == 0 {
                        tour.commit()
                        committed = model.fromZero
                    } else {
                        tour.rollBack()
                        #expect(tour.citiesFromZero == committed, "n \(n), step \(step)")
                        model = ModelTour(order: committed)
                    }
                }
            }
        }
    }

    @Test("Undoing a flip restores both representations exactly, and forgets it in the log")
    func undoRestoresTheTour() {
        func check<Tour: _TourOrder>(_: Tour.Type, count n: Int) {
            var random = _SplitMix64(seed: 9)
            var tour = Tour(Array(0..<n))
            tour.isLogging = true
            tour.flip(2, 3, 7, 8)
            let committed = tour.citiesFromZero
            tour.commit()
            for _ in 0..<200 {
                let a = random.below(n), c = random.below(n)
                if a == c { continue }
                let before = tour.citiesFromZero
                let record = tour.flip(a, tour.next(a), c, tour.next(c))
                tour.undo(record)
                #expect(tour.citiesFromZero == before)
            }
            // Every flip was undone, so nothing is left to roll back.
            tour.flip(5, tour.next(5), 11, tour.next(11))
            tour.rollBack()
            #expect(tour.citiesFromZero == committed)
        }
        check(_ArrayTour.self, count: 30)
        check(_TwoLevelTour.self, count: 30)
        check(_TwoLevelTour.self, count: 1_000)
    }
}
