extension _LocalSearch {
    /// Tries an Or-opt move (Or 1976): the path of one to three terminals that
    /// starts at `first` and runs forwards or backwards is cut out, the gap
    /// closed, and the path reinserted, either way round, between a candidate
    /// neighbour of one of its ends and that neighbour's successor or
    /// predecessor. Applies the first move that gains more than `epsilon`.
    ///
    /// - Returns: whether the tour improved.
    /// - Complexity: O(*k*) candidate checks per segment and end (6 segments,
    ///   2 ends), plus O(*n*) to apply a move.
    mutating func orOptMove(from first: Int) -> Bool {
        let n = tour.count
        for direction in 0..<2 {
            let reversed = direction == 1
            var last = first
            // The segment's terminals: `first`, `middle` (three terminals only) and `last`.
            var middle = first
            for length in 1...3 {
                if length > 1 {
                    middle = last
                    last = successor(last, reversed)
                }
                if length + 3 > n { break }
                let before = predecessor(first, reversed)
                let after = successor(last, reversed)
                // Closing the gap must cost less than the two edges it replaces.
                let removed = costs.cost(before, first) + costs.cost(last, after)
                let gapLimit = removed - epsilon
                let gap = costs.cost(before, after, ifBelow: gapLimit)
                let removalGain = removed - gap
                if gap >= gapLimit || removalGain <= epsilon { continue }
                for endIndex in 0..<(length == 1 ? 1 : 2) {
                    let end = endIndex == 0 ? first : last
                    let other = endIndex == 0 ? last : first
                    for rank in 0..<neighbours.width {
                        let c = neighbours.neighbour(end, rank)
                        if c < 0 { break }
                        let joinCost = neighbours.cost(end, rank)
                        if joinCost >= removalGain - epsilon { continue }  // lists need not be sorted by cost
                        if c == first || c == middle || c == last { continue }
                        for side in 0..<2 {
                            let d = side == 0 ? tour.next(c) : tour.previous(c)
                            if d == first || d == middle || d == last { continue }
                            // The segment's other end must join `d` for less than what is left.
                            let replaced = costs.cost(c, d)
                            let joinLimit = replaced + removalGain - joinCost - epsilon
                            let otherJoin = costs.cost(other, d, ifBelow: joinLimit)
                            let delta = joinCost + otherJoin - replaced - removalGain
                            guard otherJoin < joinLimit, delta < -epsilon else { continue }
                            let (segmentFirst, segmentLast) = reversed ? (last, first) : (first, last)
                            let (x, y) = tour.next(c) == d ? (c, d) : (d, c)
                            tour.moveSegment(first: segmentFirst, last: segmentLast, between: x, and: y,
                                             adjacentToX: x == c ? end : other)
                            tourCost += delta
                            for city in [before, after, first, last, c, d] { enqueue(city) }
                            return true
                        }
                    }
                }
            }
        }
        return false
    }
}
