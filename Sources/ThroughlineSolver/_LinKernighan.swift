extension _LocalSearch {
    /// Tries a Lin-Kernighan move (a chain of 2-opt flips, Lin and Kernighan
    /// 1973, in the array form of Applegate, Bixby, Chvátal and Cook) that starts
    /// by removing one of the two tour edges at `t1`; applies the first chain
    /// whose closing gain exceeds `epsilon`.
    ///
    /// Each step adds an edge `(t2, t3)` to a candidate neighbour `t3` of the
    /// current `t2` while the partial gain stays positive, removes `(t4, t3)`
    /// with `t4` the terminal before `t3`, and flips so that the closing edge is
    /// `(t1, t4)`. Up to ``maximumDepth`` steps; ``breadth`` alternatives are
    /// tried at the first levels, ranked by `cost(t3, t4) − cost(t2, t3)`.
    /// Edges added in the chain are never removed again. A failed chain is
    /// undone flip by flip. When every ordinary first step fails, up to
    /// ``alternateBreadth`` alternate first steps are tried
    /// (``alternateFirstStep(t1:t2:gain:reversed:)``).
    ///
    /// - Returns: whether the tour improved.
    /// - Complexity: O(*b* *k* *d*) candidate checks and at most O(*b* *d*)
    ///   flips of O(*n*) each, for breadth product *b*, *k* neighbours and depth *d*.
    mutating func linKernighanMove(from t1: Int) -> Bool {
        for direction in 0..<2 {
            let reversed = direction == 1
            let t2 = successor(t1, reversed)
            for (a, b) in addedEdges { unmarkAdded(Int(a), Int(b)) }
            addedEdges.removeAll(keepingCapacity: true)
            flips.removeAll(keepingCapacity: true)
            chain.removeAll(keepingCapacity: true)
            if linKernighanStep(t1: t1, t2: t2, gain: costs.cost(t1, t2), depth: 0, reversed: reversed) {
                enqueue(t1)
                enqueue(t2)
                for city in chain { enqueue(Int(city)) }
                return true
            }
        }
        return false
    }

    /// Whether the edge `(a, b)` was added earlier in the current chain.
    ///
    /// Added edges stay in the tour for the rest of the chain, so a terminal
    /// meets at most two of them and two slots per terminal hold them all.
    /// (A scan of the chain's added edges here took about a seventh of the
    /// move's time at depth 10.)
    ///
    /// - Complexity: O(1).
    @inline(__always) private func isAdded(_ a: Int, _ b: Int) -> Bool {
        let b32 = Int32(truncatingIfNeeded: b)
        return addedPartners[2 &* a] == b32 || addedPartners[2 &* a &+ 1] == b32
    }

    /// Records the added edge `(a, b)` in both ends' slots.
    ///
    /// - Complexity: O(1).
    private mutating func markAdded(_ a: Int, _ b: Int) {
        addPartner(b, at: a)
        addPartner(a, at: b)
    }

    @inline(__always) private mutating func addPartner(_ y: Int, at x: Int) {
        if addedPartners[2 &* x] < 0 {
            addedPartners[2 &* x] = Int32(truncatingIfNeeded: y)
        } else {
            assert(addedPartners[2 &* x &+ 1] < 0, "a terminal meets at most two added edges")
            addedPartners[2 &* x &+ 1] = Int32(truncatingIfNeeded: y)
        }
    }

    /// Forgets the added edge `(a, b)`.
    ///
    /// - Complexity: O(1).
    private mutating func unmarkAdded(_ a: Int, _ b: Int) {
        removePartner(b, at: a)
        removePartner(a, at: b)
    }

    @inline(__always) private mutating func removePartner(_ y: Int, at x: Int) {
        let y32 = Int32(truncatingIfNeeded: y)
        if addedPartners[2 &* x] == y32 {
            addedPartners[2 &* x] = addedPartners[2 &* x &+ 1]
            addedPartners[2 &* x &+ 1] = -1
        } else if addedPartners[2 &* x &+ 1] == y32 {
            addedPartners[2 &* x &+ 1] = -1
        }
    }

    /// One level of the chain: `t2` is the successor of `t1` (as read) and
    /// `gain` the total of removed minus added costs so far, counting the
    /// removed edge `(t1, t2)`.
    ///
    /// - Complexity: O(*k*) candidate checks plus, per alternative tried, a
    ///   flip of O(*n*) and the levels below.
    private mutating func linKernighanStep(t1: Int, t2: Int, gain: Double, depth: Int, reversed: Bool) -> Bool {
        let width = breadth[min(depth, breadth.count - 1)]
        // The best `width` choices of t3 by lookahead score, kept sorted by insertion
        // (width is tiny) in this level's slice of the shared buffer.
        let base = depth * maximumBreadth
        var chosen = 0
        let successorOfT2 = successor(t2, reversed)
        for rank in 0..<neighbours.width {
            let t3 = neighbours.neighbour(t2, rank)
            if t3 < 0 { break }
            let partial = gain - neighbours.cost(t2, rank)
            if partial <= epsilon { continue }  // lists need not be sorted by cost (α-nearness)
            if t3 == t1 || t3 == successorOfT2 { continue }
            let t4 = predecessor(t3, reversed)
            if isAdded(t3, t4) { continue }
            let score = costs.cost(t3, t4) - neighbours.cost(t2, rank)
            if chosen == width && !(score > choices[base + width - 1].score) { continue }
            var index = chosen == width ? width - 1 : chosen
            if chosen < width { chosen += 1 }
            while index > 0 && choices[base + index - 1].score < score {
                choices[base + index] = choices[base + index - 1]
                index -= 1
            }
            choices[base + index] = (Int32(t3), Int32(t4), score)
        }
        let isLastLevel = depth + 1 >= maximumDepth
        for option in 0..<chosen {
            let choice = choices[base + option]
            let (t3, t4) = (Int(choice.t3), Int(choice.t4))
            let newGain = gain + choice.score
            // A closing edge that costs at least the gain so far cannot close with a gain.
            let closingLimit = newGain - epsilon
            let closing = costs.cost(t1, t4, ifBelow: closingLimit)
            let closingGain = closing < closingLimit ? newGain - closing : -Double.infinity
            // At the last level only a closing improvement is worth a flip.
            if isLastLevel && !(closingGain > epsilon) { continue }
            flips.append(flip(t1, t2, t4, t3, reversed))
            addedEdges.append((Int32(t2), Int32(t3)))
            markAdded(t2, t3)
            chain.append(Int32(t3))
            chain.append(Int32(t4))
            if closingGain > epsilon {
                tourCost -= closingGain
                return true
            }
            // A flip may reverse the other side of the tour, turning the reading direction round.
            if linKernighanStep(t1: t1, t2: t4, gain: newGain, depth: depth + 1, reversed: tour.next(t1) != t4) {
                return true
            }
            tour.undo(flips.removeLast())
            addedEdges.removeLast()
            unmarkAdded(t2, t3)
            // One element at a time: `removeLast(_:)` goes through `replaceSubrange`, 2 % of a search of 1,000 terminals.
            chain.removeLast()
            chain.removeLast()
        }
        if depth == 0 && alternateBreadth > 0 {
            return alternateFirstStep(t1: t1, t2: t2, gain: gain, reversed: reversed)
        }
        return false
    }

    /// Lin and Kernighan's alternate first step: `t4` is the terminal after
    /// `t3` (as read), which a 2-opt move cannot close, so a third edge
    /// `(t5, t6)` inside the path `t2…t3` is removed too, `t5` a candidate
    /// neighbour of `t4` and `t6` either tour neighbour of `t5` on that path.
    /// The tour then reads `t1 t6…t3 t2…t5 t4` (`t6` after `t5`: the two
    /// pieces swap, three flips) or `t1 t6…t2 t3…t5 t4` (`t6` before `t5`: both
    /// pieces turn round, two flips), closes with `(t6, t1)`, and the chain
    /// goes on from `t6` with ordinary steps. The ``alternateBreadth`` best by
    /// partial gain are tried in turn.
    ///
    /// - Complexity: O(*k*²) candidate checks plus, per alternative tried, up
    ///   to three flips and the levels below.
    private mutating func alternateFirstStep(t1: Int, t2: Int, gain: Double, reversed: Bool) -> Bool {
        let width = alternateBreadth
        var chosen = 0
        let successorOfT2 = successor(t2, reversed)
        // Forward steps from a to b in the reading direction.
        @inline(__always) func stepsAsRead(_ a: Int, _ b: Int) -> Int {
            reversed ? tour.steps(from: b, to: a) : tour.steps(from: a, to: b)
        }
        for rank in 0..<neighbours.width {
            let t3 = neighbours.neighbour(t2, rank)
            if t3 < 0 { break }
            let partial = gain - neighbours.cost(t2, rank)
            if partial <= epsilon { continue }
            if t3 == t1 || t3 == successorOfT2 { continue }
            let t4 = successor(t3, reversed)
            if t4 == t1 || isAdded(t3, t4) { continue }
            let afterT4 = partial + costs.cost(t3, t4)
            let span = stepsAsRead(t2, t3)
            for rank5 in 0..<neighbours.width {
                let t5 = neighbours.neighbour(t4, rank5)
                if t5 < 0 { break }
                let partial5 = afterT4 - neighbours.cost(t4, rank5)
                if partial5 <= epsilon { continue }
                if t5 == t3 || stepsAsRead(t2, t5) > span { continue }
                for side in 0..<2 {
                    if side == 1 && t5 == t2 { continue }
                    let t6 = side == 0 ? successor(t5, reversed) : predecessor(t5, reversed)
                    if isAdded(t5, t6) { continue }
                    let score = partial5 + costs.cost(t5, t6) - gain
                    if chosen == width && !(score > alternates[width - 1].score) { continue }
                    var index = chosen == width ? width - 1 : chosen
                    if chosen < width { chosen += 1 }
                    while index > 0 && alternates[index - 1].score < score {
                        alternates[index] = alternates[index - 1]
                        index -= 1
                    }
                    alternates[index] = (Int32(t3), Int32(t4), Int32(t5), Int32(t6), score)
                }
            }
        }
        for option in 0..<chosen {
            let choice = alternates[option]
            let (t3, t4, t5, t6) = (Int(choice.t3), Int(choice.t4), Int(choice.t5), Int(choice.t6))
            let newGain = gain + choice.score
            let closingLimit = newGain - epsilon
            let closing = costs.cost(t1, t6, ifBelow: closingLimit)
            let closingGain = closing < closingLimit ? newGain - closing : -Double.infinity
            if maximumDepth < 2 && !(closingGain > epsilon) { continue }
            var made = 0
            if t6 == successor(t5, reversed) {
                // t1 [t2…t5] [t6…t3] t4  →  t1 [t6…t3] [t2…t5] t4
                if t5 != t2 { flips.append(flip(t1, t2, t5, t6, reversed)); made += 1 }
                if t6 != t3 { flips.append(flip(t2, t6, t3, t4, tour.next(t1) != t5)); made += 1 }
                flips.append(flip(t1, t5, t6, t4, tour.next(t1) != t5)); made += 1
            } else {
                // t1 [t2…t6] [t5…t3] t4  →  t1 [t6…t2] [t3…t5] t4
                if t6 != t2 { flips.append(flip(t1, t2, t6, t5, reversed)); made += 1 }
                flips.append(flip(t2, t5, t3, t4, tour.next(t1) != t6)); made += 1
            }
            assert(tour.next(t1) == t6 || tour.previous(t1) == t6, "the alternate step closes with (t6, t1)")
            addedEdges.append((Int32(t2), Int32(t3)))
            markAdded(t2, t3)
            addedEdges.append((Int32(t4), Int32(t5)))
            markAdded(t4, t5)
            chain.append(Int32(t3))
            chain.append(Int32(t4))
            chain.append(Int32(t5))
            chain.append(Int32(t6))
            if closingGain > epsilon {
                tourCost -= closingGain
                return true
            }
            if linKernighanStep(t1: t1, t2: t6, gain: newGain, depth: 1, reversed: tour.next(t1) != t6) {
                return true
            }
            for _ in 0..<made { tour.undo(flips.removeLast()) }
            addedEdges.removeLast()
            addedEdges.removeLast()
            unmarkAdded(t4, t5)
            unmarkAdded(t2, t3)
            for _ in 0..<4 { chain.removeLast() }
        }
        return false
    }
}
