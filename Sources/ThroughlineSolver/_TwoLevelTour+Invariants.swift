extension _TwoLevelTour {
    /// Checks every invariant of the structure with `precondition` (for tests):
    /// record sizes, segment ring links, ranks consecutive around the ring,
    /// sizes positive and adding up, raw first and last, parents, ids
    /// consecutive along `link0` inside each segment, links mutual when read as
    /// `next`/`previous`, segment ends linked to the neighbouring segments'
    /// ends, and one cycle through every city.
    ///
    /// - Complexity: O(*n*).
    func checkInvariants() {
        let n = count, groups = segmentCount
        precondition(nodes.count == 4 * n && segments.count == 8 * groups, "record arrays have the wrong size")
        precondition(reversalBit == 0 || reversalBit == 1, "the global reversed bit is 0 or 1")
        func city(_ c: Int, _ field: Int) -> Int { Int(nodes[4 * c + field]) }
        func group(_ s: Int, _ field: Int) -> Int { Int(segments[8 * s + field]) }
        // The segment ring: mutual links, consecutive ranks, one cycle through every segment.
        var ringSeen = [Bool](repeating: false, count: groups)
        var s = 0
        for _ in 0..<groups {
            precondition(!ringSeen[s], "the segment ring has a short cycle")
            ringSeen[s] = true
            let following = group(s, 4)
            precondition(following >= 0 && following < groups, "segment link out of range")
            precondition(group(following, 5) == s, "segment links are not mutual")
            precondition(group(following, 3) == (group(s, 3) + 1) % groups, "ranks are not consecutive around the ring")
            s = following
        }
        precondition(s == 0, "the segment ring does not close")
        // Each segment: size, parents, consecutive ids along link0, raw first and last.
        var citySeen = [Bool](repeating: false, count: n)
        var total = 0
        for s in 0..<groups {
            let size = group(s, 6)
            precondition(size >= 1 && size <= n, "a segment must hold at least one city")
            precondition(group(s, 0) == 0 || group(s, 0) == 1, "a segment's reversed bit is 0 or 1")
            total += size
            var c = group(s, 1)
            for k in 0..<size {
                precondition(c >= 0 && c < n && !citySeen[c], "a segment's cities overlap another's")
                citySeen[c] = true
                precondition(city(c, 2) == s, "a city's segment is wrong")
                precondition(city(c, 3) == city(group(s, 1), 3) + k, "ids are not consecutive along link0")
                precondition(abs(city(c, 3)) <= idLimit, "an id is out of range")
                if k == size - 1 {
                    precondition(c == group(s, 2), "a segment's raw last city is wrong")
                } else {
                    c = city(c, 0)
                }
            }
        }
        precondition(total == n, "segment sizes do not add up to the city count")
        // Links read as next/previous: mutual, segment ends joined to the neighbouring segments.
        for c in 0..<n {
            let after = next(c)
            precondition(after >= 0 && after < n && previous(after) == c, "links are not mutual")
            let s = city(c, 2)
            let runsBackwards = (group(s, 0) ^ Int(reversalBit)) == 1
            let tourLast = runsBackwards ? group(s, 1) : group(s, 2)
            if c == tourLast {
                let following = group(s, 4 + Int(reversalBit))
                let followingBackwards = (group(following, 0) ^ Int(reversalBit)) == 1
                precondition(after == (followingBackwards ? group(following, 2) : group(following, 1)),
                             "a segment's last city does not lead into the next segment's first")
            } else {
                precondition(city(after, 2) == s, "a city inside a segment leads out of it")
            }
        }
        var c = 0
        for k in 0..<n {
            precondition(k == 0 || c != 0, "the tour has a short cycle")
            c = next(c)
        }
        precondition(c == 0, "the tour does not close")
    }
}
