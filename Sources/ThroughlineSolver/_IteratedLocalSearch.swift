extension _LocalSearch {
    /// Iterated local search (Johnson and McGeoch's "chained" local search with
    /// localised kicks): repeatedly swaps two short adjacent tour segments at a
    /// random place (a double bridge on segments of at most `segmentLimit`
    /// terminals), re-optimises only around the changed edges (their ends are
    /// the only terminals put back in the queue), and keeps the result when it
    /// is no longer than the best tour, otherwise rolls the tour back through
    /// the write log.
    ///
    /// When `focus` is not empty, every kick covers one of its terminals (drawn
    /// uniformly): the search spends its effort where it is told the tour is
    /// least settled.
    ///
    /// Stops after `kicks` kicks, after `patience` kicks in a row without a
    /// strict improvement, as soon as the tour costs no more than `stopCost`
    /// (a cost a lower bound has shown cannot be beaten), or when `deadline`
    /// passes (checked before every kick), so for a given seed the result depends
    /// only on the work budgets unless the deadline intervenes. `progress`,
    /// when given, sees the best cost after every kick (it must not touch the
    /// search). `newBest`, when given, sees the tour (from terminal 0) each
    /// time the best tour strictly improves.
    ///
    /// - Returns: the number of kicks made.
    /// - Complexity: O(`kicks` × (*L* + local search work)); a rejected kick is
    ///   undone in time proportional to the writes it made.
    @discardableResult
    mutating func iterate(kicks: Int, patience: Int, segmentLimit: Int, random: inout _SplitMix64,
                          deadline: _Deadline, focus: [Int32] = [], stopCost: Double = -.infinity,
                          progress: ((Double) -> Void)? = nil, newBest: (([Int]) -> Void)? = nil) -> Int {
        let n = tour.count
        guard n >= 8, kicks > 0 else { return 0 }
        let limit = max(1, min(segmentLimit, (n - 2) / 3))
        var bestCost = tourCost
        var sinceImprovement = 0
        tour.isLogging = true
        tour.commit()
        var made = 0
        while made < kicks && sinceImprovement < patience && bestCost > stopCost {
            if deadline.hasPassed { break }
            made += 1
            kick(segmentLimit: limit, random: &random, focus: focus)
            let finished = descend(deadline: deadline)
            let isImprovement = tourCost < bestCost - epsilon
            if isImprovement {
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
            if finished && tourCost <= bestCost {
                bestCost = tourCost
                tour.commit()
                if isImprovement, let newBest { newBest(tour.citiesFromZero) }
            } else {
                tour.rollBack()
                tourCost = bestCost
            }
            progress?(bestCost)
        }
        tour.isLogging = false
        tour.commit()
        return made
    }

    /// Applies one random double bridge on short segments: the tour edges
    /// before a random terminal, after the `firstLength` terminals that follow
    /// it and after the next `secondLength` are cut, leaving segments `A B C`,
    /// which are rejoined as `A C B` (the reconnection that improving flips
    /// cannot easily undo). Both lengths are uniform in `1...segmentLimit`, so
    /// the change is local and the repair stays cheap. (Kicks whose cut points
    /// are drawn from the candidate lists instead were tried and did worse.)
    /// With a non-empty `focus`, the two segments are placed so that they
    /// contain a terminal drawn from it.
    ///
    /// - Complexity: O(`segmentLimit`).
    mutating func kick(segmentLimit: Int, random: inout _SplitMix64, focus: [Int32] = []) {
        var slot = random.below(tour.count)
        let firstLength = 1 + random.below(segmentLimit)
        let secondLength = 1 + random.below(segmentLimit)
        if !focus.isEmpty {
            let city = Int(focus[random.below(focus.count)])
            slot = (tour.slot(of: city) - random.below(firstLength + secondLength) + tour.count) % tour.count
        }
        let a = tour.city(atSlot: slot - 1)
        let b1 = tour.city(atSlot: slot), b2 = tour.city(atSlot: slot + firstLength - 1)
        let c1 = tour.city(atSlot: slot + firstLength), c2 = tour.city(atSlot: slot + firstLength + secondLength - 1)
        let d = tour.city(atSlot: slot + firstLength + secondLength)
        tourCost += costs.cost(a, c1) + costs.cost(c2, b1) + costs.cost(b2, d)
            - costs.cost(a, b1) - costs.cost(b2, c1) - costs.cost(c2, d)
        tour.swapAdjacentSegments(atSlot: slot, firstLength: firstLength, secondLength: secondLength)
        for city in [a, b1, b2, c1, c2, d] { enqueue(city) }
    }
}
